import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import { CommandRejectedError, InvalidFieldError } from '../../../../runtime/errors/input.ts'
import type { NetworkConfig } from '../../../../runtime/sim/config.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import type { Network } from '../../../../runtime/sim/network.ts'

const SLOT = 1_000_000

function poaConfig(seed: number, nodes = 4, protocol: Record<string, unknown> = {}): NetworkConfig {
  return {
    seed,
    nodes,
    net: 'lan',
    topology: 'full-mesh',
    relay: { mode: 'push', compact: false },
    protocol: { kind: 'poa', slotMs: 1000, ...protocol } as NetworkConfig['protocol'],
  }
}

interface PoaNode {
  height: number
  finalized: number
  status: string
}

const view = (net: Network, node: number): PoaNode => net.query({ type: 'node', node }) as PoaNode
const heightOf = (net: Network, block: number): number => (net.query({ type: 'block', block }) as { height: number }).height

function sealedBlocks(net: Network): { block: number; miner: number; atUs: number; height: number }[] {
  const out: { block: number; miner: number; atUs: number; height: number }[] = []
  net.subscribe({ types: ['block-mined'] }, (n) => {
    if (n.type === 'block-mined') out.push({ block: n.block, miner: n.miner, atUs: n.atUs, height: n.height })
  })
  return out
}

describe('poa: turns', () => {
  it('authorities seal in rotation, one block per slot at the slot start', () => {
    const net = createNetwork(poaConfig(1))
    const sealed = sealedBlocks(net)
    net.run({ untilUs: 12 * SLOT })
    expect(sealed).toHaveLength(12)
    sealed.forEach((b, i) => {
      const slot = i + 1
      expect(b.atUs).toBe(slot * SLOT)
      expect(b.miner).toBe(slot % 4)
      expect(b.height).toBe(slot)
    })
  })

  it('a crashed authority leaves its slots empty; the others keep their turns', () => {
    const net = createNetwork(poaConfig(2))
    const sealed = sealedBlocks(net)
    net.apply({ type: 'crash', node: 2 })
    net.run({ untilUs: 12 * SLOT })
    expect(sealed.map((b) => b.miner)).toEqual([1, 3, 0, 1, 3, 0, 1, 3, 0])
    expect(sealed.map((b) => b.atUs / SLOT)).toEqual([1, 3, 4, 5, 7, 8, 9, 11, 12])
  })

  it('refuses an out-of-turn mine command, and a second block in one turn', () => {
    const net = createNetwork(poaConfig(3))
    net.run({ untilUs: 5 * SLOT + 300_000 })
    // Slot 5 belongs to authority 1, which sealed at its start.
    for (const n of [0, 2, 3]) expect(() => net.apply({ type: 'mine', node: n })).toThrow(CommandRejectedError)
    expect(() => net.apply({ type: 'mine', node: 1 })).toThrow(CommandRejectedError)
    // Authority 2 was down when slot 6 began; back up within the slot, it may still seal.
    net.apply({ type: 'crash', node: 2 })
    net.run({ untilUs: 6 * SLOT + 200_000 })
    net.apply({ type: 'restart', node: 2 })
    const result = net.apply({ type: 'mine', node: 2 }) as { block: number }
    expect(heightOf(net, result.block)).toBe(6)
  })
})

describe('poa: finality', () => {
  it('a block is final once ⌊n/2⌋+1 distinct authorities built on it (default)', () => {
    const net = createNetwork(poaConfig(4, 5))
    net.run({ untilUs: 20 * SLOT + 500_000 })
    for (let n = 0; n < 5; n++) {
      const v = view(net, n)
      expect(v.height).toBe(20)
      expect(heightOf(net, v.finalized)).toBe(20 - 3)
    }
  })

  it('honours a configured depth', () => {
    const net = createNetwork(poaConfig(5, 5, { finalityDepth: 5 }))
    net.run({ untilUs: 20 * SLOT + 500_000 })
    expect(heightOf(net, view(net, 0).finalized)).toBe(15)
  })

  it('counts distinct authorities, not blocks: two of five cannot finalize anything', () => {
    const net = createNetwork(poaConfig(6, 5))
    net.run({ untilUs: 10 * SLOT + 500_000 })
    const before = heightOf(net, view(net, 0).finalized)
    for (const n of [2, 3, 4]) net.apply({ type: 'crash', node: n })
    net.run({ untilUs: 30 * SLOT + 500_000 })
    expect(view(net, 0).height).toBeGreaterThan(15)
    // Only the blocks that already had the missing authorities above them became final.
    expect(heightOf(net, view(net, 0).finalized)).toBeLessThanOrEqual(before + 2)
    for (const n of [2, 3]) net.apply({ type: 'restart', node: n })
    net.run({ untilUs: 40 * SLOT + 500_000 })
    expect(heightOf(net, view(net, 0).finalized)).toBeGreaterThan(view(net, 0).height - 6)
  })

  it('a partition: the minority never finalizes, no conflict after the heal, progress resumes', () => {
    const net = createNetwork(poaConfig(7, 5))
    const checker = createRunChecker(net, {})
    net.run({ untilUs: 5 * SLOT + 500_000 })
    net.apply({ type: 'partition', groups: [[0, 1], [2, 3, 4]] })
    checker.noteFault(net.now)
    const minorityFinal = heightOf(net, view(net, 0).finalized)
    net.run({ untilUs: 25 * SLOT + 500_000 })
    expect(view(net, 0).height).toBeGreaterThan(10)
    expect(heightOf(net, view(net, 0).finalized)).toBeLessThanOrEqual(minorityFinal + 2)
    expect(heightOf(net, view(net, 2).finalized)).toBeGreaterThan(minorityFinal + 5)
    net.apply({ type: 'heal' })
    checker.noteFault(net.now)
    net.run({ untilUs: 40 * SLOT + 500_000 })
    const tips = new Set([0, 1, 2, 3, 4].map((n) => view(net, n).finalized))
    expect(tips.size).toBe(1)
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })
})

describe('poa: config and determinism', () => {
  it.each([
    [{ finalityDepth: 5 }, 4, 'config.protocol.finalityDepth'],
    [{ finalityDepth: 0 }, 4, 'config.protocol.finalityDepth'],
    [{ slotMs: 0 }, 4, 'config.protocol.slotMs'],
    [{ period: 5 }, 4, 'config.protocol.period'],
  ])('%j with %i authorities → %s', (protocol, nodes, field) => {
    try {
      createNetwork(poaConfig(1, nodes, protocol))
      expect.unreachable('accepted a bad config')
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldError)
      expect((error as InvalidFieldError).field).toBe(field)
    }
  })

  it('the same seed gives the same trace; another seed does not', () => {
    const run = (seed: number): string => {
      const net = createNetwork(poaConfig(seed, 5))
      net.apply({ type: 'partition', groups: [[0, 1], [2, 3, 4]], atUs: 3 * SLOT })
      net.apply({ type: 'heal', atUs: 9 * SLOT })
      net.run({ untilUs: 15 * SLOT })
      return net.traceHash()
    }
    expect(run(8)).toBe(run(8))
    expect(run(8)).not.toBe(run(9))
  })
})
