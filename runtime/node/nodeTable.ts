/**
 * Per-node state of every simulated node, struct-of-arrays and growable: region, hash power,
 * chain tip, status, relay flags, upload slot, and the pending mining event.
 *
 * Typed arrays instead of one object per node keep a 10,000-node network at a few hundred KB and
 * out of the garbage collector's way. Node ids are dense and never reused (a removed node keeps
 * its id with status `removed`), so ids in traces and inputs stay meaningful.
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'
import { grown } from '../sim/typedArrays.ts'
import type { OrphanPool } from './orphanPool.ts'

export const NODE_UP = 0
export const NODE_CRASHED = 1
export const NODE_REMOVED = 2
export const NODE_STATUS_NAMES = ['up', 'crashed', 'removed'] as const

export interface NodeTable {
  count: number
  region: Uint8Array
  hashPower: Float64Array
  tip: Int32Array
  status: Uint8Array
  /** Uses compact block relay. */
  compact: Uint8Array
  /** SimBlock's churn flag (affects compact-relay failure rates). */
  churn: Uint8Array
  /** Simulated time the upload slot is busy until (µs). */
  busyUntil: Float64Array
  /** Incremented on each crash: messages sent before a crash are dropped on delivery. */
  epoch: Uint32Array
  /** Handle of the pending mining event (-1 when none). */
  mineHandle: Float64Array
  /** Difficulty the pending mining event was drawn for. */
  mineDifficulty: Float64Array
  /** Clock fault: the node's clock reads this much ahead of simulated time, µs. */
  clockOffsetUs: Float64Array
  /** Clock fault: the node's clock runs this many parts per million fast (negative: slow). */
  clockDriftPpm: Float64Array
  /** When the current drift was set (it accrues from then), µs. */
  clockDriftSinceUs: Float64Array
  /** Blocks held without their parent, per node (undefined = none). */
  orphans: (OrphanPool | undefined)[]
  /** Corrupted copies (tamper command): block id → altered data, per node. */
  tampered: Map<number, Map<BlockId, string>>
  /** Makes room for `n` nodes. */
  ensure(n: number): void
}

export function createNodeTable(capacity: number): NodeTable {
  const t: NodeTable = {
    count: 0,
    region: new Uint8Array(0),
    hashPower: new Float64Array(0),
    tip: new Int32Array(0),
    status: new Uint8Array(0),
    compact: new Uint8Array(0),
    churn: new Uint8Array(0),
    busyUntil: new Float64Array(0),
    epoch: new Uint32Array(0),
    mineHandle: new Float64Array(0),
    mineDifficulty: new Float64Array(0),
    clockOffsetUs: new Float64Array(0),
    clockDriftPpm: new Float64Array(0),
    clockDriftSinceUs: new Float64Array(0),
    orphans: [],
    tampered: new Map(),
    ensure(n) {
      if (n <= t.region.length) return
      const cap = Math.max(n, t.region.length * 2, 16)
      t.region = grown(t.region, cap)
      t.hashPower = grown(t.hashPower, cap)
      t.tip = grown(t.tip, cap)
      t.status = grown(t.status, cap)
      t.compact = grown(t.compact, cap)
      t.churn = grown(t.churn, cap)
      t.busyUntil = grown(t.busyUntil, cap)
      t.epoch = grown(t.epoch, cap)
      t.mineHandle = grown(t.mineHandle, cap, -1)
      t.mineDifficulty = grown(t.mineDifficulty, cap)
      t.clockOffsetUs = grown(t.clockOffsetUs, cap)
      t.clockDriftPpm = grown(t.clockDriftPpm, cap)
      t.clockDriftSinceUs = grown(t.clockDriftSinceUs, cap)
    },
  }
  t.ensure(capacity)
  return t
}
