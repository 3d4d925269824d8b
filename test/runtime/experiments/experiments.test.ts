/**
 * Small versions of the experiments (the full grids run from `playground experiment`): they use
 * the same strategies and network code, and each comparison can fail.
 */
import { describe, expect, it } from 'vitest'
import { runDoubleSpend, runDoubleSpendRow } from '../../../runtime/experiments/doubleSpend.ts'
import { nakamoto } from '../../../runtime/experiments/formulas.ts'
import { runSelfishRow, selfishConfig } from '../../../runtime/experiments/selfishMining.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'

describe('double-spend experiment', () => {
  it('success rates match Rosenfeld inside 99.9% intervals (q ∈ {0.1, 0.3}, z ∈ {1, 3})', () => {
    const result = runDoubleSpend({ seed: 11, trials: 3000 }, { q: [0.1, 0.3], z: [1, 3] })
    expect(result.rows).toHaveLength(4)
    for (const row of result.rows) {
      expect(row.pass).toBe(true)
      expect(row.ciLow).toBeLessThanOrEqual(row.expected)
      expect(row.ciHigh).toBeGreaterThanOrEqual(row.expected)
      expect(row.events).toBeGreaterThan(3000)
      expect(row.traceHash).toMatch(/^[0-9a-f]{16}$/)
    }
    expect(result.pass).toBe(true)
  })

  it("the check can fail: against Nakamoto's approximation, q=0.3 z=10 is outside the interval", () => {
    const row = runDoubleSpendRow(0.3, 10, 4000, 2)
    const n = nakamoto(0.3, 10)
    expect(n < row.ciLow || n > row.ciHigh).toBe(true)
  })

  it('is deterministic: the same seed gives the same row, hash included', () => {
    expect(runDoubleSpendRow(0.3, 2, 300, 5)).toEqual(runDoubleSpendRow(0.3, 2, 300, 5))
  })
})

describe('selfish-mining experiment', () => {
  it.each([
    [0.35, 0.5],
    [0.25, 0],
  ])('α=%d, γ=%d: revenue within ±0.01 of Eyal–Sirer', (alpha, gamma) => {
    const row = runSelfishRow(alpha, gamma, 4, 20_000, 3)
    expect(Math.abs(row.measured - row.expected)).toBeLessThanOrEqual(0.01)
    expect(row.pass).toBe(true)
  })

  it('below the threshold the pool loses; above it, it gains (α=0.25 vs 0.4 at γ=0)', () => {
    expect(runSelfishRow(0.25, 0, 3, 20_000, 4).measured).toBeLessThan(0.25)
    expect(runSelfishRow(0.4, 0, 3, 20_000, 4).measured).toBeGreaterThan(0.4)
  })

  it('the check can fail: the same pool mining honestly earns its share α, not the formula', () => {
    const config = { ...selfishConfig(0.4, 0, 9), byzantine: [] }
    const net = createNetwork(config)
    net.run({ stopAtHeight: 20_000 })
    const { miners } = net.query({ type: 'miners', node: 1 }) as { miners: { miner: number; share: number }[] }
    const share = miners.find((m) => m.miner === 0)!.share
    expect(share).toBeCloseTo(0.4, 1)
    expect(Math.abs(share - 0.4837)).toBeGreaterThan(0.05)
  })
})
