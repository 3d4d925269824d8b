/**
 * Invalid blocks: the node publishes blocks that break the consensus rules (think: a transaction
 * spending coins that do not exist). Honest nodes validate every block they receive, reject these
 * and anything built on them for good, and keep following the valid chain; the rejections show in
 * the metrics (`rejectedBlocks`) and as `block-rejected` notifications.
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'

export function createInvalidBlocks(): NodeBehaviour {
  return {
    strategy: 'invalid-blocks',
    announceTip: () => true,
    mined(w, _node, block) {
      // With the EVM the block is invalid by what it claims: its execution (exec/evm/simExecution)
      // credits the producer out of thin air, so its state root differs from everyone else's.
      if (w.execution === undefined) w.store.markInvalid(block)
    },
  }
}
