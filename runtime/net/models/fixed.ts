/**
 * A fixed-latency network for analytic checks: every message takes exactly `latencyUs`, bandwidth
 * is unlimited and there is no processing cost — so with push relay a block reaches a neighbour in
 * exactly the configured delay (the `d` of the stale-rate formula).
 *
 * @module
 */
import type { NetworkModel } from '../networkModel.ts'

export function createFixedModel({ latencyUs }: { latencyUs: number }): NetworkModel {
  return {
    name: 'fixed',
    regions: ['fixed'],
    regionDistribution: [1],
    latencyUs: () => latencyUs,
    bandwidthBps: () => 0,
    processingUs: 0,
    controlOverheadUs: 0,
    uploadSlot: 'sent',
  }
}
