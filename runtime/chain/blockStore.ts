/**
 * The block tree shared by every simulated node: one record per block ever created, stored
 * struct-of-arrays (parent, height, miner, time, difficulty, cumulative work, size).
 *
 * Honest copies of a block are identical on every node, so the network keeps one record and each
 * node's view is which blocks it holds (see `blockKnowledge.ts`). A node's corrupted copy (the
 * "tamper" lesson) is an overlay kept by the node layer, not a second record here.
 *
 * Work is an integer number of work units with the genesis difficulty at 2^32, so cumulative work
 * is exact (and ties are real ties) up to 2^21 blocks at base difficulty.
 *
 * @module
 */
import { grown } from '../sim/typedArrays.ts'

/** Work units of one block at the genesis difficulty. */
export const BASE_DIFFICULTY = 4294967296

/** Block id: dense integer index, the genesis is 0. */
export type BlockId = number

/** Opaque payload summary (step 3 plugs the EVM in through `runtime/exec`). */
export interface BlockPayload {
  /** Bytes on the wire for the full block. */
  size: number
  /** Number of transactions (modeled). */
  txCount: number
  /** Free-form block data, shown by lessons (Brownworth-style "data" field). */
  data?: string | undefined
}

export interface BlockStore {
  readonly count: number
  add(parent: BlockId, miner: number, timeUs: number, difficulty: number, size: number): BlockId
  parent(id: BlockId): BlockId
  height(id: BlockId): number
  miner(id: BlockId): number
  timeUs(id: BlockId): number
  difficulty(id: BlockId): number
  cumWork(id: BlockId): number
  size(id: BlockId): number
  /** Sets a block's size once its transactions are chosen (block producers only). */
  setSize(id: BlockId, size: number): void
  /** Optional payload details (only blocks with data carry an object). */
  payload(id: BlockId): BlockPayload
  setPayloadData(id: BlockId, data: string): void
  nonce(id: BlockId): number
  setNonce(id: BlockId, nonce: number): void
  /** Marks a block as breaking the rules (a byzantine miner's): every honest copy check fails. */
  markInvalid(id: BlockId): void
  isInvalid(id: BlockId): boolean
  /** The ancestor of `id` at `height` (itself if equal); -1 if `height` is above `id`. */
  ancestorAt(id: BlockId, height: number): BlockId
  /** Deepest common ancestor of two blocks. */
  commonAncestor(a: BlockId, b: BlockId): BlockId
  /** True if `ancestor` is on the path from `id` to genesis (inclusive). */
  isAncestor(ancestor: BlockId, id: BlockId): boolean
}

/**
 * Creates a store holding only the genesis block (id 0, height 0, miner -1, time 0, work 0).
 *
 * @example
 * const store = createBlockStore()
 * const b1 = store.add(0, 3, 600_000_000, BASE_DIFFICULTY, 535_000)
 * store.height(b1) // 1
 */
export function createBlockStore(genesisSize = 285): BlockStore {
  let cap = 1024
  let parents = new Int32Array(cap)
  let heights = new Int32Array(cap)
  let miners = new Int32Array(cap)
  let times = new Float64Array(cap)
  let diffs = new Float64Array(cap)
  let works = new Float64Array(cap)
  let sizes = new Int32Array(cap)
  let nonces = new Uint32Array(cap)
  const data = new Map<BlockId, string>()
  const invalid = new Set<BlockId>()
  let count = 0

  function grow(): void {
    cap *= 2
    parents = grown(parents, cap)
    heights = grown(heights, cap)
    miners = grown(miners, cap)
    times = grown(times, cap)
    diffs = grown(diffs, cap)
    works = grown(works, cap)
    sizes = grown(sizes, cap)
    nonces = grown(nonces, cap)
  }

  function ancestorAt(id: BlockId, height: number): BlockId {
    if (height > heights[id]! || height < 0) return -1
    while (heights[id]! > height) id = parents[id]!
    return id
  }

  // Genesis.
  parents[0] = -1
  miners[0] = -1
  sizes[0] = genesisSize
  count = 1

  return {
    get count() {
      return count
    },
    add(parent, miner, timeUs, difficulty, size) {
      if (count === cap) grow()
      const id = count++
      parents[id] = parent
      heights[id] = heights[parent]! + 1
      miners[id] = miner
      times[id] = timeUs
      diffs[id] = difficulty
      works[id] = works[parent]! + difficulty
      sizes[id] = size
      return id
    },
    parent: (id) => parents[id]!,
    height: (id) => heights[id]!,
    miner: (id) => miners[id]!,
    timeUs: (id) => times[id]!,
    difficulty: (id) => diffs[id]!,
    cumWork: (id) => works[id]!,
    size: (id) => sizes[id]!,
    setSize(id, size) {
      sizes[id] = size
    },
    payload(id) {
      const d = data.get(id)
      return { size: sizes[id]!, txCount: 0, ...(d === undefined ? {} : { data: d }) }
    },
    setPayloadData(id, d) {
      data.set(id, d)
    },
    markInvalid(id) {
      invalid.add(id)
    },
    isInvalid: (id) => invalid.size > 0 && invalid.has(id),
    nonce: (id) => nonces[id]!,
    setNonce(id, nonce) {
      nonces[id] = nonce >>> 0
    },
    ancestorAt,
    commonAncestor(a, b) {
      if (heights[a]! > heights[b]!) a = ancestorAt(a, heights[b]!)
      else if (heights[b]! > heights[a]!) b = ancestorAt(b, heights[a]!)
      while (a !== b) {
        a = parents[a]!
        b = parents[b]!
      }
      return a
    },
    isAncestor(ancestor, id) {
      return ancestorAt(id, heights[ancestor]!) === ancestor
    },
  }
}
