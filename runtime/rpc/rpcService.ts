/**
 * The JSON-RPC service of one chain: envelope checks, batches, the method table, sessions with
 * their subscriptions, and the mapping of every failure to a JSON-RPC error object.
 *
 * @module
 */
import type { EvmChain } from '../exec/evm/devChain.ts'
import { TransactionRejectedError } from '../exec/evm/transactionRejected.ts'
import { createFilterRegistry } from './filterRegistry.ts'
import type { JsonRpcId, JsonRpcNotification, JsonRpcResponse, JsonRpcService } from './jsonRpcTypes.ts'
import type { MethodContext, RpcMethod, SessionState } from './methods/methodContext.ts'
import { methodTable } from './methodTable.ts'
import { RPC_INTERNAL_ERROR, RPC_INVALID_INPUT, RPC_INVALID_REQUEST, RPC_METHOD_NOT_FOUND, RpcError } from './rpcError.ts'

export const CLIENT_VERSION = 'BlockchainPlayground/0.1.0/ethereumjs-vm-10.1.3'

export interface RpcServiceOptions {
  chain: EvmChain
  clientVersion?: string
  /** Receives internal errors (bugs), which clients see only as -32603. */
  onInternalError?: (method: string, error: unknown) => void
}

export interface RpcService extends JsonRpcService {
  readonly methods: readonly string[]
}

/**
 * @example
 * const service = createRpcService({ chain })
 * const session = service.openSession()
 * await session.handle({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }) // { jsonrpc: '2.0', id: 1, result: '0x7a69' }
 */
export function createRpcService(options: RpcServiceOptions): RpcService {
  const { chain } = options
  const filters = createFilterRegistry(chain)
  const table: Record<string, RpcMethod> = methodTable
  let sessions = 0
  return {
    methods: Object.keys(table).sort(),
    openSession(sessionOptions = {}) {
      const listeners = new Set<(n: JsonRpcNotification) => void>()
      const state: SessionState = {
        id: ++sessions,
        subscriptions: new Map(),
        canPush: sessionOptions.canPush ?? true,
        push: (n) => {
          for (const l of listeners) l(n)
        },
      }
      const ctx: MethodContext = { chain, session: state, filters, clientVersion: options.clientVersion ?? CLIENT_VERSION }
      const one = async (message: unknown): Promise<JsonRpcResponse | undefined> => {
        if (typeof message !== 'object' || message === null || Array.isArray(message)) {
          return failure(null, new RpcError(RPC_INVALID_REQUEST, 'invalid request: expected a JSON-RPC 2.0 request object'))
        }
        const m = message as Record<string, unknown>
        const checkedId = validId(m.id)
        if (checkedId === undefined) return failure(null, new RpcError(RPC_INVALID_REQUEST, 'invalid request: "id" must be a string, a number or null'))
        const id: JsonRpcId = checkedId
        const isNotification = !('id' in m)
        if (m.jsonrpc !== '2.0') return failure(id, new RpcError(RPC_INVALID_REQUEST, 'invalid request: "jsonrpc" must be "2.0"'))
        if (typeof m.method !== 'string') return failure(id, new RpcError(RPC_INVALID_REQUEST, 'invalid request: "method" must be a string'))
        const method = table[m.method]
        if (method === undefined || !Object.hasOwn(table, m.method)) {
          return isNotification ? undefined : failure(id, new RpcError(RPC_METHOD_NOT_FOUND, `the method ${m.method} does not exist/is not available`))
        }
        try {
          // Reads see every block already promised (a send answers before its block is built).
          await chain.settled()
          const result = await method(ctx, m.params)
          return isNotification ? undefined : { jsonrpc: '2.0', id, result: result === undefined ? null : result }
        } catch (error) {
          if (isNotification) return undefined
          return failure(id, toRpcError(error, m.method, options.onInternalError))
        }
      }
      return {
        async handle(message) {
          if (Array.isArray(message)) {
            if (message.length === 0) return failure(null, new RpcError(RPC_INVALID_REQUEST, 'invalid request: empty batch'))
            // Sequential on purpose: a batch of sends must keep its nonce order.
            const out: JsonRpcResponse[] = []
            for (const item of message) {
              const response = await one(item)
              if (response !== undefined) out.push(response)
            }
            return out.length === 0 ? undefined : out
          }
          return one(message)
        },
        onNotification(listener) {
          listeners.add(listener)
        },
        close() {
          for (const cancel of state.subscriptions.values()) cancel()
          state.subscriptions.clear()
          listeners.clear()
        },
      }
    },
  }
}

function validId(id: unknown): JsonRpcId | undefined {
  if (id === undefined || id === null) return null
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id
  return undefined
}

function failure(id: JsonRpcId, error: RpcError): JsonRpcResponse {
  return { jsonrpc: '2.0', id, error: error.toJSON() }
}

function toRpcError(error: unknown, method: string, onInternal?: (method: string, error: unknown) => void): RpcError {
  if (error instanceof RpcError) return error
  if (error instanceof TransactionRejectedError) return new RpcError(RPC_INVALID_INPUT, error.shortMessage)
  if (error instanceof RangeError) return new RpcError(RPC_INVALID_INPUT, error.message)
  onInternal?.(method, error)
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  return new RpcError(RPC_INTERNAL_ERROR, `internal error in ${method}: ${message}`)
}
