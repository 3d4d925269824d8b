/**
 * Raft (Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm", ATC 2014) as the
 * ordering service of a permissioned consortium: the validators (nodes with the `validate` role)
 * elect a leader and replicate its log; every other node is a learner that receives the same
 * AppendEntries but never votes or stands. Each log entry is one block, built by the leader on its
 * last entry's block, so a committed log prefix is a chain and a commit is final at once.
 *
 * Crash-fault tolerant only: with 2f + 1 voters it survives f crashes, and nothing here defends
 * against a lying node (that is what the BFT protocols are for).
 *
 * What follows the paper to the letter: terms; RequestVote with the log up-to-date check (§5.4.1);
 * one vote per term; randomized election timeouts redrawn at every reset and at each candidacy
 * (§5.2); AppendEntries with the consistency check and truncation of conflicting entries (§5.3);
 * commit only by counting replicas of an entry of the leader's own term (§5.4.2); term, vote and
 * log survive crashes (persistent state), everything else is rebuilt — except the commit index,
 * which stands for the applied state machine: the blocks below it are final already.
 *
 * What the model adds:
 * - A new leader appends a block at once — the paper's no-op entry (§8) — so entries of earlier
 *   terms commit without waiting for the block interval, and the time to a first commit measures
 *   a failover.
 * - Backing off nextIndex jumps to the start of the follower's conflicting term (the optimisation
 *   §5.3 sketches), so a leader of a long minority term is repaired in a few round trips.
 * - At most one batch of entries is in flight per follower; an unanswered batch is resent after
 *   the election timeout's maximum (it was lost, or the follower crashed).
 * - Learners get AppendEntries only when there is something new (entries or a higher commit
 *   index), not every heartbeat: they have no election timer to keep quiet.
 * - A block learned through block sync (a restart, a healed partition) is final: only committed
 *   blocks are ever held, so any block a peer serves is committed.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import { sendDirect } from '../../net/directMessage.ts'
import { nodeStream } from '../../net/relay.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import { EV_TIMER } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'
import { commitBlock, finalizeBlock } from '../common/commit.ts'
import { produceBlock } from '../common/produceBlock.ts'
import { setTimer, timerKind } from '../common/timers.ts'
import type { ConsensusProtocol } from '../protocol.ts'
import type { ProtocolContext } from '../registry.ts'
import { ElectionTimer } from './electionTimer.ts'
import { FollowerProgress } from './followerProgress.ts'
import type { RaftConfig } from './raftConfig.ts'
import { RaftLog } from './raftLog.ts'
import type { AppendEntries, AppendReply, RaftCosts, RaftMessage, RequestVote, VoteReply } from './raftMessages.ts'
import { appendCost, raftCosts } from './raftMessages.ts'

const FOLLOWER = 0
const CANDIDATE = 1
const LEADER = 2
const LEARNER = 3
const ROLE_NAMES = ['follower', 'candidate', 'leader', 'learner'] as const

const T_ELECTION = 1
const T_HEARTBEAT = 2
const T_BLOCK = 3

/** Entries per AppendEntries: a follower far behind catches up in batches, one per round trip. */
const MAX_BATCH = 64

interface Server {
  // Persistent (survives a crash).
  term: number
  /** The candidate voted for in `term`, -1: none. */
  votedFor: number
  log: RaftLog
  // Volatile.
  role: number
  /** The leader of `term` as far as this node knows, -1: unknown. */
  leader: number
  /** Entries up to here are committed and applied (blocks committed, final). */
  commitIndex: number
  votes: Set<number>
  timer: ElectionTimer
  /** Leader only: what it knows of every other node's log. */
  progress: FollowerProgress | undefined
}

export interface RaftSummary {
  /** Candidacies started (a split vote makes more than one per leader). */
  elections: number
  electionsWon: number
  /** Elections won by a node other than the previous winner. */
  leaderChanges: number
  /** The highest term any node reached. */
  term: number
  /** The leader of the highest term with a live leader, null: none. */
  leader: number | null
  /** The highest commit index of any node. */
  commitIndex: number
  /** Terms in which two nodes became leader (Election Safety says: never). */
  electionSafetyViolations: number
}

/**
 * @example
 * const net = createNetwork({ seed: 1, nodes: 5, net: 'lan', topology: 'full-mesh', relay: { mode: 'push', compact: false },
 *   protocol: { kind: 'raft', electionTimeoutMinMs: 150, electionTimeoutMaxMs: 300 } })
 * net.run({ stopAtHeight: 10 }) // every height committed by a majority of the 5 voters
 */
export function createRaftProtocol(config: RaftConfig, context: ProtocolContext): ConsensusProtocol {
  const voters = context.members.validators
  const voterSet = new Set(voters)
  const majority = Math.floor(voters.length / 2) + 1
  const minUs = Math.round(config.electionTimeoutMinMs * 1000)
  const maxUs = Math.round(config.electionTimeoutMaxMs * 1000)
  const heartbeatUs = Math.round(config.heartbeatMs * 1000)
  const blockUs = Math.round(config.blockIntervalMs * 1000)
  const servers: Server[] = []
  let costs: RaftCosts | undefined
  /** True while this protocol commits blocks itself (its own tip changes are not sync). */
  let applying = false
  const stats = { elections: 0, electionsWon: 0, leaderChanges: 0, lastWinner: -1, electionSafetyViolations: 0 }
  const leaderOfTerm = new Map<number, number>()

  const isVoter = (node: number): boolean => voterSet.has(node)

  function server(node: number): Server {
    let s = servers[node]
    if (s === undefined) {
      s = {
        term: 0,
        votedFor: -1,
        log: new RaftLog(),
        role: isVoter(node) ? FOLLOWER : LEARNER,
        leader: -1,
        commitIndex: 0,
        votes: new Set(),
        timer: new ElectionTimer(T_ELECTION),
        progress: undefined,
      }
      servers[node] = s
    }
    return s
  }

  function send(w: World, from: number, to: number, message: RaftMessage): boolean {
    const c = costs!
    switch (message.type) {
      case 'vote':
        return sendDirect(w, from, to, c.vote, message)
      case 'vote-reply':
        return sendDirect(w, from, to, c.voteReply, message)
      case 'append':
        return sendDirect(w, from, to, message.blocks.length === 0 ? c.append : appendCost(w, config, c, message.blocks), message)
      case 'append-reply':
        return sendDirect(w, from, to, c.appendReply, message)
    }
  }

  // ---- the election timer ------------------------------------------------------------------

  function drawTimeoutUs(w: World, node: number): number {
    if (maxUs === minUs) return minUs
    return minUs + Math.floor(w.rng.nextOpen01(nodeStream(node)) * (maxUs - minUs + 1))
  }

  function resetElectionTimer(w: World, node: number, s: Server): void {
    if (s.role !== LEARNER) s.timer.reset(w, node, drawTimeoutUs(w, node))
  }

  function onElectionTimer(w: World, node: number, s: Server, token: number): void {
    if (s.timer.fired(w, node, token, s.role === FOLLOWER || s.role === CANDIDATE)) startElection(w, node, s)
  }

  // ---- elections ---------------------------------------------------------------------------

  /** A higher term seen: adopt it, forget the vote, and follow (a deposed leader needs a timer again). */
  function adoptTerm(w: World, node: number, s: Server, term: number): void {
    const wasLeader = s.role === LEADER
    s.term = term
    s.votedFor = -1
    s.leader = -1
    if (s.role !== LEARNER) s.role = FOLLOWER
    if (wasLeader) resetElectionTimer(w, node, s)
  }

  function startElection(w: World, node: number, s: Server): void {
    s.term++
    s.votedFor = node
    s.role = CANDIDATE
    s.leader = -1
    s.votes = new Set([node])
    stats.elections++
    resetElectionTimer(w, node, s)
    if (s.votes.size >= majority) {
      becomeLeader(w, node, s)
      return
    }
    const request: RequestVote = { type: 'vote', term: s.term, lastLogIndex: s.log.last, lastLogTerm: s.log.lastTerm }
    for (const v of voters) if (v !== node) send(w, node, v, request)
  }

  function onRequestVote(w: World, node: number, s: Server, from: number, m: RequestVote): void {
    if (!isVoter(node) || !isVoter(from)) return
    if (m.term > s.term) adoptTerm(w, node, s, m.term)
    let granted = false
    if (m.term === s.term && (s.votedFor < 0 || s.votedFor === from) && s.log.candidateUpToDate(m.lastLogIndex, m.lastLogTerm)) {
      granted = true
      s.votedFor = from
      // Granting a vote counts as hearing from a would-be leader: do not stand against it now.
      resetElectionTimer(w, node, s)
    }
    const reply: VoteReply = { type: 'vote-reply', term: s.term, granted }
    send(w, node, from, reply)
  }

  function onVoteReply(w: World, node: number, s: Server, from: number, m: VoteReply): void {
    if (m.term > s.term) {
      adoptTerm(w, node, s, m.term)
      return
    }
    if (s.role !== CANDIDATE || m.term !== s.term || !m.granted || !isVoter(from)) return
    s.votes.add(from)
    if (s.votes.size >= majority) becomeLeader(w, node, s)
  }

  function becomeLeader(w: World, node: number, s: Server): void {
    s.role = LEADER
    s.leader = node
    stats.electionsWon++
    if (stats.lastWinner !== node) stats.leaderChanges++
    stats.lastWinner = node
    const previous = leaderOfTerm.get(s.term)
    if (previous !== undefined && previous !== node) stats.electionSafetyViolations++
    else leaderOfTerm.set(s.term, node)
    const log = s.log
    s.progress = new FollowerProgress(w.nodes.count, () => log.last)
    setTimer(w, node, heartbeatUs, T_HEARTBEAT, s.term, 0)
    setTimer(w, node, blockUs, T_BLOCK, s.term, 0)
    // §8's no-op entry: it commits the earlier terms' entries and tells everyone who leads.
    cutBlock(w, node, s)
  }

  // ---- replication (leader side) -----------------------------------------------------------

  function cutBlock(w: World, node: number, s: Server): BlockId {
    const block = produceBlock(w, node, s.log.blockAt(s.log.last), config.blockSize, config.maxTxPerBlock)
    s.log.append(s.term, block)
    advanceCommit(w, node, s)
    for (let f = 0; f < w.nodes.count; f++) if (f !== node) replicate(w, node, s, f, false)
    return block
  }

  /**
   * Sends `f` what it lacks: the next batch when none is in flight, else (when `heartbeat`) an
   * empty AppendEntries that still carries the consistency check and the commit index.
   */
  function replicate(w: World, node: number, s: Server, f: number, heartbeat: boolean): void {
    const p = s.progress!
    p.ensure(f + 1)
    const next = p.next[f]!
    const last = s.log.last
    if (next <= last && w.now >= p.inflightUntil[f]!) {
      const end = Math.min(last, next + MAX_BATCH - 1)
      const terms: number[] = []
      const blocks: BlockId[] = []
      for (let i = next; i <= end; i++) {
        terms.push(s.log.termAt(i))
        blocks.push(s.log.blockAt(i))
      }
      if (sendAppend(w, node, s, f, next - 1, terms, blocks)) {
        p.inflightUntil[f] = w.now + maxUs
        p.inflightEnd[f] = end
      }
      return
    }
    // Learners have no timer to keep quiet: they only need news.
    if (heartbeat && (isVoter(f) || p.sentCommit[f]! < s.commitIndex)) sendAppend(w, node, s, f, next - 1, [], [])
  }

  function sendAppend(w: World, node: number, s: Server, f: number, prev: number, terms: number[], blocks: BlockId[]): boolean {
    const message: AppendEntries = { type: 'append', term: s.term, prevLogIndex: prev, prevLogTerm: s.log.termAt(prev), terms, blocks, leaderCommit: s.commitIndex }
    const sent = send(w, node, f, message)
    // What the receiver may commit from this message: no further than the entries it verifies.
    if (sent) s.progress!.sentCommit[f] = Math.min(s.commitIndex, prev + terms.length)
    return sent
  }

  function onAppendReply(w: World, node: number, s: Server, from: number, m: AppendReply): void {
    if (m.term > s.term) {
      adoptTerm(w, node, s, m.term)
      return
    }
    if (s.role !== LEADER || m.term !== s.term) return
    const p = s.progress!
    p.ensure(from + 1)
    if (m.success) {
      p.acknowledged(from, m.matchIndex)
      if (isVoter(from)) advanceCommit(w, node, s)
      replicate(w, node, s, from, false)
    } else {
      p.rejected(from, m.nextHint)
      replicate(w, node, s, from, true)
    }
  }

  /** §5.4.2: commit the highest index a majority holds, if it is an entry of this term. */
  function advanceCommit(w: World, node: number, s: Server): void {
    const match = s.progress!.match
    const held = voters.map((v) => (v === node ? s.log.last : (match[v] ?? 0))).sort((a, b) => b - a)
    const n = held[majority - 1]!
    if (n > s.commitIndex && s.log.termAt(n) === s.term) apply(w, node, s, n)
  }

  // ---- replication (follower and learner side) ---------------------------------------------

  function onAppend(w: World, node: number, s: Server, from: number, m: AppendEntries): void {
    if (m.term < s.term) {
      // A deposed leader learns the newer term from the rejection.
      const reply: AppendReply = { type: 'append-reply', term: s.term, success: false, matchIndex: 0, nextHint: 0 }
      send(w, node, from, reply)
      return
    }
    if (m.term > s.term) adoptTerm(w, node, s, m.term)
    // Two leaders in one term cannot happen (one vote per term); count on it rather than obey.
    if (s.role === LEADER) return
    if (s.role === CANDIDATE) s.role = FOLLOWER
    s.leader = from
    resetElectionTimer(w, node, s)
    const log = s.log
    if (m.prevLogIndex > log.last || log.termAt(m.prevLogIndex) !== m.prevLogTerm) {
      const nextHint = m.prevLogIndex > log.last ? log.last + 1 : log.firstIndexOfTerm(log.termAt(m.prevLogIndex), m.prevLogIndex)
      const reply: AppendReply = { type: 'append-reply', term: s.term, success: false, matchIndex: 0, nextHint }
      send(w, node, from, reply)
      return
    }
    for (let k = 0; k < m.terms.length; k++) {
      const i = m.prevLogIndex + 1 + k
      if (i <= log.last) {
        // An entry already here with the same term is the same entry (Log Matching): keep it, so a
        // reordered or duplicated message never cuts what a later one added.
        if (log.termAt(i) === m.terms[k]) continue
        log.truncateFrom(i)
      }
      log.append(m.terms[k]!, m.blocks[k]!)
    }
    const lastNew = m.prevLogIndex + m.terms.length
    if (m.leaderCommit > s.commitIndex) apply(w, node, s, Math.min(m.leaderCommit, lastNew))
    const reply: AppendReply = { type: 'append-reply', term: s.term, success: true, matchIndex: lastNew, nextHint: 0 }
    send(w, node, from, reply)
  }

  /** Commits entries commitIndex+1 … upTo in order: each block held, followed and final. */
  function apply(w: World, node: number, s: Server, upTo: number): void {
    applying = true
    for (let i = s.commitIndex + 1; i <= upTo; i++) {
      s.commitIndex = i
      const block = s.log.blockAt(i)
      const tip = w.nodes.tip[node]!
      // Already reached through block sync: the tip is this block or a committed descendant.
      if (w.store.height(tip) >= i && w.store.isAncestor(block, tip)) continue
      commitBlock(w, node, block)
    }
    applying = false
  }

  // ---- timers and messages -----------------------------------------------------------------

  function onEvent(w: World, kind: number, node: number, a: number, b: number): void {
    if (kind !== EV_TIMER || w.nodes.status[node] !== NODE_UP) return
    const timer = timerKind(w, node, a)
    const s = server(node)
    switch (timer) {
      case T_ELECTION:
        onElectionTimer(w, node, s, b)
        return
      case T_HEARTBEAT:
        if (s.role !== LEADER || s.term !== b) return
        for (let f = 0; f < w.nodes.count; f++) if (f !== node) replicate(w, node, s, f, true)
        setTimer(w, node, heartbeatUs, T_HEARTBEAT, s.term, 0)
        return
      case T_BLOCK:
        if (s.role !== LEADER || s.term !== b) return
        cutBlock(w, node, s)
        setTimer(w, node, blockUs, T_BLOCK, s.term, 0)
        return
    }
  }

  function onMessage(w: World, node: number, from: number, message: unknown): void {
    const m = message as RaftMessage
    const s = server(node)
    switch (m.type) {
      case 'vote':
        onRequestVote(w, node, s, from, m)
        return
      case 'vote-reply':
        onVoteReply(w, node, s, from, m)
        return
      case 'append':
        onAppend(w, node, s, from, m)
        return
      case 'append-reply':
        onAppendReply(w, node, s, from, m)
        return
    }
  }

  return {
    name: 'raft',
    finality: 'explicit',
    baseTimeoutUs: maxUs,
    start(w) {
      costs = raftCosts(w, config)
      for (let n = 0; n < w.nodes.count; n++) {
        const s = server(n)
        if (w.nodes.status[n] === NODE_UP) resetElectionTimer(w, n, s)
      }
    },
    onEvent,
    onMessage,
    tipChanged(w, node) {
      if (applying) return
      const tip = w.nodes.tip[node]!
      if (w.store.height(tip) > w.store.height(w.finality.finalizedOf(node))) finalizeBlock(w, node, tip)
    },
    nodeUp(w, node) {
      if (costs === undefined) return
      // Term, vote and log were persisted; a restarted server starts as a follower with no leader.
      const s = server(node)
      s.role = isVoter(node) ? FOLLOWER : LEARNER
      s.leader = -1
      s.votes = new Set()
      s.timer.lost()
      resetElectionTimer(w, node, s)
    },
    nodeDown(_w, node) {
      // Term, vote and log stay (persistent); the role is volatile. Timers set before the crash
      // are void (epoch).
      const s = server(node)
      s.role = isVoter(node) ? FOLLOWER : LEARNER
      s.leader = -1
    },
    produceNow(w, node) {
      const s = servers[node]
      if (s === undefined || s.role !== LEADER || w.nodes.status[node] !== NODE_UP) return -1
      return cutBlock(w, node, s)
    },
    describeNode(_w, node) {
      const s = server(node)
      return {
        role: ROLE_NAMES[s.role],
        term: s.term,
        votedFor: s.votedFor < 0 ? null : s.votedFor,
        leader: s.leader < 0 ? null : s.leader,
        commitIndex: s.commitIndex,
        logLength: s.log.last,
        voter: isVoter(node),
      }
    },
    summary(w): RaftSummary & Record<string, unknown> {
      let term = 0
      let leaderTerm = -1
      let leader: number | null = null
      let commitIndex = 0
      for (let n = 0; n < servers.length; n++) {
        const s = servers[n]
        if (s === undefined) continue
        if (s.term > term) term = s.term
        if (s.commitIndex > commitIndex) commitIndex = s.commitIndex
        if (s.role === LEADER && w.nodes.status[n] === NODE_UP && s.term > leaderTerm) {
          leaderTerm = s.term
          leader = n
        }
      }
      return {
        elections: stats.elections,
        electionsWon: stats.electionsWon,
        leaderChanges: stats.leaderChanges,
        term,
        leader,
        commitIndex,
        electionSafetyViolations: stats.electionSafetyViolations,
      }
    },
  }
}
