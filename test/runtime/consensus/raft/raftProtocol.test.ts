import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import { CommandRejectedError, InvalidFieldError } from '../../../../runtime/errors/input.ts'
import { parseNetworkConfig } from '../../../../runtime/sim/config.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import type { Network } from '../../../../runtime/sim/network.ts'
import { currentLeader, nodeView, raftConfig, stepWatchingLeaders } from './raftHelpers.ts'

const S = 1_000_000

/** Per node: the block each height was finalized with, from 'finalized' notifications. */
function watchFinality(net: Network): Map<number, Map<number, number>> {
  const byNode = new Map<number, Map<number, number>>()
  net.subscribe({ types: ['finalized'] }, (n) => {
    if (n.type !== 'finalized') return
    const m = byNode.get(n.node) ?? new Map<number, number>()
    m.set(n.height, n.block)
    byNode.set(n.node, m)
  })
  return byNode
}

/** Height → block along `node`'s chain. */
function chainOf(net: Network, node: number): Map<number, number> {
  const { blocks } = net.query({ type: 'chain', node }) as { blocks: { block: number; height: number }[] }
  return new Map(blocks.map((b) => [b.height, b.block]))
}

describe('raft: elections', () => {
  it('elects one leader per term, through crashes that force new terms', () => {
    const net = createNetwork(raftConfig(11))
    const leaders = new Map<number, Set<number>>()
    stepWatchingLeaders(net, 2 * S, leaders)
    const first = currentLeader(net)
    expect(first).toBeGreaterThanOrEqual(0)
    net.apply({ type: 'crash', node: first })
    stepWatchingLeaders(net, 4 * S, leaders)
    const second = currentLeader(net)
    expect(second).toBeGreaterThanOrEqual(0)
    expect(second).not.toBe(first)
    net.apply({ type: 'restart', node: first })
    net.apply({ type: 'crash', node: second })
    stepWatchingLeaders(net, 6 * S, leaders)
    expect(leaders.size).toBeGreaterThanOrEqual(3)
    for (const [, set] of leaders) expect(set.size).toBe(1)
    const summary = net.summary() as unknown as { protocol: { electionSafetyViolations: number; electionsWon: number } }
    expect(summary.protocol.electionSafetyViolations).toBe(0)
    expect(summary.protocol.electionsWon).toBe(leaders.size)
  })

  it('identical timeouts split the vote forever: every candidate keeps its own vote, nobody wins', () => {
    const net = createNetwork({
      ...raftConfig(13, 5, { electionTimeoutMinMs: 150, electionTimeoutMaxMs: 150 }),
      net: { kind: 'fixed', latencyMs: 2 },
    })
    const leaders = new Map<number, Set<number>>()
    stepWatchingLeaders(net, 3 * S, leaders)
    expect(leaders.size).toBe(0)
    for (let n = 0; n < 5; n++) {
      const c = nodeView(net, n).consensus
      expect(c.term).toBe(20)
      expect(c.votedFor).toBe(n)
    }
  })

  it('every voter that voted in the current term voted for its leader or a loser, never twice', () => {
    const net = createNetwork(raftConfig(12))
    net.run({ untilUs: 2 * S })
    const leader = currentLeader(net)
    const term = nodeView(net, leader).consensus.term
    let votesForLeader = 0
    for (let n = 0; n < 5; n++) {
      const c = nodeView(net, n).consensus
      expect(c.term).toBe(term)
      expect(c.leader).toBe(leader)
      if (c.votedFor === leader) votesForLeader++
    }
    expect(votesForLeader).toBeGreaterThanOrEqual(3)
  })
})

describe('raft: log replication and commit', () => {
  it('commits the same block at every height on every node, and tips follow', () => {
    const net = createNetwork(raftConfig(21, 5, { blockIntervalMs: 200 }))
    const finality = watchFinality(net)
    const checker = createRunChecker(net, {})
    net.run({ untilUs: 6 * S })
    const leader = currentLeader(net)
    const leaderCommit = nodeView(net, leader).consensus.commitIndex
    expect(leaderCommit).toBeGreaterThanOrEqual(20)
    const reference = finality.get(leader)!
    for (let n = 0; n < 5; n++) {
      const v = nodeView(net, n)
      // Followers learn the commit index with the next AppendEntries: at most one block behind.
      expect(v.consensus.commitIndex).toBeGreaterThanOrEqual(leaderCommit - 1)
      expect(v.height).toBe(v.consensus.commitIndex)
      const mine = finality.get(n)!
      for (let h = 1; h <= v.consensus.commitIndex; h++) expect(mine.get(h)).toBe(reference.get(h))
    }
    expect(checker.summary().safety).toBe('ok')
  })

  it('the leader cuts a block on the mine command; a follower is refused', () => {
    const net = createNetwork(raftConfig(22))
    net.run({ untilUs: 1 * S })
    const leader = currentLeader(net)
    const follower = (leader + 1) % 5
    const result = net.apply({ type: 'mine', node: leader }) as { block: number }
    expect(result.block).toBeGreaterThan(0)
    expect(() => net.apply({ type: 'mine', node: follower })).toThrow(CommandRejectedError)
    net.run({ untilUs: net.now + 100_000 })
    expect(nodeView(net, follower).consensus.logLength).toBeGreaterThanOrEqual(nodeView(net, leader).consensus.logLength - 1)
  })
})

describe('raft: faults', () => {
  it('a crashed leader is replaced within the liveness bound; it rejoins and catches up', () => {
    const net = createNetwork(raftConfig(31))
    const checker = createRunChecker(net, {})
    net.run({ untilUs: 3 * S })
    const old = currentLeader(net)
    const oldTerm = nodeView(net, old).consensus.term
    net.apply({ type: 'crash', node: old })
    checker.noteFault(net.now)
    const crashedAt = net.now
    let firstCommitAfter = -1
    net.subscribe({ types: ['finalized'] }, (n) => {
      if (firstCommitAfter < 0 && n.atUs > crashedAt) firstCommitAfter = n.atUs
    })
    net.run({ untilUs: 6 * S })
    const next = currentLeader(net)
    expect(next).not.toBe(old)
    expect(nodeView(net, next).consensus.term).toBeGreaterThan(oldTerm)
    expect(firstCommitAfter - crashedAt).toBeGreaterThan(0)
    expect(firstCommitAfter - crashedAt).toBeLessThanOrEqual(10 * net.protocol.baseTimeoutUs)
    // Term, vote and log survived the crash; the stale log is brought up to date by AppendEntries.
    const persisted = nodeView(net, old).consensus
    net.apply({ type: 'restart', node: old })
    expect(nodeView(net, old).consensus.term).toBe(persisted.term)
    expect(nodeView(net, old).consensus.logLength).toBe(persisted.logLength)
    net.run({ untilUs: 8 * S })
    const l = nodeView(net, next).consensus
    const r = nodeView(net, old).consensus
    expect(r.role).toBe('follower')
    expect(r.leader).toBe(next)
    expect(r.logLength).toBeGreaterThan(persisted.logLength)
    expect(r.commitIndex).toBeGreaterThanOrEqual(l.commitIndex - 1)
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })

  it('a minority leader commits nothing; after the heal the higher term wins and its uncommitted entries are replaced', () => {
    const net = createNetwork(raftConfig(41, 5, { blockIntervalMs: 200 }))
    const checker = createRunChecker(net, {})
    net.run({ untilUs: 2 * S })
    const leader = currentLeader(net)
    const others = [0, 1, 2, 3, 4].filter((n) => n !== leader)
    const minority = [leader, others[0]!]
    const majority = others.slice(1)
    net.apply({ type: 'partition', groups: [minority, majority] })
    checker.noteFault(net.now)
    const commitAtSplit = nodeView(net, leader).consensus.commitIndex
    net.run({ untilUs: 6 * S })
    const stale = nodeView(net, leader).consensus
    expect(stale.role).toBe('leader')
    // It kept appending blocks it can never commit.
    expect(stale.logLength).toBeGreaterThan(commitAtSplit + 5)
    expect(stale.commitIndex).toBe(commitAtSplit)
    const fresh = currentLeader(net)
    expect(majority).toContain(fresh)
    expect(nodeView(net, fresh).consensus.commitIndex).toBeGreaterThan(commitAtSplit + 5)
    net.apply({ type: 'heal' })
    checker.noteFault(net.now)
    net.run({ untilUs: 9 * S })
    const winner = currentLeader(net)
    expect(majority).toContain(winner)
    const final = nodeView(net, winner).consensus
    for (const n of minority) {
      const c = nodeView(net, n).consensus
      expect(c.role).toBe('follower')
      expect(c.term).toBe(final.term)
      expect(c.commitIndex).toBeGreaterThanOrEqual(final.commitIndex - 1)
    }
    // One chain everywhere: every node's finalized tip lies on the winner's chain, and the old
    // leader's own blocks above the split are not on it.
    const reference = chainOf(net, winner)
    for (let n = 0; n < 5; n++) {
      const v = nodeView(net, n)
      expect(v.finalized).toBe(v.consensus.commitIndex === 0 ? 0 : reference.get(v.height))
    }
    expect(net.query({ type: 'block', block: reference.get(commitAtSplit + 1)! })).toMatchObject({ miner: fresh })
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })

  it('a restarted follower with a stale log is caught up by the consistency check', () => {
    const net = createNetwork(raftConfig(51, 5, { blockIntervalMs: 100 }))
    net.run({ untilUs: 1 * S })
    const leader = currentLeader(net)
    const follower = (leader + 2) % 5
    net.apply({ type: 'crash', node: follower })
    net.run({ untilUs: 8 * S })
    const behind = nodeView(net, follower).consensus.logLength
    expect(nodeView(net, leader).consensus.logLength - behind).toBeGreaterThan(64)
    net.apply({ type: 'restart', node: follower })
    net.run({ untilUs: 9 * S })
    const l = nodeView(net, leader).consensus
    const f = nodeView(net, follower).consensus
    expect(f.logLength).toBeGreaterThanOrEqual(l.logLength - 1)
    expect(f.commitIndex).toBeGreaterThanOrEqual(l.commitIndex - 1)
  })
})

describe('raft: a permissioned consortium', () => {
  const members = {
    organisations: [
      { name: 'orderers', nodes: [0, 1, 2], roles: ['read', 'submit', 'validate'] },
      { name: 'peers', nodes: [3, 4, 5, 6], roles: ['read', 'submit'] },
    ],
  }

  it('non-validators never vote or lead, yet follow every commit', () => {
    const net = createNetwork({ ...raftConfig(61, 7), members })
    const leaders = new Map<number, Set<number>>()
    stepWatchingLeaders(net, 2 * S, leaders)
    const first = currentLeader(net)
    const commitAtCrash = nodeView(net, first).consensus.commitIndex
    net.apply({ type: 'crash', node: first })
    stepWatchingLeaders(net, 5 * S, leaders)
    for (const [, set] of leaders) for (const n of set) expect([0, 1, 2]).toContain(n)
    expect(leaders.size).toBeGreaterThanOrEqual(2)
    const leader = currentLeader(net)
    const commit = nodeView(net, leader).consensus.commitIndex
    for (const n of [3, 4, 5, 6]) {
      const c = nodeView(net, n).consensus
      expect(c.role).toBe('learner')
      expect(c.voter).toBe(false)
      expect(c.votedFor).toBeNull()
      expect(c.leader).toBe(leader)
      expect(c.commitIndex).toBeGreaterThanOrEqual(commit - 1)
      expect(() => net.apply({ type: 'mine', node: n })).toThrow(CommandRejectedError)
    }
    // Two voters of three are a majority: the cluster kept committing with one orderer down.
    expect(commit).toBeGreaterThan(commitAtCrash + 3)
  })
})

describe('raft: learners over a WAN', () => {
  it('every learner learns each commit within a round trip and a heartbeat, not a block later', () => {
    const organisations = [
      { name: 'orderers', nodes: [0, 10, 20], roles: ['read', 'submit', 'validate'] },
      { name: 'peers', nodes: Array.from({ length: 30 }, (_, i) => i).filter((n) => n % 10 !== 0), roles: ['read', 'submit'] },
    ]
    const net = createNetwork({
      ...raftConfig(81, 30, { electionTimeoutMinMs: 1000, electionTimeoutMaxMs: 2000, heartbeatMs: 200, blockIntervalMs: 2000 }),
      net: 'wan',
      members: { organisations },
    })
    const created = new Map<number, number>()
    let worstUs = 0
    let finalized = 0
    net.subscribe({ types: ['block-mined', 'finalized'] }, (n) => {
      if (n.type === 'block-mined') created.set(n.block, n.atUs)
      else if (n.type === 'finalized') {
        finalized++
        worstUs = Math.max(worstUs, n.atUs - created.get(n.block)!)
      }
    })
    net.run({ untilUs: 20 * S })
    expect(finalized).toBeGreaterThan(30 * 5)
    // Farthest pair ≈ 130 ms one way: a round trip, then the next heartbeat (200 ms).
    expect(worstUs).toBeLessThan(800_000)
  })

  it('a node added while running follows as a learner and catches up from the start', () => {
    const net = createNetwork(raftConfig(82, 5, { blockIntervalMs: 100 }))
    net.run({ untilUs: 5 * S })
    const added = (net.apply({ type: 'add-node' }) as { node: number }).node
    net.run({ untilUs: 7 * S })
    const c = nodeView(net, added).consensus
    const l = nodeView(net, currentLeader(net)).consensus
    expect(c.role).toBe('learner')
    expect(l.logLength).toBeGreaterThan(60)
    expect(c.logLength).toBeGreaterThanOrEqual(l.logLength - 1)
    expect(c.commitIndex).toBeGreaterThanOrEqual(l.commitIndex - 1)
  })
})

describe('raft: determinism and config', () => {
  it('the same config and seed give the same trace; another seed does not', () => {
    const run = (seed: number): string => {
      const net = createNetwork(raftConfig(seed))
      net.run({ untilUs: 1 * S })
      net.apply({ type: 'crash', node: currentLeader(net) })
      net.run({ untilUs: 3 * S })
      return net.traceHash()
    }
    expect(run(71)).toBe(run(71))
    expect(run(71)).not.toBe(run(72))
  })

  it.each([
    [{ electionTimeoutMinMs: 300, electionTimeoutMaxMs: 150 }, 'config.protocol.electionTimeoutMaxMs'],
    [{ heartbeatMs: 150 }, 'config.protocol.heartbeatMs'],
    [{ electionTimeoutMinMs: 0 }, 'config.protocol.electionTimeoutMinMs'],
    [{ blockIntervalMs: -5 }, 'config.protocol.blockIntervalMs'],
    [{ blockSize: 1.5 }, 'config.protocol.blockSize'],
    [{ persistUs: -1 }, 'config.protocol.persistUs'],
    [{ electionTimeout: 150 }, 'config.protocol.electionTimeout'],
  ])('%j → %s', (protocol, field) => {
    try {
      parseNetworkConfig(raftConfig(1, 5, protocol))
      expect.unreachable('accepted a bad config')
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldError)
      expect((error as InvalidFieldError).field).toBe(field)
    }
  })

  it('defaults are the paper’s: 150–300 ms timeouts, base timeout 300 ms', () => {
    const net = createNetwork(raftConfig(1))
    expect(net.config.protocol).toMatchObject({ kind: 'raft', electionTimeoutMinMs: 150, electionTimeoutMaxMs: 300, heartbeatMs: 50 })
    expect(net.protocol).toMatchObject({ name: 'raft', finality: 'explicit', baseTimeoutUs: 300_000 })
  })
})
