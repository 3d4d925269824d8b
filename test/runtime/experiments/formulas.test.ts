import { describe, expect, it } from 'vitest'
import { meanInterval, trialsForPrecision, wilson, Z_999 } from '../../../runtime/experiments/confidence.ts'
import { eyalSirerRevenue, nakamoto, rosenfeld, selfishThreshold } from '../../../runtime/experiments/formulas.ts'

// Values from ../shared/reference/simulators-and-consensus.md §3 (recomputed there from the papers).
describe('literature formulas', () => {
  it.each([
    [0.1, 1, 0.2045873],
    [0.1, 6, 0.0002428],
    [0.1, 10, 0.0000012],
    [0.3, 5, 0.1773523],
    [0.3, 10, 0.0416605],
    [0.3, 30, 0.0001522],
  ])('Nakamoto §11: q=%d, z=%d → %d', (q, z, p) => {
    expect(nakamoto(q, z)).toBeCloseTo(p, 7)
  })

  it.each([
    [0.1, 1, 0.2],
    [0.1, 2, 0.056],
    [0.1, 3, 0.01712],
    [0.1, 5, 0.0017818],
    [0.1, 6, 0.0005914],
    [0.1, 10, 0.0000079],
    [0.3, 1, 0.6],
    [0.3, 2, 0.432],
    [0.3, 3, 0.32616],
    [0.3, 6, 0.1564496],
    [0.3, 10, 0.0651067],
  ])('Rosenfeld: q=%d, n=%d → %d', (q, n, r) => {
    expect(rosenfeld(q, n)).toBeCloseTo(r, 7)
  })

  it('Rosenfeld is 1 for q ≥ p and exceeds Nakamoto at q=0.1, z=6 by ≈2.4×', () => {
    expect(rosenfeld(0.5, 3)).toBe(1)
    expect(rosenfeld(0.1, 6) / nakamoto(0.1, 6)).toBeCloseTo(2.44, 1)
  })

  it.each([
    [0.1, 0, 0.0356],
    [0.1, 1, 0.1092],
    [0.25, 0.5, 0.25],
    [1 / 3, 0, 0.3333],
    [0.4, 0.5, 0.5256],
    [0.45, 1, 0.7094],
  ])('Eyal–Sirer revenue: α=%d, γ=%d → %d', (a, g, r) => {
    expect(eyalSirerRevenue(a, g)).toBeCloseTo(r, 4)
  })

  it('the profitability threshold: revenue equals α exactly there, exceeds it above', () => {
    expect(selfishThreshold(0)).toBeCloseTo(1 / 3, 12)
    expect(selfishThreshold(0.5)).toBe(0.25)
    expect(selfishThreshold(1)).toBe(0)
    for (const g of [0, 0.5]) {
      const t = selfishThreshold(g)
      expect(eyalSirerRevenue(t, g)).toBeCloseTo(t, 10)
      expect(eyalSirerRevenue(t + 0.05, g)).toBeGreaterThan(t + 0.05)
      expect(eyalSirerRevenue(t - 0.05, g)).toBeLessThan(t - 0.05)
    }
  })
})

describe('confidence intervals', () => {
  it('Wilson: contains the estimate, narrows with n, stays in [0, 1]', () => {
    const a = wilson(200, 1000)
    expect(a.low).toBeLessThan(0.2)
    expect(a.high).toBeGreaterThan(0.2)
    const b = wilson(2000, 10000)
    expect(b.high - b.low).toBeLessThan(a.high - a.low)
    expect(wilson(0, 500).low).toBe(0)
    expect(wilson(0, 500).high).toBeCloseTo((Z_999 * Z_999) / (500 + Z_999 * Z_999), 6)
    expect(wilson(500, 500).high).toBe(1)
  })

  it('t-interval of samples, and the trial counts of the precision rule', () => {
    const m = meanInterval([0.41, 0.42, 0.40, 0.43])
    expect(m.mean).toBeCloseTo(0.415, 10)
    // 3 degrees of freedom: t(0.9995, 3) = 12.92.
    expect(m.high - m.mean).toBeCloseTo(12.92 * Math.sqrt(0.0005 / 3 / 4), 6)
    expect(wilson(0, trialsForPrecision(0)).high / 2).toBeLessThanOrEqual(0.01)
    const n = trialsForPrecision(0.6)
    const w = wilson(0.6 * n, n)
    expect((w.high - w.low) / 2).toBeLessThanOrEqual(0.06)
  })
})
