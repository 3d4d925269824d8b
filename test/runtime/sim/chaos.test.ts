/**
 * Random command sequences — valid and invalid, at random times — against small networks of every
 * model and topology. Whatever users throw at the control API:
 * - the only exceptions are input errors (BaseError with a code), never a crash;
 * (`CHAOS_ROUNDS=N` and `CHAOS_SEED=K` run longer sweeps over other seeds.)
 * - replaying the recorded inputs reproduces the trace hash;
 * - once faults are cleared and crashed nodes restarted, every live node converges on one tip —
 *   unless a node's copy was tampered with: a node whose only peers serve a corrupted block rightly
 *   refuses it and cannot sync (the tamper lesson), so those rounds skip the convergence check.
 */
import { describe, expect, it } from 'vitest'
import { BaseError } from '../../../runtime/errors/base.ts'
import type { NetworkConfig, PowConfig } from '../../../runtime/sim/config.ts'
import { createNetwork, replayNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'
import { createRandomStreams } from '../../../runtime/sim/prng.ts'

const SECOND = 1_000_000

function randomCommand(rng: ReturnType<typeof createRandomStreams>, nodes: number, now: number): unknown {
  const node = rng.nextInt(0, nodes + 2) // sometimes out of range
  const pick = rng.nextInt(0, 15)
  const later = rng.nextOpen01(0) < 0.3 ? { atUs: now + rng.nextInt(0, 120) * SECOND } : {}
  switch (pick) {
    case 0:
      return { type: 'crash', node, ...later }
    case 1:
      return { type: 'restart', node, ...later }
    case 2:
      return { type: 'add-node', ...later }
    case 3:
      return { type: 'remove-node', node }
    case 4: {
      const half = Math.max(1, rng.nextInt(0, nodes))
      return { type: 'partition', groups: [Array.from({ length: half }, (_, i) => i)], ...later }
    }
    case 5:
      return { type: 'heal', ...later }
    case 6:
      return { type: 'set-link-fault', fault: { drop: rng.nextOpen01(0) * 0.5, duplicate: rng.nextOpen01(0) * 0.3, delayMs: rng.nextInt(0, 500) } }
    case 7:
      return { type: 'set-link-fault', link: [node % nodes, (node + 1) % nodes], fault: rng.nextOpen01(0) < 0.5 ? null : { delayMs: 50 } }
    case 8:
      return { type: 'mine', node }
    case 9:
      return { type: 'tamper', node, block: rng.nextInt(0, 20), data: 'x' }
    case 10:
      return { type: 'set-byzantine', node, strategy: (['selfish-mining', 'double-spend', 'withholding', 'invalid-blocks', 'honest'] as const)[rng.nextInt(0, 5)] }
    case 11:
      return { type: 'crash' } // missing node
    case 12:
      return { type: 'partition', groups: 'everyone' }
    case 13:
      return { type: 'add-node', peers: [node % nodes, (node + 3) % nodes], hashPower: rng.nextInt(0, 3) }
    default:
      return { type: 'set-link-fault', fault: null }
  }
}

const configs: [string, NetworkConfig][] = [
  ['pow-lan', configFromPreset('pow-lan', 1)],
  ['bitcoin-2019 ring', configFromPreset('bitcoin-2019', 2, { nodes: 12, topology: 'ring' })],
  ['wan small-world', configFromPreset('pow-wan-100', 3, { nodes: 15 })],
  ['lan star, push relay', { ...configFromPreset('pow-lan', 4, { nodes: 6, topology: 'star' }), relay: { mode: 'push', compact: false } }],
  ['bitcoin topology, compact relay', configFromPreset('bitcoin-2019', 5, { nodes: 30 })],
  ['real proof of work', { ...configFromPreset('pow-lan', 6, { nodes: 5 }), protocol: { ...(configFromPreset('pow-lan', 6).protocol as PowConfig), nonceBits: 6 } }],
]

describe('chaos: random commands never break the simulator', () => {
  it.each(configs)('%s', (_name, config) => {
    const rounds = Number(process.env.CHAOS_ROUNDS ?? 4)
    for (let round = 0; round < rounds; round++) {
      const rng = createRandomStreams(config.seed * 100 + round + Number(process.env.CHAOS_SEED ?? 0) * 100_000)
      const net = createNetwork(config)
      let rejected = 0
      let tampered = false
      for (let i = 0; i < 60; i++) {
        net.run({ untilUs: net.now + rng.nextInt(1, 90) * SECOND })
        const nodes = (net.query({ type: 'status' }) as { nodes: number }).nodes
        try {
          const result = net.apply(randomCommand(rng, nodes, net.now))
          if (result.type === 'tamper') tampered = true
        } catch (error) {
          // Bad input is expected; anything else is a bug.
          expect(error).toBeInstanceOf(BaseError)
          expect((error as BaseError).code).toMatch(/^(input|command)\./)
          rejected++
        }
        const blocks = (net.query({ type: 'status' }) as { blocks: number }).blocks
        for (const q of [{ type: 'heads', hashes: true }, { type: 'consistency' }, { type: 'metrics' }, { type: 'chain', node: 0, limit: 5 }, { type: 'block', block: rng.nextInt(0, blocks + 1), node: 0 }, { type: 'miners' }]) net.query(q)
      }
      expect(rejected).toBeGreaterThan(0)

      // The recorded inputs replay to the same trace.
      const copy = replayNetwork(config, net.inputs)
      copy.run({ untilUs: net.now })
      expect(copy.traceHash()).toBe(net.traceHash())

      if (tampered) continue
      // Let scheduled commands fire, then clear every fault, restart the crashed, make everyone
      // honest: the live nodes converge.
      net.run({ untilUs: net.now + 130 * SECOND })
      net.apply({ type: 'heal' })
      net.apply({ type: 'set-link-fault', fault: null })
      const nodes = net.query({ type: 'nodes' }) as { node: number; status: string }[]
      for (const n of nodes) {
        if (n.status === 'crashed') net.apply({ type: 'restart', node: n.node })
        if (n.status !== 'removed') net.apply({ type: 'set-byzantine', node: n.node, strategy: 'honest' })
      }
      const live = nodes.filter((n) => n.status !== 'removed').map((n) => n.node)
      // Links cut by link faults are per-link: clear those too.
      for (const a of live) for (const b of live) if (a < b) net.apply({ type: 'set-link-fault', link: [a, b], fault: null })
      // A mined block is announced to everyone: wait for a quiet moment after one.
      let converged = false
      for (let attempt = 0; attempt < 30 && !converged; attempt++) {
        net.apply({ type: 'mine', node: live[attempt % live.length]! }) // every live node is up now
        net.run({ untilUs: net.now + 120 * SECOND })
        const heads = net.query({ type: 'heads' }) as { node: number; status: string; tip: number }[]
        const components = connectedComponents(net, live)
        converged = components.every((group) => new Set(group.map((n) => heads[n]!.tip)).size === 1)
      }
      expect(converged).toBe(true)
    }
  })
})

/** Live nodes grouped by connectivity (removing nodes can split a ring or a star). */
function connectedComponents(net: ReturnType<typeof createNetwork>, live: number[]): number[][] {
  const alive = new Set(live)
  const seen = new Set<number>()
  const groups: number[][] = []
  for (const start of live) {
    if (seen.has(start)) continue
    const group: number[] = []
    const stack = [start]
    seen.add(start)
    while (stack.length) {
      const n = stack.pop()!
      group.push(n)
      for (const p of (net.query({ type: 'node', node: n }) as { peers: number[] }).peers) {
        if (alive.has(p) && !seen.has(p)) {
          seen.add(p)
          stack.push(p)
        }
      }
    }
    groups.push(group)
  }
  return groups
}
