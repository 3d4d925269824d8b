import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../runtime/sim/notifications.ts'
import type { Network } from '../../../runtime/sim/network.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

interface Head {
  node: number
  status: string
  tip: number
  height: number
}
const heads = (net: Network): Head[] => net.query({ type: 'heads' }) as Head[]
const S = 1_000_000

describe('partition and heal', () => {
  it('a partition grows two chains; after heal every node follows the heavier one and reorgs are reported', () => {
    const net = createNetwork(configFromPreset('pow-lan', 2))
    const reorgs: Extract<Notification, { type: 'reorg' }>[] = []
    net.subscribe({ types: ['reorg'] }, (n) => {
      if (n.type === 'reorg') reorgs.push(n)
    })
    net.run({ untilUs: 60 * S })
    net.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5, 6, 7]] })
    net.run({ untilUs: 1260 * S })

    const before = heads(net)
    const tipA = before[0]!.tip
    const tipB = before[3]!.tip
    expect(new Set(before.slice(0, 3).map((h) => h.tip))).toEqual(new Set([tipA]))
    expect(new Set(before.slice(3).map((h) => h.tip))).toEqual(new Set([tipB]))
    type TreeBlock = { block: number; parent: number; cumulativeWork: number }
    let byId = new Map<number, TreeBlock>()
    const refresh = (): void => {
      byId = new Map((net.query({ type: 'block-tree' }) as TreeBlock[]).map((b) => [b.block, b]))
    }
    const ancestors = (b: number): Set<number> => {
      const s = new Set<number>()
      for (let x = b; x >= 0; x = byId.get(x)!.parent) s.add(x)
      return s
    }
    refresh()
    // Two chains: neither tip is an ancestor of the other.
    expect(ancestors(tipA).has(tipB)).toBe(false)
    expect(ancestors(tipB).has(tipA)).toBe(false)
    const heavier = byId.get(tipA)!.cumulativeWork > byId.get(tipB)!.cumulativeWork ? tipA : tipB
    const losers = heavier === tipA ? [3, 4, 5, 6, 7] : [0, 1, 2]
    expect(reorgs).toHaveLength(0)

    net.apply({ type: 'heal' })
    net.run({ untilUs: 1290 * S })
    const after = heads(net)
    refresh()
    expect(new Set(after.map((h) => h.tip)).size).toBe(1)
    expect(ancestors(after[0]!.tip).has(heavier)).toBe(true)
    // Every node of the losing side reorganised away from its branch, and said how deep.
    expect(new Set(reorgs.map((r) => r.node))).toEqual(new Set(losers))
    for (const r of reorgs) expect(r.depth).toBeGreaterThanOrEqual(1)
    const metrics = net.query({ type: 'metrics' }) as { reorgs: { count: number; maxDepth: number }; orphans: number }
    expect(metrics.reorgs.count).toBe(reorgs.length)
    expect(metrics.orphans).toBeGreaterThan(0)
  })
})

describe('crash and restart', () => {
  it('a crashed node misses blocks and catches up after restart', () => {
    const net = createNetwork(configFromPreset('pow-lan', 4))
    net.run({ untilUs: 60 * S })
    net.apply({ type: 'crash', node: 3 })
    const frozen = heads(net)[3]!.height
    net.run({ untilUs: 660 * S })
    const during = heads(net)
    expect(during[3]!.status).toBe('crashed')
    expect(during[3]!.height).toBe(frozen)
    expect(during[0]!.height).toBeGreaterThanOrEqual(frozen + 10)
    expect(() => net.apply({ type: 'crash', node: 3 })).toThrow(/crashed/)

    net.apply({ type: 'restart', node: 3 })
    net.run({ untilUs: 662 * S })
    const after = heads(net)
    expect(after[3]!.status).toBe('up')
    expect(after[3]!.tip).toBe(after[0]!.tip)
  })

  it('a crashed miner finds no blocks while down', () => {
    const net = createNetwork(configFromPreset('pow-lan', 5))
    net.apply({ type: 'crash', node: 1 })
    net.run({ untilUs: 1800 * S })
    const tree = net.query({ type: 'block-tree' }) as { miner: number }[]
    expect(tree.length).toBeGreaterThan(50)
    expect(tree.filter((b) => b.miner === 1)).toHaveLength(0)
  })
})

describe('adding and removing nodes while running', () => {
  it('a node added mid-run connects and syncs the whole chain', () => {
    const net = createNetwork(configFromPreset('pow-lan', 6))
    net.run({ untilUs: 600 * S })
    const result = net.apply({ type: 'add-node' })
    expect(result.node).toBe(8)
    net.run({ untilUs: 601 * S })
    const h = heads(net)
    expect(h).toHaveLength(9)
    expect(h[8]!.height).toBeGreaterThan(10)
    expect(h[8]!.tip).toBe(h[0]!.tip)
    const node = net.query({ type: 'node', node: 8 }) as { peers: number[] }
    expect(node.peers).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('on a Bitcoin-like topology the new node picks random outbound peers and syncs', () => {
    const net = createNetwork(configFromPreset('bitcoin-2019', 3, { nodes: 200 }))
    net.run({ stopAtHeight: 3 })
    const { node } = net.apply({ type: 'add-node', region: 1 })
    net.run({ untilUs: net.now + 60 * S })
    const info = net.query({ type: 'node', node: node! }) as { peers: number[]; region: string; height: number; outbound: number }
    expect(info.region).toBe('europe')
    expect(info.outbound).toBeGreaterThan(0)
    expect(info.height).toBe(3)
  })

  it('a removed node stops relaying and mining; the rest carry on', () => {
    const net = createNetwork(configFromPreset('pow-lan', 8))
    net.apply({ type: 'remove-node', node: 0 })
    net.run({ untilUs: 600 * S })
    const h = heads(net)
    expect(h[0]!.status).toBe('removed')
    expect(h[0]!.height).toBe(0)
    expect(new Set(h.slice(1).map((x) => x.tip)).size).toBe(1)
    expect((net.query({ type: 'node', node: 0 }) as { peers: number[] }).peers).toEqual([])
  })
})

describe('link faults', () => {
  it('lost requests are retried: a network with 30% loss still converges', () => {
    const net = createNetwork(configFromPreset('pow-lan', 9))
    net.apply({ type: 'set-link-fault', fault: { drop: 0.3, duplicate: 0.2, delayMs: 50 } })
    net.run({ untilUs: 900 * S })
    net.apply({ type: 'set-link-fault', fault: null })
    net.run({ untilUs: 960 * S })
    const h = heads(net)
    expect(h[0]!.height).toBeGreaterThan(30)
    expect(new Set(h.map((x) => x.tip)).size).toBe(1)
  })
})
