/**
 * Batched transaction gossip through the public network API: under a steady workload every
 * transaction reaches every node's mempool and then every chain, a node sends a peer at most one
 * batch per gossip interval (so the batch count is bounded by links × 2 × intervals, whatever
 * the load), and a partition stops gossip at the cut.
 */
import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { Network } from '../../../runtime/sim/network.ts'

const S = 1_000_000
const NODES = 10

interface GossipOptions {
  topology?: 'small-world' | 'ring'
  /** 0: blocks carry no transactions, so a mempool keeps everything it learns. */
  maxTxPerBlock?: number
  workload?: Record<string, unknown> | undefined
  seed?: number
}

function gossipConfig(o: GossipOptions = {}): Record<string, unknown> {
  return {
    seed: o.seed ?? 1,
    nodes: NODES,
    net: 'lan',
    topology: o.topology ?? 'small-world',
    protocol: { kind: 'tendermint', timeoutCommitMs: 200, ...(o.maxTxPerBlock === undefined ? {} : { maxTxPerBlock: o.maxTxPerBlock }) },
    relay: { mode: 'inv', compact: false },
    ...(o.workload === undefined ? {} : { workload: o.workload }),
  }
}

const pendingAt = (net: Network): number[] =>
  Array.from({ length: NODES }, (_, node) => (net.query({ type: 'mempool', node }) as { pending: number }).pending)

/** Undirected peer-to-peer links, from each node's peer count. */
const linkCount = (net: Network): number => (net.query({ type: 'nodes' }) as { peers: number }[]).reduce((sum, n) => sum + n.peers, 0) / 2

const txBatches = (net: Network): number => net.summary().metrics.byKind['tx-batch']?.messages ?? 0

interface TxView {
  status: 'pending' | 'in-block' | 'final'
  submittedUs: number
}
const txView = (net: Network, tx: number): TxView => net.query({ type: 'tx', tx }) as TxView

describe('transaction gossip: reach', () => {
  it.each(['small-world', 'ring'] as const)('%s: every transaction reaches every node’s mempool', (topology) => {
    // Blocks carry no transactions: a mempool's pending count is then everything the node learned.
    const net = createNetwork(gossipConfig({ topology, maxTxPerBlock: 0, workload: { ratePerSec: 200, gossipIntervalMs: 100, untilMs: 5000 } }))
    net.run({ untilUs: 5 * S })
    const submitted = net.summary().transactions!.submitted
    expect(submitted).toBeGreaterThan(500)
    const atStop = pendingAt(net)
    // Gossip is batched, not instant: when the load stops, the latest interval has not spread yet.
    expect(Math.min(...atStop)).toBeLessThan(submitted)
    for (const p of atStop) expect(p).toBeLessThanOrEqual(submitted)
    // A ring of 10 is 5 hops across: one interval per hop, well within a second.
    net.run({ untilUs: 6 * S })
    expect(pendingAt(net)).toEqual(Array.from({ length: NODES }, () => submitted))
    expect(net.summary().transactions!.finalized).toBe(0)
  })

  it.each(['small-world', 'ring'] as const)('%s: with blocks, everything but the last second’s load is final and mempools drain', (topology) => {
    const net = createNetwork(gossipConfig({ topology, workload: { ratePerSec: 200, gossipIntervalMs: 100 } }))
    const endUs = 6 * S
    net.run({ untilUs: endUs })
    const t = net.summary().transactions!
    let lastSecond = 0
    for (let tx = 0; tx < t.submitted; tx++) {
      const v = txView(net, tx)
      if (v.submittedUs > endUs - S) lastSecond++
      else expect(v.status, `tx ${tx} submitted at ${v.submittedUs} µs`).toBe('final')
    }
    expect(t.submitted).toBeGreaterThan(1000)
    expect(t.finalized).toBeGreaterThanOrEqual(t.submitted - lastSecond)
    expect(t.finalized).toBeLessThanOrEqual(t.submitted)
    // What a node still holds is at most the last second's load (the rest is final).
    for (const p of pendingAt(net)) expect(p).toBeLessThanOrEqual(lastSecond)
    expect(net.summary().finalizedHeight).toBeGreaterThan(10)
  })
})

describe('transaction gossip: batching', () => {
  it.each(['small-world', 'ring'] as const)('%s: at most one batch per link direction per interval', (topology) => {
    const simulatedS = 6
    const net = createNetwork(gossipConfig({ topology, workload: { ratePerSec: 200, gossipIntervalMs: 100 } }))
    net.run({ untilUs: simulatedS * S })
    const links = linkCount(net)
    expect(links).toBeGreaterThanOrEqual(NODES)
    const batches = txBatches(net)
    // Each node flushes at most once per interval (plus one partial interval) to each peer.
    expect(batches).toBeLessThanOrEqual(links * 2 * (simulatedS / 0.1 + 1))
    // Under 200 tx/s every node has news in most intervals: gossip is actually running.
    expect(batches).toBeGreaterThan(links * 2 * (simulatedS / 0.1) * 0.5)
    // One message per transaction per link direction would be the submitted count times that.
    expect(batches).toBeLessThan(net.summary().transactions!.submitted * links * 2)
  })

  it('a longer interval sends fewer batches, each within its own bound', () => {
    const simulatedS = 6
    const batchesWith = (intervalMs: number): { batches: number; links: number } => {
      const net = createNetwork(gossipConfig({ workload: { ratePerSec: 200, gossipIntervalMs: intervalMs } }))
      net.run({ untilUs: simulatedS * S })
      return { batches: txBatches(net), links: linkCount(net) }
    }
    const fast = batchesWith(100)
    const slow = batchesWith(400)
    expect(slow.links).toBe(fast.links)
    expect(slow.batches).toBeLessThanOrEqual(slow.links * 2 * ((simulatedS * 1000) / 400 + 1))
    expect(slow.batches).toBeLessThan(fast.batches / 2)
  })
})

describe('transaction gossip: partitions', () => {
  const halves = [
    [0, 1, 2, 3, 4],
    [5, 6, 7, 8, 9],
  ]

  it('a transaction submitted on one side of a partition reaches only that side', () => {
    const net = createNetwork(gossipConfig({ topology: 'ring', maxTxPerBlock: 0 }))
    net.run({ untilUs: S })
    net.apply({ type: 'partition', groups: halves })
    const { tx } = net.apply({ type: 'submit-tx', node: 0, sender: 3 })
    expect(tx).toBe(0)
    net.run({ untilUs: 3 * S })
    expect(pendingAt(net)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    // The other side learns it once a later transaction from the same origin crosses the healed
    // cut: marks are prefixes, so the later mark covers the earlier transaction too.
    net.apply({ type: 'heal' })
    net.apply({ type: 'submit-tx', node: 0, sender: 3 })
    net.run({ untilUs: 5 * S })
    expect(pendingAt(net)).toEqual(Array.from({ length: NODES }, () => 2))
  })

  it('a cut stops gossip both ways, each side still gossips within itself', () => {
    const net = createNetwork(gossipConfig({ topology: 'small-world', maxTxPerBlock: 0 }))
    net.run({ untilUs: S })
    net.apply({ type: 'partition', groups: halves })
    net.apply({ type: 'submit-tx', node: 1 })
    net.apply({ type: 'submit-tx', node: 8 })
    net.apply({ type: 'submit-tx', node: 8 })
    net.run({ untilUs: 3 * S })
    expect(pendingAt(net)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
  })

  // Regression: marks are announced once per node, so a batch refused across the cut was lost
  // for good; healing now makes every node offer its mempool again.
  it('after heal, a transaction submitted during the partition reaches the other side', () => {
    const net = createNetwork(gossipConfig({ topology: 'ring', maxTxPerBlock: 0 }))
    net.run({ untilUs: S })
    net.apply({ type: 'partition', groups: halves })
    net.apply({ type: 'submit-tx', node: 0, sender: 3 })
    net.run({ untilUs: 3 * S })
    expect(pendingAt(net)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    net.apply({ type: 'heal' })
    net.run({ untilUs: 6 * S })
    expect(pendingAt(net)).toEqual(Array.from({ length: NODES }, () => 1))
  })

  // Regression: a crash killed the node's pending flush (its epoch) but left it marked pending, so
  // after the restart the node never gossiped again.
  it('a node that crashed with a flush pending gossips again after its restart', () => {
    const net = createNetwork(gossipConfig({ topology: 'ring', maxTxPerBlock: 0 }))
    net.run({ untilUs: S })
    net.apply({ type: 'submit-tx', node: 2 })
    net.apply({ type: 'crash', node: 2 })
    net.run({ untilUs: 2 * S })
    net.apply({ type: 'restart', node: 2 })
    net.run({ untilUs: 3 * S })
    net.apply({ type: 'submit-tx', node: 2 })
    net.run({ untilUs: 6 * S })
    expect(pendingAt(net)).toEqual(Array.from({ length: NODES }, () => 2))
  })
})
