/**
 * Protocol timers (timeouts, heartbeats, slots) as kernel events. A timer remembers the node's
 * epoch: one set before a crash never fires after the restart.
 *
 * @module
 */
import { realDelayUs } from '../../node/clock.ts'
import { EV_TIMER } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'

/** Timer kinds are small integers (0–15) chosen by each protocol. */
const KIND_BITS = 16
const EPOCH_MASK = 0x7ffffff

/**
 * Sets timer `kind` of `node` to fire after `delayUs` on the node's own clock (a clock-skew fault
 * with drift shortens or stretches it), carrying two protocol integers.
 */
export function setTimer(w: World, node: number, delayUs: number, kind: number, b: number, c: number): void {
  const epoch = w.nodes.epoch[node]! & EPOCH_MASK
  // Rounded up, so the node's own clock has reached its deadline when the timer fires: rounded
  // down, a drifting clock could read just short of it and re-arm a zero-delay timer forever.
  const real = delayUs > 0 ? Math.max(1, Math.ceil(realDelayUs(w, node, delayUs))) : 0
  w.queue.push(w.now + real, EV_TIMER, node, kind + KIND_BITS * epoch, b, c)
}

/** The timer kind of an EV_TIMER's `a`, or -1 when it was set before the node's last crash. */
export function timerKind(w: World, node: number, a: number): number {
  const epoch = Math.floor(a / KIND_BITS)
  return epoch === (w.nodes.epoch[node]! & EPOCH_MASK) ? a % KIND_BITS : -1
}
