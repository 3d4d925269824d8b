/**
 * The dev node's real HTTP/WebSocket server under bad input and foreign callers: every kind of
 * malformed request gets its JSON-RPC error code (and the server keeps serving after each), the
 * body cap answers 413, reverts carry code 3 with data, a wallet extension's Origin is served
 * (with CORS), a web page's Origin or a rebinding Host is refused.
 */
import { request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { readFileSync } from 'node:fs'
import type { Abi, Hex } from 'viem'
import { encodeDeployData, encodeErrorResult, encodeFunctionData } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'
import { loadFastCrypto } from '../../runtime/crypto/fastCrypto.node.ts'
import { createDevNode } from '../../runtime/rpc/devNode.ts'
import type { DevNode } from '../../runtime/rpc/devNode.ts'
import { startRpcServer } from '../../runtime/rpc/httpServer.node.ts'
import type { RpcServer } from '../../runtime/rpc/httpServer.node.ts'

const METAMASK = 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn'
const libraries = nodeLibraryReader()

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json: unknown
}

interface RpcErrorReply {
  jsonrpc: '2.0'
  id: unknown
  error: { code: number; message: string; data?: unknown }
}

describe('the dev node HTTP server: malformed requests, caps, origins', () => {
  let node: DevNode
  let server: RpcServer
  let token: Hex
  let abi: Abi

  /** One HTTP request over a fresh connection; the body as text and, when it parses, as JSON. */
  function send(o: { method?: string; path?: string; body?: string | Buffer; headers?: OutgoingHttpHeaders; chunked?: boolean }): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', ...o.headers }
      if (o.body !== undefined && !o.chunked) headers['content-length'] = Buffer.byteLength(o.body)
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method: o.method ?? 'POST', path: o.path ?? '/', headers, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
        res.on('error', reject)
      })
      // The server may close a 413 connection before the whole body is written.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
      if (o.body !== undefined) req.write(o.body)
      req.end()
    })
  }

  const post = (body: unknown, headers: OutgoingHttpHeaders = {}) => send({ body: typeof body === 'string' ? body : JSON.stringify(body), headers })
  const call = async (method: string, params?: unknown) => (await post({ jsonrpc: '2.0', id: 1, method, ...(params === undefined ? {} : { params }) })).json as { result?: unknown; error?: RpcErrorReply['error'] }

  /** The server still answers a plain request correctly. */
  async function expectAlive(): Promise<void> {
    const r = await post({ jsonrpc: '2.0', id: 'alive', method: 'eth_chainId', params: [] })
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ jsonrpc: '2.0', id: 'alive', result: '0x7a69' })
  }

  async function expectError(body: unknown, code: number, message: RegExp, id: unknown = null): Promise<RpcErrorReply> {
    const r = await post(body)
    expect(r.status).toBe(200)
    const reply = r.json as RpcErrorReply
    expect(reply).toMatchObject({ jsonrpc: '2.0', id, error: { code } })
    expect(reply.error.message).toMatch(message)
    await expectAlive()
    return reply
  }

  beforeAll(async () => {
    const r = createCompiler({ solc: loadSolcNode(), readLibrary: libraries }).compile({
      sources: { 'contracts/Token.sol': readFileSync(new URL('../runtime/rpc/fixtures/Token.sol', import.meta.url), 'utf8') },
    })
    const artifact = r.artifacts.find((a) => a.contractName === 'Token')!
    abi = artifact.abi as Abi
    node = await createDevNode({
      clock: { nowSeconds: () => BigInt(Math.floor(Date.now() / 1000)) },
      consoleSol: libraries('hardhat/console.sol')!,
      customCrypto: await loadFastCrypto(),
    })
    server = await startRpcServer({ service: node.service, port: 0 })
    const from = node.accounts[0]!.address
    const data = encodeDeployData({ abi, bytecode: artifact.bytecode as Hex, args: [1000n] })
    const hash = (await call('eth_sendTransaction', [{ from, data }])).result as Hex
    const receipt = (await call('eth_getTransactionReceipt', [hash])).result as { contractAddress: Hex; status: string }
    expect(receipt.status).toBe('0x1')
    token = receipt.contractAddress
  })

  afterAll(async () => {
    await server?.close()
  })

  describe('malformed JSON-RPC gets the right error code, and the server keeps serving', () => {
    it('invalid JSON → -32700 (id null)', async () => {
      await expectError('{"jsonrpc":"2.0","id":1,"method":', -32700, /Parse error/)
      await expectError('', -32700, /Parse error/)
      await expectError('\u0000\u00ff garbage', -32700, /Parse error/)
    })

    it('not a request object → -32600', async () => {
      for (const body of ['42', '"eth_chainId"', 'null', 'true']) await expectError(body, -32600, /expected a JSON-RPC request object/)
    })

    it('missing or non-string method → -32600, answered with the request id', async () => {
      await expectError({ jsonrpc: '2.0', id: 7 }, -32600, /"method" must be a string/, 7)
      await expectError({ jsonrpc: '2.0', id: 'x', method: 42 }, -32600, /"method" must be a string/, 'x')
    })

    it('wrong or missing jsonrpc version → -32600', async () => {
      await expectError({ jsonrpc: '1.0', id: 2, method: 'eth_chainId' }, -32600, /"jsonrpc" must be "2.0"/, 2)
      await expectError({ id: 3, method: 'eth_chainId' }, -32600, /"jsonrpc" must be "2.0"/, 3)
    })

    it('an id that is neither string, number nor null → -32600', async () => {
      await expectError({ jsonrpc: '2.0', id: { nested: true }, method: 'eth_chainId' }, -32600, /"id" must be a string, a number or null/)
    })

    it('unknown method → -32601 naming it', async () => {
      const reply = await expectError({ jsonrpc: '2.0', id: 4, method: 'eth_doesNotExist' }, -32601, /eth_doesNotExist/, 4)
      expect(reply.error.message).toBe('the method eth_doesNotExist does not exist/is not available')
      // Inherited object keys are not methods either.
      await expectError({ jsonrpc: '2.0', id: 5, method: 'constructor' }, -32601, /constructor/, 5)
      await expectError({ jsonrpc: '2.0', id: 6, method: '__proto__' }, -32601, /__proto__/, 6)
    })

    it('bad params → -32602 naming the parameter', async () => {
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_getBalance', params: ['0x1234'] }, -32602, /params\[0\] \(address\)/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_getBalance', params: [node.accounts[0]!.address, 'yesterday'] }, -32602, /params\[1\] \(block\)/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: [] }, -32602, /params\[0\] \(block\) must be present/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['latest', 'yes'] }, -32602, /params\[1\] \(fullTransactions\) must be true or false/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: { a: 1 } }, -32602, /params must be an array/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [1] }, -32602, /at most 0 item/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: [{ to: token, data: '0x123' }] }, -32602, /params\[0\]\.data/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_sendRawTransaction', params: ['not hex'] }, -32602, /params\[0\] \(signedTransaction\)/, 1)
      await expectError({ jsonrpc: '2.0', id: 1, method: 'eth_feeHistory', params: ['0x0', 'latest'] }, -32602, /params\[0\] \(blockCount\) must be between 1 and 1024/, 1)
    })

    it('a batch mixing good and bad requests answers each in order; notifications get no answer', async () => {
      const r = await post([
        { jsonrpc: '2.0', id: 1, method: 'eth_chainId' },
        { jsonrpc: '2.0', id: 2, method: 'eth_nope' },
        42,
        { jsonrpc: '2.0', method: 'eth_chainId' },
        { jsonrpc: '2.0', id: 3, method: 'eth_getBalance', params: ['0xzz'] },
        { jsonrpc: '2.0', id: 4, method: 'eth_blockNumber' },
      ])
      expect(r.status).toBe(200)
      const replies = r.json as { id: unknown; result?: unknown; error?: { code: number } }[]
      expect(replies.map((x) => [x.id, x.error?.code ?? x.result])).toEqual([
        [1, '0x7a69'],
        [2, -32601],
        [null, -32600],
        [3, -32602],
        [4, '0x1'],
      ])
      await expectAlive()
    })

    it('a batch of notifications only is answered with 204 and no body; a lone notification too', async () => {
      const batch = await post([{ jsonrpc: '2.0', method: 'eth_chainId' }, { jsonrpc: '2.0', method: 'eth_nope' }])
      expect(batch.status).toBe(204)
      expect(batch.text).toBe('')
      const single = await post({ jsonrpc: '2.0', method: 'eth_blockNumber' })
      expect(single.status).toBe(204)
      await expectAlive()
    })

    it('an empty batch → one -32600 error object (not an array); a batch over 1000 → -32600', async () => {
      const reply = await expectError([], -32600, /empty batch/)
      expect(Array.isArray(reply)).toBe(false)
      const big = Array.from({ length: 1001 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId' }))
      await expectError(big, -32600, /batch of 1001 requests exceeds the limit of 1000/)
      // 1000 is fine.
      const ok = await post(big.slice(0, 1000))
      expect((ok.json as unknown[]).length).toBe(1000)
    })

    it('an oversized body → 413, declared or chunked; the server keeps serving', async () => {
      const huge = `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":["${'a'.repeat(5 * 1024 * 1024)}"]}`
      const declared = await send({ body: huge })
      expect(declared.status).toBe(413)
      expect((declared.json as RpcErrorReply).error).toEqual({ code: -32600, message: `Invalid request: body exceeds the limit of ${5 * 1024 * 1024} bytes.` })
      await expectAlive()
      const chunked = await send({ body: huge, chunked: true })
      expect(chunked.status).toBe(413)
      await expectAlive()
      // Just under the cap is parsed (and refused for its params, not its size).
      const under = `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":["${'a'.repeat(5 * 1024 * 1024 - 100)}"]}`
      expect((await send({ body: under })).status).toBe(200)
    })

    it('a client that hangs up mid-request does not hurt the server', async () => {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"jsonrpc":"2.0",')
          setTimeout(() => {
            socket.destroy()
            resolve()
          }, 20)
        })
        socket.on('error', reject)
      })
      await new Promise<void>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.end('this is not HTTP\r\n\r\n')
        })
        socket.on('data', () => undefined)
        socket.on('close', () => resolve())
        socket.on('error', reject)
      })
      await expectAlive()
    })

    it('an execution revert → code 3 with the revert bytes in data', async () => {
      const panic = await expectError(
        { jsonrpc: '2.0', id: 9, method: 'eth_call', params: [{ to: token, data: encodeFunctionData({ abi, functionName: 'divide', args: [1n, 0n] }) }, 'latest'] },
        3,
        /^execution reverted: panic: division or modulo by zero \(0x12\)$/,
        9,
      )
      expect(panic.error.data).toBe(`0x4e487b71${'12'.padStart(64, '0')}`)
      const required = await expectError(
        {
          jsonrpc: '2.0',
          id: 10,
          method: 'eth_estimateGas',
          params: [{ from: node.accounts[5]!.address, to: token, data: encodeFunctionData({ abi, functionName: 'transfer', args: [node.accounts[0]!.address, 1n] }) }],
        },
        3,
        /^execution reverted: Token: insufficient balance$/,
        10,
      )
      expect(required.error.data).toBe(encodeErrorResult({ abi: [{ type: 'error', name: 'Error', inputs: [{ type: 'string', name: 'message' }] }], errorName: 'Error', args: ['Token: insufficient balance'] }))
      const custom = await expectError(
        {
          jsonrpc: '2.0',
          id: 11,
          method: 'eth_sendTransaction',
          params: [{ from: node.accounts[0]!.address, to: token, data: encodeFunctionData({ abi, functionName: 'transfer', args: ['0x0000000000000000000000000000000000000000', 1n] }) }],
        },
        3,
        /^execution reverted/,
        11,
      )
      expect(custom.error.data).toBe(encodeErrorResult({ abi, errorName: 'ZeroAddress' }))
    })

    it('state and block overrides are refused (-32602), never silently ignored', async () => {
      const target = '0x00000000000000000000000000000000000000aa'
      // Code that returns 42: with the override applied the call would answer 0x…2a.
      const override = { [target]: { code: '0x602a60005260206000f3' } }
      const call = await expectError({ jsonrpc: '2.0', id: 13, method: 'eth_call', params: [{ to: target }, 'latest', override] }, -32602, /params\[2\] \(stateOverrides\)/, 13)
      expect(call.error.message).toMatch(/not supported|must be/)
      await expectError({ jsonrpc: '2.0', id: 14, method: 'eth_estimateGas', params: [{ to: target }, 'latest', override] }, -32602, /params\[2\] \(stateOverrides\)/, 14)
      await expectError({ jsonrpc: '2.0', id: 15, method: 'eth_call', params: [{ to: target }, 'latest', null, { time: '0x1' }] }, -32602, /params\[3\] \(blockOverrides\)/, 15)
      // Absent, null or empty overrides are fine.
      for (const params of [[{ to: target }, 'latest'], [{ to: target }, 'latest', {}], [{ to: target }, 'latest', null, {}]]) {
        expect((await post({ jsonrpc: '2.0', id: 16, method: 'eth_call', params })).json).toEqual({ jsonrpc: '2.0', id: 16, result: '0x' })
      }
    })

    it('eth_subscribe over HTTP → a clear error pointing to WebSocket', async () => {
      const reply = await expectError({ jsonrpc: '2.0', id: 12, method: 'eth_subscribe', params: ['newHeads'] }, -32004, /eth_subscribe needs a WebSocket connection/, 12)
      expect(reply.error.message).toMatch(/ws:\/\//)
    })

    it('a malformed WebSocket message gets -32700 and the socket stays usable', async () => {
      const ws = new WebSocket(server.wsUrl)
      try {
        await new Promise((resolve, reject) => {
          ws.once('open', resolve)
          ws.once('error', reject)
        })
        const next = () => new Promise<unknown>((resolve) => ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))))
        let reply = next()
        ws.send('{nope')
        expect(await reply).toMatchObject({ id: null, error: { code: -32700 } })
        reply = next()
        ws.send('[]')
        expect(await reply).toMatchObject({ error: { code: -32600 } })
        reply = next()
        ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }))
        expect(await reply).toEqual({ jsonrpc: '2.0', id: 1, result: '0x7a69' })
      } finally {
        ws.close()
      }
    })
  })

  describe('who may call: Origin and Host', () => {
    const chainIdBody = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' })

    it("MetaMask's extension Origin is served, with CORS headers; so are local pages", async () => {
      for (const origin of [METAMASK, 'moz-extension://4b8a1c2e-1111-2222-3333-444455556666', 'http://localhost:5173', 'http://127.0.0.1:3000']) {
        const r = await send({ body: chainIdBody, headers: { origin } })
        expect(r.status).toBe(200)
        expect(r.json).toEqual({ jsonrpc: '2.0', id: 1, result: '0x7a69' })
        expect(r.headers['access-control-allow-origin']).toBe(origin)
      }
      // No Origin at all (curl, Node clients): served, no CORS header.
      const plain = await send({ body: chainIdBody })
      expect(plain.status).toBe(200)
      expect(plain.headers['access-control-allow-origin']).toBeUndefined()
    })

    it('the CORS preflight from the extension is answered', async () => {
      const r = await send({
        method: 'OPTIONS',
        headers: {
          origin: METAMASK,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-custom',
          'access-control-request-private-network': 'true',
        },
      })
      expect(r.status).toBe(204)
      expect(r.headers['access-control-allow-origin']).toBe(METAMASK)
      expect(r.headers['access-control-allow-methods']).toMatch(/POST/)
      expect(r.headers['access-control-allow-headers']).toBe('content-type, x-custom')
      expect(r.headers['access-control-allow-private-network']).toBe('true')
    })

    it('a foreign web Origin is refused with 403, preflight included; so are the opaque null origin and a bad Host', async () => {
      for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'file://']) {
        const r = await send({ body: chainIdBody, headers: { origin } })
        expect(r.status, origin).toBe(403)
        expect((r.json as RpcErrorReply).error.code).toBe(-32600)
        expect((r.json as RpcErrorReply).error.message).toMatch(/^Forbidden: Origin/)
        expect(r.headers['access-control-allow-origin']).toBeUndefined()
      }
      const preflight = await send({ method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
      expect(preflight.status).toBe(403)
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()

      // DNS rebinding: the page's own name in Host, even with an allowed Origin.
      for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1:1']) {
        const r = await send({ body: chainIdBody, headers: { host, origin: METAMASK } })
        expect(r.status, host).toBe(403)
        expect((r.json as RpcErrorReply).error.message).toMatch(/^Forbidden: Host/)
      }
      // The refused request did nothing: a state-changing one stays undone.
      const before = (await call('eth_blockNumber')).result
      const send1 = await send({
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_sendTransaction', params: [{ from: node.accounts[0]!.address, to: node.accounts[1]!.address, value: '0x1' }] }),
        headers: { origin: 'https://evil.example' },
      })
      expect(send1.status).toBe(403)
      expect((await call('eth_blockNumber')).result).toBe(before)
      await expectAlive()
    })

    it('WebSocket upgrades follow the same policy', async () => {
      const open = (headers: Record<string, string>, origin?: string) =>
        new Promise<{ status: number } | { ws: WebSocket }>((resolve, reject) => {
          const ws = new WebSocket(server.wsUrl, { headers, ...(origin === undefined ? {} : { origin }) })
          ws.once('open', () => resolve({ ws }))
          ws.once('unexpected-response', (_req, res) => {
            resolve({ status: res.statusCode ?? 0 })
            res.resume()
            ws.terminate()
          })
          ws.once('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)))
        })
      const evil = await open({}, 'https://evil.example')
      expect(evil).toEqual({ status: 403 })
      const rebinding = await open({ host: 'evil.example' }, METAMASK)
      expect(rebinding).toEqual({ status: 403 })
      const wallet = await open({}, METAMASK)
      expect('ws' in wallet).toBe(true)
      const ws = (wallet as { ws: WebSocket }).ws
      const reply = new Promise<unknown>((resolve) => ws.once('message', (d: Buffer) => resolve(JSON.parse(d.toString()))))
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'eth_chainId' }))
      expect(await reply).toEqual({ jsonrpc: '2.0', id: 5, result: '0x7a69' })
      ws.close()
    })

    it('paths and HTTP methods: /node/99 → 404 on a dev node, GET / → a hint, PUT → 405', async () => {
      const missing = await send({ path: '/node/99', body: chainIdBody })
      expect(missing.status).toBe(404)
      expect((missing.json as RpcErrorReply).error.message).toBe('Not found: no JSON-RPC endpoint at /node/99.')
      const get = await send({ method: 'GET' })
      expect(get.status).toBe(200)
      expect(get.text).toMatch(/Send JSON-RPC 2.0 requests with POST/)
      const put = await send({ method: 'PUT', body: chainIdBody })
      expect(put.status).toBe(405)
      expect(put.headers.allow).toBe('POST, OPTIONS')
      // A query string does not change the endpoint.
      const query = await send({ path: '/?x=1', body: chainIdBody })
      expect(query.json).toEqual({ jsonrpc: '2.0', id: 1, result: '0x7a69' })
      await expectAlive()
    })
  })
})
