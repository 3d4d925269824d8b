/**
 * SimBlock's Bitcoin 2019 network model, all of it (dsg-titech/simblock, Apache-2.0,
 * settings/NetworkConfiguration.java and simulator/Network.java, upstream master):
 *
 * - six regions with the 2019 mean one-way latency matrix (ms);
 * - each message's latency is a Pareto draw with shape 0.2·mean and scale mean − 5 (its
 *   expectation is exactly `mean`), i.e. `(mean − 5) / u^(1 / (0.2·mean))`;
 * - +10 ms on every control message (INV, GETDATA, GETBLOCKTXN) — SimBlock's
 *   `AbstractMessageTask.getInterval`; block messages pay latency + transfer + 2 ms processing;
 * - bandwidth `min(upload[from region], download[to region])`;
 * - a node's upload slot stays busy until its block message is delivered (SimBlock's
 *   `sendNextBlockMessage` runs on delivery).
 *
 * Differences, on purpose: latency keeps µs resolution instead of rounding to ms, and the
 * transfer delay is not truncated to whole ms.
 *
 * @module
 */
import type { NetworkModel } from '../networkModel.ts'

export const BITCOIN_2019_REGIONS = [
  'north-america',
  'europe',
  'south-america',
  'asia-pacific',
  'japan',
  'australia',
] as const

/** Mean one-way latency in ms, rows = sender region. */
export const BITCOIN_2019_LATENCY_MS: readonly (readonly number[])[] = [
  [32, 124, 184, 198, 151, 189],
  [124, 11, 227, 237, 252, 294],
  [184, 227, 88, 325, 301, 322],
  [198, 237, 325, 85, 58, 198],
  [151, 252, 301, 58, 12, 126],
  [189, 294, 322, 198, 126, 16],
]

/** bit/s per region. */
export const BITCOIN_2019_DOWNLOAD_BPS = [52e6, 40e6, 18e6, 22.8e6, 22.8e6, 29.9e6] as const
export const BITCOIN_2019_UPLOAD_BPS = [19.2e6, 20.7e6, 5.8e6, 15.7e6, 10.2e6, 11.3e6] as const
export const BITCOIN_2019_REGION_DISTRIBUTION = [0.3316, 0.4998, 0.009, 0.1177, 0.0224, 0.0195] as const

/**
 * Outbound-degree CDF (Miller et al., "Discovering Bitcoin's public topology and influential
 * nodes", 2015): entry i is P(outbound ≤ i + 1). SimBlock uses it for its 2019 preset too.
 */
export const BITCOIN_OUTBOUND_DEGREE_CDF = [
  0.025, 0.05, 0.075, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.97, 0.98, 0.99,
  0.995, 1.0,
] as const

export function createBitcoin2019Model(): NetworkModel {
  // Precompute scale (µs) and 1/shape per region pair: the draw is then one pow and one divide.
  const n = BITCOIN_2019_REGIONS.length
  const scaleUs = new Float64Array(n * n)
  const invShape = new Float64Array(n * n)
  const bandwidth = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const mean = BITCOIN_2019_LATENCY_MS[i]![j]!
      scaleUs[i * n + j] = (mean - 5) * 1000
      invShape[i * n + j] = 1 / (0.2 * mean)
      bandwidth[i * n + j] = Math.min(BITCOIN_2019_UPLOAD_BPS[i]!, BITCOIN_2019_DOWNLOAD_BPS[j]!)
    }
  }
  return {
    name: 'bitcoin-2019',
    regions: BITCOIN_2019_REGIONS,
    regionDistribution: BITCOIN_2019_REGION_DISTRIBUTION,
    latencyUs(from, to, rng, stream) {
      const k = from * n + to
      return Math.round(scaleUs[k]! / Math.pow(rng.nextOpen01(stream), invShape[k]!))
    },
    bandwidthBps: (from, to) => bandwidth[from * n + to]!,
    processingUs: 2000,
    controlOverheadUs: 10_000,
    uploadSlot: 'delivered',
  }
}
