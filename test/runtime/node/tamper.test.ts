import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../runtime/sim/notifications.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

interface Chain {
  valid: boolean
  firstInvalidHeight: number | null
  blocks: { block: number; height: number; hash: string; prevHash: string; linkOk: boolean; data?: string }[]
}

describe('tampering with a stored block', () => {
  it("breaks that node's chain at the block, and its peers reject the copy", () => {
    const net = createNetwork(configFromPreset('pow-lan', 12))
    net.run({ stopAtHeight: 10 })
    const honest = net.query({ type: 'chain', node: 0 }) as Chain
    expect(honest.valid).toBe(true)
    const target = honest.blocks.find((b) => b.height === 5)!

    net.apply({ type: 'tamper', node: 2, block: target.block, data: 'Alice pays Mallory 100' })
    const broken = net.query({ type: 'chain', node: 2 }) as Chain
    expect(broken.valid).toBe(false)
    expect(broken.firstInvalidHeight).toBe(5)
    const at5 = broken.blocks.find((b) => b.height === 5)!
    expect(at5.data).toBe('Alice pays Mallory 100')
    expect(at5.linkOk).toBe(false)
    expect(at5.hash).not.toBe(target.hash)
    // The next block still points at the honest hash: the link is what breaks.
    expect(broken.blocks.find((b) => b.height === 6)!.prevHash).toBe(target.hash)
    expect((net.query({ type: 'chain', node: 0 }) as Chain).valid).toBe(true)

    // A newcomer whose only peer is the tampering node cannot accept its copy of block 5.
    const rejected: Extract<Notification, { type: 'block-rejected' }>[] = []
    net.subscribe({ types: ['block-rejected'] }, (n) => {
      if (n.type === 'block-rejected') rejected.push(n)
    })
    const { node: newcomer } = net.apply({ type: 'add-node', peers: [2], hashPower: 0 })
    net.run({ untilUs: net.now + 5_000_000 })
    expect(rejected.length).toBeGreaterThan(0)
    expect(rejected[0]).toMatchObject({ node: newcomer, block: target.block, from: 2 })
    expect(rejected[0]!.reason).toMatch(/hash mismatch/)
    const newcomerHead = (net.query({ type: 'node', node: newcomer! }) as { height: number }).height
    expect(newcomerHead).toBeLessThan(5)

    const report = net.query({ type: 'consistency' }) as {
      agree: boolean
      invalidChains: { node: number; firstInvalidHeight: number }[]
      tips: unknown[]
      rejectedBlocks: number
    }
    expect(report.agree).toBe(false)
    expect(report.invalidChains).toEqual([{ node: 2, firstInvalidHeight: 5 }])
    expect(report.tips.length).toBeGreaterThan(1)
    expect(report.rejectedBlocks).toBe(rejected.length)
  })

  it('rejects tampering with a block the node does not hold or the genesis', () => {
    const net = createNetwork(configFromPreset('pow-lan', 12))
    expect(() => net.apply({ type: 'tamper', node: 1, block: 0, data: 'x' })).toThrow(/genesis/)
    expect(() => net.apply({ type: 'tamper', node: 1, block: 99, data: 'x' })).toThrow(/does not hold/)
  })
})
