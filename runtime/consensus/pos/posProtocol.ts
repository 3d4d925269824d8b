/**
 * Proof of Stake with a Casper FFG finality gadget, Ethereum-like but simplified:
 * - Time is cut into slots (`slotMs`) and epochs (`slotsPerEpoch` slots). Each slot has one
 *   proposer, drawn by stake from a hash of (genesis seed, slot) — any node can check who may
 *   propose (`proposer.ts`; no RANDAO).
 * - The proposer builds on its fork-choice head and sends the block directly to every node. The
 *   block's body carries the attestations the proposer has seen for this and the last epoch and
 *   its chain does not include yet (`blockBodies.ts`, as Ethereum includes attestations in
 *   blocks): that is how a vote one node missed — lost in a partition, signed to only half of the
 *   network by an equivocator, cast before the node joined — still reaches it. It also carries
 *   the votes of every supermajority link the proposer counted for a checkpoint of its chain that
 *   the chain does not carry yet, whatever their epoch, so the chain holds the whole FFG history
 *   of its checkpoints and a node syncing it (joining late, restarting) reaches the same justified
 *   and finalized checkpoints as the nodes that saw the votes live.
 * - A third into every slot each validator attests: its head and an FFG vote source → target
 *   (source: its highest justified checkpoint; target: this epoch's checkpoint on its chain), sent
 *   directly to every node. The FFG vote is fixed at the first attestation of an epoch and kept
 *   for the rest of it, and a validator's votes survive a crash: an honest validator can never
 *   sign a double or surround vote, not even after a restart.
 * - At each epoch boundary every node runs Casper FFG over the votes it has (`ffgTally.ts`) and
 *   calls `finalizeBlock` for a newly finalized checkpoint; the finality tracker then compares
 *   honest nodes (conflicting finality is a safety violation).
 * - Fork choice: the longest chain containing the highest justified checkpoint
 *   (`followJustified.ts`; not LMD-GHOST).
 * - Every honest node checks every vote against the validator's earlier ones (`slashing.ts`).
 * - Equivocating validators (`w.behaviours[node]?.equivocates`) sign conflicting votes and, as
 *   proposers, two blocks per slot (`equivocation.ts`).
 *
 * A node that lacks a block it hears about (an attestation's head, a block's parent, its justified
 * checkpoint) catches up through block sync (`common/sync.ts`, at most once per slot) and learns
 * the synced blocks through `tipChanged`.
 *
 * @module
 */
import { HAVE } from '../../chain/blockKnowledge.ts'
import type { BlockId } from '../../chain/blockStore.ts'
import { broadcastDirect } from '../../net/directMessage.ts'
import type { MessageCost } from '../../net/directMessage.ts'
import { localTimeUs } from '../../node/clock.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import { connectBlock, switchTip } from '../../node/receiveBlock.ts'
import { EV_TIMER } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'
import { finalizeBlock } from '../common/commit.ts'
import { produceBlock } from '../common/produceBlock.ts'
import { everyNode } from '../common/everyNode.ts'
import { requestSync } from '../common/sync.ts'
import { setTimer, timerKind } from '../common/timers.ts'
import type { ConsensusProtocol } from '../protocol.ts'
import type { ProtocolContext } from '../registry.ts'
import { BlockBodies, BodyReader, bodyBytes } from './blockBodies.ts'
import { BlockSlots, canBeCheckpoint, checkpointBlock } from './checkpoints.ts'
import { HonestSplit, conflictingVote } from './equivocation.ts'
import type { VoteData } from './equivocation.ts'
import { FfgTally } from './ffgTally.ts'
import type { SupermajorityLink } from './ffgTally.ts'
import type { Checkpoint, FfgVote } from './ffgVote.ts'
import { createVoteBook, slashableOffence } from './ffgVote.ts'
import { headUnder } from './followJustified.ts'
import type { PosConfig } from './posConfig.ts'
import { createProposerSchedule, genesisSeed } from './proposer.ts'
import type { ProposerSchedule } from './proposer.ts'
import { SlashingReporter, VoteHistory } from './slashing.ts'

const MSG_BLOCK = 0
const MSG_ATTESTATION = 1

/** A proposal: the block (its slot and body are in the shared store, signed by the proposer). */
export interface PosBlockMessage {
  type: typeof MSG_BLOCK
  block: BlockId
}

/** An attestation: the attester's head (LMD vote, informational) and its FFG vote. */
export interface PosAttestation {
  type: typeof MSG_ATTESTATION
  slot: number
  head: BlockId
  vote: FfgVote
}

type PosMessage = PosBlockMessage | PosAttestation

const T_SLOT = 1
const T_ATTEST = 2

interface NodeState {
  ffg: FfgTally
  history: VoteHistory
  /** The last vote seen from each validator: a validator repeats its vote every slot of an epoch. */
  lastVote: (FfgVote | undefined)[]
  /** Own FFG votes by target epoch (persisted across crashes; an equivocator keeps both versions). */
  myVotes: Map<number, FfgVote[]>
  /** The last slot this node proposed in (persisted: never a second block after a restart). */
  proposedSlot: number
  /**
   * The supermajority links this validator counted (justifications and finalizations) that its
   * finalized chain may not carry yet: as proposer it includes their missing votes.
   */
  evidence: SupermajorityLink[]
  /** Which block bodies the node has read. */
  reader: BodyReader
  /** The last slot this node asked a peer to sync (one request per slot). */
  syncSlot: number
  /** The last epoch whose start this node processed (a node that was down catches up at once). */
  epoch: number
  /** Set while the protocol itself moves the tip (its tipChanged must not react). */
  switching: boolean
}

export interface PosSummary {
  /** Epochs begun so far (simulated time / epoch length). */
  epochs: number
  /** Epochs whose checkpoint some honest node justified / finalized. */
  justifiedEpochs: number
  finalizedEpochs: number
  /** Distinct slashable offences detected (double votes, surround votes, double proposals). */
  slashable: number
  slashableByOffence: Record<string, number>
  /** Attestation messages sent (one per recipient). */
  attestations: number
  /** Proposals and attestations sent per elapsed epoch. */
  messagesPerEpoch: number | null
  /** Mean time from a finalized checkpoint's epoch boundary to its first honest finalization, slots. */
  finalityLagSlots: number | null
}

/**
 * @example
 * const pos = createPosProtocol({ kind: 'pos', ...POS_DEFAULTS }, context)
 * pos.baseTimeoutUs // two epochs: 32_000_000
 */
export function createPosProtocol(config: PosConfig, context: ProtocolContext): ConsensusProtocol {
  const { members } = context
  const S = config.slotsPerEpoch
  const slotUs = Math.round(config.slotMs * 1000)
  const epochUs = slotUs * S
  const states: NodeState[] = []
  const slots = new BlockSlots()
  const blocks = new BlockBodies(slots, S)
  const votes = createVoteBook()
  const reporter = new SlashingReporter()
  let stake = new Float64Array(0)
  let validators: number[] = []
  let totalStake = 0
  let schedule: ProposerSchedule | undefined
  let split: HonestSplit | undefined
  let costs: { proposal: number; attestation: MessageCost } | undefined
  let targets: number[] = []
  let attestationsSent = 0
  const justifiedEpochs = new Set<number>()
  /** Finalized checkpoint epoch → its lag (µs) at the first honest finalization. */
  const finalityLag = new Map<number, number>()

  const isValidator = (node: number): boolean => (stake[node] ?? 0) > 0
  const localSlot = (w: World, node: number): number => Math.floor(localTimeUs(w, node) / slotUs)

  function state(w: World, node: number): NodeState {
    let st = states[node]
    if (st === undefined) {
      const validLink = (s: Checkpoint, t: Checkpoint): boolean =>
        t.epoch > s.epoch && canBeCheckpoint(slots, s.block, s.epoch, S) && canBeCheckpoint(slots, t.block, t.epoch, S) && w.store.isAncestor(s.block, t.block)
      st = {
        ffg: new FfgTally(totalStake, validLink),
        history: new VoteHistory(),
        // Filled up front: a sparse array would fall back to a slow dictionary.
        lastVote: new Array<FfgVote | undefined>(Math.max(w.nodes.count, stake.length)).fill(undefined),
        myVotes: new Map(),
        proposedSlot: 0,
        evidence: [],
        reader: new BodyReader(),
        syncSlot: -1,
        epoch: 0,
        switching: false,
      }
      states[node] = st
    }
    return st
  }

  // ---- votes and block bodies --------------------------------------------------------------

  /** `node` learns `vote` (from a message, a block body or itself). */
  function learnVote(w: World, node: number, st: NodeState, vote: FfgVote): void {
    if (st.lastVote[vote.validator] === vote) return
    const s = stake[vote.validator] ?? 0
    if (s <= 0) return
    st.lastVote[vote.validator] = vote
    const honest = w.behaviours[node] === undefined
    const fresh = st.history.record(vote, (earlier, kind) => {
      if (honest) reporter.votes(w, kind, earlier, vote)
    })
    if (fresh) st.ffg.add(vote, s)
  }

  /** `node` reads `block`'s body (once): its votes, and whether its proposer proposed twice. */
  function readBody(w: World, node: number, st: NodeState, block: BlockId): void {
    for (const v of blocks.body(block)) learnVote(w, node, st, v)
    if (w.behaviours[node] !== undefined) return
    const slot = slots.get(block)
    const miner = w.store.miner(block)
    for (const other of blocks.atSlot(slot)) {
      if (other !== block && w.store.miner(other) === miner && w.knowledge.get(other, node) === HAVE) reporter.proposals(w, miner, slot, other, block)
    }
  }

  function absorbChain(w: World, node: number, st: NodeState, tip: BlockId): void {
    st.reader.readChain(w.store, tip, (b) => readBody(w, node, st, b))
  }

  function absorbRecent(w: World, node: number, st: NodeState, slot: number): void {
    st.reader.readRecent(w.store, slots, slot - 2 * S, (b) => w.knowledge.get(b, node) === HAVE, (b) => readBody(w, node, st, b))
  }

  // ---- proposing ---------------------------------------------------------------------------

  function makeBlock(w: World, node: number, parent: BlockId, slot: number, body: FfgVote[]): BlockId {
    const block = produceBlock(w, node, parent, config.blockSize, config.maxTxPerBlock)
    blocks.record(block, slot, body)
    w.store.setSize(block, w.store.size(block) + bodyBytes(body, config.attestationBytes, validators.length))
    return block
  }

  function sendBlock(w: World, node: number, to: readonly number[], block: BlockId): void {
    const message: PosBlockMessage = { type: MSG_BLOCK, block }
    broadcastDirect(w, node, to, { kind: costs!.proposal, bytes: w.store.size(block), verifyUs: config.verifyUs }, message)
  }

  function propose(w: World, node: number, slot: number): BlockId {
    const st = state(w, node)
    st.proposedSlot = slot
    let parent = w.nodes.tip[node]!
    // Slots only grow along a chain (a proposer whose clock is behind must not build on a later slot).
    while (parent > 0 && slots.get(parent) >= slot) parent = w.store.parent(parent)
    const body = blocks.select(w.store, st.history, parent, Math.floor(slot / S))
    blocks.evidence(w.store, parent, st.evidence, body)
    const block = makeBlock(w, node, parent, slot, body)
    connectBlock(w, node, block)
    if (w.behaviours[node]?.equivocates) {
      // Double proposal: a twin on the same parent; each half of the network gets one of them.
      split!.update(w)
      const twin = makeBlock(w, node, parent, slot, body)
      connectBlock(w, node, twin)
      const a: number[] = []
      const b: number[] = []
      for (const n of targets) (split!.getsA(w, n) ? a : b).push(n)
      sendBlock(w, node, a, block)
      sendBlock(w, node, b, twin)
    } else sendBlock(w, node, targets, block)
    return block
  }

  // ---- attesting ---------------------------------------------------------------------------

  /** The FFG vote `node` would make now for `epoch` (its fixed vote if it already made one). */
  function voteData(w: World, node: number, epoch: number): VoteData {
    const st = state(w, node)
    const mine = st.myVotes.get(epoch)
    if (mine !== undefined) return mine[0]!
    const target = checkpointBlock(w.store, slots, w.nodes.tip[node]!, epoch, S)
    return { source: st.ffg.best, target: { epoch, block: target } }
  }

  function sendAttestation(w: World, node: number, to: readonly number[], slot: number, vote: FfgVote): void {
    const before = w.metrics.messageCount(costs!.attestation.kind)
    const message: PosAttestation = { type: MSG_ATTESTATION, slot, head: w.nodes.tip[node]!, vote }
    broadcastDirect(w, node, to, costs!.attestation, message)
    attestationsSent += w.metrics.messageCount(costs!.attestation.kind) - before
  }

  function attest(w: World, node: number, slot: number): void {
    const st = state(w, node)
    absorbRecent(w, node, st, slot)
    const epoch = Math.floor(slot / S)
    if (w.behaviours[node]?.equivocates) {
      attestTwice(w, node, st, slot, epoch)
      return
    }
    let vote = st.myVotes.get(epoch)?.[0]
    if (vote === undefined) {
      const { source, target } = voteData(w, node, epoch)
      if (target.epoch <= source.epoch || !w.store.isAncestor(source.block, target.block)) {
        // Its chain does not contain its justified checkpoint (it lacks that block): catch up first.
        askSync(w, node, st, w.store.miner(source.block))
        return
      }
      const candidate = votes.intern(node, source, target)
      // The persisted votes are the guard: never sign what contradicts an earlier vote.
      for (const earlier of st.myVotes.values()) if (slashableOffence(earlier[0]!, candidate) !== undefined) return
      vote = candidate
      st.myVotes.set(epoch, [vote])
    }
    sendAttestation(w, node, targets, slot, vote)
    learnVote(w, node, st, vote)
  }

  /** An equivocator: half A gets the vote A's honest validators make, half B a conflicting one. */
  function attestTwice(w: World, node: number, st: NodeState, slot: number, epoch: number): void {
    split!.update(w)
    const representative = (which: 0 | 1): number => {
      for (const v of split!.half(which)) if (w.nodes.status[v] === NODE_UP) return v
      return node
    }
    const a = voteData(w, representative(0), epoch)
    const b = voteData(w, representative(1), epoch)
    let previousSource = -1
    for (const v of st.myVotes.get(epoch - 1) ?? []) if (previousSource < 0 || v.source.epoch < previousSource) previousSource = v.source.epoch
    const bb = conflictingVote(w.store, a, b, previousSource)
    const voteA = votes.intern(node, a.source, a.target)
    const voteB = votes.intern(node, bb.source, bb.target)
    const mine = st.myVotes.get(epoch) ?? []
    for (const v of [voteA, voteB]) if (!mine.includes(v)) mine.push(v)
    st.myVotes.set(epoch, mine)
    const toA: number[] = []
    const toB: number[] = []
    for (const n of targets) (split!.getsA(w, n) ? toA : toB).push(n)
    sendAttestation(w, node, toA, slot, voteA)
    sendAttestation(w, node, toB, slot, voteB)
    learnVote(w, node, st, voteA)
  }

  // ---- epochs, fork choice, sync -----------------------------------------------------------

  function askSync(w: World, node: number, st: NodeState, peer: number): void {
    const slot = localSlot(w, node)
    if (st.syncSlot === slot || peer < 0 || peer === node) return
    st.syncSlot = slot
    requestSync(w, node, peer)
  }

  /** Follows the longest chain that contains the justified checkpoint. */
  function follow(w: World, node: number, st: NodeState): void {
    const root = st.ffg.best.block
    const head = headUnder(w, node, root)
    if (head !== w.nodes.tip[node]) {
      st.switching = true
      switchTip(w, node, head)
      st.switching = false
      absorbChain(w, node, st, head)
    }
    if (w.knowledge.get(root, node) !== HAVE) askSync(w, node, st, w.store.miner(root))
  }

  /**
   * Forgets the evidence the finalized chain carries in full, and the links into checkpoints that
   * finality has left behind on another branch.
   */
  function pruneEvidence(w: World, st: NodeState): void {
    const fin = st.ffg.finalized
    st.evidence = st.evidence.filter((link) => {
      if (!w.store.isAncestor(link.target.block, fin.block)) return link.target.epoch > fin.epoch
      return !link.votes.every((v) => blocks.carries(w.store, fin.block, v))
    })
  }

  function epochBoundary(w: World, node: number, st: NodeState, epoch: number, slot: number): void {
    absorbRecent(w, node, st, slot)
    const best = st.ffg.best
    const outcome = st.ffg.process(epoch - 1)
    const honest = w.behaviours[node] === undefined
    if (honest) for (const c of outcome.justified) justifiedEpochs.add(c.epoch)
    if (isValidator(node)) for (const link of outcome.links) st.evidence.push(link)
    if (outcome.finalized) {
      const fin = st.ffg.finalized
      if (honest && !finalityLag.has(fin.epoch)) finalityLag.set(fin.epoch, w.now - fin.epoch * epochUs)
      finalizeBlock(w, node, fin.block)
      pruneEvidence(w, st)
    }
    if (st.ffg.best !== best || !w.store.isAncestor(st.ffg.best.block, w.nodes.tip[node]!)) follow(w, node, st)
  }

  /** The slot timer for `slot` fired (the node's clock may have been moved since it was set). */
  function slotTimer(w: World, node: number, slot: number): void {
    const local = localTimeUs(w, node)
    if (local < slot * slotUs - slotUs / 2) {
      // The clock was set back: wait until it reads this slot.
      scheduleSlot(w, node, slot)
      return
    }
    // The clock jumped ahead: skip to the slot it reads (no proposals for the skipped ones).
    slotStart(w, node, Math.max(slot, Math.floor(local / slotUs)))
  }

  function slotStart(w: World, node: number, slot: number): void {
    const st = state(w, node)
    const epoch = Math.floor(slot / S)
    if (epoch > st.epoch) {
      st.epoch = epoch
      epochBoundary(w, node, st, epoch, slot)
    }
    if (isValidator(node)) {
      if (schedule!.proposerOf(slot) === node && st.proposedSlot < slot) propose(w, node, slot)
      setTimer(w, node, slotUs / 3, T_ATTEST, slot, 0)
    }
    scheduleSlot(w, node, slot + 1)
  }

  /** The next slot timer: when `node`'s clock reaches the start of `slot`. */
  function scheduleSlot(w: World, node: number, slot: number): void {
    setTimer(w, node, slot * slotUs - localTimeUs(w, node), T_SLOT, slot, 0)
  }

  function onMessage(w: World, node: number, from: number, message: unknown): void {
    const m = message as PosMessage
    const st = state(w, node)
    if (m.type === MSG_BLOCK) {
      // Verifiable proposer: anyone else's block for this slot is ignored, and so is a block whose
      // slot is not after its parent's.
      const slot = slots.get(m.block)
      if (schedule!.proposerOf(slot) !== from || slot <= slots.get(w.store.parent(m.block))) return
      w.deliverBlock(node, m.block, from)
      return
    }
    if (!isValidator(from) || m.vote.validator !== from) return
    learnVote(w, node, st, m.vote)
    if (w.knowledge.get(m.head, node) !== HAVE) askSync(w, node, st, from)
  }

  return {
    name: 'pos',
    finality: 'explicit',
    baseTimeoutUs: 2 * epochUs,
    start(w) {
      stake = new Float64Array(w.nodes.count)
      for (const v of members.validators) stake[v] = config.stake?.[v] ?? 1
      validators = members.validators.filter((v) => stake[v]! > 0)
      totalStake = 0
      for (const v of validators) totalStake += stake[v]!
      schedule = createProposerSchedule(
        genesisSeed(validators.map((v) => members.identity(v).publicKey)),
        validators,
        validators.map((v) => stake[v]!),
      )
      split = new HonestSplit(validators)
      costs = {
        proposal: w.metrics.messageKind('proposal'),
        attestation: { kind: w.metrics.messageKind('attestation'), bytes: config.attestationBytes, verifyUs: config.verifyUs },
      }
      targets = everyNode(w)
      for (let n = 0; n < w.nodes.count; n++) {
        state(w, n)
        if (w.nodes.status[n] === NODE_UP) scheduleSlot(w, n, localSlot(w, n) + 1)
      }
    },
    onEvent(w, kind, node, a, b) {
      if (kind !== EV_TIMER || w.nodes.status[node] !== NODE_UP) return
      const timer = timerKind(w, node, a)
      if (timer === T_SLOT) slotTimer(w, node, b)
      else if (timer === T_ATTEST && isValidator(node)) attest(w, node, b)
    },
    onMessage,
    tipChanged(w, node) {
      const st = states[node]
      if (st === undefined || st.switching) return
      absorbChain(w, node, st, w.nodes.tip[node]!)
      if (!w.store.isAncestor(st.ffg.best.block, w.nodes.tip[node]!)) follow(w, node, st)
    },
    nodeUp(w, node) {
      if (costs === undefined) return
      targets = everyNode(w)
      state(w, node)
      scheduleSlot(w, node, localSlot(w, node) + 1)
    },
    nodeDown() {
      // Votes, the last proposed slot and the FFG view survive a crash (a validator client keeps
      // its slashing-protection database on disk); timers set before it are void (epoch).
    },
    produceNow(w, node) {
      const slot = localSlot(w, node)
      if (slot <= 0 || w.nodes.status[node] !== NODE_UP || !isValidator(node)) return -1
      if (schedule!.proposerOf(slot) !== node || state(w, node).proposedSlot >= slot) return -1
      return propose(w, node, slot)
    },
    describeNode(w, node) {
      const st = state(w, node)
      const slot = localSlot(w, node)
      return {
        head: w.nodes.tip[node],
        justified: { ...st.ffg.best },
        finalized: { ...st.ffg.finalized },
        stake: stake[node] ?? 0,
        slot,
        epoch: Math.floor(slot / S),
        validator: isValidator(node),
        proposer: schedule?.proposerOf(slot) ?? -1,
      }
    },
    summary(w): PosSummary & Record<string, unknown> {
      const epochs = Math.floor(w.now / epochUs)
      const sent = costs === undefined ? 0 : w.metrics.messageCount(costs.attestation.kind) + w.metrics.messageCount(costs.proposal)
      let lag = 0
      for (const l of finalityLag.values()) lag += l
      return {
        epochs,
        justifiedEpochs: justifiedEpochs.size,
        finalizedEpochs: finalityLag.size,
        slashable: reporter.total,
        slashableByOffence: { ...reporter.counts },
        attestations: attestationsSent,
        messagesPerEpoch: epochs > 0 ? Math.round(sent / (w.now / epochUs)) : null,
        finalityLagSlots: finalityLag.size > 0 ? Math.round((lag / finalityLag.size / slotUs) * 100) / 100 : null,
      }
    },
  }
}
