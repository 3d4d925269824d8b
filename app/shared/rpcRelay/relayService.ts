/**
 * A JSON-RPC service that answers nothing itself: it checks each request's envelope, then hands
 * `{method, params}` to `forward` (which carries it to the simulator inside the app) and wraps the
 * outcome with the client's own id. Batches go one request at a time, in order, so a batch of
 * sends keeps its nonce order (as runtime/rpc/rpcService.ts does); notifications are forwarded and
 * answered with nothing.
 *
 * Plug it into a JSON-RPC transport: the runtime's `startRpcServer` (the web edition's server) or
 * Electron main's relay server. Subscriptions (`eth_subscribe`) are refused with a clear error:
 * the relay carries requests and answers only, never the app's pushes (main's server is HTTP
 * only; the web server's WebSocket clients get the same refusal).
 *
 * @module
 */
import type { JsonRpcId, JsonRpcResponse, JsonRpcService, JsonRpcSession } from '../../../runtime/rpc/jsonRpcTypes.ts'
import { RPC_INTERNAL_ERROR, RPC_INVALID_REQUEST, RPC_METHOD_NOT_SUPPORTED } from '../../../runtime/rpc/rpcError.ts'
import type { RelayOutcome, RelayRequest } from './relayProtocol.ts'
import { relayText } from './relayProtocol.ts'

/** The JSON-RPC shapes main's relay server needs (re-exported: app/main may not import runtime/). */
export type { JsonRpcId, JsonRpcResponse, JsonRpcService, JsonRpcSession }
export { RPC_INTERNAL_ERROR, RPC_INVALID_REQUEST }
/** JSON-RPC 2.0 parse error (-32700). */
export { RPC_PARSE_ERROR } from '../../../runtime/rpc/rpcError.ts'

/** Carries one request to the app; resolves with its outcome, never rejects on purpose. */
export type RelayForward = (call: Omit<RelayRequest, 'id'>) => Promise<RelayOutcome>

export interface RelayServiceOptions {
  forward: RelayForward
}

const PUSH_METHODS = new Set(['eth_subscribe', 'eth_unsubscribe'])

/**
 * @example
 * const service = createRelayService({ forward: (call) => pending.forward(call) })
 * await startRpcServer({ service, port: 8545 })
 */
export function createRelayService({ forward }: RelayServiceOptions): JsonRpcService {
  const one = async (message: unknown): Promise<JsonRpcResponse | undefined> => {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return failure(null, RPC_INVALID_REQUEST, 'invalid request: expected a JSON-RPC 2.0 request object')
    }
    const m = message as Record<string, unknown>
    const id = validId(m.id)
    if (id === undefined) return failure(null, RPC_INVALID_REQUEST, 'invalid request: "id" must be a string, a number or null')
    const isNotification = !('id' in m)
    if (m.jsonrpc !== '2.0') return failure(id, RPC_INVALID_REQUEST, 'invalid request: "jsonrpc" must be "2.0"')
    if (typeof m.method !== 'string' || m.method === '' || m.method.length > 256) {
      return failure(id, RPC_INVALID_REQUEST, 'invalid request: "method" must be a non-empty string')
    }
    const params = m.params
    if (params !== undefined && (params === null || typeof params !== 'object')) {
      return failure(id, RPC_INVALID_REQUEST, 'invalid request: "params" must be an array or an object')
    }
    if (PUSH_METHODS.has(m.method)) {
      if (isNotification) return undefined
      const text = relayText('rpc-relay.subscriptions', { method: m.method })
      return { jsonrpc: '2.0', id, error: { code: RPC_METHOD_NOT_SUPPORTED, message: text.en, data: text } }
    }
    let outcome: RelayOutcome
    try {
      outcome = await forward(params === undefined ? { method: m.method } : { method: m.method, params: params as NonNullable<RelayRequest['params']> })
    } catch (error) {
      outcome = { error: { code: RPC_INTERNAL_ERROR, message: `internal error in the relay: ${error instanceof Error ? error.message : String(error)}` } }
    }
    if (isNotification) return undefined
    return 'error' in outcome ? { jsonrpc: '2.0', id, error: outcome.error } : { jsonrpc: '2.0', id, result: outcome.result === undefined ? null : outcome.result }
  }
  const session: JsonRpcSession = {
    async handle(message) {
      if (Array.isArray(message)) {
        if (message.length === 0) return failure(null, RPC_INVALID_REQUEST, 'invalid request: empty batch')
        const out: JsonRpcResponse[] = []
        for (const item of message) {
          const response = await one(item)
          if (response !== undefined) out.push(response)
        }
        return out.length === 0 ? undefined : out
      }
      return one(message)
    },
    // Nothing is ever pushed: subscriptions are refused above.
    onNotification() {},
    close() {},
  }
  // The relay keeps no per-session state (the app's provider does), so every session is the same.
  return { openSession: () => session }
}

function validId(id: unknown): JsonRpcId | undefined {
  if (id === undefined || id === null) return null
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id
  return undefined
}

function failure(id: JsonRpcId, code: number, message: string): JsonRpcResponse {
  return { jsonrpc: '2.0', id, error: { code, message } }
}
