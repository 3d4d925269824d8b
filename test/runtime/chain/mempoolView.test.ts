/**
 * The mempool view on its own, over a real transaction table and block store: per-origin
 * high-water marks only ever rise (knowledge stays prefix-closed), and a producer's selection is
 * by fee (ties: lower id first) within `maxTx` and `maxBytes`, leaving out what is final, what the
 * chain it builds on already carries, and a censored sender — while a transaction carried only by
 * a failed proposal (a block off that chain) is offered again.
 */
import { describe, expect, it } from 'vitest'
import { createBlockStore } from '../../../runtime/chain/blockStore.ts'
import { createMempoolView } from '../../../runtime/chain/mempoolView.ts'
import type { MempoolView } from '../../../runtime/chain/mempoolView.ts'
import { createTransactionTable } from '../../../runtime/chain/transactions.ts'
import type { TransactionTable } from '../../../runtime/chain/transactions.ts'
import type { BlockStore } from '../../../runtime/chain/blockStore.ts'

interface Fixture {
  store: BlockStore
  txs: TransactionTable
  mempool: MempoolView
  /** Origin `origin` submits a transaction (as `transactionFlow` does); returns its id. */
  submit(origin: number, fee: number, options?: { sender?: number; bytes?: number }): number
  slotOf(origin: number): number
}

function fixture(nodes = 4): Fixture {
  const store = createBlockStore()
  const txs = createTransactionTable()
  const mempool = createMempoolView(txs, store)
  mempool.ensure(nodes)
  const slots = new Map<number, number>()
  return {
    store,
    txs,
    mempool,
    submit(origin, fee, options = {}) {
      const tx = txs.add(origin, 0, options.sender ?? origin, fee, options.bytes ?? 100, 0)
      const slot = mempool.submit(origin, tx)
      slots.set(origin, slot)
      txs.seq[tx] = mempool.known(origin, slot) - 1
      return tx
    },
    slotOf(origin) {
      const slot = slots.get(origin)
      if (slot === undefined) throw new Error(`origin ${origin} has not submitted`)
      return slot
    },
  }
}

/** Every transaction submitted so far reaches `node` (each origin's mark raised to its count). */
function learnAll(f: Fixture, node: number): void {
  for (let slot = 0; slot < f.mempool.origins; slot++) {
    f.mempool.learn(node, slot, f.mempool.known(f.mempool.originNode(slot), slot))
  }
}

/** The ids sorted the way a producer should take them: fee descending, then id ascending. */
const byFee = (f: Fixture, ids: readonly number[]): number[] => [...ids].sort((a, b) => f.txs.fee[b]! - f.txs.fee[a]! || a - b)

describe('mempool view: high-water marks', () => {
  it('a submission raises only its origin’s own mark, in a slot of its own', () => {
    const f = fixture()
    f.submit(2, 5)
    f.submit(2, 6)
    f.submit(0, 7)
    expect(f.mempool.origins).toBe(2)
    expect(f.mempool.originNode(f.slotOf(2))).toBe(2)
    expect(f.mempool.originNode(f.slotOf(0))).toBe(0)
    expect(f.mempool.known(2, f.slotOf(2))).toBe(2)
    expect(f.mempool.known(0, f.slotOf(0))).toBe(1)
    // Nobody else holds anything yet.
    expect(f.mempool.known(1, f.slotOf(2))).toBe(0)
    expect(f.mempool.known(0, f.slotOf(2))).toBe(0)
    expect(f.mempool.pending(1)).toBe(0)
    expect(f.mempool.pending(2)).toBe(2)
  })

  it('learn only raises a mark: a lower or equal one is not news and changes nothing', () => {
    const f = fixture()
    for (let i = 0; i < 5; i++) f.submit(0, 10 + i)
    const slot = f.slotOf(0)
    expect(f.mempool.learn(1, slot, 3)).toBe(true)
    expect(f.mempool.known(1, slot)).toBe(3)
    expect(f.mempool.learn(1, slot, 2)).toBe(false)
    expect(f.mempool.learn(1, slot, 3)).toBe(false)
    expect(f.mempool.known(1, slot)).toBe(3)
    expect(f.mempool.pending(1)).toBe(3)
    expect(f.mempool.learn(1, slot, 5)).toBe(true)
    expect(f.mempool.known(1, slot)).toBe(5)
  })

  it('merge takes the higher mark per slot and reports news only when a mark rose', () => {
    const f = fixture()
    for (let i = 0; i < 4; i++) f.submit(0, 1)
    for (let i = 0; i < 6; i++) f.submit(3, 1)
    const s0 = f.slotOf(0)
    const s3 = f.slotOf(3)
    f.mempool.learn(1, s0, 3)
    // A batch below what node 1 holds for slot 0, above it for slot 3.
    expect(f.mempool.merge(1, Int32Array.from([s0, 2, s3, 4]))).toBe(true)
    expect(f.mempool.known(1, s0)).toBe(3)
    expect(f.mempool.known(1, s3)).toBe(4)
    // The same batch again: nothing new, nothing lowered.
    expect(f.mempool.merge(1, Int32Array.from([s0, 2, s3, 4]))).toBe(false)
    expect(f.mempool.merge(1, Int32Array.from([s0, 1, s3, 1]))).toBe(false)
    expect([...f.mempool.marks(1)]).toEqual(s0 < s3 ? [3, 4] : [4, 3])
    expect(f.mempool.pending(1)).toBe(7)
  })

  it('a node selects exactly the prefix of each origin’s sequence its mark covers', () => {
    const f = fixture()
    const ids = [f.submit(0, 1), f.submit(0, 2), f.submit(0, 3), f.submit(0, 4)]
    expect(f.mempool.select(1, 0, 100, undefined)).toEqual([])
    f.mempool.learn(1, f.slotOf(0), 2)
    expect(f.mempool.select(1, 0, 100, undefined).sort((a, b) => a - b)).toEqual(ids.slice(0, 2))
    // The origin holds all four.
    expect(f.mempool.select(0, 0, 100, undefined).sort((a, b) => a - b)).toEqual(ids)
  })

  it('makes room for nodes and origins that appear later without losing marks', () => {
    const f = fixture(2)
    const first = f.submit(0, 3)
    f.mempool.learn(1, f.slotOf(0), 1)
    // Ten more origins, nodes 2 … 11 (the slot and node tables grow), and a mark at node 20.
    for (let o = 2; o <= 11; o++) f.submit(o, 1)
    f.mempool.learn(20, f.slotOf(0), 1)
    expect(f.mempool.origins).toBe(11)
    expect(f.mempool.known(1, f.slotOf(0))).toBe(1)
    expect(f.mempool.known(20, f.slotOf(0))).toBe(1)
    for (let o = 2; o <= 11; o++) expect(f.mempool.known(o, f.slotOf(o))).toBe(1)
    expect(f.mempool.known(1, f.slotOf(11))).toBe(0)
    expect(f.mempool.select(1, 0, 10, undefined)).toEqual([first])
  })
})

describe('mempool view: selection', () => {
  it('takes the highest fees first, ties by lower id, and at most maxTx', () => {
    const f = fixture()
    const ids = [
      f.submit(0, 5),
      f.submit(1, 9),
      f.submit(2, 5),
      f.submit(0, 1),
      f.submit(3, 9),
      f.submit(1, 5),
      f.submit(2, 7),
    ]
    learnAll(f, 1)
    const expected = byFee(f, ids)
    for (const maxTx of [1, 2, 3, 5, 6]) {
      const chosen = f.mempool.select(1, 0, maxTx, undefined)
      expect(chosen).toEqual(expected.slice(0, maxTx))
    }
    expect(f.mempool.select(1, 0, 0, undefined)).toEqual([])
  })

  it('offers every candidate when all fit', () => {
    const f = fixture()
    const ids = [f.submit(0, 5), f.submit(1, 9), f.submit(0, 1), f.submit(2, 7)]
    learnAll(f, 1)
    expect([...f.mempool.select(1, 0, 100, undefined)].sort((a, b) => a - b)).toEqual(ids)
  })

  // select()'s contract (mempoolView.ts: "highest fee first") also holds when nothing is cut:
  // today the list is sorted only when it is truncated (candidates > maxTx or a byte limit).
  it('returns the candidates highest fee first even when all of them fit', () => {
    const f = fixture()
    const ids = [f.submit(0, 5), f.submit(1, 9), f.submit(0, 1), f.submit(2, 7)]
    learnAll(f, 1)
    expect(f.mempool.select(1, 0, 100, undefined)).toEqual(byFee(f, ids))
  })

  it('respects maxBytes: never more bytes than allowed, and still the fee order', () => {
    const f = fixture()
    const ids = [
      f.submit(0, 50, { bytes: 400 }),
      f.submit(1, 40, { bytes: 300 }),
      f.submit(2, 30, { bytes: 200 }),
      f.submit(3, 20, { bytes: 100 }),
    ]
    learnAll(f, 0)
    const bytesOf = (chosen: number[]): number => chosen.reduce((sum, tx) => sum + f.txs.bytes[tx]!, 0)
    for (const maxBytes of [0, 399, 400, 699, 700, 900, 1000, 10_000]) {
      const chosen = f.mempool.select(0, 0, 100, undefined, maxBytes)
      expect(bytesOf(chosen)).toBeLessThanOrEqual(maxBytes)
      // A prefix of the fee order (the producer fills greedily from the top).
      expect(chosen).toEqual(byFee(f, ids).slice(0, chosen.length))
    }
    expect(f.mempool.select(0, 0, 100, undefined, 700)).toEqual([ids[0], ids[1]])
    expect(f.mempool.select(0, 0, 100, undefined, 10_000)).toEqual(ids)
    // maxTx and maxBytes together: the tighter one wins.
    expect(f.mempool.select(0, 0, 1, undefined, 10_000)).toEqual([ids[0]])
  })

  it('skips final transactions (and pending() stops counting them)', () => {
    const f = fixture()
    const ids = [f.submit(0, 10), f.submit(0, 20), f.submit(0, 30), f.submit(1, 40)]
    learnAll(f, 2)
    expect(f.mempool.pending(2)).toBe(4)
    // The first of origin 0's sequence and one in the middle become final.
    f.txs.finalUs[ids[0]!] = 1_000
    f.txs.finalUs[ids[2]!] = 2_000
    expect(f.mempool.select(2, 0, 100, undefined).sort((a, b) => a - b)).toEqual([ids[1], ids[3]])
    expect(f.mempool.pending(2)).toBe(2)
    f.txs.finalUs[ids[1]!] = 3_000
    expect(f.mempool.select(2, 0, 100, undefined)).toEqual([ids[3]])
    expect(f.mempool.pending(2)).toBe(1)
  })

  it('skips what the parent or an ancestor carries, but offers what only a failed proposal carried', () => {
    const f = fixture()
    const { store, txs } = f
    // genesis ─ b1 ─ b2 ─ b3      (the chain the producer builds on)
    //             └─ x2            (a proposal that never made it)
    const b1 = store.add(0, 0, 1, 1, 1000)
    const b2 = store.add(b1, 1, 2, 1, 1000)
    const b3 = store.add(b2, 2, 3, 1, 1000)
    const x2 = store.add(b1, 3, 2, 1, 1000)
    const inB1 = f.submit(0, 10)
    const inB3 = f.submit(0, 20)
    const inX2 = f.submit(1, 30)
    const free = f.submit(1, 40)
    txs.block[inB1] = b1
    txs.block[inB3] = b3
    txs.block[inX2] = x2
    learnAll(f, 2)
    const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)
    // On b3: b1 and b3 are on its chain (the parent counts), x2 is not.
    expect(sorted(f.mempool.select(2, b3, 100, undefined))).toEqual(sorted([inX2, free]))
    // On b2: only b1 is an ancestor; b3 is a child, so its transaction is offered again.
    expect(sorted(f.mempool.select(2, b2, 100, undefined))).toEqual(sorted([inB3, inX2, free]))
    // On the fork x2 itself, its transaction is taken; b3's is not on this chain.
    expect(sorted(f.mempool.select(2, x2, 100, undefined))).toEqual(sorted([inB3, free]))
    // On genesis everything not final is a candidate.
    expect(sorted(f.mempool.select(2, 0, 100, undefined))).toEqual(sorted([inB1, inB3, inX2, free]))
  })

  it('leaves out the censored sender only', () => {
    const f = fixture()
    const a = f.submit(0, 90, { sender: 7 })
    const b = f.submit(0, 10, { sender: 3 })
    const c = f.submit(1, 80, { sender: 7 })
    const d = f.submit(1, 20, { sender: 4 })
    learnAll(f, 2)
    expect(f.mempool.select(2, 0, 100, undefined, 10_000)).toEqual([a, c, d, b])
    expect(f.mempool.select(2, 0, 100, 7, 10_000)).toEqual([d, b])
    expect(f.mempool.select(2, 0, 1, 7)).toEqual([d])
    expect(f.mempool.select(2, 0, 100, 3, 10_000)).toEqual([a, c, d])
    // Censoring is about selection, not knowledge: the censor still holds them.
    expect(f.mempool.pending(2)).toBe(4)
  })
})
