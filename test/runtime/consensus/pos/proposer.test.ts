import { describe, expect, it } from 'vitest'
import { createProposerSchedule, genesisSeed, pickByStake, slotDraw } from '../../../../runtime/consensus/pos/proposer.ts'
import { CommandRejectedError } from '../../../../runtime/errors/input.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { SLOT_US, posConfig } from './posTestConfig.ts'

describe('PoS slot proposers', () => {
  it('are drawn in proportion to stake (each frequency inside a 4.5σ binomial interval)', () => {
    const stakes = [1, 2, 3, 4, 0, 10]
    const validators = [0, 1, 2, 3, 4, 5]
    const schedule = createProposerSchedule(genesisSeed(['a', 'b', 'c']), validators, stakes)
    const n = 40_000
    const counts = new Array<number>(validators.length).fill(0)
    for (let slot = 1; slot <= n; slot++) counts[schedule.proposerOf(slot)]!++
    const total = stakes.reduce((a, b) => a + b, 0)
    for (let i = 0; i < validators.length; i++) {
      const p = stakes[i]! / total
      const sigma = Math.sqrt(n * p * (1 - p))
      expect(Math.abs(counts[i]! - n * p)).toBeLessThanOrEqual(4.5 * sigma)
    }
    // A validator without stake never proposes.
    expect(counts[4]).toBe(0)
  })

  it('are verifiable: the same seed and slot give the same proposer, recomputed from the hash alone', () => {
    const seed = genesisSeed(['k0', 'k1', 'k2', 'k3'])
    const a = createProposerSchedule(seed, [0, 1, 2, 3], [1, 1, 1, 1])
    const b = createProposerSchedule(seed, [0, 1, 2, 3], [1, 1, 1, 1])
    for (let slot = 1; slot < 200; slot++) {
      expect(a.proposerOf(slot)).toBe(b.proposerOf(slot))
      expect(a.proposerOf(slot)).toBe(pickByStake(slotDraw(seed, slot), [0, 1, 2, 3], [1, 1, 1, 1]))
    }
    // Another seed gives another schedule.
    const other = createProposerSchedule(genesisSeed(['x']), [0, 1, 2, 3], [1, 1, 1, 1])
    let differ = 0
    for (let slot = 1; slot < 200; slot++) if (other.proposerOf(slot) !== a.proposerOf(slot)) differ++
    expect(differ).toBeGreaterThan(100)
    expect(a.proposerOf(0)).toBe(-1)
  })

  it('slot draws are uniform in [0, 1) and picks follow the stake intervals', () => {
    for (let slot = 0; slot < 1000; slot++) {
      const u = slotDraw('seed', slot)
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
    }
    expect(pickByStake(0, [7, 8], [1, 3])).toBe(7)
    expect(pickByStake(0.2499, [7, 8], [1, 3])).toBe(7)
    expect(pickByStake(0.25, [7, 8], [1, 3])).toBe(8)
    expect(pickByStake(0.999999, [7, 8, 9], [1, 3, 0])).toBe(8)
  })

  it("in a run, every block's producer is the proposer any node computes from the public keys", () => {
    const net = createNetwork(posConfig(5, { seed: 9 }, { stake: [1, 1, 2, 3, 5] }))
    const mined: { atUs: number; miner: number }[] = []
    net.subscribe({ types: ['block-mined'] }, (n) => {
      if (n.type === 'block-mined') mined.push({ atUs: n.atUs, miner: n.miner })
    })
    net.run({ untilUs: 120_000_000 })
    const keys = [0, 1, 2, 3, 4].map((node) => (net.query({ type: 'node', node }) as { member: { publicKey: string } }).member.publicKey)
    const schedule = createProposerSchedule(genesisSeed(keys), [0, 1, 2, 3, 4], [1, 1, 2, 3, 5])
    expect(mined.length).toBeGreaterThan(50)
    for (const m of mined) expect(m.miner).toBe(schedule.proposerOf(Math.floor(m.atUs / SLOT_US)))
  })

  it('"mine" (produceNow) proposes only for the current slot\'s proposer, once', () => {
    const net = createNetwork(posConfig(4, { seed: 2 }))
    const keys = [0, 1, 2, 3].map((node) => (net.query({ type: 'node', node }) as { member: { publicKey: string } }).member.publicKey)
    const schedule = createProposerSchedule(genesisSeed(keys), [0, 1, 2, 3], [1, 1, 1, 1])
    let slot = 10
    while (schedule.proposerOf(slot) === schedule.proposerOf(slot - 1)) slot++
    const proposer = schedule.proposerOf(slot)
    // Down when its slot starts, back half-way through it: it has not proposed yet.
    net.apply({ type: 'crash', node: proposer, atUs: (slot - 1) * SLOT_US + SLOT_US / 2 })
    net.apply({ type: 'restart', node: proposer, atUs: slot * SLOT_US + SLOT_US / 2 })
    net.run({ untilUs: slot * SLOT_US + SLOT_US / 2 })
    for (let n = 0; n < 4; n++) if (n !== proposer) expect(() => net.apply({ type: 'mine', node: n })).toThrow(CommandRejectedError)
    const before = net.summary().blocks
    expect(net.apply({ type: 'mine', node: proposer })).toMatchObject({ ok: true })
    expect(net.summary().blocks).toBe(before + 1)
    expect(() => net.apply({ type: 'mine', node: proposer })).toThrow(CommandRejectedError)
  })
})
