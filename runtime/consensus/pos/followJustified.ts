/**
 * The fork choice: Casper FFG's own rule, "follow the chain containing the justified checkpoint of
 * the greatest height", with the longest chain under it (every PoS block has the same weight, so
 * the network's most-work rule is the longest chain, ties kept by first seen).
 *
 * Ethereum uses LMD-GHOST (the subtree with the most stake behind validators' latest head votes)
 * under the justified checkpoint; that is not modeled: attestations carry their head vote, but
 * only the FFG part decides anything. The longest-chain rule is what makes a node switch between
 * competing proposals here, and it converges after a partition as soon as one side's chain is
 * longer.
 *
 * The node layer already keeps each node on its longest held chain as blocks connect; this module
 * only corrects that choice when the chain does not contain the node's justified checkpoint.
 *
 * @module
 */
import { HAVE } from '../../chain/blockKnowledge.ts'
import type { BlockId } from '../../chain/blockStore.ts'
import type { World } from '../../sim/world.ts'

/**
 * The head `node` should follow given its justified checkpoint block `root`: its tip when that
 * descends from `root`, else the longest held chain that does (lowest id on ties), or the tip
 * unchanged when the node does not hold `root` yet (it is syncing).
 */
export function headUnder(w: World, node: number, root: BlockId): BlockId {
  const { store, knowledge } = w
  const tip = w.nodes.tip[node]!
  if (store.isAncestor(root, tip)) return tip
  if (knowledge.get(root, node) !== HAVE) return tip
  let best = root
  // Block ids follow creation order, so descendants of `root` all have larger ids.
  for (let b = root + 1; b < store.count; b++) {
    if (store.height(b) > store.height(best) && knowledge.get(b, node) === HAVE && store.isAncestor(root, b)) best = b
  }
  return best
}
