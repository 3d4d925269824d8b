import { describe, expect, it } from 'vitest'
import { createOrphanPool } from '../../../runtime/node/orphanPool.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

describe('orphan pool', () => {
  it('files orphans by their missing parent', () => {
    const pool = createOrphanPool()
    pool.add(11, 10)
    pool.add(12, 10)
    pool.add(21, 20)
    expect(pool.size).toBe(3)
    expect(pool.takeChildren(10)).toEqual([11, 12])
    expect(pool.takeChildren(10)).toEqual([])
    expect([...pool.blocks()]).toEqual([21])
    expect(pool.size).toBe(1)
  })

  it('a node back after missing 2,000 blocks catches up', () => {
    const base = configFromPreset('pow-lan', 9)
    const net = createNetwork({ ...base, protocol: { ...base.protocol, intervalMs: 1000 } })
    net.apply({ type: 'crash', node: 5 })
    net.run({ stopAtHeight: 2000 })
    net.apply({ type: 'restart', node: 5 })
    net.run({ untilUs: net.now + 60_000_000 })
    const heads = net.query({ type: 'heads' }) as { tip: number; height: number }[]
    expect(heads[5]!.height).toBeGreaterThan(2000)
    expect(heads[5]!.tip).toBe(heads[0]!.tip)
  })
})
