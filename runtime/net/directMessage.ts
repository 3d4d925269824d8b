/**
 * Point-to-point protocol messages (proposals, votes, Raft RPCs, transaction batches): sent over a
 * direct validator-to-validator connection, as BFT and Raft deployments run them, not flooded
 * through the peer-to-peer topology. One message is one kernel event at its receiver.
 *
 * Costs: the model's latency between the two regions, its per-message overhead, the transfer time
 * of the message's bytes, and the receiver's signature check (`verifyUs`, the modeled signature
 * cost). Partitions, crashes and link faults (delay, loss, duplication) apply exactly as they do
 * to block relay. A broadcast shares one message object between its events: messages are
 * immutable once sent.
 *
 * @module
 */
import { NODE_UP } from '../node/nodeTable.ts'
import { EV_MESSAGE } from '../sim/eventKinds.ts'
import type { World } from '../sim/world.ts'
import { transferUs } from './networkModel.ts'
import { nodeStream } from './relay.ts'

/** What the transport needs to know about a message. */
export interface MessageCost {
  /** Metrics counter index (`metrics.messageKind(name)`). */
  kind: number
  bytes: number
  /** Receiver-side verification time (modeled signature check), µs. */
  verifyUs: number
}

/**
 * When a message from `from` sent now reaches `to`, or -1 when it cannot leave (receiver down or
 * on the other side of a partition) or is lost on the way; -2 marks a duplicate to add. Counts
 * the message when it is put on the wire.
 */
function deliveryTime(w: World, from: number, to: number, cost: MessageCost): number {
  const { nodes, model } = w
  if (nodes.status[to] !== NODE_UP || !w.links.reachable(from, to)) return -1
  w.metrics.countMessage(cost.kind, cost.bytes)
  const stream = nodeStream(from)
  const fromRegion = nodes.region[from]!
  const toRegion = nodes.region[to]!
  let at =
    w.now +
    model.latencyUs(fromRegion, toRegion, w.rng, stream) +
    model.controlOverheadUs +
    transferUs(cost.bytes, model.bandwidthBps(fromRegion, toRegion)) +
    Math.round(cost.verifyUs)
  const fault = w.links.fault(from, to)
  if (fault) {
    at += fault.delayUs
    if (fault.drop > 0 && w.rng.nextOpen01(stream) < fault.drop) return -1
    if (fault.duplicate > 0 && w.rng.nextOpen01(stream) < fault.duplicate) duplicateAt = at
  }
  return at
}

/** Set by `deliveryTime` when the link duplicates the message (read once, then cleared). */
let duplicateAt = -1

/**
 * Sends `message` from `from` to `to`. Returns false when it cannot leave (receiver down or on the
 * other side of a partition at send time); it is still counted when it is put on the wire.
 */
export function sendDirect(w: World, from: number, to: number, cost: MessageCost, message: unknown, evKind = EV_MESSAGE): boolean {
  if (from === to) return false
  if (w.nodes.status[to] !== NODE_UP || !w.links.reachable(from, to)) return false
  duplicateAt = -1
  const at = deliveryTime(w, from, to, cost)
  const epoch = w.nodes.epoch[from]!
  if (duplicateAt >= 0) w.queue.push(duplicateAt, evKind, to, cost.kind, from, epoch, message)
  if (at >= 0) w.queue.push(at, evKind, to, cost.kind, from, epoch, message)
  return true
}

/** Sends `message` to every node in `targets` except `from`; returns how many were put on the wire. */
export function broadcastDirect(w: World, from: number, targets: readonly number[], cost: MessageCost, message: unknown): number {
  let sent = 0
  for (let i = 0; i < targets.length; i++) {
    const to = targets[i]!
    if (to !== from && sendDirect(w, from, to, cost, message)) sent++
  }
  return sent
}
