/**
 * A node's own clock, which a clock-skew fault makes wrong: an offset (it reads ahead or behind)
 * and a drift (it runs fast or slow). Slot-based protocols (PoA, PoS) read the local clock to
 * know whose turn it is; every protocol's timeouts run on it, so a fast clock times out early.
 *
 * @module
 */
import type { World } from '../sim/world.ts'

/** What `node`'s clock reads now, µs. */
export function localTimeUs(w: World, node: number): number {
  return w.now + w.nodes.clockOffsetUs[node]! + (w.now * w.nodes.clockDriftPpm[node]!) / 1e6
}

/** Simulated µs until `node`'s clock has advanced by `localUs` (a fast clock gets there sooner). */
export function realDelayUs(w: World, node: number, localUs: number): number {
  const drift = w.nodes.clockDriftPpm[node]!
  return drift === 0 ? localUs : localUs / (1 + drift / 1e6)
}
