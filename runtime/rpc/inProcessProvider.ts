/**
 * An EIP-1193 provider that calls the JSON-RPC service directly, in the same thread: what the
 * app's simulator worker, the sandbox and tests hand to viem (`custom(provider)`).
 *
 * @module
 */
import type { JsonRpcService } from './jsonRpcTypes.ts'
import type { Eip1193EventMap, Eip1193Provider, Eip1193RequestArguments } from './eip1193.ts'
import { ProviderRpcError } from './eip1193.ts'

/**
 * @example
 * const provider = createInProcessProvider(createRpcService({ chain }))
 * const client = createPublicClient({ transport: custom(provider) })
 * await client.getChainId() // 31337
 */
export function createInProcessProvider(service: JsonRpcService): Eip1193Provider & { close(): void } {
  const session = service.openSession()
  const listeners = new Map<keyof Eip1193EventMap, Set<(...args: never[]) => void>>()
  session.onNotification((n) => {
    for (const l of listeners.get('message') ?? []) (l as Eip1193EventMap['message'])({ type: 'eth_subscription', data: n.params })
  })
  let nextId = 0
  return {
    async request(args: Eip1193RequestArguments) {
      const params = args.params === undefined ? [] : args.params
      const response = await session.handle({ jsonrpc: '2.0', id: ++nextId, method: args.method, params })
      if (response === undefined || Array.isArray(response)) throw new ProviderRpcError(-32603, 'no response')
      if ('error' in response) throw new ProviderRpcError(response.error.code, response.error.message, { data: response.error.data })
      return response.result
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (...args: never[]) => void)
      listeners.set(event, set)
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener as (...args: never[]) => void)
    },
    close: () => session.close(),
  }
}
