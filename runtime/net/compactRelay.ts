/**
 * Compact block relay (BIP 152) as SimBlock models it (settings/SimulationConfiguration.java,
 * node/Node.java): a share of nodes use it; a compact block is 18 KB; reconstruction fails with a
 * rate depending on whether the receiver is a "churn" node, and then a GETBLOCKTXN round trip
 * fetches a fraction of the block drawn from the sender's table.
 *
 * @module
 */

export interface CompactRelayConfig {
  /** Share of nodes that use compact blocks (both ends must). */
  usageRate: number
  /** Share of nodes flagged as churn nodes (SimBlock: 0.976 — most of them). */
  churnNodeRate: number
  compactSize: number
  failureRateControl: number
  failureRateChurn: number
  /** Fractions of the block size a GETBLOCKTXN reply carries; one is drawn uniformly. */
  failedFractionsControl: readonly number[]
  failedFractionsChurn: readonly number[]
}

function expand(runs: readonly (readonly [number, number])[]): number[] {
  const out: number[] = []
  for (const [value, count] of runs) for (let i = 0; i < count; i++) out.push(value)
  return out
}

/** SimBlock's table for control nodes: 210 entries, all 1%. */
const CONTROL_FRACTIONS = expand([[0.01, 210]])

/** SimBlock's table for churn nodes: 945 entries from 1% to 96% (run-length encoded here). */
const CHURN_FRACTIONS = expand([
  [0.01, 546], [0.02, 66], [0.03, 39], [0.04, 27], [0.05, 21], [0.06, 17], [0.07, 14], [0.08, 12],
  [0.09, 11], [0.1, 10], [0.11, 9], [0.12, 8], [0.13, 7], [0.14, 7], [0.15, 6], [0.16, 6], [0.17, 5],
  [0.18, 5], [0.19, 5], [0.2, 4], [0.21, 4], [0.22, 4], [0.23, 4], [0.24, 4], [0.25, 3], [0.26, 3],
  [0.27, 3], [0.28, 3], [0.29, 3], [0.3, 3], [0.31, 3], [0.32, 3], [0.33, 2], [0.34, 2], [0.35, 2],
  [0.36, 2], [0.37, 2], [0.38, 2], [0.39, 2], [0.4, 2], [0.41, 2], [0.42, 2], [0.43, 2], [0.44, 2],
  [0.45, 2], [0.46, 2], [0.47, 2], [0.48, 2],
  ...Array.from({ length: 48 }, (_, i) => [Math.round((0.49 + i * 0.01) * 100) / 100, 1] as const),
])

/** SimBlock 2019 compact-relay settings. */
export const SIMBLOCK_COMPACT_RELAY: CompactRelayConfig = {
  usageRate: 0.964,
  churnNodeRate: 0.976,
  compactSize: 18_000,
  failureRateControl: 0.13,
  failureRateChurn: 0.27,
  failedFractionsControl: CONTROL_FRACTIONS,
  failedFractionsChurn: CHURN_FRACTIONS,
}
