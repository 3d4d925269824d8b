/**
 * Clock skew on Tendermint's timeouts: a drifting clock (driftPpm) makes a node's timeouts fire
 * after timeout / (1 + drift) of simulated time, so fast clocks go through more rounds in a fixed
 * time; an offset alone moves the clock's reading, not its rate, and changes no timeout; bad
 * values are rejected naming the field.
 */
import { describe, expect, it } from 'vitest'
import { InvalidFieldError } from '../../../runtime/errors/input.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { Network } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

const S = 1_000_000
const MS = 1000
const TIMEOUT_PROPOSE_MS = 3000
const TIMEOUT_PROPOSE_DELTA_MS = 500

function tendermint(seed = 1): Record<string, unknown> {
  return {
    seed,
    nodes: 4,
    net: 'lan',
    topology: 'full-mesh',
    protocol: { kind: 'tendermint', timeoutCommitMs: 0, timeoutProposeMs: TIMEOUT_PROPOSE_MS, timeoutProposeDeltaMs: TIMEOUT_PROPOSE_DELTA_MS },
    relay: { mode: 'inv', compact: false },
  }
}

interface Consensus {
  height: number
  round: number
  step: string
  proposer: number
}
const consensusOf = (net: Network, node: number): Consensus => (net.query({ type: 'node', node }) as { consensus: Consensus }).consensus

interface Skew {
  offsetMs?: number
  driftPpm?: number
}

/**
 * Node 3, cut off from the others, restarts into a round it does not propose: it waits out its
 * propose timeout alone (then prevotes nil). Returns how long that took in simulated ms, and the
 * round (the timeout grows by a delta per round).
 */
function isolatedProposeTimeout(skew: Skew | undefined): { elapsedMs: number; round: number } {
  const net = createNetwork(tendermint())
  net.run({ untilUs: S })
  net.apply({ type: 'partition', groups: [[0, 1, 2], [3]] })
  net.apply({ type: 'crash', node: 3 })
  net.run({ untilUs: 2 * S })
  if (skew) net.apply({ type: 'set-clock-skew', node: 3, ...skew })
  net.apply({ type: 'restart', node: 3 })
  const start = net.now
  const c = consensusOf(net, 3)
  expect(c.step).toBe('propose')
  expect(c.proposer).not.toBe(3)
  // Poll at 1 ms: the first time the node is past the propose step.
  let t = start
  while (consensusOf(net, 3).step === 'propose') {
    if (t > start + 20 * S) throw new Error('node 3 never left the propose step')
    t += MS
    net.runUntil(t)
  }
  expect(consensusOf(net, 3)).toMatchObject({ height: c.height, round: c.round, step: 'prevote' })
  return { elapsedMs: (t - start) / MS, round: c.round }
}

describe('clock skew: drift scales timeouts', () => {
  it.each([0, 500_000, 250_000, -250_000, -500_000])('driftPpm %i: an isolated node’s propose timeout fires after timeout / (1 + drift)', (driftPpm) => {
    const { elapsedMs, round } = isolatedProposeTimeout({ driftPpm })
    const localMs = TIMEOUT_PROPOSE_MS + TIMEOUT_PROPOSE_DELTA_MS * round
    const expected = localMs / (1 + driftPpm / 1e6)
    // Polled at 1 ms resolution.
    expect(elapsedMs).toBeGreaterThanOrEqual(expected - 1)
    expect(elapsedMs).toBeLessThanOrEqual(expected + 1)
  })

  it('a fast clock times out sooner than a true one, a slow one later', () => {
    const truth = isolatedProposeTimeout(undefined).elapsedMs
    expect(isolatedProposeTimeout({ driftPpm: 500_000 }).elapsedMs).toBeLessThan(truth)
    expect(isolatedProposeTimeout({ driftPpm: -500_000 }).elapsedMs).toBeGreaterThan(truth)
  })

  it('validators with fast clocks go through more rounds (and heights) in the same simulated time', () => {
    // Node 3 is down: every height it should propose costs the others a propose timeout and a
    // round. Moving to the next round needs all three live validators' nil prevotes, so all three
    // get the same skew.
    const run = (skew: Skew | undefined): { extraRounds: number; heights: number } => {
      const net = createNetwork(tendermint())
      net.apply({ type: 'crash', node: 3 })
      if (skew) for (const node of [0, 1, 2]) net.apply({ type: 'set-clock-skew', node, ...skew })
      net.run({ untilUs: 30 * S })
      const p = net.summary().protocol as { extraRounds: number; heights: number }
      return { extraRounds: p.extraRounds, heights: p.heights }
    }
    const truth = run(undefined)
    const fast = run({ driftPpm: 500_000 })
    const slow = run({ driftPpm: -300_000 })
    expect(truth.extraRounds).toBeGreaterThan(3)
    expect(fast.extraRounds).toBeGreaterThan(truth.extraRounds)
    expect(fast.heights).toBeGreaterThan(truth.heights)
    expect(slow.extraRounds).toBeLessThan(truth.extraRounds)
    expect(slow.heights).toBeLessThan(truth.heights)
    // An offset alone changes nothing here.
    expect(run({ offsetMs: 45_000 })).toEqual(truth)
    expect(run({ offsetMs: -45_000 })).toEqual(truth)
  })
})

describe('clock skew: offset alone', () => {
  it.each([60_000, -60_000, 1.5])('offsetMs %d does not change when a timeout fires', (offsetMs) => {
    expect(isolatedProposeTimeout({ offsetMs })).toEqual(isolatedProposeTimeout(undefined))
  })

  it('an offset with a drift times out like the drift alone', () => {
    expect(isolatedProposeTimeout({ offsetMs: -30_000, driftPpm: 200_000 })).toEqual(isolatedProposeTimeout({ driftPpm: 200_000 }))
  })
})

describe('clock skew: input errors', () => {
  const fieldOf = (command: Record<string, unknown>): string => {
    const net = createNetwork(tendermint())
    try {
      net.apply({ type: 'set-clock-skew', ...command })
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldError)
      // Nothing was recorded for a rejected command.
      expect(net.inputs).toHaveLength(0)
      return (error as InvalidFieldError).field
    }
    throw new Error('no error thrown')
  }

  it('names the field at fault', () => {
    expect(fieldOf({ node: 0, driftPpm: 500_001 })).toBe('command.driftPpm')
    expect(fieldOf({ node: 0, driftPpm: -500_001 })).toBe('command.driftPpm')
    expect(fieldOf({ node: 0, driftPpm: 'fast' })).toBe('command.driftPpm')
    expect(fieldOf({ node: 0, driftPpm: Number.NaN })).toBe('command.driftPpm')
    expect(fieldOf({ node: 0, offsetMs: Number.POSITIVE_INFINITY })).toBe('command.offsetMs')
    expect(fieldOf({ node: 0, offsetMs: 86_400_001 })).toBe('command.offsetMs')
    expect(fieldOf({ node: 0, offsetMs: '5s' })).toBe('command.offsetMs')
    expect(fieldOf({ node: 4, offsetMs: 10 })).toBe('command.node')
    expect(fieldOf({ offsetMs: 10 })).toBe('command.node')
    expect(fieldOf({ node: 0, drift: 10 })).toBe('command.drift')
  })

  it('the limits themselves are accepted', () => {
    const net = createNetwork(tendermint())
    for (const c of [{ driftPpm: 500_000 }, { driftPpm: -500_000 }, { offsetMs: 86_400_000 }, { offsetMs: -86_400_000 }, {}]) {
      expect(net.apply({ type: 'set-clock-skew', node: 1, ...c })).toMatchObject({ ok: true, type: 'set-clock-skew', node: 1 })
    }
  })
})

describe('clock skew: drift accrues from when it is set', () => {
  it('setting a drift late in a run does not make the clock jump, and clearing it keeps what it accrued', () => {
    const net = createNetwork(configFromPreset('poa', 1))
    const slot = (): number => (net.query({ type: 'node', node: 2 }) as { consensus: { slot: number } }).consensus.slot
    net.run({ untilUs: 3_600_000_000 })
    const before = slot()
    net.apply({ type: 'set-clock-skew', node: 2, driftPpm: 100_000 })
    expect(slot()).toBe(before)
    net.run({ untilUs: 3_610_000_000 })
    // 10 s at +10%: one slot (1 s) ahead of the others.
    expect(slot()).toBe(before + 11)
    net.apply({ type: 'set-clock-skew', node: 2, driftPpm: 0 })
    expect(slot()).toBe(before + 11)
    net.apply({ type: 'set-clock-skew', node: 2, offsetMs: 0 })
    expect(slot()).toBe(before + 10)
  })
})
