/**
 * Finality as the nodes declare it (BFT commits, Raft commits, PoA, Casper FFG checkpoints): each
 * node's last finalized block, the first time any honest node finalized each block (time to
 * finality), and the safety predicate of explicit-finality protocols — no two honest nodes
 * finalize different blocks at one height. A conflict is recorded with both blocks and both nodes
 * (the evidence a learner looks at), never thrown: a violated run still finishes.
 *
 * @module
 */
import { grown } from '../sim/typedArrays.ts'
import type { BlockId, BlockStore } from './blockStore.ts'

export interface FinalityConflict {
  kind: 'conflicting-finality'
  height: number
  /** The block finalized first at this height, and the node that did. */
  first: { block: BlockId; node: number }
  /** The different block another honest node finalized at the same height. */
  second: { block: BlockId; node: number }
  atUs: number
}

export interface FinalityTracker {
  /** The last block `node` finalized (0, the genesis, before any). */
  finalizedOf(node: number): BlockId
  /**
   * `node` finalizes `block` (and with it every ancestor). `honest` nodes' decisions are checked
   * against each other; returns the conflicts this call found.
   */
  finalize(node: number, block: BlockId, atUs: number, honest: boolean): FinalityConflict[]
  /** The first time an honest node finalized `block` (µs), NaN if none has. */
  firstFinalUs(block: BlockId): number
  /** The highest height an honest node has finalized. */
  readonly maxHeight: number
  readonly conflicts: readonly FinalityConflict[]
  /** Called for each block the first time an honest node finalizes it. */
  onFirstFinal: ((block: BlockId, atUs: number) => void) | undefined
}

export function createFinalityTracker(store: BlockStore): FinalityTracker {
  let finalized = new Int32Array(16)
  // Per height: the block finalized there first by an honest node (-1: none yet), and by whom.
  let canonical = new Int32Array(1024).fill(-1)
  let canonicalBy = new Int32Array(1024)
  let firstFinal = new Float64Array(1024).fill(NaN)
  let maxHeight = 0
  const conflicts: FinalityConflict[] = []
  canonical[0] = 0

  const tracker: FinalityTracker = {
    finalizedOf: (node) => (node < finalized.length ? finalized[node]! : 0),
    finalize(node, block, atUs, honest) {
      if (node >= finalized.length) finalized = grown(finalized, Math.max(node + 1, finalized.length * 2))
      const previous = finalized[node]!
      finalized[node] = block
      if (!honest || block === previous) return []
      const found: FinalityConflict[] = []
      const top = store.height(block)
      if (top >= canonical.length) {
        const cap = Math.max(top + 1, canonical.length * 2)
        canonical = grown(canonical, cap, -1)
        canonicalBy = grown(canonicalBy, cap)
      }
      if (store.count > firstFinal.length) firstFinal = grown(firstFinal, Math.max(store.count, firstFinal.length * 2), NaN)
      // Walk down from the new block to the height this node had finalized before (at least the
      // new block itself is checked, even if it is not above that height).
      const floor = store.height(previous)
      let b = block
      let h = top
      do {
        const known = canonical[h]!
        if (known < 0) {
          canonical[h] = b
          canonicalBy[h] = node
        } else if (known !== b) {
          found.push({ kind: 'conflicting-finality', height: h, first: { block: known, node: canonicalBy[h]! }, second: { block: b, node }, atUs })
        }
        if (Number.isNaN(firstFinal[b]!)) {
          firstFinal[b] = atUs
          tracker.onFirstFinal?.(b, atUs)
        }
        b = store.parent(b)
        h--
      } while (h > floor && b > 0)
      if (top > maxHeight) maxHeight = top
      conflicts.push(...found)
      return found
    },
    firstFinalUs: (block) => (block < firstFinal.length ? firstFinal[block]! : NaN),
    get maxHeight() {
      return maxHeight
    },
    conflicts,
    onFirstFinal: undefined,
  }
  return tracker
}
