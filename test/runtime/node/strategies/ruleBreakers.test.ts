import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import type { Notification } from '../../../../runtime/sim/notifications.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../../runtime/sim/presets.ts'

const HOUR = 3_600_000_000
const strongMiner0 = (seed: number) => {
  const base = configFromPreset('pow-lan', seed)
  return { ...base, protocol: { ...base.protocol, hashPower: { kind: 'shares' as const, shares: [4, 1, 1, 1, 1, 1, 1, 1] } } }
}
const minersOf = (net: ReturnType<typeof createNetwork>, node: number) =>
  (net.query({ type: 'miners', node }) as { height: number; miners: { miner: number; blocks: number }[] })

describe('rule-breaking strategies', () => {
  it('invalid blocks: honest nodes reject them and what builds on them, and agree on the valid chain', () => {
    const net = createNetwork({ ...strongMiner0(1), byzantine: [{ node: 0, strategy: 'invalid-blocks' }] })
    const checker = createRunChecker(net, { baseTimeoutUs: 15_000_000, byzantine: [0] })
    const rejected: Extract<Notification, { type: 'block-rejected' }>[] = []
    net.subscribe({ types: ['block-rejected'] }, (n) => {
      if (n.type === 'block-rejected') rejected.push(n)
    })
    net.run({ untilUs: 3 * HOUR })
    const heads = net.query({ type: 'heads' }) as { tip: number }[]
    expect(new Set(heads.slice(1).map((h) => h.tip)).size).toBe(1)
    // Node 0 has 4/11 of the power, yet none of its blocks is on an honest chain.
    expect(minersOf(net, 1).miners.find((m) => m.miner === 0)).toBeUndefined()
    expect(rejected.length).toBeGreaterThan(50)
    expect(rejected.every((r) => r.from === 0 && /breaks the consensus rules/.test(r.reason))).toBe(true)
    const m = net.query({ type: 'metrics' }) as { rejectedBlocks: number; orphans: number; mainChainHeight: number }
    expect(m.rejectedBlocks).toBe(rejected.length)
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
    // Honest nodes hold no orphans waiting on the invalid chain.
    for (let n = 1; n < 8; n++) expect((net.query({ type: 'node', node: n }) as { orphansWaiting: number }).orphansWaiting).toBe(0)
  })

  it('withholding: the miner works but none of its blocks reaches the main chain', () => {
    const net = createNetwork({ ...strongMiner0(2), byzantine: [{ node: 0, strategy: 'withholding' }] })
    net.run({ untilUs: 3 * HOUR })
    const tree = net.query({ type: 'block-tree' }) as { miner: number; onMainChain: boolean }[]
    const mined = tree.filter((b) => b.miner === 0)
    expect(mined.length).toBeGreaterThan(50)
    expect(mined.every((b) => !b.onMainChain)).toBe(true)
    expect(minersOf(net, 3).miners.find((m) => m.miner === 0)).toBeUndefined()
    // The honest 7/11 of the power make blocks at 7/11 of the target rate: ≈ 0.64 × 720 in 3 h.
    const height = minersOf(net, 3).height
    expect(height).toBeGreaterThan(380)
    expect(height).toBeLessThan(540)
  })
})
