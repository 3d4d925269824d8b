/**
 * One node's tally of one (height, round): the proposal it accepted, who prevoted and precommitted
 * what, the power behind each value, and the "first time" flags of the algorithm's upon-rules.
 *
 * A validator's second, different vote in the same round is equivocation: it is reported as
 * evidence, and — as CometBFT's vote sets do — it still counts towards the value it names. Without
 * that, a node that first heard an equivocator's nil could never verify the proof of lock the
 * other honest nodes saw, and the network could stay split-locked forever. Safety is unaffected:
 * two conflicting +2/3 sets still need more than a third of the power to have signed both.
 *
 * @module
 */

/** The nil vote. Block ids are ≥ 1 (the genesis is never proposed). */
export const NIL = -1
/** No vote recorded. */
export const NO_VOTE = -2

export interface VoteRecord {
  /** `counted`: new; `duplicate`: the same vote again; `conflict`: a different value than before. */
  outcome: 'counted' | 'duplicate' | 'conflict'
  /** The validator's earlier value (NO_VOTE if none). */
  previous: number
}

/** The votes of one type (prevote or precommit) in one round. */
export class VoteTally {
  /** Each validator's first vote (NO_VOTE if none). */
  readonly first: Int32Array
  /** value → which validators signed it. */
  readonly signers = new Map<number, Uint8Array>()
  /** value → power that signed it. */
  readonly power = new Map<number, number>()
  /** Power of the validators that voted at all (each once). */
  total = 0
  /** The block (not nil) with the most power behind it, and that power (checked on every vote). */
  bestBlock = NIL
  bestPower = 0

  constructor(private readonly nodes: number) {
    this.first = new Int32Array(nodes).fill(NO_VOTE)
  }

  add(validator: number, value: number, p: number): VoteRecord {
    if (validator >= this.nodes) return { outcome: 'duplicate', previous: NO_VOTE }
    let set = this.signers.get(value)
    if (set === undefined) {
      set = new Uint8Array(this.nodes)
      this.signers.set(value, set)
    }
    const previous = this.first[validator]!
    if (set[validator] === 1) return { outcome: 'duplicate', previous }
    set[validator] = 1
    const power = (this.power.get(value) ?? 0) + p
    this.power.set(value, power)
    if (value !== NIL && power > this.bestPower) {
      this.bestBlock = value
      this.bestPower = power
    }
    if (previous === NO_VOTE) {
      this.first[validator] = value
      this.total += p
      return { outcome: 'counted', previous }
    }
    return { outcome: 'conflict', previous }
  }

  /** Every (signer, value) pair recorded, flattened (for catch-up gossip). */
  pairs(): Int32Array {
    const out: number[] = []
    for (const [value, set] of this.signers) for (let v = 0; v < set.length; v++) if (set[v] === 1) out.push(v, value)
    return Int32Array.from(out)
  }
}

export class RoundVotes {
  proposal = -1
  proposalValidRound = -1
  readonly prevotes: VoteTally
  readonly precommits: VoteTally
  /** Power of the validators heard from in this round (any message). */
  anyPower = 0
  private readonly heard: Uint8Array
  prevoteTimerSet = false
  precommitTimerSet = false
  /** Line 36 of the algorithm ran (a +2/3 prevote for the proposal was acted upon). */
  polHandled = false
  /** This node's own votes in this round (resent unchanged after a crash). */
  myPrevote = NO_VOTE
  myPrecommit = NO_VOTE

  constructor(nodes: number) {
    this.prevotes = new VoteTally(nodes)
    this.precommits = new VoteTally(nodes)
    this.heard = new Uint8Array(nodes)
  }

  hear(validator: number, power: number): void {
    if (validator >= this.heard.length || this.heard[validator] === 1) return
    this.heard[validator] = 1
    this.anyPower += power
  }

  get hasMyPrevote(): boolean {
    return this.myPrevote !== NO_VOTE
  }

  get hasMyPrecommit(): boolean {
    return this.myPrecommit !== NO_VOTE
  }
}
