/**
 * Two miners with hash shares α₁, α₂ and a fixed propagation delay d: the stale rate must match
 * Σᵢ αᵢ(1 − e^(−(1−αᵢ)·d/600)) (equal shares: 1 − e^(−d/1200)) inside a 99.9% binomial interval,
 * with at least 10⁶ simulated blocks per d.
 */
import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../../../runtime/sim/network.ts'

function staleRun(shares: [number, number], delaySeconds: number, blocks: number) {
  const net = createNetwork({
    seed: 1,
    nodes: 2,
    net: { kind: 'fixed', latencyMs: delaySeconds * 1000 },
    topology: 'full-mesh',
    protocol: { kind: 'pow', intervalMs: 600_000, blockSize: 1000, hashPower: { kind: 'shares', shares } },
    // Push relay: a block reaches the other miner exactly d after it is found.
    relay: { mode: 'push', compact: false },
  })
  net.run({ stopAtHeight: blocks })
  return net.summary().metrics
}

function expectedStaleRate(shares: [number, number], d: number): number {
  return shares.reduce((sum, a) => sum + a * (1 - Math.exp((-(1 - a) * d) / 600)), 0)
}

describe('stale rate vs. the two-miner formula (10⁶ blocks per case)', () => {
  const cases: [[number, number], number][] = [
    [[0.5, 0.5], 2],
    [[0.5, 0.5], 5],
    [[0.5, 0.5], 10],
    [[0.3, 0.7], 10],
  ]
  it.each(cases)('shares %j, d = %i s', (shares, d) => {
    const m = staleRun(shares, d, 1_000_000)
    const p = expectedStaleRate(shares, d)
    if (shares[0] === 0.5) expect(p).toBeCloseTo(1 - Math.exp(-d / 1200), 12)
    expect(m.blocks).toBeGreaterThanOrEqual(1_000_000)
    const halfWidth = 3.2905 * Math.sqrt((p * (1 - p)) / m.blocks) // two-sided 99.9%
    expect(Math.abs(m.staleRate - p)).toBeLessThanOrEqual(halfWidth)
    // Stale blocks are exactly the blocks off the main chain.
    expect(m.orphans).toBe(m.blocks - m.mainChainHeight)
  })

  it('the check can fail: with d = 30 s the d = 10 s expectation is far outside its interval', () => {
    const m = staleRun([0.5, 0.5], 30, 200_000)
    const p = expectedStaleRate([0.5, 0.5], 10)
    const halfWidth = 3.2905 * Math.sqrt((p * (1 - p)) / m.blocks)
    expect(Math.abs(m.staleRate - p)).toBeGreaterThan(halfWidth)
  })
})
