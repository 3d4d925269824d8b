/**
 * Every transaction of a run, struct-of-arrays: who sent it, its fee and size, where and when it
 * was submitted, its place in its origin node's submission order, and what became of it — the
 * block that first carried it to finality, when that block was made, and when it was finalized.
 *
 * A transaction is identified by a dense id; `(origin, seq)` is its position in the origin's
 * submission sequence, which is what gossip spreads (see `mempoolView.ts`).
 *
 * @module
 */
import { grown } from '../sim/typedArrays.ts'

export interface TransactionTable {
  readonly count: number
  add(origin: number, seq: number, sender: number, fee: number, bytes: number, submittedUs: number): number
  readonly origin: Int32Array
  readonly seq: Int32Array
  readonly sender: Int32Array
  readonly fee: Float64Array
  readonly bytes: Int32Array
  readonly submittedUs: Float64Array
  /** The latest block that carried it (-1: none); it may be a block that never becomes final. */
  readonly block: Int32Array
  /** Creation time of the final block that carried it (NaN: not final yet). */
  readonly includedUs: Float64Array
  /** When an honest node first finalized that block (NaN: not final yet). */
  readonly finalUs: Float64Array
}

export function createTransactionTable(): TransactionTable {
  let cap = 1024
  let count = 0
  const t = {
    origin: new Int32Array(cap),
    seq: new Int32Array(cap),
    sender: new Int32Array(cap),
    fee: new Float64Array(cap),
    bytes: new Int32Array(cap),
    submittedUs: new Float64Array(cap),
    block: new Int32Array(cap).fill(-1),
    includedUs: new Float64Array(cap).fill(NaN),
    finalUs: new Float64Array(cap).fill(NaN),
  }
  return {
    get count() {
      return count
    },
    add(origin, seq, sender, fee, bytes, submittedUs) {
      if (count === cap) {
        cap *= 2
        t.origin = grown(t.origin, cap)
        t.seq = grown(t.seq, cap)
        t.sender = grown(t.sender, cap)
        t.fee = grown(t.fee, cap)
        t.bytes = grown(t.bytes, cap)
        t.submittedUs = grown(t.submittedUs, cap)
        t.block = grown(t.block, cap, -1)
        t.includedUs = grown(t.includedUs, cap, NaN)
        t.finalUs = grown(t.finalUs, cap, NaN)
      }
      const id = count++
      t.origin[id] = origin
      t.seq[id] = seq
      t.sender[id] = sender
      t.fee[id] = fee
      t.bytes[id] = bytes
      t.submittedUs[id] = submittedUs
      return id
    },
    get origin() {
      return t.origin
    },
    get seq() {
      return t.seq
    },
    get sender() {
      return t.sender
    },
    get fee() {
      return t.fee
    },
    get bytes() {
      return t.bytes
    },
    get submittedUs() {
      return t.submittedUs
    },
    get block() {
      return t.block
    },
    get includedUs() {
      return t.includedUs
    },
    get finalUs() {
      return t.finalUs
    },
  }
}
