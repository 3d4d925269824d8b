import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../../runtime/sim/notifications.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../../runtime/sim/presets.ts'
import { doubleSpendConfig } from '../../../../runtime/experiments/doubleSpend.ts'

const share = (net: ReturnType<typeof createNetwork>, node: number, miner: number): number =>
  ((net.query({ type: 'miners', node }) as { miners: { miner: number; share: number }[] }).miners.find((m) => m.miner === miner)?.share ?? 0)

describe('byzantine strategies through commands', () => {
  it('set-byzantine turns a LAN miner selfish mid-run, and back to honest', () => {
    const config = { ...configFromPreset('pow-lan', 8), protocol: { ...configFromPreset('pow-lan', 8).protocol, hashPower: { kind: 'shares' as const, shares: [4, 1, 1, 1, 1, 1, 1, 1] } } }
    const net = createNetwork(config)
    net.run({ stopAtHeight: 100 })
    net.apply({ type: 'set-byzantine', node: 0, strategy: 'selfish-mining' })
    // While selfish it withholds: sampled every 10 simulated minutes, it is sometimes ahead.
    let ahead = 0
    while ((net.query({ type: 'heads' }) as { height: number }[])[1]!.height < 3000) {
      net.run({ untilUs: net.now + 600_000_000 })
      const h = net.query({ type: 'heads' }) as { height: number }[]
      if (h[0]!.height > h[1]!.height) ahead++
    }
    expect(ahead).toBeGreaterThan(5)
    // With 4/11 of the power (≈0.36 > 1/3) and real LAN latency, the pool takes more than its share.
    expect(share(net, 1, 0)).toBeGreaterThan(4 / 11)
    net.apply({ type: 'set-byzantine', node: 0, strategy: 'honest' })
    net.run({ untilUs: net.now + 60_000_000 })
    // Honest again: it announces its tip and everyone converges.
    const heads = net.query({ type: 'heads' }) as { tip: number }[]
    expect(new Set(heads.map((h) => h.tip)).size).toBe(1)
  })

  it('the double-spend attacker reports each race as an attack notification', () => {
    const net = createNetwork(doubleSpendConfig(0.3, 2, 4))
    const attacks: Extract<Notification, { type: 'attack' }>[] = []
    net.subscribe({ types: ['attack'] }, (n) => {
      if (n.type === 'attack') attacks.push(n)
    })
    net.run({ maxEvents: 5000 })
    expect(attacks.length).toBeGreaterThan(20)
    for (const a of attacks) {
      expect(a).toMatchObject({ node: 1, strategy: 'double-spend', confirmations: 2 })
      expect(a.honestBlocks).toBeGreaterThanOrEqual(2)
      if (a.success) expect(a.attackerBlocks).toBeGreaterThanOrEqual(a.honestBlocks)
      else expect(a.honestBlocks - a.attackerBlocks).toBeGreaterThanOrEqual(33)
    }
    // The honest node never sees the private chain.
    expect(share(net, 0, 1)).toBe(0)
  })
})
