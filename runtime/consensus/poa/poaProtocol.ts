/**
 * Round-robin Proof of Authority (as Clique and Aura run it, without their out-of-turn blocks):
 * time is cut into slots, slot k belongs to authority k mod n, and only that authority may seal a
 * block then — on its own tip, sent directly to every node ('poa-block'). Out-of-turn authorities
 * wait; a crashed authority's slot stays empty. Forks come only from partitions, and the longest
 * chain wins.
 *
 * Finality: a block is final once `finalityDepth` distinct authorities (default ⌊n/2⌋ + 1) have
 * built on it. Counting distinct sealers rather than blocks is what makes it safe: in a partition
 * the side with a minority of authorities can stack any number of blocks, but never a majority of
 * distinct sealers, so two honest nodes never finalize different blocks at one height.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import { broadcastDirect } from '../../net/directMessage.ts'
import type { MessageCost } from '../../net/directMessage.ts'
import { localTimeUs } from '../../node/clock.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import { EV_TIMER } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'
import { finalizeBlock } from '../common/commit.ts'
import { produceBlock } from '../common/produceBlock.ts'
import { everyNode } from '../common/everyNode.ts'
import { setTimer, timerKind } from '../common/timers.ts'
import type { ConsensusProtocol } from '../protocol.ts'
import type { ProtocolContext } from '../registry.ts'
import type { PoaConfig } from './poaConfig.ts'
import { finalityDepthFor } from './poaConfig.ts'

const T_SLOT = 1

/** A sealed block, sent by its sealer. */
export interface PoaBlockMessage {
  type: 'poa-block'
  block: BlockId
}

export interface PoaSummary {
  /** The current slot (slot k starts at k · slotMs). */
  slot: number
  blocks: number
  /** Slots whose authority sealed nothing (it was down). */
  missedSlots: number
  finalityDepth: number
  finalizedHeight: number
}

/**
 * @example
 * const net = createNetwork({ seed: 1, nodes: 4, net: 'lan', topology: 'full-mesh', relay: { mode: 'push', compact: false },
 *   protocol: { kind: 'poa', slotMs: 1000 } })
 * net.run({ stopAtHeight: 5 }) // heights final once 3 distinct authorities built on them
 */
export function createPoaProtocol(config: PoaConfig, context: ProtocolContext): ConsensusProtocol {
  const authorities = context.members.validators
  const depth = finalityDepthFor(config, authorities.length)
  const slotUs = Math.round(config.slotMs * 1000)
  /** Position in the rotation by node (-1: not an authority). */
  const turnOf = new Map<number, number>()
  authorities.forEach((a, i) => turnOf.set(a, i))
  /** The last slot each authority sealed in. */
  const sealedSlot = new Map<number, number>()
  let blocks = 0
  let kind = -1
  let targets: number[] = []

  const authorityOf = (slot: number): number => (authorities.length === 0 ? -1 : authorities[slot % authorities.length]!)
  /** The slot `node`'s own clock is in (a skewed clock seals out of everyone else's turn). */
  const slotOf = (w: World, node: number): number => Math.floor(localTimeUs(w, node) / slotUs)

  /** Arms `node`'s timer for its next turn after the current slot. */
  function scheduleTurn(w: World, node: number): void {
    const turn = turnOf.get(node)
    if (turn === undefined) return
    const n = authorities.length
    const after = slotOf(w, node) + 1
    const slot = after + ((((turn - after) % n) + n) % n)
    setTimer(w, node, slot * slotUs - localTimeUs(w, node), T_SLOT, slot, 0)
  }

  function seal(w: World, node: number, slot: number): BlockId {
    sealedSlot.set(node, slot)
    const block = produceBlock(w, node, w.nodes.tip[node]!, config.blockSize, config.maxTxPerBlock)
    blocks++
    w.deliverBlock(node, block, -1)
    const cost: MessageCost = { kind, bytes: w.store.size(block), verifyUs: config.verifyUs }
    const message: PoaBlockMessage = { type: 'poa-block', block }
    broadcastDirect(w, node, targets, cost, message)
    return block
  }

  /**
   * A seal a receiver accepts: made and sent by an authority. Whether it was that authority's turn
   * is the sealer's own rule (by its clock): receivers with skewed clocks of their own cannot judge
   * it, so clock faults show up as forks, as they do in Clique and Aura networks.
   */
  function sealValid(w: World, block: BlockId, from: number): boolean {
    const miner = w.store.miner(block)
    return miner === from && turnOf.has(miner)
  }

  /** Finalizes the highest block on `node`'s chain with `depth` distinct sealers above it. */
  function updateFinality(w: World, node: number): void {
    const { store } = w
    const floor = store.height(w.finality.finalizedOf(node))
    const sealers = new Set<number>()
    for (let b = w.nodes.tip[node]!; b > 0 && store.height(b) > floor + 1; b = store.parent(b)) {
      sealers.add(store.miner(b))
      if (sealers.size >= depth) {
        finalizeBlock(w, node, store.parent(b))
        return
      }
    }
  }

  return {
    name: 'poa',
    finality: 'explicit',
    // One full rotation: every up authority has had its turn.
    baseTimeoutUs: slotUs * Math.max(1, authorities.length),
    start(w) {
      kind = w.metrics.messageKind('poa-block')
      targets = everyNode(w)
      for (let n = 0; n < w.nodes.count; n++) if (w.nodes.status[n] === NODE_UP) scheduleTurn(w, n)
    },
    onEvent(w, evKind, node, a, b) {
      if (evKind !== EV_TIMER || w.nodes.status[node] !== NODE_UP || timerKind(w, node, a) !== T_SLOT) return
      if (authorityOf(b) === node && sealedSlot.get(node) !== b) seal(w, node, b)
      scheduleTurn(w, node)
    },
    onMessage(w, node, from, message) {
      const m = message as PoaBlockMessage
      if (m.type !== 'poa-block' || !sealValid(w, m.block, from)) return
      // The node layer connects it (or parks it and fetches missing ancestors from the sealer).
      w.deliverBlock(node, m.block, from)
    },
    tipChanged(w, node) {
      updateFinality(w, node)
    },
    nodeUp(w, node) {
      if (kind < 0) return
      targets = everyNode(w)
      scheduleTurn(w, node)
    },
    nodeDown() {
      // The turn timer set before the crash is void (epoch); nodeUp arms the next one.
    },
    produceNow(w, node) {
      const slot = slotOf(w, node)
      // In turn and not sealed yet in this slot (e.g. restarted mid-slot); anyone else waits.
      if (authorityOf(slot) !== node || sealedSlot.get(node) === slot) return -1
      return seal(w, node, slot)
    },
    describeNode(w, node) {
      const slot = slotOf(w, node)
      return {
        authority: turnOf.has(node),
        slot,
        inTurn: authorityOf(slot),
        lastSealedSlot: sealedSlot.get(node) ?? null,
        finalizedHeight: w.store.height(w.finality.finalizedOf(node)),
      }
    },
    summary(w): PoaSummary & Record<string, unknown> {
      const slot = Math.floor(w.now / slotUs)
      return { slot, blocks, missedSlots: Math.max(0, slot - blocks), finalityDepth: depth, finalizedHeight: w.finality.maxHeight }
    },
  }
}
