/**
 * Small versions of `bft-safety` and `bft-messages` (the full runs come from `playground
 * experiment`): the same schedules, configs and checker. Each can fail — the f = 2 row exists to
 * show that the checker does report violations, and the message count is exact.
 */
import { describe, expect, it } from 'vitest'
import {
  bftMessagesConfig,
  pbftMessagesPerRequest,
  runBftMessages,
  tendermintMessagesPerHeight,
} from '../../../runtime/experiments/bftMessages.ts'
import { FAULT_WINDOW_US, randomFaultSchedule, runBftSafety, runBftSafetyRow } from '../../../runtime/experiments/bftSafety.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'

describe('bft-safety: fault schedules', () => {
  it('are drawn from the seed: 1–4 faults, each scheduled in the future and ended within 60 s', () => {
    const kinds = new Set<string>()
    for (let seed = 1; seed <= 50; seed++) {
      const s = randomFaultSchedule(seed, 4, [0, 1, 2])
      expect(s).toEqual(randomFaultSchedule(seed, 4, [0, 1, 2]))
      expect(s.faults.length).toBeGreaterThanOrEqual(1)
      expect(s.faults.length).toBeLessThanOrEqual(4)
      expect(s.commands).toHaveLength(2 * s.faults.length)
      for (const c of s.commands) {
        expect(c.atUs).toBeGreaterThan(0)
        expect(c.atUs).toBeLessThanOrEqual(s.endUs)
        kinds.add(c.type)
        if (c.type === 'crash' || c.type === 'restart') expect([0, 1, 2]).toContain(c.node)
      }
      expect(s.endUs).toBeLessThanOrEqual(FAULT_WINDOW_US)
    }
    expect([...kinds].sort()).toEqual(['crash', 'heal', 'partition', 'restart', 'set-link-fault'])
  })
})

describe('bft-safety experiment', () => {
  it('f=1 of 4: no violation in 10 schedules, every one finalizes 20 heights and recovers in time', () => {
    const row = runBftSafetyRow([3], 10, 1)
    expect(row).toMatchObject({ params: { n: 4, f: 1 }, schedules: 10, violations: 0, measured: 0, expected: 0, ciLow: 0 })
    expect(row.livenessFailures).toBe(0)
    expect(row.minHeights).toBeGreaterThanOrEqual(20)
    expect(row.pass).toBe(true)
  })

  it('f=2 of 4: the checker catches a violation within 20 schedules (the row passes only then)', () => {
    const row = runBftSafetyRow([2, 3], 20, 1)
    expect(row.params).toEqual({ n: 4, f: 2 })
    expect(row.violations).toBeGreaterThan(0)
    expect(row.measured).toBeGreaterThan(0)
    expect(row.ciLow).toBeGreaterThan(0)
    expect(row.expected).toBe(1)
    expect(row.criterion).toBe('> 0')
    expect(row.pass).toBe(true)
  })

  it('is deterministic and reports one row per f with the first schedule’s trace hash', () => {
    const a = runBftSafety({ seed: 3, trials: 3 })
    expect(runBftSafety({ seed: 3, trials: 3 })).toEqual(a)
    expect(a.rows.map((r) => r.params)).toEqual([
      { n: 4, f: 1 },
      { n: 4, f: 2 },
    ])
    expect(a.trials).toBe(6)
    for (const r of a.rows) {
      expect(r.traceHash).toMatch(/^[0-9a-f]{16}$/)
      expect(r.events).toBeGreaterThan(0)
    }
    expect(a.rows[0]!.traceHash).not.toBe(a.rows[1]!.traceHash)
  })
})

describe('bft-messages experiment', () => {
  it('n=4 and n=7: messages per height equal (n−1) + 2n(n−1) exactly, with no extra rounds', () => {
    const result = runBftMessages({ seed: 1, trials: 20 }, { n: [4, 7] })
    expect(result.rows.map((r) => [r.params.n, r.measured, r.expected, r.pbft])).toEqual([
      [4, 27, 27, 24],
      [7, 90, 90, 84],
    ])
    for (const r of result.rows) {
      expect(r).toMatchObject({ extraRounds: 0, heights: 20, pass: true })
      expect(r.ciLow).toBe(r.measured)
      expect(r.ciHigh).toBe(r.measured)
    }
    expect(result.pass).toBe(true)
  })

  it('the formulas: Tendermint 27/90/189, PBFT (reference) 24/84/180', () => {
    expect([4, 7, 10].map(tendermintMessagesPerHeight)).toEqual([27, 90, 189])
    expect([4, 7, 10].map(pbftMessagesPerRequest)).toEqual([24, 84, 180])
  })

  it('the count can differ: with a crashed validator its rounds time out and the count is not the formula', () => {
    const net = createNetwork(bftMessagesConfig(4, 1))
    net.apply({ type: 'crash', node: 1 })
    net.run({ untilUs: 60_000_000 })
    const s = net.summary().protocol as { heights: number; extraRounds: number; messagesPerHeight: number }
    expect(s.heights).toBeGreaterThan(4)
    expect(s.extraRounds).toBeGreaterThan(0)
    expect(s.messagesPerHeight).not.toBe(tendermintMessagesPerHeight(4))
  })
})
