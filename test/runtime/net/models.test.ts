import { describe, expect, it } from 'vitest'
import { SIMBLOCK_COMPACT_RELAY } from '../../../runtime/net/compactRelay.ts'
import { BITCOIN_2019_LATENCY_MS, createBitcoin2019Model } from '../../../runtime/net/models/bitcoin2019.ts'
import { createLanModel } from '../../../runtime/net/models/lan.ts'
import { createWanModel } from '../../../runtime/net/models/wan.ts'
import { transferUs } from '../../../runtime/net/networkModel.ts'
import { createRandomStreams } from '../../../runtime/sim/prng.ts'

describe('bitcoin-2019 model (SimBlock)', () => {
  const model = createBitcoin2019Model()
  const rng = createRandomStreams(3)

  it('latency is Pareto(shape 0.2·mean, scale mean−5): minimum mean−5, median and mean as derived', () => {
    for (const [from, to] of [
      [0, 0],
      [1, 1],
      [1, 4],
      [2, 5],
    ] as const) {
      const mean = BITCOIN_2019_LATENCY_MS[from]![to]!
      const n = 100_000
      const draws = Float64Array.from({ length: n }, () => model.latencyUs(from, to, rng, 0)).sort()
      expect(draws[0]!).toBeGreaterThanOrEqual((mean - 5) * 1000)
      // Median of Pareto(α, xm) = xm · 2^(1/α).
      const median = (mean - 5) * 1000 * 2 ** (1 / (0.2 * mean))
      expect(draws[n / 2]! / median).toBeGreaterThan(0.99)
      expect(draws[n / 2]! / median).toBeLessThan(1.01)
      // The 10%-trimmed sample mean stays below `mean` (heavy tail) but close to it.
      const trimmed = draws.slice(0, n * 0.9).reduce((a, b) => a + b, 0) / (n * 0.9)
      expect(trimmed / 1000).toBeLessThan(mean)
      expect(trimmed / 1000).toBeGreaterThan(mean - 5)
    }
  })

  it('bandwidth is min(upload[from], download[to]); control messages pay +10 ms, blocks +2 ms', () => {
    expect(model.bandwidthBps(0, 1)).toBe(19.2e6) // NA upload 19.2 < EU download 40
    expect(model.bandwidthBps(1, 2)).toBe(18e6) // EU upload 20.7 > SA download 18
    expect(model.bandwidthBps(2, 0)).toBe(5.8e6)
    expect(model.controlOverheadUs).toBe(10_000)
    expect(model.processingUs).toBe(2000)
    expect(model.uploadSlot).toBe('delivered')
    expect(model.regionDistribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3)
    expect(transferUs(18_000, 19.2e6)).toBe(7500)
    expect(transferUs(1, 0)).toBe(0)
  })

  it("compact relay uses SimBlock's tables (210 control entries of 1%, 945 churn entries, mean ≈ 8.7%)", () => {
    const c = SIMBLOCK_COMPACT_RELAY
    expect(c.failedFractionsControl).toHaveLength(210)
    expect(new Set(c.failedFractionsControl)).toEqual(new Set([0.01]))
    expect(c.failedFractionsChurn).toHaveLength(945)
    expect(c.failedFractionsChurn[0]).toBe(0.01)
    expect(c.failedFractionsChurn[944]).toBe(0.96)
    const mean = c.failedFractionsChurn.reduce((a, b) => a + b, 0) / 945
    expect(mean).toBeGreaterThan(0.086)
    expect(mean).toBeLessThan(0.088)
    expect([c.usageRate, c.churnNodeRate, c.failureRateControl, c.failureRateChurn, c.compactSize]).toEqual([0.964, 0.976, 0.13, 0.27, 18_000])
  })
})

describe('lan and wan models', () => {
  it('lan: sub-millisecond latency, 1 Gbit/s; wan: Seoul–Frankfurt ≈ 120 ms ± 10%', () => {
    const rng = createRandomStreams(1)
    const lan = createLanModel()
    const wan = createWanModel()
    for (let i = 0; i < 1000; i++) {
      const l = lan.latencyUs(0, 0, rng, 0)
      expect(l).toBeGreaterThanOrEqual(400)
      expect(l).toBeLessThanOrEqual(600)
      const w = wan.latencyUs(0, 2, rng, 0)
      expect(w).toBeGreaterThanOrEqual(108_000)
      expect(w).toBeLessThanOrEqual(132_000)
    }
    expect(lan.bandwidthBps(0, 0)).toBe(1e9)
    expect(wan.regions).toEqual(['seoul', 'tokyo', 'frankfurt', 'virginia'])
  })
})
