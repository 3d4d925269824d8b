/**
 * Protocol timers (timeouts, heartbeats, slots) as kernel events. A timer remembers the node's
 * epoch: one set before a crash never fires after the restart.
 *
 * @module
 */
import { EV_TIMER } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'

/** Timer kinds are small integers (0–15) chosen by each protocol. */
const KIND_BITS = 16
const EPOCH_MASK = 0x7ffffff

/** Sets timer `kind` of `node` to fire after `delayUs`, carrying two protocol integers. */
export function setTimer(w: World, node: number, delayUs: number, kind: number, b: number, c: number): void {
  const epoch = w.nodes.epoch[node]! & EPOCH_MASK
  w.queue.push(w.now + Math.max(0, Math.round(delayUs)), EV_TIMER, node, kind + KIND_BITS * epoch, b, c)
}

/** The timer kind of an EV_TIMER's `a`, or -1 when it was set before the node's last crash. */
export function timerKind(w: World, node: number, a: number): number {
  const epoch = Math.floor(a / KIND_BITS)
  return epoch === (w.nodes.epoch[node]! & EPOCH_MASK) ? a % KIND_BITS : -1
}
