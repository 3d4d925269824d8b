/**
 * A node's own clock, which a clock-skew fault makes wrong: an offset (it reads ahead or behind)
 * and a drift (it runs fast or slow). Slot-based protocols (PoA, PoS) read the local clock to
 * know whose turn it is; every protocol's timeouts run on it, so a fast clock times out early.
 *
 * @module
 */
import type { World } from '../sim/world.ts'

/** What `node`'s clock reads now, µs (the drift accrues from when it was set). */
export function localTimeUs(w: World, node: number): number {
  const drift = w.nodes.clockDriftPpm[node]!
  const offset = w.nodes.clockOffsetUs[node]!
  return drift === 0 ? w.now + offset : w.now + offset + ((w.now - w.nodes.clockDriftSinceUs[node]!) * drift) / 1e6
}

/**
 * Sets `node`'s clock fault. What the old drift accrued so far stays in the offset, so changing
 * the drift never makes the clock jump; an omitted part keeps its current value.
 */
export function setClockFault(w: World, node: number, offsetUs: number | undefined, driftPpm: number | undefined): void {
  const { nodes } = w
  const accrued = localTimeUs(w, node) - w.now
  nodes.clockOffsetUs[node] = offsetUs ?? accrued
  if (driftPpm !== undefined) nodes.clockDriftPpm[node] = driftPpm
  nodes.clockDriftSinceUs[node] = w.now
}

/** Simulated µs until `node`'s clock has advanced by `localUs` (a fast clock gets there sooner). */
export function realDelayUs(w: World, node: number, localUs: number): number {
  const drift = w.nodes.clockDriftPpm[node]!
  return drift === 0 ? localUs : localUs / (1 + drift / 1e6)
}
