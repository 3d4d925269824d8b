/**
 * Block relay between simulated nodes, as Bitcoin does it and SimBlock models it:
 * INV → GETDATA → BLOCK (or CMPCTBLOCK, then GETBLOCKTXN → BLOCKTXN when reconstruction fails),
 * with de-duplication — a node asks for a block once — and a "push" mode that sends the full
 * block unasked (used for analytic checks with a fixed delay).
 *
 * Costs: control messages pay latency + the model's per-message overhead; block data pays
 * latency + size / bandwidth + processing and goes through the sender's single upload slot
 * (one upload at a time, first come first served). The slot's queue is computed eagerly —
 * `start = max(now, busyUntil)` — which serves requests in arrival order like an explicit queue
 * but needs no queue structure and no extra events.
 *
 * An INV to a node that already holds the block is counted (it is sent on the wire) but not
 * scheduled: its delivery could only be ignored (about half of all announcements are such
 * echoes). An INV to a node that is downloading the block is counted and held aside
 * (`heldAnnouncements.ts`): it matters only if that download fails.
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'
import { HAVE, ORPHAN, REQUESTED, UNKNOWN } from '../chain/blockKnowledge.ts'
import { NODE_UP } from '../node/nodeTable.ts'
import {
  EV_BLOCK,
  EV_BLOCKTXN,
  EV_CMPCT,
  EV_GETBLOCKTXN,
  EV_GETDATA,
  EV_INV,
  EV_REQUEST_TIMEOUT,
  MSG_BLOCK,
  MSG_BLOCKTXN,
  MSG_CMPCT,
  MSG_GETBLOCKTXN,
  MSG_GETDATA,
  MSG_INV,
} from '../sim/eventKinds.ts'
import { RESERVED_STREAMS } from '../sim/prng.ts'
import type { World } from '../sim/world.ts'
import { transferUs } from './networkModel.ts'

/** The PRNG stream of node `node`. */
export function nodeStream(node: number): number {
  return RESERVED_STREAMS + node
}

function canSend(w: World, from: number, to: number): boolean {
  return w.nodes.status[to] === NODE_UP && w.links.reachable(from, to)
}

/** Sends a small control message (INV, GETDATA, GETBLOCKTXN). */
export function sendControl(w: World, evKind: number, msgKind: number, from: number, to: number, block: BlockId): void {
  if (!canSend(w, from, to)) return
  const bytes = w.relay.controlMessageBytes
  w.metrics.countMessage(msgKind, bytes)
  if (evKind === EV_INV) {
    const state = w.knowledge.get(block, to)
    if (state === HAVE) return
    if (state === REQUESTED) {
      w.held.hold(to, block, from, w.now, w.nodes.epoch[from]!, false)
      return
    }
  }
  scheduleControl(w, evKind, from, to, block, w.now)
}

/** Draws the latency and faults of a control message sent at `sentAt` and schedules it. */
function scheduleControl(w: World, evKind: number, from: number, to: number, block: BlockId, sentAt: number): void {
  const { model, nodes } = w
  let at = sentAt + model.latencyUs(nodes.region[from]!, nodes.region[to]!, w.rng, nodeStream(from)) + model.controlOverheadUs
  const fault = w.links.fault(from, to)
  if (fault) {
    at += fault.delayUs
    if (fault.drop > 0 && w.rng.nextOpen01(nodeStream(from)) < fault.drop) {
      if (evKind !== EV_INV) scheduleTimeout(w, from, block, to)
      return
    }
    if (fault.duplicate > 0 && w.rng.nextOpen01(nodeStream(from)) < fault.duplicate) {
      w.queue.push(at, evKind, to, block, from, nodes.epoch[from]!)
    }
  }
  w.queue.push(at, evKind, to, block, from, nodes.epoch[from]!)
}

/** Uploads block data through `from`'s upload slot. */
function sendData(w: World, evKind: number, msgKind: number, from: number, to: number, block: BlockId, bytes: number): void {
  if (!canSend(w, from, to)) return
  const { model, nodes } = w
  const rf = nodes.region[from]!
  const rt = nodes.region[to]!
  const transfer = transferUs(bytes, model.bandwidthBps(rf, rt)) + model.processingUs
  const latency = model.latencyUs(rf, rt, w.rng, nodeStream(from))
  const busy = nodes.busyUntil[from]!
  const start = busy > w.now ? busy : w.now
  let at = start + transfer + latency
  w.metrics.countMessage(msgKind, bytes)
  const fault = w.links.fault(from, to)
  let duplicate = false
  if (fault) {
    at += fault.delayUs
    if (fault.drop > 0 && w.rng.nextOpen01(nodeStream(from)) < fault.drop) {
      nodes.busyUntil[from] = model.uploadSlot === 'delivered' ? at : start + transfer
      scheduleTimeout(w, to, block, from)
      return
    }
    duplicate = fault.duplicate > 0 && w.rng.nextOpen01(nodeStream(from)) < fault.duplicate
  }
  nodes.busyUntil[from] = model.uploadSlot === 'delivered' ? at : start + transfer
  w.queue.push(at, evKind, to, block, from, nodes.epoch[from]!)
  if (duplicate) w.queue.push(at, evKind, to, block, from, nodes.epoch[from]!)
}

function scheduleTimeout(w: World, requester: number, block: BlockId, peer: number): void {
  w.queue.push(w.now + w.relay.requestTimeoutUs, EV_REQUEST_TIMEOUT, requester, block, peer, 0)
}

/** Tells every peer of `node` about `block` (its new tip). */
export function announceBlock(w: World, node: number, block: BlockId): void {
  if (!(block >= 0 && block < w.store.count)) throw new Error(`relay: announcing block ${block}, which does not exist (a bug)`)
  const peers = w.links.peers(node)
  if (w.relay.mode === 'push') {
    const size = w.store.size(block)
    for (let i = 0; i < peers.length; i++) {
      const p = peers[i]!
      if (w.knowledge.get(block, p) !== HAVE) sendData(w, EV_BLOCK, MSG_BLOCK, node, p, block, size)
    }
    return
  }
  for (let i = 0; i < peers.length; i++) sendControl(w, EV_INV, MSG_INV, node, peers[i]!, block)
}

/** `requester` asks `holder` for `block` (marks it requested: asked once). */
export function requestBlock(w: World, requester: number, holder: number, block: BlockId): void {
  // A request that cannot leave must not mark the block as being downloaded (it would stay so).
  if (!canSend(w, requester, holder)) return
  w.knowledge.set(block, requester, REQUESTED)
  sendControl(w, EV_GETDATA, MSG_GETDATA, requester, holder, block)
}

/** Both ends of a (re)established link tell each other their tips (version handshake + INV). */
export function exchangeTips(w: World, a: number, b: number): void {
  sendControl(w, EV_INV, MSG_INV, a, b, w.nodes.tip[a]!)
  sendControl(w, EV_INV, MSG_INV, b, a, w.nodes.tip[b]!)
}

export function onInv(w: World, to: number, block: BlockId, from: number): void {
  const state = w.knowledge.get(block, to)
  if (state === UNKNOWN) requestBlock(w, to, from, block)
  // Remember a second source in case the download fails.
  else if (state === REQUESTED) w.held.hold(to, block, from, w.now, w.nodes.epoch[from]!, true)
  // Held without its parent: the announcer has the chain below it.
  else if (state === ORPHAN) w.fetchMissingAncestor(to, block, from)
}

export function onGetData(w: World, holder: number, block: BlockId, requester: number): void {
  if (w.knowledge.get(block, holder) !== HAVE) {
    // NOTFOUND: the requester forgets the request at once.
    abandonRequest(w, requester, block)
    return
  }
  const compact = w.relay.compact
  if (compact && w.nodes.compact[holder] === 1 && w.nodes.compact[requester] === 1) {
    sendData(w, EV_CMPCT, MSG_CMPCT, holder, requester, block, compact.compactSize)
  } else {
    sendData(w, EV_BLOCK, MSG_BLOCK, holder, requester, block, w.store.size(block))
  }
}

export function onCompactBlock(w: World, to: number, block: BlockId, from: number): void {
  const state = w.knowledge.get(block, to)
  if (state === HAVE || state === ORPHAN) return
  const compact = w.relay.compact!
  const failure = w.nodes.churn[to] === 1 ? compact.failureRateChurn : compact.failureRateControl
  if (w.rng.nextOpen01(nodeStream(to)) < failure) {
    sendControl(w, EV_GETBLOCKTXN, MSG_GETBLOCKTXN, to, from, block)
    return
  }
  w.deliverBlock(to, block, from)
}

export function onGetBlockTxn(w: World, holder: number, block: BlockId, requester: number): void {
  const compact = w.relay.compact!
  const table = w.nodes.churn[holder] === 1 ? compact.failedFractionsChurn : compact.failedFractionsControl
  const fraction = table[w.rng.nextInt(nodeStream(holder), table.length)]!
  sendData(w, EV_BLOCKTXN, MSG_BLOCKTXN, holder, requester, block, Math.floor(w.store.size(block) * fraction))
}

/** A message could not be delivered (receiver down, sender crashed since, or partitioned). */
export function onDeliveryFailed(w: World, evKind: number, node: number, block: BlockId, from: number): void {
  switch (evKind) {
    case EV_GETDATA:
    case EV_GETBLOCKTXN:
      abandonRequest(w, from, block)
      return
    case EV_BLOCK:
    case EV_CMPCT:
    case EV_BLOCKTXN:
      if (w.nodes.status[node] === NODE_UP) abandonRequest(w, node, block)
      return
  }
}

/** A lost request's timer fired: ask the same peer again, or give up and try another source. */
export function onRequestTimeout(w: World, requester: number, block: BlockId, peer: number): void {
  if (w.knowledge.get(block, requester) !== REQUESTED || w.nodes.status[requester] !== NODE_UP) return
  if (w.nodes.status[peer] === NODE_UP && w.links.reachable(requester, peer) && w.links.connected(requester, peer)) {
    sendControl(w, EV_GETDATA, MSG_GETDATA, requester, peer, block)
  } else abandonRequest(w, requester, block)
}

/**
 * Forgets a failed download. Held announcements that would have arrived by now offer a fallback
 * peer (the latest reachable one is asked at once); the others are delivered at their arrival
 * times as ordinary INVs.
 */
export function abandonRequest(w: World, requester: number, block: BlockId): void {
  if (w.knowledge.get(block, requester) !== REQUESTED) return
  w.knowledge.set(block, requester, UNKNOWN)
  const { nodes, model } = w
  let fallback = -1
  for (const h of w.held.take(requester, block)) {
    if (nodes.epoch[h.from] !== h.epoch) continue
    if (!h.arrived) {
      const at = h.time + model.latencyUs(nodes.region[h.from]!, nodes.region[requester]!, w.rng, nodeStream(h.from)) + model.controlOverheadUs
      if (at > w.now) {
        w.queue.push(at, EV_INV, requester, block, h.from, h.epoch)
        continue
      }
    }
    if (nodes.status[h.from] === NODE_UP && w.links.reachable(requester, h.from) && w.links.connected(requester, h.from)) fallback = h.from
  }
  if (fallback >= 0) requestBlock(w, requester, fallback, block)
}
