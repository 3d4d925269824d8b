import { describe, expect, it } from 'vitest'
import { medianInterval } from '../../../runtime/experiments/medianInterval.ts'
import { RAFT_CAP_MS, noSplitMedianMs, runElectionTrial, runRaftElection } from '../../../runtime/experiments/raftElection.ts'
import { EXPERIMENTS } from '../../../runtime/experiments/registry.ts'

describe('raft-election (Raft §9.3)', () => {
  const result = runRaftElection({ seed: 3, trials: 40 })
  const row = (r: number) => result.rows.find((x) => x.params.randomnessMs === r)!

  it('shows the split-vote collapse: no randomness is > 10× slower than every randomized row', () => {
    expect(result.experiment).toBe('raft-election')
    expect(result.rows.map((r) => r.params.randomnessMs)).toEqual([0, 5, 50, 150])
    const none = row(0)
    expect(none.censored).toBeGreaterThan(20)
    expect(none.measured).toBeGreaterThanOrEqual(RAFT_CAP_MS / 2)
    for (const r of [5, 50, 150]) {
      expect(row(r).censored).toBe(0)
      expect(10 * row(r).measured).toBeLessThan(none.measured)
      expect(row(r).pass).toBe(true)
    }
    expect(none.expected).toBeCloseTo(10 * Math.max(row(5).measured, row(50).measured, row(150).measured), 6)
    expect(result.pass).toBe(true)
  })

  it('less randomness, more split votes: 5 ms needs more terms than 150 ms, and takes longer', () => {
    expect(row(5).meanTerms as number).toBeGreaterThan(row(150).meanTerms as number)
    expect(row(0).meanTerms as number).toBeGreaterThan(30)
    expect(row(5).measured).toBeGreaterThan(row(5).noSplitMedianMs as number)
  })

  it('reports what the format asks for: interval, p90, max, events, a trace hash per row', () => {
    for (const r of result.rows) {
      expect(r.ciLow).toBeLessThanOrEqual(r.measured)
      expect(r.ciHigh).toBeGreaterThanOrEqual(r.measured)
      expect(r.p90Ms as number).toBeGreaterThanOrEqual(r.measured)
      expect(r.maxMs as number).toBeGreaterThanOrEqual(r.p90Ms as number)
      expect(r.events).toBeGreaterThan(0)
      expect(r.traceHash).toMatch(/^[0-9a-f]{16}$/)
      expect(r.expectedMeans).toMatchObject({ en: expect.any(String), ko: expect.any(String) })
    }
    expect(result.setup.en).toMatch(/15 ms/)
    expect(result.setup.ko.length).toBeGreaterThan(20)
  })

  it('with rare split votes the simulated median matches the no-split model', () => {
    const wide = runRaftElection({ seed: 5, trials: 300 }, [150])
    const r = wide.rows[0]!
    expect(r.meanTerms as number).toBeLessThan(1.1)
    expect(r.expected).toBeGreaterThanOrEqual(r.ciLow)
    expect(r.expected).toBeLessThanOrEqual(r.ciHigh)
  })

  it('is deterministic per seed, and registered', () => {
    const a = runElectionTrial(5, 42)
    const b = runElectionTrial(5, 42)
    expect(a).toEqual(b)
    expect(runElectionTrial(5, 43).traceHash).not.toBe(a.traceHash)
    expect(EXPERIMENTS['raft-election']).toBeTypeOf('function')
  })

  it('the no-split model: T − H/2 plus the message path when there is no randomness', () => {
    // 150 − 75/2 + 5 one-way trips of 2.05 ms + 2 fsyncs of 11 ms.
    expect(noSplitMedianMs(0)).toBeCloseTo(150 - 37.5 + 5 * 2.05 + 22, 3)
    expect(noSplitMedianMs(150)).toBeGreaterThan(noSplitMedianMs(50))
  })
})

describe('medianInterval', () => {
  it('brackets the median with the binomial order statistics', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i)
    const m = medianInterval(xs)
    expect(m.median).toBe(50.5)
    expect([m.low, m.high]).toEqual([34, 67])
    expect(m.coverage).toBeGreaterThanOrEqual(0.999)
  })

  it('is unbounded when n is too small for the confidence, bounded from 11 samples at 99.9%', () => {
    expect(medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ low: -Infinity, high: Infinity })
    expect(medianInterval(Array.from({ length: 11 }, (_, i) => i))).toMatchObject({ median: 5, low: 0, high: 10 })
    expect(medianInterval([3, 1, 2], 0.5)).toMatchObject({ median: 2, low: 1, high: 3 })
  })

  it('covers the true median at (at least) the stated rate', () => {
    // Uniform(0, 1) samples from a fixed LCG: the true median is 0.5.
    let state = 12345
    const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32)
    let covered = 0
    const runs = 400
    for (let r = 0; r < runs; r++) {
      const m = medianInterval(Array.from({ length: 25 }, next), 0.9)
      if (m.low <= 0.5 && 0.5 <= m.high) covered++
    }
    expect(covered / runs).toBeGreaterThan(0.86)
  })
})
