/**
 * What every JSON-RPC method receives: the chain it serves, the calling session (for
 * subscriptions), the server-wide filters, and helpers to resolve block selectors.
 *
 * @module
 */
import type { EvmChain } from '../../exec/evm/devChain.ts'
import type { ExecutedBlock } from '../../exec/evm/evmTypes.ts'
import type { FilterRegistry } from '../filterRegistry.ts'
import type { JsonRpcNotification } from '../jsonRpcTypes.ts'
import { RPC_INVALID_INPUT, RPC_RESOURCE_NOT_FOUND, RpcError } from '../rpcError.ts'
import type { BlockSelector } from '../rpcParams.ts'

export interface SessionState {
  readonly id: number
  /** Subscription id → cancel function. */
  readonly subscriptions: Map<string, () => void>
  /** False on the shared HTTP session: nothing can be pushed to it. */
  readonly canPush: boolean
  push(notification: JsonRpcNotification): void
}

export interface MethodContext {
  chain: EvmChain
  session: SessionState
  filters: FilterRegistry
  clientVersion: string
}

export type RpcMethod = (ctx: MethodContext, params: unknown) => Promise<unknown> | unknown

/** The block a selector names, or undefined (for methods that answer null). */
export function findBlock(chain: EvmChain, selector: BlockSelector): ExecutedBlock | undefined {
  const { ledger } = chain
  if ('tag' in selector) {
    switch (selector.tag) {
      case 'earliest':
        return ledger.blockByNumber(0n)
      case 'finalized':
        return ledger.blockByNumber(chain.finalizedNumber())
      case 'safe':
        return ledger.blockByNumber(chain.safeNumber())
      default:
        // `pending` state is the head's: the mempool's effect shows once mined (Hardhat answers
        // the same way with automine on, which is the default).
        return ledger.head()
    }
  }
  if ('number' in selector) return ledger.blockByNumber(selector.number)
  const block = ledger.blockByHash(selector.hash)
  return block
}

/** The block a state query runs on; a missing one is an error, as in geth. */
export function stateBlock(chain: EvmChain, selector: BlockSelector): ExecutedBlock {
  const block = findBlock(chain, selector)
  if (block === undefined) {
    if ('hash' in selector) throw new RpcError(RPC_RESOURCE_NOT_FOUND, `header not found: no block with hash ${selector.hash}`)
    const head = chain.ledger.head().block.header.number
    throw new RpcError(RPC_INVALID_INPUT, `header not found: block ${'number' in selector ? selector.number : '?'} is beyond the head (${head}).`)
  }
  return block
}
