/**
 * A local network (a classroom, one data centre): one region, 0.5 ms ± 20% one-way latency,
 * 1 Gbit/s links, 0.1 ms processing. Upload slots free when the bytes are sent.
 *
 * @module
 */
import type { NetworkModel } from '../networkModel.ts'

export function createLanModel(): NetworkModel {
  return {
    name: 'lan',
    regions: ['lan'],
    regionDistribution: [1],
    latencyUs: (_from, _to, rng, stream) => Math.round(400 + 200 * rng.nextOpen01(stream)),
    bandwidthBps: () => 1e9,
    processingUs: 100,
    controlOverheadUs: 0,
    uploadSlot: 'sent',
  }
}
