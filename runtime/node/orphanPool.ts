/**
 * A node's parked orphans — blocks held without their parent — keyed by the missing parent, so
 * connecting a block finds the orphans waiting on it directly. (A flat list made catching up on
 * n blocks cost O(n²): every connected block scanned every orphan.)
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'

export interface OrphanPool {
  readonly size: number
  add(block: BlockId, parent: BlockId): void
  /** Removes and returns the orphans whose parent is `parent`. */
  takeChildren(parent: BlockId): BlockId[]
  /** Every parked orphan. */
  blocks(): IterableIterator<BlockId>
}

export function createOrphanPool(): OrphanPool {
  const byParent = new Map<BlockId, BlockId[]>()
  let size = 0
  return {
    get size() {
      return size
    },
    add(block, parent) {
      const list = byParent.get(parent)
      if (list) list.push(block)
      else byParent.set(parent, [block])
      size++
    },
    takeChildren(parent) {
      const list = byParent.get(parent)
      if (!list) return []
      byParent.delete(parent)
      size -= list.length
      return list
    },
    *blocks() {
      for (const list of byParent.values()) yield* list
    },
  }
}
