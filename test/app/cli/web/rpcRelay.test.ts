/**
 * The web edition's RPC relay end to end in Node: the real `playground web` server
 * (startWebServer), a `ws` client playing the page that answers with a REAL dev node
 * (createDevNode + createInProcessProvider), and viem and ethers outside reaching the chain
 * through the exposed port. Also: who may connect, who may call, what happens when the page goes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ethers } from 'ethers'
import type { Abi, Hex } from 'viem'
import { BaseError as ViemBaseError, createPublicClient, createWalletClient, encodeFunctionData, http, parseEther, webSocket } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRpcRelayEndpoint } from '../../../../app/cli/web/rpcRelay.ts'
import type { WebServer } from '../../../../app/cli/web/staticServer.ts'
import { startWebServer } from '../../../../app/cli/web/staticServer.ts'
import { answerRelayRequest } from '../../../../app/shared/rpcRelay/answerRelayRequest.ts'
import type { RelayProvider } from '../../../../app/shared/rpcRelay/answerRelayRequest.ts'
import type { RelayText } from '../../../../app/shared/rpcRelay/relayProtocol.ts'
import { RPC_RELAY_PATH, parseRelayRequest } from '../../../../app/shared/rpcRelay/relayProtocol.ts'
import { loadFastCrypto } from '../../../../runtime/crypto/fastCrypto.node.ts'
import type { DevNode } from '../../../../runtime/rpc/devNode.ts'
import { createDevNode } from '../../../../runtime/rpc/devNode.ts'
import { startRpcServer } from '../../../../runtime/rpc/httpServer.node.ts'
import { createInProcessProvider } from '../../../../runtime/rpc/inProcessProvider.ts'
import { compileFixtures } from '../../../e2e/rpcFixtures.ts'
import { freePort, isListening } from '../../../localPorts.ts'

async function eventually(what: string, check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A raw HTTP request (node:http lets us set Origin and Host as a browser would). */
function rawRequest(url: string, options: { method?: string; body?: string; headers?: Record<string, string> }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: { 'content-type': 'application/json', ...options.headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

interface FakePage {
  ws: WebSocket
  /** Resolves with the exposed URL or rejects with the server's bilingual refusal. */
  expose(port: number): Promise<string>
  /** How many requests the page answered. */
  answered: number
}

/** A `ws` client acting as the page: same-origin, answers every request with `provider`. */
async function connectPage(webUrl: string, provider: RelayProvider | undefined, origin = new URL(webUrl).origin): Promise<FakePage> {
  const wsUrl = new URL(RPC_RELAY_PATH, webUrl.replace(/^http/, 'ws'))
  const ws = new WebSocket(wsUrl, { headers: { origin } })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)))
    ws.once('error', reject)
  })
  const page: FakePage = { ws, answered: 0, expose: () => Promise.reject(new Error('unused')) }
  let waiter: { resolve: (url: string) => void; reject: (error: Error & { relay?: RelayText }) => void } | undefined
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; url?: string; error?: RelayText }
    if (message.type === 'exposed') waiter?.resolve(message.url!)
    else if (message.type === 'refused') waiter?.reject(Object.assign(new Error(message.error!.en), { relay: message.error! }))
    else if (message.type === 'request' && provider !== undefined) {
      const { type: _t, ...fields } = message
      const request = parseRelayRequest(fields)
      if (request === undefined) throw new Error(`the server sent a malformed request: ${JSON.stringify(message)}`)
      void answerRelayRequest(provider, request).then((outcome) => {
        page.answered++
        ws.send(JSON.stringify({ type: 'reply', id: request.id, outcome }))
      })
    }
  })
  page.expose = (port) =>
    new Promise<string>((resolve, reject) => {
      waiter = { resolve, reject }
      ws.send(JSON.stringify({ type: 'expose', port }))
    })
  return page
}

/** The upgrade's HTTP status when the relay refuses it. */
function upgradeStatus(webUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(new URL(RPC_RELAY_PATH, webUrl.replace(/^http/, 'ws')), { headers })
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', (e) => reject(e))
  })
}

/** The server's bilingual refusal of an expose (fails the test if the port opened instead). */
async function refusal(exposing: Promise<string>): Promise<RelayText> {
  const outcome = await exposing.then(
    (url) => ({ url }),
    (e: { relay?: RelayText }) => ({ relay: e.relay }),
  )
  if (!('relay' in outcome) || outcome.relay === undefined) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`)
  return outcome.relay
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

describe('web edition RPC relay (Node)', () => {
  let web: WebServer
  let node: DevNode
  let provider: ReturnType<typeof createInProcessProvider>
  let page: FakePage
  let url: string
  let token: { abi: Abi; bytecode: Hex }
  /** The reverting call of the revert test and what the provider answers it with directly. */
  let revert: { call: { from: Hex; to: Hex; data: Hex }; data: unknown } | undefined

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'relay-web-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>relay</title>')
    web = await startWebServer({ root, port: 0 })
    node = await createDevNode({ clock: { nowSeconds: () => BigInt(Math.floor(Date.now() / 1000)) }, customCrypto: await loadFastCrypto() })
    provider = createInProcessProvider(node.service)
    page = await connectPage(web.url, provider)
    url = await page.expose(await freePort())
    token = compileFixtures<Abi>().token
  })
  afterAll(async () => {
    page?.ws.terminate()
    await web?.close()
    provider?.close()
  })

  it('viem reads the chain through the exposed port', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const client = createPublicClient({ chain: hardhat, transport: http(url), cacheTime: 0 })
    expect(await client.getChainId()).toBe(31337)
    expect(await client.getBlockNumber()).toBe(0n)
    expect(await client.getBalance({ address: node.accounts[0]!.address })).toBe(10_000n * 10n ** 18n)
    expect(page.answered).toBeGreaterThanOrEqual(3)
  })

  it('viem sends a signed transaction from a dev account and gets its receipt', async () => {
    const account = privateKeyToAccount(node.accounts[1]!.privateKeyHex)
    const wallet = createWalletClient({ account, chain: hardhat, transport: http(url) })
    const client = createPublicClient({ chain: hardhat, transport: http(url), cacheTime: 0, pollingInterval: 50 })
    const to = node.accounts[2]!.address
    const before = await client.getBalance({ address: to })
    const hash = await wallet.sendTransaction({ to, value: parseEther('1.5') })
    const receipt = await client.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(receipt.transactionHash).toBe(hash)
    expect(await client.getBalance({ address: to })).toBe(before + parseEther('1.5'))
    // The same chain inside the app saw it (the relay is not a copy).
    expect(await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })).toMatchObject({ transactionHash: hash, status: '0x1' })
  })

  it('a reverting eth_call keeps its JSON-RPC code and revert data through the relay', async () => {
    const account = privateKeyToAccount(node.accounts[0]!.privateKeyHex)
    const wallet = createWalletClient({ account, chain: hardhat, transport: http(url) })
    const client = createPublicClient({ chain: hardhat, transport: http(url), cacheTime: 0, pollingInterval: 50 })
    const deployHash = await wallet.deployContract({ abi: token.abi, bytecode: token.bytecode, args: [1000n] })
    const address = (await client.waitForTransactionReceipt({ hash: deployHash })).contractAddress!
    // transfer to the zero address reverts with the custom error ZeroAddress().
    const data = encodeFunctionData({ abi: token.abi, functionName: 'transfer', args: ['0x0000000000000000000000000000000000000000', 1n] })
    const call = { from: node.accounts[0]!.address, to: address, data }
    const direct = await provider.request({ method: 'eth_call', params: [call, 'latest'] }).then(
      () => undefined,
      (e: { code: number; data: unknown; message: string }) => ({ code: e.code, data: e.data, message: e.message }),
    )
    expect(direct?.code).toBe(3)
    revert = { call, data: direct!.data }
    const relayed = JSON.parse(
      (await rawRequest(url, { body: JSON.stringify({ jsonrpc: '2.0', id: 'revert-1', method: 'eth_call', params: [call, 'latest'] }) })).body,
    ) as { id: unknown; error: { code: number; data: unknown; message: string } }
    expect(relayed.id).toBe('revert-1')
    expect(relayed.error).toEqual(direct)
    // viem sees the raw revert data and decodes it against the ABI.
    const error = await client.call(call).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ViemBaseError)
    const withData = (error as ViemBaseError).walk((e) => typeof (e as { data?: unknown }).data === 'string') as { data: string } | null
    expect(withData?.data).toBe(direct!.data)
    expect(direct!.data).toMatch(/^0x[0-9a-f]{8}$/)
    await expect(client.simulateContract({ account, address, abi: token.abi, functionName: 'transfer', args: ['0x0000000000000000000000000000000000000000', 1n] })).rejects.toThrow(/ZeroAddress/)
  })

  it('ethers JsonRpcProvider works through the relay (network, blocks, revert data)', async () => {
    const eth = new ethers.JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 })
    try {
      expect((await eth.getNetwork()).chainId).toBe(31337n)
      const height = await eth.getBlockNumber()
      expect(height).toBe(Number(await provider.request({ method: 'eth_blockNumber' })))
      const block = await eth.getBlock(height)
      expect(block?.number).toBe(height)
      const signer = new ethers.Wallet(node.accounts[3]!.privateKeyHex, eth)
      const sent = await signer.sendTransaction({ to: node.accounts[4]!.address, value: 7n })
      const receipt = await sent.wait()
      expect(receipt?.status).toBe(1)
      expect(await eth.getBlockNumber()).toBe(height + 1)
      // The revert of the viem test, through ethers: CALL_EXCEPTION carrying the same revert bytes.
      if (revert === undefined) throw new Error('the revert test did not run first')
      const failed = (await eth.call(revert.call).catch((e: unknown) => e)) as { code?: string; data?: string }
      expect(failed.code).toBe('CALL_EXCEPTION')
      expect(failed.data).toBe(revert.data)
    } finally {
      eth.destroy()
    }
  })

  it('batches keep each client id and skip notifications', async () => {
    const body = JSON.stringify([
      { jsonrpc: '2.0', id: 'a', method: 'eth_chainId' },
      { jsonrpc: '2.0', method: 'eth_blockNumber' },
      { jsonrpc: '2.0', id: 7, method: 'eth_nope' },
      { jsonrpc: '2.0', id: 8, method: 'eth_subscribe', params: ['newHeads'] },
    ])
    const res = JSON.parse((await rawRequest(url, { body })).body) as { id: unknown; result?: unknown; error?: { code: number; message: string; data?: RelayText } }[]
    expect(res.map((r) => r.id)).toEqual(['a', 7, 8])
    expect(res[0]!.result).toBe('0x7a69')
    expect(res[1]!.error?.code).toBe(-32601)
    expect(res[2]!.error?.code).toBe(-32004)
    expect(res[2]!.error?.data?.ko).toMatch(/폴링/)
  })

  it('concurrent clients each get their own answer (relay ids, not client ids)', async () => {
    const clients = [0, 1, 2, 3].map(() => createPublicClient({ chain: hardhat, transport: http(url), cacheTime: 0 }))
    const expected = await Promise.all(node.accounts.map((a) => provider.request({ method: 'eth_getBalance', params: [a.address, 'latest'] })))
    // Every client numbers its requests from the same ids; the relay must not mix them up.
    const got = await Promise.all(node.accounts.flatMap((a, i) => clients.map((c) => c.getBalance({ address: a.address }).then((b) => [i, b] as const))))
    for (const [i, balance] of got) expect(balance).toBe(BigInt(expected[i] as string))
  })

  it('serves WebSocket clients on the exposed port too, without subscriptions', async () => {
    const client = createPublicClient({ chain: hardhat, transport: webSocket(url.replace('http://', 'ws://')) })
    try {
      expect(await client.getChainId()).toBe(31337)
      expect(await client.getBlockNumber()).toBe(BigInt(await provider.request({ method: 'eth_blockNumber' }) as string))
      const error = await client.request({ method: 'eth_subscribe', params: ['newHeads'] } as never).catch((e: unknown) => e)
      // viem's MethodNotSupportedRpcError (-32004) wraps the request error that keeps `data`.
      expect((error as ViemBaseError & { code: number }).code).toBe(-32004)
      const withData = (error as ViemBaseError).walk((e) => (e as { data?: unknown }).data !== undefined) as unknown as { data: { code: string; ko: string } }
      expect(withData.data.code).toBe('rpc-relay.subscriptions')
      expect(withData.data.ko).toMatch(/폴링/)
    } finally {
      await (await client.transport.getRpcClient()).close()
    }
  })

  it('the web server refuses WebSocket upgrades on any other path', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(new URL('/other', web.url.replace(/^http/, 'ws')), { headers: { origin: new URL(web.url).origin } })
      ws.once('open', () => resolve(101))
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.once('error', reject)
    })
    expect(status).toBe(404)
  })

  it('applies the JSON-RPC origin policy on the exposed port', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' })
    const noOrigin = await rawRequest(url, { body })
    expect(noOrigin.status).toBe(200)
    const foreign = await rawRequest(url, { body, headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect(foreign.body).toMatch(/not allowed/)
    const extension = await rawRequest(url, { body, headers: { origin: 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn' } })
    expect(extension.status).toBe(200)
    expect(extension.headers['access-control-allow-origin']).toBe('chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn')
    const local = await rawRequest(url, { body, headers: { origin: 'http://localhost:3000' } })
    expect(local.status).toBe(200)
    const preflight = await rawRequest(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000')
    const rebinding = await rawRequest(url, { body, headers: { host: `evil.example:${new URL(url).port}` } })
    expect(rebinding.status).toBe(403)
    const huge = await rawRequest(url, { body: `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":["${'x'.repeat(6 * 1024 * 1024)}"]}` })
    expect(huge.status).toBe(413)
  })

  it('the relay WebSocket accepts only the page of this server', async () => {
    const own = new URL(web.url)
    expect(await upgradeStatus(web.url, { origin: own.origin })).toBe(101)
    expect(await upgradeStatus(web.url, { origin: `http://localhost:${own.port}`, host: `localhost:${own.port}` })).toBe(101)
    expect(await upgradeStatus(web.url, { origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus(web.url, {})).toBe(403) // no Origin: not a page
    expect(await upgradeStatus(web.url, { origin: 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn' })).toBe(403)
    expect(await upgradeStatus(web.url, { origin: `http://127.0.0.1:${Number(own.port) + 1}` })).toBe(403)
    expect(await upgradeStatus(web.url, { origin: `http://evil.example:${own.port}`, host: `evil.example:${own.port}` })).toBe(403)
    await expect(connectPage(web.url, provider, 'https://evil.example')).rejects.toThrow(/403/)
  })

  it('refuses ports that are taken or not allowed, with a bilingual message', async () => {
    const other = await connectPage(web.url, provider)
    try {
      const taken = new URL(url).port
      const inUse = await refusal(other.expose(Number(taken)))
      expect(inUse).toMatchObject({ code: 'rpc-relay.port-in-use' })
      expect(inUse.ko).toContain(`${taken}번 포트`)
      for (const bad of [80, 0, 65536, 1.5]) {
        const refused = await refusal(other.expose(bad))
        expect(refused, String(bad)).toMatchObject({ code: 'rpc-relay.port-invalid' })
        expect(refused.ko).toMatch(/1024부터 65535/)
      }
      const webPort = await refusal(other.expose(web.port))
      expect(webPort.code).toBe('rpc-relay.port-in-use')
      // After refusals the same connection can still expose a free port, once.
      const second = await other.expose(await freePort())
      const again = await refusal(other.expose(await freePort()))
      expect(again.code).toBe('rpc-relay.already-exposed')
      const client = createPublicClient({ chain: hardhat, transport: http(second) })
      expect(await client.getChainId()).toBe(31337)
    } finally {
      other.ws.close()
    }
  })

  it('closing the page closes its port; an explicit close frees it before the socket closes', async () => {
    const closing = await connectPage(web.url, provider)
    const port = await freePort()
    const exposed = await closing.expose(port)
    expect(await isListening(port)).toBe(true)
    expect(await createPublicClient({ transport: http(exposed) }).getChainId()).toBe(31337)
    closing.ws.terminate() // the tab crashed or closed: no goodbye
    await eventually('the port to close', async () => !(await isListening(port)))

    const polite = await connectPage(web.url, provider)
    const port2 = await freePort()
    await polite.expose(port2)
    const closed = new Promise<void>((resolve) => polite.ws.once('close', () => resolve()))
    polite.ws.send(JSON.stringify({ type: 'close' }))
    await closed
    expect(await isListening(port2)).toBe(false)
  })

  it('prints the round-trip latency of eth_blockNumber through the relay (median of 50)', async () => {
    const direct = await startRpcServer({ service: node.service, port: 0 })
    try {
      const time = async (target: string) => {
        const samples: number[] = []
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber' })
        for (let i = 0; i < 55; i++) {
          const t0 = performance.now()
          const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
          expect(((await res.json()) as { result: string }).result).toMatch(/^0x/)
          if (i >= 5) samples.push(performance.now() - t0) // 5 warm-up requests
        }
        return median(samples)
      }
      const relayed = await time(url)
      const straight = await time(direct.url)
      console.log(`[rpc relay] eth_blockNumber round trip, median of 50 (fetch, keep-alive): relay (HTTP → WebSocket → page → back) ${relayed.toFixed(3)} ms; direct server ${straight.toFixed(3)} ms`)
      expect(relayed).toBeLessThan(50)
    } finally {
      await direct.close()
    }
  })
})

describe('relay endpoint: timeouts and malformed replies', () => {
  it('a page that does not answer gives a JSON-RPC timeout error; junk replies are ignored', async () => {
    let port = 0
    const relay = createRpcRelayEndpoint({ webPort: () => port, timeoutMs: 300 })
    const server = createHttpServer((_req, res) => res.writeHead(404).end())
    server.on('upgrade', (req, socket, head: Buffer) => relay.handleUpgrade(req, socket, head))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    try {
      const silent = await connectPage(`http://127.0.0.1:${port}/`, undefined)
      const exposed = await silent.expose(await freePort())
      // A reply for a request never asked and a malformed reply change nothing.
      silent.ws.send(JSON.stringify({ type: 'reply', id: 999, outcome: { result: '0x1' } }))
      silent.ws.send(JSON.stringify({ type: 'reply', id: 1, outcome: { result: '0x1', extra: true } }))
      silent.ws.send('not json')
      const t0 = Date.now()
      const res = JSON.parse((await rawRequest(exposed, { body: JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'eth_chainId' }) })).body) as {
        id: number
        error: { code: number; message: string; data: RelayText }
      }
      expect(Date.now() - t0).toBeGreaterThanOrEqual(280)
      expect(res.id).toBe(5)
      expect(res.error.code).toBe(-32603)
      expect(res.error.data.code).toBe('rpc-relay.timeout')
      expect(res.error.message).toMatch(/did not answer eth_chainId within 0\.3 s/)
      expect(res.error.data.ko).toMatch(/0\.3초/)
    } finally {
      await relay.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
