import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { EPOCH_US, posConfig } from './posTestConfig.ts'

function partitioned(groups: number[][], healAtUs: number, untilUs: number) {
  const net = createNetwork(posConfig(4, { seed: 7, net: 'wan' }))
  const checker = createRunChecker(net, {})
  const finals: { node: number; atUs: number; height: number }[] = []
  net.subscribe({ types: ['finalized'] }, (n) => {
    if (n.type === 'finalized') finals.push({ node: n.node, atUs: n.atUs, height: n.height })
  })
  net.apply({ type: 'partition', groups, atUs: 4 * EPOCH_US + 1 })
  net.apply({ type: 'heal', atUs: healAtUs })
  checker.noteFault(healAtUs)
  net.run({ untilUs })
  return { net, checker, finals }
}

describe('PoS under partitions', () => {
  it('2 | 2: no side has 2/3 of the stake, so finality stops; after the heal it resumes (liveness ok)', () => {
    const heal = 11 * EPOCH_US + 4_000_000
    const { checker, finals } = partitioned([[0, 1], [2, 3]], heal, 20 * EPOCH_US)
    // Epoch 3 (voted on before the split) can still be finalized at the start of epoch 5; nothing after.
    const during = finals.filter((f) => f.atUs > 5 * EPOCH_US + 1_000_000 && f.atUs <= heal)
    expect(during).toEqual([])
    const after = finals.filter((f) => f.atUs > heal)
    expect(new Set(after.map((f) => f.node))).toEqual(new Set([0, 1, 2, 3]))
    // The first epoch started after the heal is justified when it ends and finalized one epoch later.
    expect(Math.min(...after.map((f) => f.atUs))).toBeLessThanOrEqual(14 * EPOCH_US + 1_000_000)
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })

  it('3 | 1: the side with 3/4 of the stake keeps finalizing, the lone node does not; it catches up after the heal', () => {
    const heal = 11 * EPOCH_US + 4_000_000
    const { net, checker, finals } = partitioned([[0], [1, 2, 3]], heal, 16 * EPOCH_US)
    const during = finals.filter((f) => f.atUs > 5 * EPOCH_US + 1_000_000 && f.atUs <= heal)
    expect(new Set(during.map((f) => f.node))).toEqual(new Set([1, 2, 3]))
    expect(during.filter((f) => f.atUs > 10 * EPOCH_US).length).toBe(3)
    // Node 0 learns the epochs it missed from the votes included in the blocks it syncs.
    const view = (n: number) => (net.query({ type: 'node', node: n }) as { consensus: { finalized: unknown; justified: unknown } }).consensus
    for (const n of [1, 2, 3]) expect(view(0)).toMatchObject({ finalized: view(n).finalized, justified: view(n).justified })
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })
})

describe('PoS: nodes joining late', () => {
  it('a node added while running syncs the chain and rebuilds justification from the votes in its blocks', () => {
    const net = createNetwork(posConfig(4, { net: 'wan' }))
    net.run({ untilUs: 6 * EPOCH_US + 4_000_000 })
    const added = (net.apply({ type: 'add-node' }) as { node: number }).node
    net.run({ untilUs: 9 * EPOCH_US + 4_000_000 })
    const view = (n: number) => (net.query({ type: 'node', node: n }) as { consensus: { finalized: unknown; justified: unknown; validator: boolean } }).consensus
    expect(view(added)).toMatchObject({ validator: false, justified: { epoch: 8 }, finalized: { epoch: 7 } })
    expect(view(added).finalized).toEqual(view(0).finalized)
  })
})

describe('PoS determinism', () => {
  it('the same config and seed give the same trace hash, with equivocators, a partition and a crash', () => {
    const once = () => {
      const net = createNetwork(posConfig(6, { seed: 42, net: 'wan', byzantine: [{ node: 5, strategy: 'equivocation' }] }, { stake: [3, 1, 1, 2, 1, 2] }))
      net.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5]], atUs: 30_000_000 })
      net.apply({ type: 'heal', atUs: 60_000_000 })
      net.apply({ type: 'crash', node: 1, atUs: 70_000_000 })
      net.apply({ type: 'restart', node: 1, atUs: 90_000_000 })
      net.run({ untilUs: 160_000_000 })
      return { hash: net.traceHash(), protocol: net.summary().protocol }
    }
    const a = once()
    expect(once()).toEqual(a)
    const other = createNetwork(posConfig(6, { seed: 43, net: 'wan', byzantine: [{ node: 5, strategy: 'equivocation' }] }, { stake: [3, 1, 1, 2, 1, 2] }))
    other.run({ untilUs: 160_000_000 })
    expect(other.traceHash()).not.toBe(a.hash)
  })
})
