/** Bugs found by the chaos test, each pinned by a small scenario. */
import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../runtime/sim/notifications.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

const MIN = 60_000_000

describe('regressions', () => {
  it('a scheduled command that no longer applies is reported and skipped, not thrown out of run()', () => {
    const net = createNetwork(configFromPreset('pow-lan', 1))
    const rejected: Extract<Notification, { type: 'command-rejected' }>[] = []
    net.subscribe({ types: ['command-rejected'] }, (n) => {
      if (n.type === 'command-rejected') rejected.push(n)
    })
    net.apply({ type: 'crash', node: 3, atUs: 2 * MIN })
    net.apply({ type: 'remove-node', node: 3 })
    expect(() => net.run({ untilUs: 5 * MIN })).not.toThrow()
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.reason.en).toBe('node 3 is removed')
    expect(rejected[0]!.reason.ko).toContain('제거됨')
    expect(net.now).toBe(5 * MIN)
  })

  it('a node whose catch-up hit a corrupted copy fetches the missing block from the next honest sender', () => {
    const net = createNetwork(configFromPreset('pow-lan', 2))
    net.run({ stopAtHeight: 20 })
    const block5 = (net.query({ type: 'chain', node: 0, limit: 100 }) as { blocks: { block: number; height: number }[] }).blocks.find((b) => b.height === 5)!.block
    net.apply({ type: 'tamper', node: 1, block: block5, data: 'corrupt' })
    // The newcomer can first reach only node 1, whose copy of block 5 it must reject …
    const { node } = net.apply({ type: 'add-node', peers: [1, 2], hashPower: 0 })
    net.apply({ type: 'partition', groups: [[1, node!], [0, 2, 3, 4, 5, 6, 7]] })
    net.run({ untilUs: net.now + 10_000_000 })
    const stuck = net.query({ type: 'node', node: node! }) as { height: number; waitingFor: { block: number; state: string }[] }
    // It fetched the chain from the tip down and stopped at block 5: nothing connects yet.
    expect(stuck.height).toBe(0)
    expect(stuck.waitingFor).toEqual([{ block: block5, height: 5, state: 'unknown' }])
    // … then the partition heals: node 2 announces its tip (held here as an orphan), so the
    // newcomer asks node 2 for the missing block 5.
    net.apply({ type: 'heal' })
    net.run({ untilUs: net.now + 10_000_000 })
    const info = net.query({ type: 'node', node: node! }) as { height: number; waitingFor: unknown[] }
    expect(info.height).toBe((net.query({ type: 'heads' }) as { height: number }[])[2]!.height)
    expect(info.waitingFor).toEqual([])
  })

  it('a node turned selfish mid-run after a partition heals publishes only real blocks', () => {
    const net = createNetwork(configFromPreset('pow-lan', 3))
    net.apply({ type: 'partition', groups: [[0], [1, 2, 3, 4, 5, 6, 7]] })
    net.run({ untilUs: 30 * MIN })
    net.apply({ type: 'set-byzantine', node: 0, strategy: 'selfish-mining' })
    net.apply({ type: 'mine', node: 0 })
    net.apply({ type: 'heal' }) // the public chain jumps far above node 0's
    expect(() => net.run({ untilUs: 90 * MIN })).not.toThrow()
    expect(Number.isFinite(net.now)).toBe(true)
  })

  it('an idle network still reaches untilUs', () => {
    const net = createNetwork(configFromPreset('pow-lan', 4))
    for (let n = 0; n < 8; n++) net.apply({ type: 'crash', node: n })
    expect(net.run({ untilUs: 10 * MIN })).toMatchObject({ reason: 'time', nowUs: 10 * MIN })
  })
})

describe('strategies given mid-run', () => {
  it('a double-spend attacker set at height ~40 races from there, not from genesis', () => {
    const net = createNetwork(configFromPreset('pow-lan', 6))
    net.run({ stopAtHeight: 40 })
    const attacks: Extract<Notification, { type: 'attack' }>[] = []
    net.subscribe({ types: ['attack'] }, (n) => {
      if (n.type === 'attack') attacks.push(n)
    })
    net.apply({ type: 'set-byzantine', node: 0, strategy: 'double-spend' })
    net.run({ untilUs: net.now + 60 * MIN })
    expect(attacks.length).toBeGreaterThan(0)
    // Each race starts where the last one ended: no race spans the whole chain.
    for (const a of attacks) expect(a.honestBlocks).toBeLessThan(60)
  })
})

describe('a byzantine node made honest again', () => {
  it('drops its own invalid blocks and follows the valid chain', () => {
    const base = configFromPreset('pow-lan', 7)
    const config = { ...base, protocol: { ...base.protocol, hashPower: { kind: 'shares' as const, shares: [20, 1, 1, 1, 1, 1, 1, 1] } } }
    const net = createNetwork(config)
    net.apply({ type: 'set-byzantine', node: 0, strategy: 'invalid-blocks' })
    net.run({ untilUs: 10 * MIN })
    const before = net.query({ type: 'heads' }) as { tip: number; height: number }[]
    // With 20/27 of the power its invalid chain is far ahead of the valid one.
    expect(before[0]!.height).toBeGreaterThan(before[1]!.height)
    net.apply({ type: 'set-byzantine', node: 0, strategy: 'honest' })
    const after = net.query({ type: 'heads' }) as { tip: number }[]
    expect(after[0]!.tip).toBe(before[1]!.tip)
    net.run({ untilUs: 20 * MIN })
    const heads = net.query({ type: 'heads' }) as { tip: number }[]
    expect(new Set(heads.map((h) => h.tip)).size).toBe(1)
  })
})
