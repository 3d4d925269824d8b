/**
 * What a leader knows about each other node's log (Figure 2's nextIndex and matchIndex) and what
 * it has sent: at most one batch of entries in flight per node, and the commit index it last told
 * each learner (learners get news only, no heartbeats). Rebuilt at each election: volatile state.
 *
 * @module
 */

export class FollowerProgress {
  /** The next entry to send, by node. */
  readonly next: number[] = []
  /** The highest entry known to match the leader's log, by node. */
  readonly match: number[] = []
  /** A batch is in flight until this time (µs; then presumed lost), and up to this entry. */
  readonly inflightUntil: number[] = []
  readonly inflightEnd: number[] = []
  /** The commit index the last message lets each node reach, by node (-1: nothing sent yet). */
  readonly sentCommit: number[] = []

  /** `lastIndex`: the leader's last entry, where probing starts for every node. */
  constructor(
    nodes: number,
    private readonly lastIndex: () => number,
  ) {
    this.ensure(nodes)
  }

  /** Tracks nodes `0 … n-1` (nodes added while this leader leads start like any other). */
  ensure(n: number): void {
    while (this.next.length < n) {
      this.next.push(this.lastIndex() + 1)
      this.match.push(0)
      this.inflightUntil.push(0)
      this.inflightEnd.push(0)
      this.sentCommit.push(-1)
    }
  }

  /** `node` holds the leader's log up to `matchIndex`. */
  acknowledged(node: number, matchIndex: number): void {
    if (matchIndex > this.match[node]!) this.match[node] = matchIndex
    if (this.next[node]! <= this.match[node]!) this.next[node] = this.match[node]! + 1
    if (this.match[node]! >= this.inflightEnd[node]!) this.inflightUntil[node] = 0
  }

  /**
   * `node` failed the consistency check: back off to `hint` (or one entry), never below what it is
   * known to hold — a stale rejection may arrive after a success.
   */
  rejected(node: number, hint: number): void {
    this.next[node] = Math.max(this.match[node]! + 1, Math.min(this.next[node]! - 1, hint))
    this.inflightUntil[node] = 0
  }
}
