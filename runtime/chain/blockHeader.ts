/**
 * Block headers in Bitcoin's 80-byte layout (version, previous hash, Merkle root, time, bits,
 * nonce) and their double-SHA-256 hashes.
 *
 * In modeled runs nobody needs hashes while the network runs, so they are computed on demand
 * (queries, lessons, the tamper check) and memoised; a chain's hashes depend on each other
 * through `prevHash`, so computing one hashes its ancestors once.
 *
 * The Merkle root stands in for the transactions: a SHA-256 of the block's payload summary
 * (id, miner, size, data). Changing a block's data — the tamper lesson — changes its root, its
 * hash, and breaks the next block's `prevHash` link, as in Anders Brownworth's demo.
 *
 * @module
 */
import { doubleSha256, sha256 } from '../crypto/sha256.ts'
import { BASE_DIFFICULTY } from './blockStore.ts'
import type { BlockId, BlockStore } from './blockStore.ts'

const ZERO_HASH = new Uint8Array(32)
const encoder = new TextEncoder()

/** The payload digest standing in for the Merkle root. */
export function payloadRoot(store: BlockStore, id: BlockId, data?: string): Uint8Array {
  const d = data ?? store.payload(id).data ?? ''
  return sha256(encoder.encode(`${id}|${store.miner(id)}|${store.size(id)}|${d}`))
}

/** "bits" field: difficulty relative to genesis, in thousandths (a readable stand-in). */
export function difficultyBits(store: BlockStore, id: BlockId): number {
  return Math.min(0xffffffff, Math.round((store.difficulty(id) / BASE_DIFFICULTY) * 1000)) >>> 0
}

/** Serialises the 80-byte header. */
export function encodeHeader(
  store: BlockStore,
  id: BlockId,
  prevHash: Uint8Array,
  merkleRoot: Uint8Array,
  nonce: number,
): Uint8Array {
  const out = new Uint8Array(80)
  const view = new DataView(out.buffer)
  view.setUint32(0, 1, true)
  out.set(prevHash, 4)
  out.set(merkleRoot, 36)
  view.setUint32(68, Math.floor(store.timeUs(id) / 1e6) >>> 0, true)
  view.setUint32(72, difficultyBits(store, id), true)
  view.setUint32(76, nonce >>> 0, true)
  return out
}

export interface BlockHasher {
  /** The honest hash of block `id`. */
  hash(id: BlockId): Uint8Array
  /** Hash of a copy of `id` whose data is `data` (same parent link and nonce). */
  hashWithData(id: BlockId, data: string): Uint8Array
  /** The `prevHash` field stored in block `id`'s header. */
  prevHash(id: BlockId): Uint8Array
}

export function createBlockHasher(store: BlockStore): BlockHasher {
  const memo: (Uint8Array | undefined)[] = []
  function hash(id: BlockId): Uint8Array {
    const known = memo[id]
    if (known) return known
    // Iterate up to the first memoised ancestor, then hash downwards (no deep recursion).
    const path: BlockId[] = []
    let cur = id
    while (cur >= 0 && memo[cur] === undefined) {
      path.push(cur)
      cur = store.parent(cur)
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const b = path[i]!
      const parent = store.parent(b)
      const prev = parent >= 0 ? memo[parent]! : ZERO_HASH
      memo[b] = doubleSha256(encodeHeader(store, b, prev, payloadRoot(store, b), store.nonce(b)))
    }
    return memo[id]!
  }
  function prevHash(id: BlockId): Uint8Array {
    const parent = store.parent(id)
    return parent >= 0 ? hash(parent) : ZERO_HASH
  }
  return {
    hash,
    prevHash,
    hashWithData(id, data) {
      return doubleSha256(encodeHeader(store, id, prevHash(id), payloadRoot(store, id, data), store.nonce(id)))
    },
  }
}
