/** Shared configs for the PoS tests: small full-mesh networks on a fixed-latency or LAN model. */
import type { NetworkConfig } from '../../../../runtime/sim/config.ts'

export const SLOT_US = 2_000_000
export const EPOCH_US = 8 * SLOT_US

/** `nodes` PoS validators (default protocol settings) with optional overrides. */
export function posConfig(nodes: number, overrides: Partial<NetworkConfig> = {}, protocol: Record<string, unknown> = {}): NetworkConfig {
  return {
    seed: 1,
    nodes,
    net: 'lan',
    topology: 'full-mesh',
    protocol: { kind: 'pos', ...protocol } as NetworkConfig['protocol'],
    relay: { mode: 'inv', compact: false },
    ...overrides,
  }
}

/** The protocol part of the `node` query. */
export interface PosNodeView {
  head: number
  justified: { epoch: number; block: number }
  finalized: { epoch: number; block: number }
  stake: number
  slot: number
  epoch: number
  validator: boolean
  proposer: number
}
