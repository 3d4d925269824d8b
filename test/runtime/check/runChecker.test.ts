import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../runtime/check/runChecker.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

const MIN = 60_000_000
const lan = () => configFromPreset('pow-lan', 5)

describe('run checker (PoW: final at depth k)', () => {
  it('a healthy run: safety ok, liveness ok', () => {
    const net = createNetwork(lan())
    const checker = createRunChecker(net, { baseTimeoutUs: 15_000_000 })
    net.run({ untilUs: 60 * MIN })
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok', violations: [] })
  })

  it('a long partition makes the minority drop more than k blocks: safety violated, with evidence', () => {
    const net = createNetwork(lan())
    const checker = createRunChecker(net, { baseTimeoutUs: 15_000_000 })
    net.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5, 6, 7]], atUs: 5 * MIN })
    net.apply({ type: 'heal', atUs: 65 * MIN })
    checker.noteFault(65 * MIN)
    net.run({ untilUs: 120 * MIN })
    const s = checker.summary()
    expect(s.safety).toBe('violated')
    expect(s.violations.length).toBeGreaterThan(0)
    for (const v of s.violations) {
      if (v.kind !== 'deep-reorg') throw new Error(`unexpected violation kind ${v.kind}`)
      expect(v.depth).toBeGreaterThan(6)
      expect([0, 1, 2, 3, 4, 5, 6, 7]).toContain(v.node)
      expect(v.atUs).toBeGreaterThanOrEqual(65 * MIN)
    }
    expect(s.liveness).toBe('ok')
    expect(s.firstHeightAfterFaultsUs).toBeGreaterThan(65 * MIN)
  })

  it('a short partition stays below k: safety ok', () => {
    const net = createNetwork(lan())
    const checker = createRunChecker(net, { baseTimeoutUs: 15_000_000, k: 6 })
    net.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5, 6, 7]], atUs: 5 * MIN })
    net.apply({ type: 'heal', atUs: 6 * MIN })
    checker.noteFault(6 * MIN)
    net.run({ untilUs: 30 * MIN })
    expect(checker.summary().safety).toBe('ok')
  })

  it('liveness: stalled when every miner is down after the faults, unknown before the window closes', () => {
    const net = createNetwork(lan())
    const checker = createRunChecker(net, { baseTimeoutUs: 15_000_000 })
    net.run({ untilUs: 2 * MIN })
    for (let n = 0; n < 8; n++) net.apply({ type: 'crash', node: n })
    checker.noteFault(net.now)
    net.run({ untilUs: net.now + 60_000_000 })
    expect(checker.summary().liveness).toBe('unknown')
    net.runUntil(net.now + 150_000_000)
    expect(checker.summary().liveness).toBe('stalled')
  })

  it("byzantine nodes' own reorgs are not violations", () => {
    const config = { ...lan(), byzantine: [{ node: 0, strategy: 'double-spend' as const, confirmations: 1, giveUpBehind: 40 }] }
    const net = createNetwork(config)
    const checker = createRunChecker(net, { baseTimeoutUs: 15_000_000, byzantine: [0] })
    net.run({ untilUs: 600 * MIN })
    expect(checker.summary().safety).toBe('ok')
  })
})
