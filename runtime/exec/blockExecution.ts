/**
 * Block execution behind one interface, as the simulator's kernel sees it. Without one attached
 * a block's payload is modeled: bytes on the wire and nothing else. With the EVM attached
 * (`exec/evm/simExecution.ts`) blocks carry real transactions: the mempool's choice is put in
 * nonce order, each produced block is executed (once for all honest nodes), and a block whose
 * claimed state root is not the honest one is invalid.
 *
 * The kernel is synchronous and execution is not: `produced` only queues; the driver settles the
 * queue before the next event, so receivers find results ready and the trace never depends on how
 * long execution took.
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'

export interface BlockExecution {
  /** The mempool's candidates for a block on `parent` (fee order) → those to include, in order. */
  order(parent: BlockId, candidates: number[]): number[]
  /** `node` produced `block` (transactions already chosen): queue its execution. */
  produced(block: BlockId, node: number): void
  /** Transaction `tx` was submitted with this raw signed Ethereum transaction (hex). */
  submitted(tx: number, raw: string): void
}
