/**
 * The server's half of the relay: numbers each forwarded request, sends it to the app, and waits
 * for the matching reply — or for the timeout, or for the app to go away. Shared by the web
 * edition's server (replies over a WebSocket) and Electron main (replies over IPC).
 *
 * @module
 */
import type { RelayOutcome, RelayReply, RelayRequest } from './relayProtocol.ts'
import { RELAY_TIMEOUT_MS, relayText } from './relayProtocol.ts'

/** -32603, as runtime/rpc/rpcError.ts names it (this room may not import runtime/). */
const RPC_INTERNAL_ERROR = -32603

export interface RelayPendingOptions {
  /** Sends one request to the app; throwing means the app cannot be reached. */
  send: (request: RelayRequest) => void
  /** Per request. Default {@link RELAY_TIMEOUT_MS}. */
  timeoutMs?: number
}

export interface RelayPending {
  /** Sends `call` to the app; resolves with its outcome or a JSON-RPC error (timeout, app gone). */
  forward(call: Omit<RelayRequest, 'id'>): Promise<RelayOutcome>
  /** Delivers the app's reply; false when no request waits for that id (late, or never asked). */
  settle(reply: RelayReply): boolean
  /** Fails every waiting request: the app disconnected. No request is sent after this. */
  failAll(): void
  /** How many requests wait for an answer. */
  readonly size: number
}

/**
 * @example
 * const pending = createRelayPending({ send: (request) => socket.send(JSON.stringify({ type: 'request', ...request })) })
 * socket.on('message', (reply) => pending.settle(reply))
 */
export function createRelayPending({ send, timeoutMs = RELAY_TIMEOUT_MS }: RelayPendingOptions): RelayPending {
  const waiting = new Map<number, { resolve: (outcome: RelayOutcome) => void; timer: NodeJS.Timeout }>()
  let nextId = 0
  let gone = false
  const disconnected = (): RelayOutcome => {
    const text = relayText('rpc-relay.disconnected')
    return { error: { code: RPC_INTERNAL_ERROR, message: text.en, data: text } }
  }
  return {
    forward(call) {
      if (gone) return Promise.resolve(disconnected())
      const id = ++nextId
      return new Promise<RelayOutcome>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id)
          const text = relayText('rpc-relay.timeout', { method: call.method, seconds: Math.round(timeoutMs / 100) / 10 })
          resolve({ error: { code: RPC_INTERNAL_ERROR, message: text.en, data: text } })
        }, timeoutMs)
        waiting.set(id, { resolve, timer })
        try {
          send({ id, ...call })
        } catch {
          clearTimeout(timer)
          waiting.delete(id)
          resolve(disconnected())
        }
      })
    },
    settle(reply) {
      const entry = waiting.get(reply.id)
      if (entry === undefined) return false
      waiting.delete(reply.id)
      clearTimeout(entry.timer)
      entry.resolve('error' in reply ? { error: reply.error } : { result: reply.result })
      return true
    },
    failAll() {
      gone = true
      for (const entry of waiting.values()) {
        clearTimeout(entry.timer)
        entry.resolve(disconnected())
      }
      waiting.clear()
    },
    get size() {
      return waiting.size
    },
  }
}
