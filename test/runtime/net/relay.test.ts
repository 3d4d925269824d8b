import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { TraceRecord } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

describe('block relay', () => {
  it('a node asks for a block once (no duplicate GETDATA without faults) and every node gets every block', () => {
    const asked = new Map<string, number>()
    const kinds = new Map<string, number>()
    const net = createNetwork(configFromPreset('bitcoin-2019', 4, { nodes: 400 }), {
      onTrace: (r: TraceRecord) => {
        kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1)
        if (r.kind === 'getdata') {
          const key = `${r.from}:${r.subject}`
          asked.set(key, (asked.get(key) ?? 0) + 1)
        }
      },
    })
    net.run({ stopAtHeight: 5 })
    expect(Math.max(...asked.values())).toBe(1)
    const m = net.query({ type: 'metrics' }) as {
      blocks: number
      propagation: { blocksFullyPropagated: number }
      byKind: Record<string, { messages: number; bytes: number }>
    }
    expect(m.propagation.blocksFullyPropagated).toBe(m.blocks)
    // One GETDATA per (node, block) except the miner's own block: blocks × (nodes − 1).
    expect(asked.size).toBe(m.blocks * 399)
    // Compact blocks dominate (96.4% of nodes use them) and failures fetch the missing part.
    expect(m.byKind.cmpctblock!.messages).toBeGreaterThan(m.byKind.block!.messages * 5)
    expect(m.byKind.getblocktxn!.messages).toBe(m.byKind.blocktxn!.messages)
    expect(m.byKind.cmpctblock!.bytes).toBe(m.byKind.cmpctblock!.messages * 18_000)
    // INVs are counted when sent, including the echoes that need no event.
    expect(m.byKind.inv!.messages).toBeGreaterThan(kinds.get('inv')!)
  })

  it('real PoW mode: every mined block carries a nonce meeting the target, and nodes accept them', () => {
    const config = { ...configFromPreset('pow-lan', 1), protocol: { ...configFromPreset('pow-lan', 1).protocol, nonceBits: 10 } }
    const net = createNetwork(config)
    net.run({ stopAtHeight: 5 })
    const chain = net.query({ type: 'chain', node: 3 }) as { valid: boolean; blocks: { height: number; hash: string; powOk: boolean }[] }
    expect(chain.valid).toBe(true)
    expect(chain.blocks).toHaveLength(6)
    for (const b of chain.blocks.filter((x) => x.height > 0)) {
      expect(b.powOk).toBe(true)
      expect(parseInt(b.hash.slice(0, 3), 16) >> 2).toBe(0) // ≥ 10 leading zero bits
    }
  })
})
