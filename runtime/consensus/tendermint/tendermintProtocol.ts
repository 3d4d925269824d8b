/**
 * Tendermint BFT (Buchman, Kwon, Milosevic, "The latest gossip on BFT consensus", 2018,
 * Algorithm 1): heights, rounds, and the steps propose → prevote → precommit; a block commits with
 * more than 2/3 of the voting power precommitting it, so finality is immediate and safety holds
 * while byzantine power is below 1/3 (n ≥ 3f + 1).
 *
 * The state machine is written as the paper's upon-rules: every arriving message is recorded in
 * the (height, round) tally, then `evaluate` checks the rules that may now fire, each at most once
 * ("for the first time" flags). Locking (lockedValue/lockedRound) and validValue/validRound follow
 * the paper, so a value locked by +2/3 prevotes is never contradicted by an honest precommit.
 *
 * What the model adds to the paper:
 * - Messages go point to point between validators (`net/directMessage.ts`), no gossip layer. To
 *   stand in for gossip's retransmission after partitions and losses, a watchdog (one timer per
 *   node) relays what the node recorded for its current, lock and valid rounds when it finds the
 *   node still at the height it saw last time, twice a propose timeout ago; and a re-proposal
 *   carries its proof of lock (the prevotes of its valid round).
 * - A node that sees messages from a later height catches up through block sync (`common/sync.ts`).
 * - Proposers rotate round-robin over the validators, `(height + round) mod n` (CometBFT weights
 *   this by voting power; with equal power it is the same).
 * - A crashed node keeps its state (CometBFT's write-ahead log) and resends the same proposal
 *   and votes after a restart: it never equivocates by accident.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import { broadcastDirect } from '../../net/directMessage.ts'
import type { MessageCost } from '../../net/directMessage.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import { EV_TIMER } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'
import { commitBlock, finalizeBlock } from '../common/commit.ts'
import { produceBlock } from '../common/produceBlock.ts'
import { everyNode } from '../common/everyNode.ts'
import { requestSync } from '../common/sync.ts'
import { setTimer, timerKind } from '../common/timers.ts'
import type { ConsensusProtocol } from '../protocol.ts'
import type { ProtocolContext } from '../registry.ts'
import { NIL, RoundVotes } from './roundVotes.ts'
import type { TendermintConfig } from './tendermintConfig.ts'

const PROPOSAL = 0
const PREVOTE = 1
const PRECOMMIT = 2
const VOTE_SET = 3

/**
 * Catch-up gossip: everything a node recorded for one (height, round) — the proposal and the
 * votes, each still carrying its signer's (modeled) signature, so the receiver counts them as the
 * signers' own. CometBFT's vote gossip does the same job vote by vote.
 */
export interface VoteSetMessage {
  type: typeof VOTE_SET
  height: number
  round: number
  /** The round's proposal (-1: none known) and its POL round. */
  proposal: number
  validRound: number
  /** [signer, value, signer, value, …] */
  prevotes: Int32Array
  precommits: Int32Array
}

/** A signed protocol message; the signer is the channel's sender (signatures are modeled). */
export interface TendermintMessage {
  type: typeof PROPOSAL | typeof PREVOTE | typeof PRECOMMIT
  height: number
  round: number
  /** Proposal: the block; votes: the block voted for or NIL. */
  value: number
  /** Proposal only: the round of the POL the proposer re-proposes (-1: none). */
  validRound: number
}

const STEP_NEW_HEIGHT = -1
const STEP_PROPOSE = 0
const STEP_PREVOTE = 1
const STEP_PRECOMMIT = 2
const STEP_NAMES: Record<number, string> = { [-1]: 'new-height', 0: 'propose', 1: 'prevote', 2: 'precommit' }

/** The shortest pause between a commit and the next height, µs. */
const MIN_NEW_HEIGHT_US = 1000

const T_PROPOSE = 1
const T_PREVOTE = 2
const T_PRECOMMIT = 3
const T_NEW_HEIGHT = 4
const T_RESEND = 5
const T_SYNC = 6

interface NodeState {
  height: number
  round: number
  step: number
  lockedValue: number
  lockedRound: number
  validValue: number
  validRound: number
  rounds: Map<number, RoundVotes>
  /** Blocks this node proposed at this height, by round (re-used after a crash). */
  proposed: Map<number, BlockId>
  /** Messages for the next height, replayed when the node gets there. */
  future: { from: number; message: TendermintMessage | VoteSetMessage }[]
  /** A node heard from at a later height (who to sync from). */
  aheadPeer: number
  /** The stuck-round watchdog is set (one per node, re-armed as rounds pass). */
  watchdog: boolean
}

export interface TendermintSummary {
  /** Heights committed by every honest validator that is up. */
  heights: number
  /** Rounds beyond the first, summed over heights (each is a failed round: a "view change"). */
  extraRounds: number
  /** Consensus messages (proposals and votes) sent, per height, for heights 1 … `heights`. */
  messagesPerHeight: number | null
  evidence: number
}

export function createTendermintProtocol(config: TendermintConfig, context: ProtocolContext): ConsensusProtocol {
  const { members } = context
  const validators = members.validators
  const ms = 1000
  const states: NodeState[] = []
  let power = new Float64Array(0)
  let totalPower = 0
  let costs: { proposal: MessageCost; prevote: MessageCost; precommit: MessageCost; voteSet: number } | undefined
  /** Consensus messages sent, by height. */
  const sentByHeight: number[] = []
  /** Highest round reached, by height (first honest node's view). */
  const maxRound: number[] = []
  let evidence = 0
  /** Colluding equivocators' two values per (height, round): one per half of the honest validators. */
  const collusion = new Map<string, [number, number]>()

  const isValidator = (node: number): boolean => power[node]! > 0
  const quorum = (p: number): boolean => p * 3 > totalPower * 2
  const oneThird = (p: number): boolean => p * 3 > totalPower
  /** Validators with voting power, in id order: the proposer rotation (set at start). */
  let proposers: readonly number[] = validators
  const proposer = (height: number, round: number): number => proposers[(height + round) % proposers.length]!
  const proposeTimeoutUs = (round: number): number => (config.timeoutProposeMs + config.timeoutProposeDeltaMs * round) * ms

  function state(node: number): NodeState {
    let st = states[node]
    if (st === undefined) {
      st = {
        height: 1,
        round: 0,
        step: STEP_NEW_HEIGHT,
        lockedValue: NIL,
        lockedRound: -1,
        validValue: NIL,
        validRound: -1,
        rounds: new Map(),
        proposed: new Map(),
        future: [],
        aheadPeer: -1,
        watchdog: false,
      }
      states[node] = st
    }
    return st
  }

  function votes(w: World, st: NodeState, round: number): RoundVotes {
    let r = st.rounds.get(round)
    if (r === undefined) {
      r = new RoundVotes(Math.max(w.nodes.count, power.length))
      st.rounds.set(round, r)
    }
    return r
  }

  let targets: number[] = []

  function count(height: number, n: number): void {
    while (sentByHeight.length <= height) sentByHeight.push(0)
    sentByHeight[height]! += n
  }

  function send(w: World, node: number, message: TendermintMessage, cost: MessageCost): void {
    const before = w.metrics.messageCount(cost.kind)
    const behaviour = w.behaviours[node]
    const pair = behaviour?.equivocates && message.type !== PROPOSAL ? collusion.get(`${message.height}/${message.round}`) : undefined
    if (pair !== undefined) {
      // Vote for the value each half was shown. In an honest proposer's round the colluders vote
      // like everyone else: keeping the honest nodes in step is what lets the next split land.
      const [a, b] = pair
      const half = honestHalf(w)
      for (const to of targets) {
        if (to === node) continue
        const value = w.behaviours[to]?.equivocates ? a : half.has(to) ? a : b
        broadcastDirect(w, node, [to], cost, { ...message, value })
      }
    } else broadcastDirect(w, node, targets, cost, message)
    count(message.height, w.metrics.messageCount(cost.kind) - before)
  }

  let halfCache: Set<number> | undefined
  /** The lower half of the honest validators (the equivocators' first audience). */
  function honestHalf(w: World): Set<number> {
    if (halfCache) return halfCache
    const honest = validators.filter((v) => !w.behaviours[v]?.equivocates)
    halfCache = new Set(honest.slice(0, Math.floor(honest.length / 2)))
    return halfCache
  }

  // ---- steps -------------------------------------------------------------------------------

  function startRound(w: World, node: number, round: number): void {
    const st = state(node)
    st.round = round
    st.step = STEP_PROPOSE
    while (maxRound.length <= st.height) maxRound.push(0)
    if (w.behaviours[node] === undefined && round > maxRound[st.height]!) maxRound[st.height] = round
    const r = votes(w, st, round)
    if (isValidator(node) && proposer(st.height, round) === node) {
      let block = st.proposed.get(round)
      if (block === undefined) {
        if (st.validValue !== NIL) block = st.validValue
        else {
          block = produceBlock(w, node, w.nodes.tip[node]!, config.blockSize, config.maxTxPerBlock)
          // invalid-blocks: the proposal breaks the rules; honest validators prevote nil.
          w.behaviours[node]?.mined?.(w, node, block)
        }
        st.proposed.set(round, block)
        if (w.behaviours[node]?.equivocates && st.validValue === NIL) {
          const twin = produceBlock(w, node, w.nodes.tip[node]!, config.blockSize, config.maxTxPerBlock)
          collusion.set(`${st.height}/${round}`, [block, twin])
        }
      }
      const message: TendermintMessage = { type: PROPOSAL, height: st.height, round, value: block, validRound: st.validValue !== NIL ? st.validRound : -1 }
      const pair = collusion.get(`${st.height}/${round}`)
      if (pair && w.behaviours[node]?.equivocates) {
        const half = honestHalf(w)
        const before = w.metrics.messageCount(costs!.proposal.kind)
        for (const to of targets) {
          if (to === node) continue
          const value = w.behaviours[to]?.equivocates || half.has(to) ? pair[0] : pair[1]
          broadcastDirect(w, node, [to], proposalCost(w, value), { ...message, value })
        }
        count(st.height, w.metrics.messageCount(costs!.proposal.kind) - before)
      } else send(w, node, message, proposalCost(w, block))
      // A re-proposal comes with its proof of lock (the +2/3 prevotes of its valid round), as
      // CometBFT's gossip sends peers the POL round's prevotes they lack.
      if (message.validRound >= 0 && !w.behaviours[node]?.equivocates) relayRound(w, node, st, message.validRound)
      acceptProposal(w, st, node, message)
    } else {
      setTimer(w, node, proposeTimeoutUs(round), T_PROPOSE, st.height, round)
    }
    if (!st.watchdog) {
      st.watchdog = true
      setTimer(w, node, 2 * proposeTimeoutUs(round), T_RESEND, st.height, round)
    }
    if (r.proposal >= 0 || r.prevotes.total > 0 || r.precommits.total > 0) evaluate(w, node, round)
  }

  function proposalCost(w: World, block: BlockId): MessageCost {
    return { kind: costs!.proposal.kind, bytes: w.store.size(block), verifyUs: config.verifyUs }
  }

  const prevote = (w: World, node: number, st: NodeState, value: number): void => castVote(w, node, st, PREVOTE, value)
  const precommit = (w: World, node: number, st: NodeState, value: number): void => castVote(w, node, st, PRECOMMIT, value)

  /** Moves to the vote's step and, as a validator, signs and sends it (the same one again after a restart). */
  function castVote(w: World, node: number, st: NodeState, type: typeof PREVOTE | typeof PRECOMMIT, value: number): void {
    st.step = type === PREVOTE ? STEP_PREVOTE : STEP_PRECOMMIT
    if (!isValidator(node)) return
    const r = votes(w, st, st.round)
    if (type === PREVOTE) {
      if (r.hasMyPrevote) value = r.myPrevote
      r.myPrevote = value
    } else {
      if (r.hasMyPrecommit) value = r.myPrecommit
      r.myPrecommit = value
    }
    const message: TendermintMessage = { type, height: st.height, round: st.round, value, validRound: -1 }
    send(w, node, message, type === PREVOTE ? costs!.prevote : costs!.precommit)
    recordVote(w, st, node, message)
  }

  /** valid(v): builds on the node's committed tip and breaks no rule. */
  function valid(w: World, node: number, block: number): boolean {
    return block > 0 && block < w.store.count && w.store.parent(block) === w.nodes.tip[node] && !w.store.isInvalid(block)
  }

  /** A fresh height: round 0, nothing locked, no votes, waiting for the round to start. */
  function enterHeight(st: NodeState, height: number): void {
    st.height = height
    st.round = 0
    st.step = STEP_NEW_HEIGHT
    st.lockedValue = NIL
    st.lockedRound = -1
    st.validValue = NIL
    st.validRound = -1
    st.rounds = new Map()
    st.proposed = new Map()
  }

  function decide(w: World, node: number, st: NodeState, block: BlockId): void {
    // Move on first: committing changes the tip, and tipChanged must see a consistent state.
    enterHeight(st, st.height + 1)
    commitBlock(w, node, block)
    // At least 1 ms between heights (the application's commit): with one validator and
    // timeout_commit 0, heights would otherwise follow each other without time passing.
    setTimer(w, node, Math.max(config.timeoutCommitMs * ms, MIN_NEW_HEIGHT_US), T_NEW_HEIGHT, st.height, 0)
    replayFuture(w, node, st)
  }

  function replayFuture(w: World, node: number, st: NodeState): void {
    const pending = st.future
    st.future = []
    for (const { from, message } of pending) onMessage(w, node, from, message)
  }

  // ---- the upon-rules ----------------------------------------------------------------------

  function evaluate(w: World, node: number, round: number): void {
    const st = state(node)
    const height = st.height
    const stepBefore = st.step
    const r = votes(w, st, round)
    // Decide: +2/3 precommits for a value in any round of this height.
    // (Two blocks with +2/3 each would take > 1/3 equivocating power; either one is then decided.)
    if (quorum(r.precommits.bestPower)) {
      const value = r.precommits.bestBlock
      if (valid(w, node, value)) decide(w, node, st, value)
      else noteAhead(w, node, st, firstVoter(r.precommits.first, value))
      if (st.height !== height) return
    }
    // Round skip: +1/3 of the power is already in a later round.
    if (round > st.round && oneThird(r.anyPower) && st.step !== STEP_NEW_HEIGHT) {
      startRound(w, node, round)
      return
    }
    if (round !== st.round || st.step === STEP_NEW_HEIGHT) return
    const v = r.proposal
    if (st.step === STEP_PROPOSE && v >= 0) {
      const vr = r.proposalValidRound
      if (vr < 0) {
        prevote(w, node, st, valid(w, node, v) && (st.lockedRound === -1 || st.lockedValue === v) ? v : NIL)
      } else if (vr < round && quorum(votes(w, st, vr).prevotes.power.get(v) ?? 0)) {
        prevote(w, node, st, valid(w, node, v) && (st.lockedRound <= vr || st.lockedValue === v) ? v : NIL)
      }
    }
    if (st.step >= STEP_PREVOTE && v >= 0 && !r.polHandled && quorum(r.prevotes.power.get(v) ?? 0) && valid(w, node, v)) {
      r.polHandled = true
      if (st.step === STEP_PREVOTE) {
        st.lockedValue = v
        st.lockedRound = round
        precommit(w, node, st, v)
      }
      st.validValue = v
      st.validRound = round
    }
    if (st.step === STEP_PREVOTE && quorum(r.prevotes.power.get(NIL) ?? 0)) precommit(w, node, st, NIL)
    // Checked after the rules that may leave the prevote step at once: a timer that could never
    // matter is not set (in a 100-validator run, one per node per height).
    if (st.step === STEP_PREVOTE && quorum(r.prevotes.total) && !r.prevoteTimerSet) {
      r.prevoteTimerSet = true
      setTimer(w, node, (config.timeoutPrevoteMs + config.timeoutPrevoteDeltaMs * round) * ms, T_PREVOTE, height, round)
    }
    if (quorum(r.precommits.total) && !r.precommitTimerSet) {
      r.precommitTimerSet = true
      setTimer(w, node, (config.timeoutPrecommitMs + config.timeoutPrecommitDeltaMs * round) * ms, T_PRECOMMIT, height, round)
    }
    // The node's own vote, cast above, may complete a quorum (the decide rule ran before it):
    // look again. Steps only move forward within a round, so this recurses at most twice.
    if (st.step !== stepBefore && st.height === height) evaluate(w, node, round)
  }

  function firstVoter(of: Int32Array, value: number): number {
    for (let i = 0; i < of.length; i++) if (of[i] === value) return i
    return -1
  }

  function acceptProposal(w: World, st: NodeState, from: number, m: TendermintMessage): void {
    const r = votes(w, st, m.round)
    r.hear(from, power[from] ?? 0)
    if (r.proposal >= 0) {
      if (r.proposal !== m.value) reportEvidence(w, from, 'double-proposal', m, r.proposal)
      return
    }
    r.proposal = m.value
    r.proposalValidRound = m.validRound
  }

  function recordVote(w: World, st: NodeState, from: number, m: TendermintMessage): void {
    const r = votes(w, st, m.round)
    const p = power[from] ?? 0
    r.hear(from, p)
    const record = (m.type === PREVOTE ? r.prevotes : r.precommits).add(from, m.value, p)
    if (record.outcome === 'conflict') reportEvidence(w, from, m.type === PREVOTE ? 'double-prevote' : 'double-precommit', m, record.previous)
  }

  function reportEvidence(w: World, validator: number, offence: string, m: TendermintMessage, previous: number): void {
    evidence++
    if (w.bus.wants('slashable')) {
      w.bus.emit({ type: 'slashable', atUs: w.now, validator, offence, evidence: { height: m.height, round: m.round, values: [previous, m.value] } })
    }
  }

  function onMessage(w: World, node: number, from: number, message: unknown): void {
    const m = message as TendermintMessage | VoteSetMessage
    const st = state(node)
    if (!isValidator(from)) return
    if (m.height < st.height) return
    if (m.height > st.height) {
      if (m.height === st.height + 1 && st.future.length < 16 * validators.length) st.future.push({ from, message: m })
      noteAhead(w, node, st, from)
      return
    }
    if (m.type === VOTE_SET) {
      onVoteSet(w, node, st, m)
      return
    }
    if (m.type === PROPOSAL) {
      if (from !== proposer(m.height, m.round)) return
      acceptProposal(w, st, from, m)
    } else recordVote(w, st, from, m)
    evaluate(w, node, m.round)
  }

  /** `peer` is ahead of `node`: sync from it unless the node catches up within a propose timeout. */
  function noteAhead(w: World, node: number, st: NodeState, peer: number): void {
    if (st.aheadPeer >= 0 || peer < 0) return
    st.aheadPeer = peer
    setTimer(w, node, proposeTimeoutUs(0), T_SYNC, st.height, 0)
  }

  /**
   * The watchdog found the node stuck: resend its own messages, and pass on what it recorded for
   * the current round and its lock and valid rounds, so a proof of lock one node saw reaches the
   * others (the paper's liveness argument assumes such gossip).
   */
  function resend(w: World, node: number, st: NodeState): void {
    if (!isValidator(node)) return
    const r = st.rounds.get(st.round)
    if (w.behaviours[node]?.equivocates) {
      // An equivocator keeps up its split story rather than relaying.
      if (r === undefined) return
      const own = st.proposed.get(st.round)
      if (own !== undefined) send(w, node, { type: PROPOSAL, height: st.height, round: st.round, value: own, validRound: r.proposalValidRound }, proposalCost(w, own))
      if (r.hasMyPrevote) send(w, node, { type: PREVOTE, height: st.height, round: st.round, value: r.myPrevote, validRound: -1 }, costs!.prevote)
      if (r.hasMyPrecommit) send(w, node, { type: PRECOMMIT, height: st.height, round: st.round, value: r.myPrecommit, validRound: -1 }, costs!.precommit)
      return
    }
    const rounds = new Set([st.round, st.lockedRound, st.validRound])
    for (const round of rounds) if (round >= 0) relayRound(w, node, st, round)
  }

  function relayRound(w: World, node: number, st: NodeState, round: number): void {
    const r = st.rounds.get(round)
    if (r === undefined) return
    const message: VoteSetMessage = {
      type: VOTE_SET,
      height: st.height,
      round,
      proposal: r.proposal,
      validRound: r.proposalValidRound,
      prevotes: r.prevotes.pairs(),
      precommits: r.precommits.pairs(),
    }
    const votes = (message.prevotes.length + message.precommits.length) / 2
    const bytes = (r.proposal >= 0 ? w.store.size(r.proposal) : 0) + votes * config.voteBytes
    if (bytes === 0) return
    const sent = broadcastDirect(w, node, targets, { kind: costs!.voteSet, bytes, verifyUs: config.verifyUs * Math.max(1, votes) }, message)
    count(st.height, sent)
  }

  /** A vote set arrived: take in its proposal and votes as if each had come from its signer. */
  function onVoteSet(w: World, node: number, st: NodeState, m: VoteSetMessage): void {
    const proposer_ = proposer(m.height, m.round)
    if (m.proposal >= 0) {
      acceptProposal(w, st, proposer_, { type: PROPOSAL, height: m.height, round: m.round, value: m.proposal, validRound: m.validRound })
    }
    for (const [list, type] of [[m.prevotes, PREVOTE], [m.precommits, PRECOMMIT]] as const) {
      for (let i = 0; i < list.length; i += 2) {
        const signer = list[i]!
        if (!isValidator(signer)) continue
        recordVote(w, st, signer, { type, height: m.height, round: m.round, value: list[i + 1]!, validRound: -1 })
      }
    }
    evaluate(w, node, m.round)
  }

  /** A block arrived through sync and became the node's tip: adopt every height up to it. */
  function caughtUp(w: World, node: number): void {
    const st = state(node)
    const tip = w.nodes.tip[node]!
    const height = w.store.height(tip)
    if (height < st.height) return
    finalizeBlock(w, node, tip)
    enterHeight(st, height + 1)
    st.aheadPeer = -1
    const future = st.future.filter((f) => f.message.height === st.height)
    st.future = []
    startRound(w, node, 0)
    for (const { from, message } of future) onMessage(w, node, from, message)
  }

  return {
    name: 'tendermint',
    finality: 'explicit',
    baseTimeoutUs: config.timeoutProposeMs * ms,
    start(w) {
      power = new Float64Array(w.nodes.count)
      for (const v of validators) power[v] = config.power?.[v] ?? 1
      proposers = validators.filter((v) => power[v]! > 0)
      totalPower = 0
      for (let i = 0; i < power.length; i++) totalPower += power[i]!
      costs = {
        proposal: { kind: w.metrics.messageKind('proposal'), bytes: config.blockSize, verifyUs: config.verifyUs },
        prevote: { kind: w.metrics.messageKind('prevote'), bytes: config.voteBytes, verifyUs: config.verifyUs },
        precommit: { kind: w.metrics.messageKind('precommit'), bytes: config.voteBytes, verifyUs: config.verifyUs },
        voteSet: w.metrics.messageKind('vote-set'),
      }
      targets = everyNode(w)
      for (let n = 0; n < w.nodes.count; n++) if (w.nodes.status[n] === NODE_UP) startRound(w, n, 0)
    },
    onEvent(w, kind, node, a, b, c) {
      if (kind !== EV_TIMER || w.nodes.status[node] !== NODE_UP) return
      const timer = timerKind(w, node, a)
      const st = state(node)
      if (timer === T_RESEND) {
        // Still at the height the watchdog was set for: resend and relay. Otherwise watch on.
        if (b === st.height && st.step !== STEP_NEW_HEIGHT) resend(w, node, st)
        setTimer(w, node, 2 * proposeTimeoutUs(st.round), T_RESEND, st.height, st.round)
        return
      }
      if (timer === T_SYNC) {
        // Still behind since the request was planned: ask now (a later message plans the next).
        if (b === st.height && st.aheadPeer >= 0) requestSync(w, node, st.aheadPeer)
        st.aheadPeer = -1
        return
      }
      if (b !== st.height) return
      switch (timer) {
        case T_PROPOSE:
          if (c === st.round && st.step === STEP_PROPOSE) {
            prevote(w, node, st, NIL)
            evaluate(w, node, c)
          }
          return
        case T_PREVOTE:
          if (c === st.round && st.step === STEP_PREVOTE) {
            precommit(w, node, st, NIL)
            evaluate(w, node, c)
          }
          return
        case T_PRECOMMIT:
          if (c === st.round && st.step !== STEP_NEW_HEIGHT) startRound(w, node, c + 1)
          return
        case T_NEW_HEIGHT:
          if (st.step === STEP_NEW_HEIGHT) startRound(w, node, 0)
          return
      }
    },
    onMessage,
    tipChanged(w, node) {
      if (states[node] !== undefined) caughtUp(w, node)
    },
    nodeUp(w, node) {
      if (costs === undefined) return
      targets = everyNode(w)
      const st = state(node)
      st.aheadPeer = -1
      if (st.step === STEP_NEW_HEIGHT) startRound(w, node, 0)
      else startRound(w, node, st.round)
    },
    nodeDown(_w, node) {
      // State survives a crash (CometBFT's WAL); timers set before it are void (epoch).
      if (states[node]) states[node].watchdog = false
    },
    produceNow() {
      // Blocks come only from the round's proposer, when the round starts.
      return -1
    },
    describeNode(w, node) {
      const st = state(node)
      return {
        height: st.height,
        round: st.round,
        step: STEP_NAMES[st.step],
        validator: isValidator(node),
        proposer: proposer(st.height, st.round),
        lockedValue: st.lockedValue === NIL ? null : st.lockedValue,
        lockedRound: st.lockedRound,
        finalized: w.finality.finalizedOf(node),
      }
    },
    summary(w): TendermintSummary & Record<string, unknown> {
      let heights = Infinity
      for (let n = 0; n < w.nodes.count; n++) {
        if (w.nodes.status[n] !== NODE_UP || w.behaviours[n] !== undefined || !isValidator(n)) continue
        heights = Math.min(heights, w.store.height(w.finality.finalizedOf(n)))
      }
      if (!Number.isFinite(heights)) heights = 0
      let sent = 0
      let extra = 0
      for (let h = 1; h <= heights; h++) {
        sent += sentByHeight[h] ?? 0
        extra += maxRound[h] ?? 0
      }
      return { heights, extraRounds: extra, messagesPerHeight: heights > 0 ? sent / heights : null, evidence }
    },
  }
}
