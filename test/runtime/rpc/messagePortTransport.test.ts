/**
 * JSON-RPC over a real `node:worker_threads` MessageChannel: the exposing end serves a fake
 * method table, the other end is an EIP-1193 provider (ids, errors with code and data,
 * `eth_subscription` pushes as `message` events), also driven through viem's `custom` transport.
 */
import { MessageChannel } from 'node:worker_threads'
import { createPublicClient, custom } from 'viem'
import { afterEach, describe, expect, it } from 'vitest'
import type {
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcResponse,
  JsonRpcService,
  JsonRpcSession,
} from '../../../runtime/rpc/jsonRpcTypes.ts'
import { PROVIDER_DISCONNECTED, ProviderRpcError } from '../../../runtime/rpc/eip1193.ts'
import type { Eip1193ProviderMessage } from '../../../runtime/rpc/eip1193.ts'
import { createPortProvider, exposeJsonRpcOverPort } from '../../../runtime/rpc/messagePortTransport.ts'
import type { PortLike, PortProvider } from '../../../runtime/rpc/messagePortTransport.ts'

interface Fake {
  service: JsonRpcService
  sessions: { closed: boolean; seen: unknown[] }[]
}

function createFakeService(): Fake {
  const fake: Fake = {
    sessions: [],
    service: {
      openSession: () => {
        const state = { closed: false, seen: [] as unknown[] }
        fake.sessions.push(state)
        return createFakeSession(state)
      },
    },
  }
  return fake
}

function createFakeSession(state: { closed: boolean; seen: unknown[] }): JsonRpcSession {
  let notify: ((notification: JsonRpcNotification) => void) | undefined
  async function one(message: unknown): Promise<JsonRpcResponse | undefined> {
    state.seen.push(message)
    const { id = null, method, params } = message as JsonRpcRequest
    switch (method) {
      case 'echo':
        return { jsonrpc: '2.0', id, result: params ?? null }
      case 'eth_blockNumber':
        return { jsonrpc: '2.0', id, result: '0x10' }
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, 100))
        return { jsonrpc: '2.0', id, result: 'slow done' }
      case 'fail':
        return { jsonrpc: '2.0', id, error: { code: 3, message: 'execution reverted', data: '0xdeadbeef' } }
      case 'subscribe':
        setTimeout(() => {
          for (const n of [1, 2]) notify?.({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: '0xabc', result: n } })
        }, 10)
        return { jsonrpc: '2.0', id, result: '0xabc' }
      default:
        return { jsonrpc: '2.0', id, error: { code: -32601, message: `the method ${String(method)} does not exist` } }
    }
  }
  return {
    async handle(message) {
      return Array.isArray(message) ? ((await Promise.all(message.map(one))).filter((r) => r !== undefined)) : one(message)
    },
    onNotification(listener) {
      notify = listener
    },
    close() {
      state.closed = true
    },
  }
}

let cleanup: (() => void)[] = []
afterEach(() => {
  for (const fn of cleanup) fn()
  cleanup = []
})

function setup(): { fake: Fake; provider: PortProvider; exposed: { close(): void } } {
  const { port1, port2 } = new MessageChannel()
  const fake = createFakeService()
  // Node's MessagePort is a PortLike as it is: no adapter.
  const serverPort: PortLike = port1
  const exposed = exposeJsonRpcOverPort(serverPort, fake.service)
  const provider = createPortProvider(port2)
  cleanup.push(() => {
    provider.close()
    exposed.close()
    port1.close()
  })
  return { fake, provider, exposed }
}

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

describe('messagePortTransport', () => {
  it('sends requests with fresh ids and resolves with the result', async () => {
    const { fake, provider } = setup()
    await expect(provider.request({ method: 'echo', params: ['a', 1] })).resolves.toEqual(['a', 1])
    await expect(provider.request({ method: 'echo' })).resolves.toBeNull()
    const ids = fake.sessions[0]!.seen.map((m) => (m as JsonRpcRequest).id)
    expect(ids).toEqual([1, 2])
    expect(fake.sessions[0]!.seen[1]).toEqual({ jsonrpc: '2.0', id: 2, method: 'echo' })
  })

  it('matches concurrent responses to their requests by id', async () => {
    const { provider } = setup()
    const order: string[] = []
    const slow = provider.request({ method: 'slow' }).then((r) => order.push(String(r)))
    const fast = provider.request({ method: 'echo', params: ['fast'] }).then((r) => order.push(String(r)))
    await Promise.all([slow, fast])
    expect(order).toEqual(['fast', 'slow done'])
  })

  it('rejects with the JSON-RPC error’s code, message and data', async () => {
    const { provider } = setup()
    const error = await rejection(provider.request({ method: 'fail' }))
    expect(error).toBeInstanceOf(ProviderRpcError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: 3, message: 'execution reverted', data: '0xdeadbeef' })
    const missing = await rejection(provider.request({ method: 'nope' }))
    expect(missing).toMatchObject({ code: -32601, data: undefined })
  })

  it('emits eth_subscription pushes as EIP-1193 message events until the listener is removed', async () => {
    const { provider } = setup()
    const received: Eip1193ProviderMessage[] = []
    let resolveTwo: () => void = () => {}
    const two = new Promise<void>((resolve) => (resolveTwo = resolve))
    const listener = (message: Eip1193ProviderMessage) => {
      received.push(message)
      if (received.length === 2) resolveTwo()
    }
    provider.on('message', listener)
    await expect(provider.request({ method: 'subscribe' })).resolves.toBe('0xabc')
    await two
    expect(received).toEqual([
      { type: 'eth_subscription', data: { subscription: '0xabc', result: 1 } },
      { type: 'eth_subscription', data: { subscription: '0xabc', result: 2 } },
    ])

    provider.removeListener('message', listener)
    await provider.request({ method: 'subscribe' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(received).toHaveLength(2)
  })

  it('rejects params that cannot cross the port with -32602, without sending', async () => {
    const { fake, provider } = setup()
    const error = await rejection(provider.request({ method: 'echo', params: [() => 1] }))
    expect(error).toMatchObject({ code: -32602 })
    await expect(provider.request({ method: 'echo', params: [1] })).resolves.toEqual([1])
    expect(fake.sessions[0]!.seen).toHaveLength(1)
  })

  it('close() rejects pending requests with 4900 and emits disconnect', async () => {
    const { provider } = setup()
    const disconnects: unknown[] = []
    provider.on('disconnect', (error) => disconnects.push(error))
    const pending = provider.request({ method: 'slow' })
    provider.close()
    await expect(pending).rejects.toMatchObject({ code: PROVIDER_DISCONNECTED })
    await expect(provider.request({ method: 'echo' })).rejects.toMatchObject({ code: PROVIDER_DISCONNECTED })
    expect(disconnects).toHaveLength(1)
  })

  it('the exposing end’s close() ends its session', () => {
    const { fake, exposed } = setup()
    expect(fake.sessions).toHaveLength(1)
    expect(fake.sessions[0]!.closed).toBe(false)
    exposed.close()
    expect(fake.sessions[0]!.closed).toBe(true)
  })

  it('drives viem through its custom() transport', async () => {
    const { provider } = setup()
    const client = createPublicClient({ transport: custom(provider) })
    await expect(client.getBlockNumber()).resolves.toBe(16n)
  })
})
