import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import type { SlashingEvidence } from '../../../../runtime/check/runChecker.ts'
import type { Checkpoint } from '../../../../runtime/consensus/pos/ffgVote.ts'
import { createProposerSchedule, genesisSeed } from '../../../../runtime/consensus/pos/proposer.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { EPOCH_US, posConfig } from './posTestConfig.ts'

interface VoteEvidence {
  vote1: { validator: number; source: Checkpoint; target: Checkpoint }
  vote2: { validator: number; source: Checkpoint; target: Checkpoint }
}

const equivocators = (nodes: number[]) => nodes.map((node) => ({ node, strategy: 'equivocation' as const }))

function run(nodes: number, byzantine: number[], epochs: number, seed = 1) {
  const net = createNetwork(posConfig(nodes, { seed, net: 'wan', byzantine: equivocators(byzantine) }))
  const checker = createRunChecker(net, { byzantine })
  net.run({ untilUs: epochs * EPOCH_US })
  return { net, check: checker.summary() }
}

/** Each piece of evidence really breaks the condition it names. */
function expectGenuine(e: SlashingEvidence): void {
  if (e.offence === 'double-proposal') {
    const ev = e.evidence as { slot: number; block1: number; block2: number }
    expect(ev.block1).not.toBe(ev.block2)
    return
  }
  const { vote1: a, vote2: b } = e.evidence as VoteEvidence
  expect(a.validator).toBe(e.validator)
  expect(b.validator).toBe(e.validator)
  if (e.offence === 'double-vote') {
    expect(a.target.epoch).toBe(b.target.epoch)
    expect(a.target.block).not.toBe(b.target.block)
  } else {
    expect(e.offence).toBe('surround-vote')
    const surrounds = (x: typeof a, y: typeof a): boolean => x.source.epoch < y.source.epoch && y.target.epoch < x.target.epoch
    expect(surrounds(a, b) || surrounds(b, a)).toBe(true)
  }
}

describe('PoS: equivocating validators', () => {
  it('1 of 4 equivocating (25% of the stake): safety and liveness hold, and its double votes, surround votes and double proposals are evidence', () => {
    const { net, check } = run(4, [3], 20)
    expect(check.safety).toBe('ok')
    expect(check.liveness).toBe('ok')
    const offences = new Set(check.slashing.map((e) => e.offence))
    expect(offences).toEqual(new Set(['double-vote', 'surround-vote', 'double-proposal']))
    for (const e of check.slashing) {
      expect(e.validator).toBe(3)
      expectGenuine(e)
    }
    // Reported once network-wide (4 observers would otherwise report each offence up to 3 times).
    const keys = check.slashing.map((e) => JSON.stringify([e.offence, e.evidence]))
    expect(new Set(keys).size).toBe(keys.length)
    expect(net.summary().protocol!.slashable).toBe(check.slashing.length)
    // The honest validators kept finalizing.
    expect(net.summary().protocol!.finalizedEpochs).toBeGreaterThanOrEqual(17)
  })

  it('3 of 10 equivocating (30%, below 1/3): no conflicting finality over several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const { check } = run(10, [7, 8, 9], 16, seed)
      expect(check.safety).toBe('ok')
      expect(check.slashing.length).toBeGreaterThan(0)
    }
  })

  it('3 of 9 equivocating (1/3, colluding, splitting the honest validators): conflicting finality, and ≥ 1/3 of the stake is provably slashable', () => {
    const { check } = run(9, [6, 7, 8], 16)
    expect(check.safety).toBe('violated')
    expect(check.violations[0]!.kind).toBe('conflicting-finality')
    // Accountable safety: every equivocator is caught, and only they are.
    const caught = new Set(check.slashing.filter((e) => e.offence === 'double-vote' || e.offence === 'surround-vote').map((e) => e.validator))
    expect(caught).toEqual(new Set([6, 7, 8]))
  })

  it('honest validators never produce evidence, even after crashing mid-epoch (their votes persist)', () => {
    const net = createNetwork(posConfig(4, { net: 'wan' }))
    const checker = createRunChecker(net, {})
    // Node 2 attests at 1/3 of slot 24 (epoch 3 starts at slot 24), crashes, and restarts in the same epoch.
    net.apply({ type: 'crash', node: 2, atUs: 3 * EPOCH_US + 3_000_000 })
    net.apply({ type: 'restart', node: 2, atUs: 3 * EPOCH_US + 6_000_000 })
    net.apply({ type: 'crash', node: 1, atUs: 5 * EPOCH_US + 1_000_000 })
    net.apply({ type: 'restart', node: 1, atUs: 8 * EPOCH_US + 9_000_000 })
    checker.noteFault(8 * EPOCH_US + 9_000_000)
    net.run({ untilUs: 14 * EPOCH_US })
    const s = checker.summary()
    expect(s.slashing).toEqual([])
    expect(s.safety).toBe('ok')
    expect(s.liveness).toBe('ok')
    const fin = (n: number) => (net.query({ type: 'node', node: n }) as { consensus: { finalized: { epoch: number } } }).consensus.finalized.epoch
    for (const n of [0, 1, 2, 3]) expect(fin(n)).toBe(12)
  })

  it('an honest validator that restarts on the other fork keeps its persisted vote (no double vote)', () => {
    const config = posConfig(4, { seed: 3, net: 'wan', byzantine: equivocators([3]) })
    const net = createNetwork(config)
    const keys = [0, 1, 2, 3].map((node) => (net.query({ type: 'node', node }) as { member: { publicKey: string } }).member.publicKey)
    const schedule = createProposerSchedule(genesisSeed(keys), [0, 1, 2, 3], [1, 1, 1, 1])
    // An epoch whose boundary block the equivocator proposes twice: node 0 (half A) votes for one
    // twin, then crashes, and restarts after the other half's proposer built on the other twin.
    let epoch = 2
    while (!(schedule.proposerOf(epoch * 8) === 3 && [1, 2].includes(schedule.proposerOf(epoch * 8 + 1)))) epoch++
    const checker = createRunChecker(net, { byzantine: [3] })
    net.apply({ type: 'crash', node: 0, atUs: epoch * EPOCH_US + 1_000_000 })
    net.apply({ type: 'restart', node: 0, atUs: epoch * EPOCH_US + 5_000_000 })
    net.run({ untilUs: (epoch + 3) * EPOCH_US })
    const s = checker.summary()
    expect(s.slashing.some((e) => e.validator === 3)).toBe(true)
    expect(s.slashing.filter((e) => e.validator !== 3)).toEqual([])
    expect(s.safety).toBe('ok')
  })
})
