/**
 * What every explicit-finality protocol does when a node decides a block: it now holds the block,
 * follows it, and declares it final — the finality tracker checks honest nodes against each other
 * and a conflict becomes a `finality-conflict` notification.
 *
 * @module
 */
import { HAVE } from '../../chain/blockKnowledge.ts'
import type { BlockId } from '../../chain/blockStore.ts'
import { switchTip } from '../../node/receiveBlock.ts'
import type { World } from '../../sim/world.ts'

/** `node` holds `block` (its parent must be held): counted for propagation, no tip change. */
export function holdBlock(w: World, node: number, block: BlockId): void {
  if (w.knowledge.get(block, node) === HAVE) return
  w.knowledge.set(block, node, HAVE)
  w.held.release(node, block)
  w.metrics.arrival(block, w.now, w.store.timeUs(block))
}

/** `node` decides `block`: holds it, follows it and finalizes it (with its ancestors). */
export function commitBlock(w: World, node: number, block: BlockId): void {
  holdBlock(w, node, block)
  switchTip(w, node, block)
  finalizeBlock(w, node, block)
}

/** Declares `block` final at `node` (a checkpoint finalizing its ancestors too). */
export function finalizeBlock(w: World, node: number, block: BlockId): void {
  if (w.finality.finalizedOf(node) === block) return
  const conflicts = w.finality.finalize(node, block, w.now, w.behaviours[node] === undefined)
  const { bus } = w
  if (bus.wants('finalized')) bus.emit({ type: 'finalized', atUs: w.now, node, block, height: w.store.height(block) })
  if (conflicts.length > 0 && bus.wants('finality-conflict')) {
    for (const c of conflicts) bus.emit({ type: 'finality-conflict', atUs: c.atUs, height: c.height, first: c.first, second: c.second })
  }
}
