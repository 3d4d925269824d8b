/**
 * Which node holds which block: one byte per (block, node), in one growable buffer laid out
 * block-major with a stride equal to the node capacity.
 *
 * The relay needs "does node n have block b?" on every announcement (hundreds of thousands per
 * block in a 10,000-node run); a byte lookup answers it without hashing. 10,000 nodes × 100
 * blocks is 1 MB; 2 nodes × 10^6 blocks is 2 MB.
 *
 * @module
 */
import type { BlockId } from './blockStore.ts'

/** Knowledge states (one byte). */
export const UNKNOWN = 0
/** A download was requested (the node asks for a block once). */
export const REQUESTED = 1
/** Held, but its parent is missing: waiting in the orphan pool. */
export const ORPHAN = 2
/** Held and connected to the node's block tree. */
export const HAVE = 3
/** Rejected for breaking the rules (or descending from such a block): never fetched again. */
export const INVALID = 4

export interface BlockKnowledge {
  get(block: BlockId, node: number): number
  set(block: BlockId, node: number, state: number): void
  /** Makes room for block ids below `blocks` and node ids below `nodes`. */
  ensure(blocks: number, nodes: number): void
}

export function createBlockKnowledge(initialNodes: number): BlockKnowledge {
  let stride = Math.max(1, initialNodes)
  let blockCap = 64
  let bytes = new Uint8Array(stride * blockCap)

  return {
    get: (block, node) => bytes[block * stride + node]!,
    set(block, node, state) {
      bytes[block * stride + node] = state
    },
    ensure(blocks, nodes) {
      if (nodes > stride) {
        // Re-layout with a doubled stride: rare (adding nodes past the capacity).
        let nextStride = stride
        while (nextStride < nodes) nextStride *= 2
        const next = new Uint8Array(nextStride * blockCap)
        for (let b = 0; b < blockCap; b++) next.set(bytes.subarray(b * stride, (b + 1) * stride), b * nextStride)
        bytes = next
        stride = nextStride
      }
      if (blocks > blockCap) {
        let nextCap = blockCap
        while (nextCap < blocks) nextCap *= 2
        const next = new Uint8Array(stride * nextCap)
        next.set(bytes)
        bytes = next
        blockCap = nextCap
      }
    },
  }
}
