/**
 * JSON-RPC over a message port: the node runs in a worker (browser Web Worker, Node
 * `worker_threads`), and the page, the console or a sandboxed script talks to it through an
 * EIP-1193 provider on the other end. Messages are plain JSON-RPC objects, not text: a port
 * structured-clones them, so there is nothing to parse and no size to cap.
 *
 * The server end (`exposeJsonRpcOverPort`) opens one session per port, like one WebSocket; its
 * subscription pushes are posted as JSON-RPC notifications. The client end (`createPortProvider`)
 * is an EIP-1193 provider that viem (`custom(provider)`) and ethers (`BrowserProvider`) accept.
 *
 * @module
 */
import type {
  JsonRpcErrorObject,
  JsonRpcId,
  JsonRpcRequest,
  JsonRpcResponse,
  JsonRpcService,
} from './jsonRpcTypes.ts'
import { RPC_INTERNAL_ERROR, RPC_INVALID_PARAMS, RPC_INVALID_REQUEST } from './rpcError.ts'
import type { Eip1193EventMap, Eip1193Provider, Eip1193SubscriptionMessage } from './eip1193.ts'
import { PROVIDER_DISCONNECTED, ProviderRpcError } from './eip1193.ts'

/** What a port delivers: DOM and Node `MessageEvent`s both have `type` and `data`. */
export interface MessageEventLike {
  readonly type: string
  readonly data?: unknown
}

/**
 * The little of a port this module uses. A browser `MessagePort`, `Worker` or worker global scope
 * and Node's `worker_threads` `MessagePort` or `parentPort` all satisfy it as they are.
 *
 * `addEventListener` rather than `onmessage`: Node's typings declare no `onmessage` on their
 * `MessagePort`, and a listener leaves `onmessage` free for the host's own use.
 */
export interface PortLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void
  removeEventListener?(type: 'message', listener: (event: MessageEventLike) => void): void
  /** A DOM `MessagePort` queues messages until started (`onmessage` starts it, a listener does not). */
  start?(): void
}

/** A provider over a port, with a way to let go of it. */
export interface PortProvider extends Eip1193Provider {
  /** Stops listening and rejects pending requests with code 4900. Does not close the port (the caller owns it). */
  close(): void
}

/**
 * Serves JSON-RPC on `port`: each message is handed to one session of `service`, its answer and
 * the session's subscription pushes are posted back.
 *
 * @returns `close()`, which stops listening and ends the session (its subscriptions).
 *
 * @example
 * // in the worker
 * exposeJsonRpcOverPort(parentPort, createMethodTable(node))
 * // on the page
 * const provider = createPortProvider(worker)
 */
export function exposeJsonRpcOverPort(port: PortLike, service: JsonRpcService): { close(): void } {
  const session = service.openSession()
  let closed = false

  const send = (message: JsonRpcResponse | JsonRpcResponse[]) => {
    if (closed) return
    try {
      port.postMessage(message)
    } catch {
      // Not structured-cloneable (a bug in a method): still answer every id, so no caller hangs.
      const failed = (id: JsonRpcId): JsonRpcResponse => ({
        jsonrpc: '2.0',
        id,
        error: { code: RPC_INTERNAL_ERROR, message: 'Internal error: the response could not be sent over the port.' },
      })
      try {
        port.postMessage(Array.isArray(message) ? message.map((m) => failed(m.id)) : failed(message.id))
      } catch {
        // The port itself is gone: nobody is left to answer.
      }
    }
  }

  session.onNotification((notification) => {
    if (closed) return
    try {
      port.postMessage(notification)
    } catch {
      // The receiver is gone or the payload cannot be cloned; a push has no one to answer.
    }
  })

  const onMessage = (event: MessageEventLike) => {
    if (closed) return
    const message = event.data
    session.handle(message).then(
      (response) => {
        if (response !== undefined) send(response)
      },
      // The session promises not to throw; answer anyway so the caller does not wait forever.
      () => send({ jsonrpc: '2.0', id: idOf(message), error: { code: RPC_INTERNAL_ERROR, message: 'Internal error.' } }),
    )
  }
  port.addEventListener('message', onMessage)
  port.start?.()

  return {
    close() {
      if (closed) return
      closed = true
      port.removeEventListener?.('message', onMessage)
      session.close()
    },
  }
}

/**
 * An EIP-1193 provider whose requests travel over `port` to `exposeJsonRpcOverPort` on the other
 * side. Ids are assigned here; a JSON-RPC error rejects with a `ProviderRpcError` carrying its
 * `code` and `data`; subscription pushes arrive as `message` events
 * `{ type: 'eth_subscription', data: { subscription, result } }`.
 *
 * @example
 * const provider = createPortProvider(worker)
 * const client = createPublicClient({ transport: custom(provider) })
 * provider.on('message', (m) => { if (m.type === 'eth_subscription') console.log(m.data) })
 */
export function createPortProvider(port: PortLike): PortProvider {
  let nextId = 1
  let closed = false
  const pending = new Map<JsonRpcId, { resolve(value: unknown): void; reject(error: unknown): void }>()
  const listeners = new Map<keyof Eip1193EventMap, Set<(payload: never) => void>>()

  function emit<event extends keyof Eip1193EventMap>(event: event, payload: Parameters<Eip1193EventMap[event]>[0]): void {
    const set = listeners.get(event)
    if (set === undefined) return
    for (const listener of [...set]) {
      try {
        ;(listener as (payload: Parameters<Eip1193EventMap[event]>[0]) => void)(payload)
      } catch (error) {
        // Like EventTarget: one listener's bug is reported, and neither the other listeners nor
        // the port's message loop is broken by it.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  function receive(message: unknown): void {
    if (message === null || typeof message !== 'object') return
    const m = message as { id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown }
    if (m.method === 'eth_subscription') {
      const params = m.params as { subscription?: unknown; result?: unknown } | undefined
      if (params === undefined || params === null || typeof params.subscription !== 'string') return
      const push: Eip1193SubscriptionMessage = {
        type: 'eth_subscription',
        data: { subscription: params.subscription, result: params.result },
      }
      emit('message', push)
      return
    }
    if (typeof m.id !== 'number' && typeof m.id !== 'string') return
    const entry = pending.get(m.id)
    if (entry === undefined) return
    pending.delete(m.id)
    if (m.error !== undefined) entry.reject(toProviderError(m.error))
    else entry.resolve(m.result)
  }

  const onMessage = (event: MessageEventLike) => {
    const data = event.data
    if (Array.isArray(data)) for (const item of data) receive(item)
    else receive(data)
  }
  port.addEventListener('message', onMessage)
  port.start?.()

  return {
    request({ method, params }) {
      if (closed) return Promise.reject(new ProviderRpcError(PROVIDER_DISCONNECTED, 'Disconnected: the provider was closed.'))
      if (typeof method !== 'string' || method === '') {
        return Promise.reject(new ProviderRpcError(RPC_INVALID_REQUEST, 'Invalid request: method must be a non-empty string.'))
      }
      const id = nextId++
      const request: JsonRpcRequest =
        params === undefined
          ? { jsonrpc: '2.0', id, method }
          : { jsonrpc: '2.0', id, method, params: params as unknown[] | Record<string, unknown> }
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        try {
          port.postMessage(request)
        } catch (error) {
          // A DataCloneError: params held a function, a DOM node or similar.
          pending.delete(id)
          reject(
            new ProviderRpcError(RPC_INVALID_PARAMS, 'Invalid params: they cannot be sent over the port (not structured-cloneable).', {
              cause: error,
            }),
          )
        }
      })
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (set === undefined) listeners.set(event, (set = new Set()))
      set.add(listener)
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener)
    },
    close() {
      if (closed) return
      closed = true
      port.removeEventListener?.('message', onMessage)
      const error = new ProviderRpcError(PROVIDER_DISCONNECTED, 'Disconnected: the provider was closed.')
      for (const entry of pending.values()) entry.reject(error)
      pending.clear()
      emit('disconnect', error)
    },
  }
}

/** @internal A JSON-RPC error object (as received, so possibly malformed) as a `ProviderRpcError`. */
function toProviderError(error: unknown): ProviderRpcError {
  const e = error as Partial<JsonRpcErrorObject> | null
  if (e !== null && typeof e === 'object' && typeof e.code === 'number' && typeof e.message === 'string') {
    return new ProviderRpcError(e.code, e.message, { data: e.data })
  }
  return new ProviderRpcError(RPC_INTERNAL_ERROR, 'Internal error: malformed error response.', { data: error })
}

/** @internal The id to answer a failed single request with (null for batches and bad ids). */
function idOf(message: unknown): JsonRpcId {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return null
  const id = (message as { id?: unknown }).id
  return typeof id === 'string' || typeof id === 'number' ? id : null
}
