/**
 * Random command sequences — valid and invalid, at random times — against the explicit-finality
 * protocols (Tendermint, Raft, PoA, PoS), with a workload running. Whatever users throw at them:
 * - the only exceptions are input errors (BaseError with a code), never a crash;
 * - replaying the recorded inputs reproduces the trace hash;
 * - with at most one byzantine node (node 0) among ≥ 4 equal validators, BFT and PoS never let
 *   honest nodes finalize different blocks;
 * - once every fault is cleared (heal, links, clocks, restarts, node 0 honest again), finality
 *   resumes on every live node.
 * Nodes are never removed here: a removed validator is a permanent loss of voting power, after
 * which losing liveness is correct behaviour, not a bug. `CHAOS_ROUNDS=N` runs longer sweeps.
 */
import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../runtime/check/runChecker.ts'
import { BaseError } from '../../../runtime/errors/base.ts'
import type { NetworkConfig } from '../../../runtime/sim/config.ts'
import { createNetwork, replayNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'
import { createRandomStreams } from '../../../runtime/sim/prng.ts'

const SECOND = 1_000_000
const WORKLOAD = { ratePerSec: 20, txBytes: 250, senders: 50, feeMin: 1, feeMax: 100, gossipIntervalMs: 100 }

function randomCommand(rng: ReturnType<typeof createRandomStreams>, nodes: number, now: number): unknown {
  const node = rng.nextInt(0, nodes + 2) // sometimes out of range
  const later = rng.nextOpen01(0) < 0.3 ? { atUs: now + rng.nextInt(0, 30) * SECOND } : {}
  switch (rng.nextInt(0, 14)) {
    case 0:
      return { type: 'crash', node, ...later }
    case 1:
      return { type: 'restart', node, ...later }
    case 2:
      return { type: 'add-node', ...later }
    case 3: {
      const half = Math.max(1, rng.nextInt(0, nodes))
      return { type: 'partition', groups: [Array.from({ length: half }, (_, i) => i)], ...later }
    }
    case 4:
      return { type: 'heal', ...later }
    case 5:
      return { type: 'set-link-fault', fault: { drop: rng.nextOpen01(0) * 0.5, duplicate: rng.nextOpen01(0) * 0.3, delayMs: rng.nextInt(0, 500) } }
    case 6:
      return { type: 'mine', node }
    case 7:
      return { type: 'set-byzantine', node: 0, strategy: (['equivocation', 'censorship', 'honest'] as const)[rng.nextInt(0, 3)], censorSender: rng.nextInt(0, 50) }
    case 8:
      return { type: 'submit-tx', node, fee: rng.nextInt(0, 1000), ...later }
    case 9:
      return { type: 'set-clock-skew', node, offsetMs: rng.nextInt(0, 4000) - 2000, driftPpm: rng.nextInt(0, 200_000) - 100_000 }
    case 10:
      return { type: 'submit-tx', node, bytes: -1 } // invalid
    case 11:
      return { type: 'set-clock-skew', node, driftPpm: 'fast' } // invalid
    case 12:
      return { type: 'partition', groups: 'everyone' } // invalid
    default:
      return { type: 'set-link-fault', fault: null }
  }
}

const configs: [string, NetworkConfig, boolean][] = [
  ['tendermint, 4 validators', { ...configFromPreset('bft', 11, { nodes: 4, net: 'lan', topology: 'full-mesh' }), workload: WORKLOAD }, true],
  ['tendermint, 7 validators over wan', { ...configFromPreset('bft', 12, { nodes: 7, topology: 'ring' }), workload: WORKLOAD }, true],
  ['raft consortium', { ...configFromPreset('raft-consortium', 13, { net: 'lan' }), workload: WORKLOAD }, false],
  ['poa', { ...configFromPreset('poa', 14), workload: WORKLOAD }, false],
  ['pos, 6 validators', { ...configFromPreset('pos', 15, { nodes: 6, topology: 'full-mesh' }), workload: WORKLOAD }, true],
]

describe('chaos: random commands against the finality protocols', () => {
  it.each(configs)('%s', (_name, config, byzantineSafe) => {
    const rounds = Number(process.env.CHAOS_ROUNDS ?? 2)
    for (let round = 0; round < rounds; round++) {
      const rng = createRandomStreams(config.seed * 100 + round + Number(process.env.CHAOS_SEED ?? 0) * 100_000)
      const net = createNetwork(config)
      const checker = createRunChecker(net, { byzantine: [0] })
      let rejected = 0
      for (let i = 0; i < 40; i++) {
        net.run({ untilUs: net.now + rng.nextInt(1, 20) * SECOND })
        const nodes = (net.query({ type: 'status' }) as { nodes: number }).nodes
        try {
          net.apply(randomCommand(rng, nodes, net.now))
        } catch (error) {
          // Bad input is expected; anything else is a bug.
          expect(error).toBeInstanceOf(BaseError)
          expect((error as BaseError).code).toMatch(/^(input|command)\./)
          rejected++
        }
        for (const q of [{ type: 'heads' }, { type: 'consistency' }, { type: 'metrics' }, { type: 'node', node: 1 }, { type: 'mempool', node: 1 }, { type: 'members' }]) net.query(q)
      }
      expect(rejected).toBeGreaterThan(0)
      if (byzantineSafe) expect(checker.summary().violations, `round ${round}`).toEqual([])

      // The recorded inputs replay to the same trace.
      const copy = replayNetwork(config, net.inputs)
      copy.run({ untilUs: net.now })
      expect(copy.traceHash()).toBe(net.traceHash())

      // Let scheduled commands fire, then clear every fault: finality resumes everywhere.
      net.run({ untilUs: net.now + 40 * SECOND })
      net.apply({ type: 'heal' })
      net.apply({ type: 'set-link-fault', fault: null })
      const nodes = net.query({ type: 'nodes' }) as { node: number; status: string }[]
      for (const n of nodes) {
        if (n.status === 'crashed') net.apply({ type: 'restart', node: n.node })
        net.apply({ type: 'set-clock-skew', node: n.node, offsetMs: 0, driftPpm: 0 })
      }
      net.apply({ type: 'set-byzantine', node: 0, strategy: 'honest' })
      const before = nodes.map((n) => (net.query({ type: 'node', node: n.node }) as { finalized: number }).finalized)
      const height = (block: number): number => (net.query({ type: 'block', block }) as { height: number }).height
      const startHeights = before.map(height)
      const top = Math.max(...startHeights)
      let caughtUp = false
      for (let attempt = 0; attempt < 20 && !caughtUp; attempt++) {
        net.run({ untilUs: net.now + 30 * SECOND })
        const now = nodes.map((n) => height((net.query({ type: 'node', node: n.node }) as { finalized: number }).finalized))
        caughtUp = now.every((h) => h > top)
      }
      expect(caughtUp, `round ${round}: finality did not resume after the faults were cleared`).toBe(true)
      if (byzantineSafe) expect(checker.summary().violations).toEqual([])
    }
  })
})
