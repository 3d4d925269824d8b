/**
 * Transactions end to end on a 4-validator Tendermint network: `submit-tx` hands back an id, the
 * `tx` query follows it from the mempool into a block to finality with consistent times, the run
 * summary's throughput matches the offered load, latency percentiles are ordered, full blocks
 * take the highest fees first, and the same workload and seed give the same run.
 */
import { describe, expect, it } from 'vitest'
import { CommandRejectedError, InvalidFieldError } from '../../../runtime/errors/input.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { Network } from '../../../runtime/sim/network.ts'

const S = 1_000_000

interface Options {
  seed?: number
  timeoutCommitMs?: number
  maxTxPerBlock?: number
  workload?: Record<string, unknown>
}

function tendermint(o: Options = {}): Record<string, unknown> {
  return {
    seed: o.seed ?? 1,
    nodes: 4,
    net: 'lan',
    topology: 'full-mesh',
    protocol: { kind: 'tendermint', timeoutCommitMs: o.timeoutCommitMs ?? 0, ...(o.maxTxPerBlock === undefined ? {} : { maxTxPerBlock: o.maxTxPerBlock }) },
    relay: { mode: 'inv', compact: false },
    ...(o.workload === undefined ? {} : { workload: o.workload }),
  }
}

interface TxView {
  tx: number
  origin: number
  sender: number
  fee: number
  bytes: number
  submittedUs: number
  status: 'pending' | 'in-block' | 'final'
  block: number | null
  includedUs: number | null
  finalUs: number | null
}
const txView = (net: Network, tx: number): TxView => net.query({ type: 'tx', tx }) as TxView
const blockOf = (net: Network, block: number): { height: number; miner: number; timeMs: number } =>
  net.query({ type: 'block', block }) as { height: number; miner: number; timeMs: number }

describe('submit-tx and the tx query', () => {
  it('submit-tx returns dense ids; the query reports what was submitted', () => {
    const net = createNetwork(tendermint())
    net.run({ untilUs: S / 10 })
    expect(() => net.query({ type: 'tx', tx: 0 })).toThrow(InvalidFieldError)
    const a = net.apply({ type: 'submit-tx', node: 2, fee: 7 })
    const b = net.apply({ type: 'submit-tx', node: 3, sender: 42, fee: 9, bytes: 500 })
    expect(a).toMatchObject({ ok: true, type: 'submit-tx', node: 2, tx: 0 })
    expect(b).toMatchObject({ ok: true, type: 'submit-tx', node: 3, tx: 1 })
    // The sender defaults to the submitting node.
    expect(txView(net, 0)).toMatchObject({ tx: 0, origin: 2, sender: 2, fee: 7, submittedUs: net.now, status: 'pending', block: null })
    expect(txView(net, 1)).toMatchObject({ tx: 1, origin: 3, sender: 42, fee: 9, bytes: 500, status: 'pending' })
    try {
      net.query({ type: 'tx', tx: 2 })
      expect.unreachable()
    } catch (error) {
      expect((error as InvalidFieldError).field).toBe('query.tx')
    }
  })

  it('a crashed node cannot take a transaction', () => {
    const net = createNetwork(tendermint())
    net.apply({ type: 'crash', node: 1 })
    expect(() => net.apply({ type: 'submit-tx', node: 1 })).toThrow(CommandRejectedError)
    expect(net.apply({ type: 'submit-tx', node: 0 }).tx).toBe(0)
  })

  it('a transaction moves pending → in-block → final, with submitted ≤ included ≤ final', () => {
    const net = createNetwork(tendermint())
    net.run({ untilUs: S })
    const { tx } = net.apply({ type: 'submit-tx', node: 2, fee: 7 })
    const statuses: TxView['status'][] = [txView(net, tx!).status]
    let inBlockAt = -1
    while (net.now < 5 * S && net.step()) {
      const v = txView(net, tx!)
      if (v.status !== statuses.at(-1)) {
        statuses.push(v.status)
        if (v.status === 'in-block') inBlockAt = net.now
      }
      if (v.status === 'final') break
    }
    expect(statuses).toEqual(['pending', 'in-block', 'final'])
    const v = txView(net, tx!)
    expect(v.block).not.toBeNull()
    // Included = the carrying block's creation time, which is when the status moved.
    expect(v.includedUs).toBe(blockOf(net, v.block!).timeMs * 1000)
    expect(v.includedUs).toBe(inBlockAt)
    expect(v.submittedUs).toBeLessThanOrEqual(v.includedUs!)
    expect(v.includedUs!).toBeLessThanOrEqual(v.finalUs!)
    expect(v.finalUs).toBe(net.now)
  })

  it('every finalized transaction of a workload run has submitted ≤ included ≤ final', () => {
    const net = createNetwork(tendermint({ timeoutCommitMs: 200, workload: { ratePerSec: 100 } }))
    net.run({ untilUs: 5 * S })
    const t = net.summary().transactions!
    let final = 0
    for (let tx = 0; tx < t.submitted; tx++) {
      const v = txView(net, tx)
      if (v.status !== 'final') {
        expect(v.finalUs).toBeNull()
        continue
      }
      final++
      expect(v.submittedUs).toBeLessThanOrEqual(v.includedUs!)
      expect(v.includedUs!).toBeLessThanOrEqual(v.finalUs!)
      expect(v.includedUs).toBe(blockOf(net, v.block!).timeMs * 1000)
    }
    expect(final).toBe(t.finalized)
    expect(final).toBeGreaterThan(0)
  })
})

describe('transaction summary', () => {
  it('60 s at 100 tx/s on 4 validators: throughput within 10% of the offered rate, ordered percentiles', () => {
    const rate = 100
    const net = createNetwork(tendermint({ timeoutCommitMs: 1000, workload: { ratePerSec: rate } }))
    net.run({ untilUs: 60 * S })
    const t = net.summary().transactions!
    expect(t.submitted).toBeGreaterThan(0.9 * rate * 60)
    expect(t.submitted).toBeLessThan(1.1 * rate * 60)
    expect(t.finalized + t.pending).toBe(t.submitted)
    expect(t.throughputTps).toBeGreaterThan(0.9 * rate)
    expect(t.throughputTps).toBeLessThan(1.1 * rate)
    for (const l of [t.inclusionLatency, t.timeToFinality]) {
      expect(l.p50Ms).not.toBeNull()
      expect(l.p50Ms!).toBeLessThanOrEqual(l.p95Ms!)
      expect(l.p95Ms!).toBeLessThanOrEqual(l.p99Ms!)
    }
    // Each transaction's finality comes no earlier than its inclusion, so every percentile too.
    expect(t.inclusionLatency.p50Ms!).toBeLessThanOrEqual(t.timeToFinality.p50Ms!)
    expect(t.inclusionLatency.p99Ms!).toBeLessThanOrEqual(t.timeToFinality.p99Ms!)
    // A block a second: a transaction waits for the next one, about half a second on average.
    expect(t.timeToFinality.p50Ms!).toBeLessThan(2000)
    expect(net.summary().transactions!.messagesPerTx).toBeGreaterThan(0)
  })

  it('without transactions there is no transaction summary', () => {
    const net = createNetwork(tendermint())
    net.run({ untilUs: S / 10 })
    expect(net.summary().transactions).toBeNull()
  })

  it('full blocks take the highest fees first', () => {
    const maxTx = 5
    const net = createNetwork(tendermint({ maxTxPerBlock: maxTx }))
    net.run({ untilUs: S })
    const fees = [13, 2, 40, 7, 25, 1, 33, 19, 8, 50, 4, 28, 11, 45, 3, 36, 22, 16, 30, 9]
    const ids = fees.map((fee) => net.apply({ type: 'submit-tx', node: 1, sender: 5, fee }).tx!)
    net.run({ untilUs: 3 * S })
    const included = ids.map((tx) => {
      const v = txView(net, tx)
      expect(v.status).toBe('final')
      return { fee: v.fee, height: blockOf(net, v.block!).height }
    })
    included.sort((a, b) => b.fee - a.fee)
    // Highest fee first: heights never decrease as fees go down, ...
    for (let i = 1; i < included.length; i++) expect(included[i]!.height).toBeGreaterThanOrEqual(included[i - 1]!.height)
    // ... and each block is full: exactly maxTx per carrying block, fees.length / maxTx blocks.
    const perHeight = new Map<number, number>()
    for (const { height } of included) perHeight.set(height, (perHeight.get(height) ?? 0) + 1)
    expect(perHeight.size).toBe(fees.length / maxTx)
    for (const n of perHeight.values()) expect(n).toBe(maxTx)
    // The block query lists each carrying block's transactions, highest fee first.
    const carrying = [...new Set(ids.map((tx) => txView(net, tx).block!))]
    for (const block of carrying) {
      const b = net.query({ type: 'block', block }) as { txCount: number; txs: number[]; finalUs: number | null }
      expect(b.txCount).toBe(maxTx)
      expect(b.txs).toEqual(ids.filter((tx) => txView(net, tx).block === block).sort((x, y) => txView(net, y).fee - txView(net, x).fee))
      expect(b.finalUs).not.toBeNull()
    }
  })
})

describe('transactions: determinism', () => {
  const run = (seed: number): { hash: string; transactions: unknown } => {
    const net = createNetwork(tendermint({ seed, timeoutCommitMs: 200, workload: { ratePerSec: 150, senders: 20, feeMin: 1, feeMax: 30 } }))
    net.apply({ type: 'submit-tx', node: 3, sender: 9, fee: 1000, atUs: 2 * S })
    net.run({ untilUs: 8 * S })
    return { hash: net.traceHash(), transactions: net.summary().transactions }
  }

  it('the same workload and seed give the same trace and transaction summary; another seed does not', () => {
    const a = run(11)
    const b = run(11)
    expect(b.hash).toBe(a.hash)
    expect(b.transactions).toEqual(a.transactions)
    const c = run(12)
    expect(c.hash).not.toBe(a.hash)
    expect(c.transactions).not.toEqual(a.transactions)
  })
})

describe('transactions: forks', () => {
  // Regression: a transaction remembers only its latest carrier; when that was a stale fork block,
  // a miner on the main chain included it a second time (315 duplicates in this run before).
  it('no transaction is carried twice by one chain, however many forks carried it too', () => {
    const net = createNetwork({
      seed: 3,
      nodes: 8,
      net: 'wan',
      topology: 'full-mesh',
      protocol: { kind: 'pow', intervalMs: 2000, blockSize: 20_000, hashPower: { kind: 'equal' } },
      relay: { mode: 'inv', compact: false },
      workload: { ratePerSec: 200 },
    })
    net.run({ untilUs: 300 * S })
    const stale = net.summary().staleRate
    expect(stale).toBeGreaterThan(0.01)
    const heads = net.query({ type: 'heads' }) as { tip: number }[]
    const seen = new Set<number>()
    let duplicates = 0
    for (let b = heads[0]!.tip; b > 0; ) {
      const q = net.query({ type: 'block', block: b }) as { txs: number[]; parent: number }
      for (const tx of q.txs) {
        if (seen.has(tx)) duplicates++
        seen.add(tx)
      }
      b = q.parent
    }
    expect(seen.size).toBeGreaterThan(5000)
    expect(duplicates).toBe(0)
  })
})
