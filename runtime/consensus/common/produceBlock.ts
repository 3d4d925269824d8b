/**
 * Building a block: a new record in the shared block store on top of `parent`, filled from the
 * producer's mempool (highest fee first, leaving out a censored sender), announced to listeners.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import type { World } from '../../sim/world.ts'

/** Creates a block by `node` on `parent` with base size `baseBytes`; returns its id. */
export function produceBlock(w: World, node: number, parent: BlockId, baseBytes: number, maxTx: number, work = 1): BlockId {
  const { store, nodes } = w
  const block = store.add(parent, node, w.now, work, baseBytes)
  w.knowledge.ensure(store.count, nodes.count)
  if (w.txs !== undefined && maxTx > 0) w.txs.fillBlock(node, block, maxTx, w.behaviours[node]?.censoredSender)
  w.execution?.produced(block, node)
  let up = 0
  for (let i = 0; i < nodes.count; i++) if (nodes.status[i] === NODE_UP) up++
  w.metrics.blockCreated(block, up)
  if (w.bus.wants('block-mined')) {
    w.bus.emit({ type: 'block-mined', atUs: w.now, block, parent, height: store.height(block), miner: node })
  }
  return block
}
