import { describe, expect, it } from 'vitest'
import { createHeldAnnouncements } from '../../../runtime/net/heldAnnouncements.ts'
import type { NetworkConfig } from '../../../runtime/sim/config.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'

describe('held announcements pool', () => {
  it('holds per (node, block), takes oldest first, releases and clears', () => {
    const h = createHeldAnnouncements()
    h.ensure(3)
    h.hold(1, 10, 5, 100, 0, false)
    h.hold(1, 11, 6, 110, 0, false)
    h.hold(1, 10, 7, 120, 2, true)
    h.hold(2, 10, 8, 130, 0, false)
    expect(h.size).toBe(4)
    expect(h.take(1, 10)).toEqual([
      { from: 5, time: 100, epoch: 0, arrived: false },
      { from: 7, time: 120, epoch: 2, arrived: true },
    ])
    expect(h.take(1, 10)).toEqual([])
    h.release(1, 11)
    expect(h.size).toBe(1)
    h.clear(2)
    expect(h.size).toBe(0)
    for (let i = 0; i < 5000; i++) h.hold(0, i, 1, i, 0, false) // grows past the initial pool
    expect(h.take(0, 4999)).toHaveLength(1)
    expect(h.size).toBe(4999)
  })
})

describe('download fallback', () => {
  const config: NetworkConfig = {
    seed: 1,
    nodes: 4,
    net: { kind: 'fixed', latencyMs: 100 },
    topology: 'full-mesh',
    // Blocks only when asked (`mine`) in practice: 4 miners at an 11-day interval.
    protocol: { kind: 'pow', intervalMs: 1e9, blockSize: 1000, hashPower: { kind: 'equal' } },
    relay: { mode: 'inv', compact: false },
  }
  const MS = 1000

  function scenario(crashSource: boolean): Map<number, number> {
    const net = createNetwork(config)
    const arrivals = new Map<number, number>()
    net.subscribe({ types: ['tip-changed'] }, (n) => {
      if (n.type === 'tip-changed' && n.height === 1) arrivals.set(n.node, n.atUs)
    })
    // Node 0 mines; everyone hears of it at 100 ms and asks node 0. From 150 ms the link 0–2 is
    // slow, so node 0's copy reaches node 2 only at 1.3 s. Node 1 has the block at 300 ms and
    // announces it to node 2, which is still downloading: that announcement is held.
    net.apply({ type: 'mine', node: 0 })
    net.apply({ type: 'set-link-fault', link: [0, 2], fault: { delayMs: 1000 }, atUs: 150 * MS })
    net.runUntil(500 * MS)
    if (crashSource) net.apply({ type: 'crash', node: 0 }) // the download from 0 now fails
    net.runUntil(5000 * MS)
    return arrivals
  }

  it('without failures the slow download completes from the first source', () => {
    const arrivals = scenario(false)
    expect(arrivals.get(1)).toBe(300 * MS)
    // GETDATA reached node 0 at 200 ms; the block then took 100 ms + 1 s of fault delay.
    expect(arrivals.get(2)).toBe(1300 * MS)
  })

  it('when the source crashes, the node asks the peer whose announcement it held', () => {
    const arrivals = scenario(true)
    expect(arrivals.get(1)).toBe(300 * MS)
    expect(arrivals.get(3)).toBe(300 * MS)
    // Node 0's copy, sent before its crash at 500 ms, is dropped when due (1.3 s). Node 1's held
    // INV had arrived by then (400 ms), so node 2 asks node 1: GETDATA + BLOCK = 200 ms.
    expect(arrivals.get(2)).toBe(1500 * MS)
  })
})
