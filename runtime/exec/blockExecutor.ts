/**
 * Block execution behind one interface. Step 1 ships the "modeled" executor (an opaque payload:
 * the block costs bytes on the wire and nothing else); step 3 plugs the EVM (@ethereumjs/vm,
 * memoised by (parent state root, block hash)) in behind the same interface.
 *
 * @module
 */
import type { BlockId, BlockPayload } from '../chain/blockStore.ts'

export interface ExecutionResult {
  /** State root after the block (hex); the modeled executor keeps one constant root. */
  stateRoot: string
  gasUsed: bigint
  /** A rejected block is a value, not an exception (ethereumjs style). */
  error?: { code: string; message: string }
}

export interface BlockExecutor {
  readonly kind: 'modeled' | 'evm'
  execute(block: BlockId, payload: BlockPayload, parentStateRoot: string): ExecutionResult
}

export const EMPTY_STATE_ROOT = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'

/**
 * The cost-only executor: every block is valid and leaves the (empty) state unchanged.
 *
 * @example
 * createModeledExecutor().execute(1, { size: 1000, txCount: 0 }, EMPTY_STATE_ROOT).stateRoot
 */
export function createModeledExecutor(): BlockExecutor {
  return {
    kind: 'modeled',
    execute: (_block, _payload, parentStateRoot) => ({ stateRoot: parentStateRoot, gasUsed: 0n }),
  }
}
