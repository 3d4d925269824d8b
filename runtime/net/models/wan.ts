/**
 * A wide-area network of four cloud regions (Seoul, Tokyo, Frankfurt, Virginia): approximate
 * public one-way latencies (half the typical round trip between those regions), ±10% uniform
 * jitter, 100 Mbit/s links, 1 ms processing. Upload slots free when the bytes are sent.
 *
 * These are modeled figures for teaching, not measurements.
 *
 * @module
 */
import type { NetworkModel } from '../networkModel.ts'

export const WAN_REGIONS = ['seoul', 'tokyo', 'frankfurt', 'virginia'] as const

const WAN_LATENCY_MS = [
  [2, 17, 120, 95],
  [17, 2, 115, 80],
  [120, 115, 2, 45],
  [95, 80, 45, 2],
]

export function createWanModel(): NetworkModel {
  return {
    name: 'wan',
    regions: WAN_REGIONS,
    regionDistribution: [0.4, 0.2, 0.2, 0.2],
    latencyUs(from, to, rng, stream) {
      const mean = WAN_LATENCY_MS[from]![to]! * 1000
      return Math.round(mean * (0.9 + 0.2 * rng.nextOpen01(stream)))
    },
    bandwidthBps: () => 100e6,
    processingUs: 1000,
    controlOverheadUs: 0,
    uploadSlot: 'sent',
  }
}
