import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import type { PosNodeView } from './posTestConfig.ts'
import { EPOCH_US, SLOT_US, posConfig } from './posTestConfig.ts'

const view = (net: ReturnType<typeof createNetwork>, node: number): PosNodeView => (net.query({ type: 'node', node }) as { consensus: PosNodeView }).consensus

describe('PoS: checkpoints justify and finalize without faults', () => {
  it('every node finalizes the checkpoint of epoch e at the start of epoch e + 2 (lag: 2 epochs)', () => {
    const net = createNetwork(posConfig(4))
    const checker = createRunChecker(net, {})
    const finals: { node: number; block: number; atUs: number }[] = []
    net.subscribe({ types: ['finalized'] }, (n) => {
      if (n.type === 'finalized') finals.push({ node: n.node, block: n.block, atUs: n.atUs })
    })
    net.run({ untilUs: 20 * EPOCH_US + SLOT_US })
    expect(net.protocol).toMatchObject({ name: 'pos', finality: 'explicit', baseTimeoutUs: 2 * EPOCH_US })
    for (let node = 0; node < 4; node++) {
      const v = view(net, node)
      expect(v.justified.epoch).toBe(19)
      expect(v.finalized.epoch).toBe(18)
      // The checkpoint is the epoch's boundary block (or the latest before an empty boundary slot).
      const time = (net.query({ type: 'block', block: v.finalized.block }) as { timeMs: number }).timeMs * 1000
      expect(time).toBeLessThanOrEqual(18 * EPOCH_US)
      expect(time).toBeGreaterThan(18 * EPOCH_US - EPOCH_US)
      expect((net.query({ type: 'block', block: v.finalized.block }) as { onMainChain: boolean }).onMainChain).toBe(true)
    }
    // Finalizations happen at epoch boundaries, two epochs after the checkpoint's.
    expect(finals.length).toBe(4 * 18)
    for (const f of finals) expect(f.atUs % EPOCH_US).toBeLessThan(SLOT_US / 10)
    const summary = net.summary().protocol!
    expect(summary.finalityLagSlots).toBeGreaterThanOrEqual(16)
    expect(summary.finalityLagSlots).toBeLessThan(16.1)
    expect(summary).toMatchObject({ epochs: 20, justifiedEpochs: 19, finalizedEpochs: 18, slashable: 0 })
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok', slashing: [] })
  })

  it('sends n·(n − 1) attestations and (n − 1) proposals per slot: one message per recipient', () => {
    const net = createNetwork(posConfig(5))
    net.run({ untilUs: 5 * EPOCH_US })
    const before = net.summary().metrics.byKind
    net.run({ untilUs: 6 * EPOCH_US })
    const after = net.summary().metrics.byKind
    expect(after.attestation!.messages - before.attestation!.messages).toBe(5 * 4 * 8)
    expect(after.proposal!.messages - before.proposal!.messages).toBe(4 * 8)
    expect(net.summary().protocol!.attestations).toBe(after.attestation!.messages)
  })

  it('weights votes by stake: finality needs validators holding ≥ 2/3 of it, however many they are', () => {
    // Stakes 4, 1, 2, 2 (of 9): validators 0 + 1 hold 5/9 < 2/3; 0 + 2 hold exactly 6/9 = 2/3.
    const short = createNetwork(posConfig(4, {}, { stake: [4, 1, 2, 2] }))
    for (const n of [2, 3]) short.apply({ type: 'crash', node: n })
    short.run({ untilUs: 6 * EPOCH_US })
    expect(view(short, 0).justified.epoch).toBe(0)
    expect(view(short, 0).finalized.epoch).toBe(0)
    const enough = createNetwork(posConfig(4, {}, { stake: [4, 1, 2, 2] }))
    for (const n of [1, 3]) enough.apply({ type: 'crash', node: n })
    enough.run({ untilUs: 6 * EPOCH_US })
    expect(view(enough, 0).finalized.epoch).toBe(4)
    expect(view(enough, 2).finalized.epoch).toBe(4)
  })

  it('describes each node: head, justified and finalized checkpoints, stake, slot', () => {
    const net = createNetwork(posConfig(3, {}, { stake: [1, 2, 0] }))
    net.run({ untilUs: 3 * EPOCH_US })
    const v = view(net, 1)
    expect(v).toMatchObject({ stake: 2, slot: 24, epoch: 3, validator: true, justified: { epoch: 2 }, finalized: { epoch: 1 } })
    expect(view(net, 2)).toMatchObject({ stake: 0, validator: false })
    // A node without stake follows the chain and finalizes too.
    expect(view(net, 2).finalized).toEqual(v.finalized)
  })
})
