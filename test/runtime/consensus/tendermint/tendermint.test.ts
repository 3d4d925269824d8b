/**
 * Tendermint through the public network API: commits, the exact message count of a round,
 * byzantine equivocation below and above n/3, crash recovery, partitions, determinism,
 * observers in a permissioned network, and input errors. Each expectation can fail: the counts
 * are exact, and the f = 2 case must produce a conflict the f = 1 case must not.
 */
import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import { CommandRejectedError, InvalidFieldError } from '../../../../runtime/errors/input.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import type { Network } from '../../../../runtime/sim/network.ts'

const S = 1_000_000

interface Options {
  seed?: number
  nodes?: number
  timeoutCommitMs?: number
  net?: unknown
  equivocators?: number[]
  members?: unknown
}

function tendermint(o: Options = {}): Record<string, unknown> {
  return {
    seed: o.seed ?? 1,
    nodes: o.nodes ?? 4,
    net: o.net ?? 'lan',
    topology: 'full-mesh',
    protocol: { kind: 'tendermint', timeoutCommitMs: o.timeoutCommitMs ?? 0 },
    relay: { mode: 'inv', compact: false },
    byzantine: (o.equivocators ?? []).map((node) => ({ node, strategy: 'equivocation' })),
    ...(o.members === undefined ? {} : { members: o.members }),
  }
}

/** Height of the block `node` last finalized. */
function finalizedHeight(net: Network, node: number): number {
  const { finalized } = net.query({ type: 'node', node }) as { finalized: number }
  return (net.query({ type: 'block', block: finalized }) as { height: number }).height
}

const heights = (net: Network, nodes: readonly number[]): number[] => nodes.map((n) => finalizedHeight(net, n))

interface ProtocolSummary {
  heights: number
  extraRounds: number
  messagesPerHeight: number | null
  evidence: number
}
const protocolSummary = (net: Network): ProtocolSummary => net.summary().protocol as unknown as ProtocolSummary

describe('tendermint: fault-free runs', () => {
  it('every node commits the same blocks, height after height', () => {
    const net = createNetwork(tendermint({ timeoutCommitMs: 100 }))
    const checker = createRunChecker(net, {})
    net.run({ untilUs: 3 * S })
    const h = heights(net, [0, 1, 2, 3])
    expect(Math.min(...h)).toBeGreaterThanOrEqual(20)
    expect(Math.max(...h) - Math.min(...h)).toBeLessThanOrEqual(1)
    // The same block at every height up to the lowest common one, on every node.
    const common = Math.min(...h)
    const chains = [0, 1, 2, 3].map((node) => {
      const { blocks } = net.query({ type: 'chain', node, limit: 100_000 }) as { blocks: { block: number; height: number }[] }
      return blocks.filter((e) => e.height >= 1 && e.height <= common).map((e) => e.block)
    })
    expect(chains[0]).toHaveLength(common)
    for (const chain of chains) expect(chain).toEqual(chains[0])
    expect(checker.summary()).toMatchObject({ safety: 'ok', violations: [] })
    expect(protocolSummary(net).extraRounds).toBe(0)
  })

  it.each([4, 7])('n=%i: exactly (n−1) + 2n(n−1) consensus messages per height, no extra rounds', (n) => {
    const net = createNetwork({ ...tendermint({ nodes: n, net: { kind: 'fixed', latencyMs: 1 } }) })
    net.run({ stopAtHeight: 30 })
    const s = protocolSummary(net)
    expect(s.heights).toBeGreaterThanOrEqual(29)
    expect(s.messagesPerHeight).toBe(n - 1 + 2 * n * (n - 1))
    expect(s.extraRounds).toBe(0)
  })

  it('is deterministic: the same seed gives the same trace hash, another seed a different one', () => {
    const run = (seed: number): string => {
      const net = createNetwork(tendermint({ seed, equivocators: [3] }))
      net.apply({ type: 'partition', groups: [[0, 1], [2, 3]], atUs: 2 * S })
      net.apply({ type: 'heal', atUs: 5 * S })
      net.run({ untilUs: 20 * S })
      return net.traceHash()
    }
    expect(run(7)).toBe(run(7))
    expect(run(7)).not.toBe(run(8))
  })
})

describe('tendermint: byzantine validators', () => {
  it('1 equivocator of 4: no conflicting finality, and the honest nodes keep committing', () => {
    const net = createNetwork(tendermint({ equivocators: [3] }))
    const checker = createRunChecker(net, { byzantine: [3] })
    net.run({ untilUs: 120 * S })
    expect(checker.summary()).toMatchObject({ safety: 'ok', violations: [] })
    expect(Math.min(...heights(net, [0, 1, 2]))).toBeGreaterThanOrEqual(20)
  })

  it('2 equivocators of 4 (n < 3f + 1): honest nodes finalize different blocks, reported as finality-conflict', () => {
    const net = createNetwork(tendermint({ equivocators: [2, 3] }))
    const conflicts: { height: number; first: { block: number; node: number }; second: { block: number; node: number } }[] = []
    net.subscribe({ types: ['finality-conflict'] }, (n) => {
      if (n.type === 'finality-conflict') conflicts.push(n)
    })
    const checker = createRunChecker(net, { byzantine: [2, 3] })
    net.run({ untilUs: 60 * S })
    expect(conflicts.length).toBeGreaterThan(0)
    const c = conflicts[0]!
    expect(c.first.block).not.toBe(c.second.block)
    expect([0, 1]).toContain(c.first.node)
    expect([0, 1]).toContain(c.second.node)
    expect(checker.summary().safety).toBe('violated')
  })
})

describe('tendermint: crashes and partitions', () => {
  it('a crashed validator is not needed (3 of 4 commit) and catches up after its restart', () => {
    const net = createNetwork(tendermint({ timeoutCommitMs: 100 }))
    net.run({ untilUs: 1 * S })
    net.apply({ type: 'crash', node: 1 })
    const atCrash = finalizedHeight(net, 1)
    // Its turns as proposer now cost a propose timeout (3 s) each: slower, but never stuck.
    net.run({ untilUs: 21 * S })
    expect(finalizedHeight(net, 1)).toBe(atCrash)
    const othersAtRestart = Math.max(...heights(net, [0, 2, 3]))
    expect(othersAtRestart).toBeGreaterThan(atCrash + 10)
    net.apply({ type: 'restart', node: 1 })
    net.run({ untilUs: 30 * S })
    const others = heights(net, [0, 2, 3])
    const mine = finalizedHeight(net, 1)
    expect(mine).toBeGreaterThan(othersAtRestart)
    expect(Math.abs(mine - Math.min(...others))).toBeLessThanOrEqual(1)
  })

  it('a 2|2 partition halts finality (no side has +2/3); healing resumes it within the liveness window', () => {
    const net = createNetwork(tendermint({ timeoutCommitMs: 100 }))
    const checker = createRunChecker(net, {})
    net.run({ untilUs: 2 * S })
    net.apply({ type: 'partition', groups: [[0, 1], [2, 3]] })
    checker.noteFault(net.now)
    // Messages already on the wire are dropped at delivery: at most the height in progress ends.
    net.run({ untilUs: net.now + S / 10 })
    const halted = heights(net, [0, 1, 2, 3])
    net.run({ untilUs: 20 * S })
    expect(heights(net, [0, 1, 2, 3])).toEqual(halted)
    net.apply({ type: 'heal' })
    checker.noteFault(net.now)
    net.run({ untilUs: 60 * S })
    expect(Math.min(...heights(net, [0, 1, 2, 3]))).toBeGreaterThan(Math.max(...halted) + 5)
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })

  it('1 equivocator of 4 and a crashed honest validator: liveness returns once the crash ends', () => {
    // seed 1, node 2 down from 4 s to 12 s: the honest nodes end up split-locked (see the report)
    const net = createNetwork(tendermint({ equivocators: [3] }))
    const checker = createRunChecker(net, { byzantine: [3] })
    net.apply({ type: 'crash', node: 2, atUs: 4 * S })
    net.apply({ type: 'restart', node: 2, atUs: 12 * S })
    checker.noteFault(12 * S)
    net.run({ untilUs: 12 * S + 2 * checker.summary().livenessWindowUs })
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })
})

describe('tendermint: permissioned network', () => {
  const members = {
    organisations: [
      { name: 'a', nodes: [0, 1, 2, 3], roles: ['read', 'submit', 'validate'] },
      { name: 'b', nodes: [4], roles: ['read'] },
    ],
  }

  it('a read-only member follows the finalized chain but never proposes or votes', () => {
    const senders = new Set<number>()
    const net = createNetwork(tendermint({ nodes: 5, members, net: { kind: 'fixed', latencyMs: 1 } }), {
      onTrace: (r) => {
        if (r.kind === 'message') senders.add(r.from)
      },
    })
    const proposers = new Set<number>()
    net.subscribe({ types: ['finalized'] }, (n) => {
      if (n.type === 'finalized') proposers.add((net.query({ type: 'block', block: n.block }) as { miner: number }).miner)
    })
    net.run({ stopAtHeight: 20 })
    expect(finalizedHeight(net, 4)).toBeGreaterThanOrEqual(19)
    expect((net.query({ type: 'node', node: 4 }) as { consensus: { validator: boolean } }).consensus.validator).toBe(false)
    expect([...senders].sort()).toEqual([0, 1, 2, 3])
    expect(proposers.has(4)).toBe(false)
    // The observer receives every message but adds none: (N−1) + 2n(N−1) with N = 5, n = 4.
    expect(protocolSummary(net).messagesPerHeight).toBe(4 + 2 * 4 * 4)
  })
})

describe('tendermint: input errors', () => {
  const fieldOf = (config: unknown): string => {
    try {
      createNetwork(config)
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldError)
      return (error as InvalidFieldError).field
    }
    throw new Error('no error')
  }

  it('config errors name the field', () => {
    const base = tendermint()
    const protocol = (p: Record<string, unknown>): unknown => ({ ...base, protocol: { kind: 'tendermint', ...p } })
    expect(fieldOf(protocol({ timeoutProposeMs: 0 }))).toBe('config.protocol.timeoutProposeMs')
    expect(fieldOf(protocol({ timeoutCommitMs: -1 }))).toBe('config.protocol.timeoutCommitMs')
    expect(fieldOf(protocol({ power: [1, 1] }))).toBe('config.protocol.power')
    expect(fieldOf(protocol({ power: [1, 1, 1, 0.5] }))).toBe('config.protocol.power[3]')
    expect(fieldOf(protocol({ voteBytes: 0 }))).toBe('config.protocol.voteBytes')
    expect(fieldOf(protocol({ timeoutPropose: 3000 }))).toMatch(/^config\.protocol/)
  })

  it('`mine` is rejected: blocks come only from the round’s proposer', () => {
    const net = createNetwork(tendermint())
    net.run({ untilUs: S / 10 })
    const before = net.events
    expect(() => net.apply({ type: 'mine', node: 0 })).toThrow(CommandRejectedError)
    expect(net.events).toBe(before)
  })
})
