/**
 * The JSON-RPC server over real sockets: HTTP through `fetch` and `node:http`, WebSocket through
 * the `ws` client, against a small fake method table. Covers the JSON-RPC edge cases, the caps,
 * the origin/Host policy with CORS, sessions, and that bad input never stops the server.
 */
import { Agent, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startRpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import type { RpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import type {
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcResponse,
  JsonRpcService,
  JsonRpcSession,
} from '../../../runtime/rpc/jsonRpcTypes.ts'

const METAMASK = 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn'
const MAX_BODY = 4096
const MAX_BATCH = 5

interface FakeService {
  service: JsonRpcService
  opened: number
  closed: number
}

/** A method table small enough to read: echo, slow, fail (with data), subscribe (pushes twice), and two broken methods. */
function createFakeService(): FakeService {
  const fake: FakeService = {
    opened: 0,
    closed: 0,
    service: {
      openSession: () => {
        fake.opened++
        return createFakeSession(() => fake.closed++)
      },
    },
  }
  return fake
}

function createFakeSession(onClose: () => void): JsonRpcSession {
  let notify: ((notification: JsonRpcNotification) => void) | undefined
  let subscriptions = 0

  async function one(message: unknown): Promise<JsonRpcResponse | undefined> {
    if (message === null || typeof message !== 'object' || typeof (message as { method?: unknown }).method !== 'string') {
      return { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'fake: invalid request' } }
    }
    const { id, method, params } = message as JsonRpcRequest
    let result: unknown
    switch (method) {
      case 'echo':
        result = params ?? null
        break
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, 150))
        result = 'slow done'
        break
      case 'fail':
        return { jsonrpc: '2.0', id: id ?? null, error: { code: 3, message: 'execution reverted', data: '0xdeadbeef' } }
      case 'subscribe': {
        const subscription = `0x${(++subscriptions).toString(16)}`
        setTimeout(() => {
          for (const n of [1, 2]) notify?.({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription, result: n } })
        }, 20)
        result = subscription
        break
      }
      case 'bigint':
        // Not JSON-serialisable: the server must still answer.
        result = 10n
        break
      case 'throw':
        // Breaks the session's "never throws" promise on purpose.
        throw new Error('fake session bug')
      default:
        return { jsonrpc: '2.0', id: id ?? null, error: { code: -32601, message: `fake: no method ${method}` } }
    }
    return id === undefined ? undefined : { jsonrpc: '2.0', id, result }
  }

  return {
    async handle(message) {
      if (!Array.isArray(message)) return one(message)
      const responses = (await Promise.all(message.map(one))).filter((r) => r !== undefined)
      return responses.length === 0 ? undefined : responses
    },
    onNotification(listener) {
      notify = listener
    },
    close() {
      onClose()
    },
  }
}

interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
  reusedSocket: boolean
}

/** node:http, for what fetch will not do: a foreign Host, chunked uploads, observing socket reuse. */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | string[]; agent?: Agent } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          reusedSocket: req.reusedSocket,
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    const body = options.body
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk)
    else if (body !== undefined) req.write(body)
    req.end()
  })
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) }
}

/** A ws client that queues what it receives, so a test can await the next message. */
async function connect(url: string): Promise<{ ws: WebSocket; next(): Promise<unknown>; send(message: unknown): void }> {
  const ws = new WebSocket(url)
  const queue: unknown[] = []
  const waiting: ((message: unknown) => void)[] = []
  ws.on('message', (data) => {
    const message: unknown = JSON.parse(String(data))
    const waiter = waiting.shift()
    if (waiter) waiter(message)
    else queue.push(message)
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    ws,
    next: () =>
      queue.length > 0
        ? Promise.resolve(queue.shift())
        : new Promise((resolve, reject) => {
            // Fail in seconds, not at the suite timeout, when an expected message never comes.
            const timer = setTimeout(() => reject(new Error('no WebSocket message within 5 s')), 5000)
            waiting.push((message) => {
              clearTimeout(timer)
              resolve(message)
            })
          }),
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
  }
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve(-1)
    else ws.once('close', (code) => resolve(code))
  })
}

let fake: FakeService
let server: RpcServer

beforeAll(async () => {
  fake = createFakeService()
  server = await startRpcServer({ service: fake.service, port: 0, maxBodyBytes: MAX_BODY, maxBatch: MAX_BATCH })
})

afterAll(async () => {
  await server?.close()
})

describe('startRpcServer: HTTP', () => {
  it('binds an ephemeral loopback port with port 0 and reports it', () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.wsUrl).toBe(`ws://127.0.0.1:${server.port}`)
  })

  it('answers a single request', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'echo', params: ['hi', 1] }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    // No Origin, no CORS header.
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 7, result: ['hi', 1] })
  })

  it('answers a batch, leaving out its notifications', async () => {
    const { status, json } = await post(server.url, [
      { jsonrpc: '2.0', id: 1, method: 'echo', params: ['a'] },
      { jsonrpc: '2.0', method: 'echo', params: ['notification'] },
      { jsonrpc: '2.0', id: 'two', method: 'fail' },
    ])
    expect(status).toBe(200)
    expect(json).toEqual([
      { jsonrpc: '2.0', id: 1, result: ['a'] },
      { jsonrpc: '2.0', id: 'two', error: { code: 3, message: 'execution reverted', data: '0xdeadbeef' } },
    ])
  })

  it('answers a notification-only request with 204 and no body', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ jsonrpc: '2.0', method: 'echo' }, { jsonrpc: '2.0', method: 'echo' }]),
    })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
  })

  it('answers unparsable JSON with -32700 (HTTP 200, id null) and keeps serving', async () => {
    for (const body of ['{"jsonrpc":"2.0",', '', 'not json', '\uFFFD\uFFFD']) {
      const { status, json } = await post(server.url, body)
      expect(status).toBe(200)
      expect(json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } })
    }
    expect((await post(server.url, { jsonrpc: '2.0', id: 1, method: 'echo', params: [1] })).json).toMatchObject({ result: [1] })
  })

  it.each([
    ['a number', 42, 'expected a JSON-RPC request object'],
    ['null', null, 'expected a JSON-RPC request object'],
    ['a string', 'eth_blockNumber', 'expected a JSON-RPC request object'],
    ['an empty batch', [], 'empty batch'],
    ['a batch over maxBatch', Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'echo' })), `limit of ${MAX_BATCH}`],
  ])('answers %s with -32600', async (_name, body, words) => {
    const { status, json } = await post(server.url, JSON.stringify(body))
    expect(status).toBe(200)
    expect(json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } })
    expect((json as { error: { message: string } }).error.message).toContain(words)
  })

  it('accepts a batch of exactly maxBatch', async () => {
    const batch = Array.from({ length: MAX_BATCH }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'echo', params: [i] }))
    const { json } = await post(server.url, batch)
    expect((json as unknown[]).length).toBe(MAX_BATCH)
  })

  it('passes object-shaped invalid requests to the method table', async () => {
    const { json } = await post(server.url, { jsonrpc: '2.0', id: 1 })
    expect(json).toMatchObject({ error: { code: -32600, message: 'fake: invalid request' } })
  })

  it('turns a throwing session and an unserialisable result into -32603, keeping the id', async () => {
    expect((await post(server.url, { jsonrpc: '2.0', id: 5, method: 'throw' })).json).toMatchObject({
      id: 5,
      error: { code: -32603 },
    })
    expect((await post(server.url, { jsonrpc: '2.0', id: 6, method: 'bigint' })).json).toMatchObject({
      id: 6,
      error: { code: -32603 },
    })
    expect((await post(server.url, { jsonrpc: '2.0', id: 7, method: 'echo', params: [] })).json).toMatchObject({ id: 7, result: [] })
  })

  it('refuses a body over maxBodyBytes with 413 and -32600 (declared length)', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo', params: ['x'.repeat(MAX_BODY)] })
    const { status, json } = await post(server.url, big)
    expect(status).toBe(413)
    expect(json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } })
    expect((json as { error: { message: string } }).error.message).toContain(String(MAX_BODY))
    expect((await post(server.url, { jsonrpc: '2.0', id: 2, method: 'echo' })).status).toBe(200)
  })

  it('refuses a chunked body once it crosses maxBodyBytes', async () => {
    const chunk = 'x'.repeat(1024)
    const res = await rawRequest(server.url, { headers: { 'content-type': 'application/json' }, body: Array(8).fill(chunk) })
    expect(res.headers['transfer-encoding']).toBeUndefined()
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: -32600 } })
    // Under the cap, chunked is fine.
    const ok = await rawRequest(server.url, {
      headers: { 'content-type': 'application/json' },
      body: ['{"jsonrpc":"2.0","id":1,', '"method":"echo","params":[1]}'],
    })
    expect(JSON.parse(ok.body)).toMatchObject({ id: 1, result: [1] })
  })

  it('answers other HTTP methods with 405 and a short hint on GET /', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(server.url, { method })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST, OPTIONS')
      expect(await res.json()).toMatchObject({ error: { code: -32600 } })
    }
    expect((await fetch(`${server.url}/some/path`)).status).toBe(405)
    const hint = await fetch(server.url)
    expect(hint.status).toBe(200)
    expect(hint.headers.get('content-type')).toContain('text/plain')
    expect(await hint.text()).toContain('JSON-RPC')
  })

  it('answers MetaMask’s CORS preflight and echoes its origin on the POST', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: METAMASK,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(METAMASK)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')

    const { status } = await post(server.url, { jsonrpc: '2.0', id: 1, method: 'echo' }, { origin: METAMASK })
    expect(status).toBe(200)
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo' }),
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('allows Chrome’s Private Network Access preflight for allowed origins', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-private-network': 'true',
      },
    })
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true')
  })

  it('refuses a foreign origin with 403 and a JSON-RPC error (POST and preflight)', async () => {
    const { status, json } = await post(server.url, { jsonrpc: '2.0', id: 1, method: 'echo' }, { origin: 'https://evil.example' })
    expect(status).toBe(403)
    expect(json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } })
    expect((json as { error: { message: string } }).error.message).toContain('evil.example')

    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect((await post(server.url, { jsonrpc: '2.0', id: 1, method: 'echo' }, { origin: 'null' })).status).toBe(403)
  })

  it('refuses a foreign Host with 403 (DNS rebinding), even without an Origin', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo' })
    const evil = await rawRequest(server.url, { headers: { host: `evil.example:${server.port}` }, body })
    expect(evil.status).toBe(403)
    expect(JSON.parse(evil.body)).toMatchObject({ error: { code: -32600 } })
    const local = await rawRequest(server.url, { headers: { host: `localhost:${server.port}` }, body })
    expect(local.status).toBe(200)
  })

  it('serves many sequential requests on one keep-alive socket', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const results: RawResponse[] = []
      for (let i = 0; i < 200; i++) {
        results.push(
          await rawRequest(server.url, { agent, body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'echo', params: [i] }) }),
        )
      }
      expect(results.map((r) => JSON.parse(r.body).result[0])).toEqual(Array.from({ length: 200 }, (_, i) => i))
      expect(results.slice(1).every((r) => r.reusedSocket)).toBe(true)
      expect(results[0]!.headers.connection).toBe('keep-alive')
    } finally {
      agent.destroy()
    }
    // And through fetch's own pool.
    for (let i = 0; i < 100; i++) {
      expect((await post(server.url, { jsonrpc: '2.0', id: i, method: 'echo', params: [i] })).json).toMatchObject({ id: i })
    }
  })

  it('shares one session across all HTTP requests', () => {
    // Opened once at start; WebSocket tests below open their own.
    expect(fake.opened).toBe(1)
    expect(fake.closed).toBe(0)
  })
})

describe('startRpcServer: WebSocket', () => {
  it('answers requests and pushes subscription notifications on its own session', async () => {
    const openedBefore = fake.opened
    const closedBefore = fake.closed
    const client = await connect(server.wsUrl)
    expect(fake.opened).toBe(openedBefore + 1)
    client.send({ jsonrpc: '2.0', id: 1, method: 'subscribe' })
    expect(await client.next()).toEqual({ jsonrpc: '2.0', id: 1, result: '0x1' })
    expect(await client.next()).toEqual({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: '0x1', result: 1 } })
    expect(await client.next()).toEqual({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: '0x1', result: 2 } })
    client.send([{ jsonrpc: '2.0', id: 2, method: 'echo', params: ['b'] }])
    expect(await client.next()).toEqual([{ jsonrpc: '2.0', id: 2, result: ['b'] }])
    client.ws.close()
    await closed(client.ws)
    await expect.poll(() => fake.closed).toBe(closedBefore + 1)
  })

  it('does not hold a fast answer behind a slow one', async () => {
    const client = await connect(server.wsUrl)
    client.send({ jsonrpc: '2.0', id: 'slow', method: 'slow' })
    client.send({ jsonrpc: '2.0', id: 'fast', method: 'echo' })
    expect(await client.next()).toMatchObject({ id: 'fast' })
    expect(await client.next()).toMatchObject({ id: 'slow', result: 'slow done' })
    client.ws.close()
  })

  it('answers bad messages with errors and keeps the connection', async () => {
    const client = await connect(server.wsUrl)
    client.send('{oops')
    expect(await client.next()).toMatchObject({ id: null, error: { code: -32700 } })
    client.send('[]')
    expect(await client.next()).toMatchObject({ id: null, error: { code: -32600 } })
    client.send({ jsonrpc: '2.0', id: 3, method: 'echo' })
    expect(await client.next()).toMatchObject({ id: 3, result: null })
    client.ws.close()
  })

  it('closes a connection whose message exceeds maxPayload (1009), and the server lives on', async () => {
    const client = await connect(server.wsUrl)
    client.send('x'.repeat(MAX_BODY + 1))
    expect(await closed(client.ws)).toBe(1009)
    expect((await post(server.url, { jsonrpc: '2.0', id: 1, method: 'echo' })).status).toBe(200)
  })

  it('refuses an upgrade from a foreign origin with 403', async () => {
    const ws = new WebSocket(server.wsUrl, { origin: 'https://evil.example' })
    const status = await new Promise<number>((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.once('open', () => reject(new Error('the upgrade was accepted')))
      ws.once('error', () => {})
    })
    expect(status).toBe(403)
    ws.terminate()
  })

  it('accepts an upgrade from MetaMask’s extension origin', async () => {
    const ws = new WebSocket(server.wsUrl, { origin: METAMASK })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    ws.close()
  })
})

describe('startRpcServer: lifecycle', () => {
  it('refuses to bind a non-loopback address', async () => {
    const service = createFakeService().service
    await expect(startRpcServer({ service, port: 0, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/loopback/)
  })

  it('reports a port in use as an error, not a crash', async () => {
    const service = createFakeService().service
    await expect(startRpcServer({ service, port: server.port })).rejects.toMatchObject({ code: 'rpc.server.listen' })
  })

  it('close() ends WebSocket sessions and the HTTP session and stops listening', async () => {
    const own = createFakeService()
    const other = await startRpcServer({ service: own.service, port: 0 })
    const client = await connect(other.wsUrl)
    expect((await post(other.url, { jsonrpc: '2.0', id: 1, method: 'echo' })).status).toBe(200)
    expect(own.opened).toBe(2)
    await other.close()
    await closed(client.ws)
    expect(own.closed).toBe(2)
    await expect(fetch(other.url, { method: 'POST', body: '{}' })).rejects.toThrow()
  })
})
