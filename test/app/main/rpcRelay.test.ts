/**
 * The desktop RPC relay with fake Electron IPC but everything else real: main's validated IPC
 * handlers (sender check + zod), main's relay host and HTTP server, the preload's bridge
 * (createPlaygroundBridge), the renderer's exposeRpcOverIpc, and a real dev node answering. The
 * fake IPC only moves payloads (structured-cloned, as Electron does) between the two sides.
 */
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServer as createNetServer } from 'node:net'
import { createPublicClient, http } from 'viem'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSenderCheck } from '../../../app/main/ipc/senderCheck.ts'
import { registerValidatedHandler } from '../../../app/main/ipc/validatedIpc.ts'
import { createRpcRelayHost } from '../../../app/main/rpc/rpcRelayHost.ts'
import type { RpcRelayHost } from '../../../app/main/rpc/rpcRelayHost.ts'
import { createPlaygroundBridge } from '../../../app/preload/preload.ts'
import { exposeRpcOverIpc } from '../../../app/renderer/src/host/electronRpcRelay.ts'
import type { RequestProvider } from '../../../app/renderer/src/host/host.ts'
import type { PlaygroundBridge } from '../../../app/shared/ipc/ipcContract.ts'
import { IPC_CHANNELS } from '../../../app/shared/ipc/ipcContract.ts'
import { RPC_RELAY_REQUEST_CHANNEL } from '../../../app/shared/ipc/rpcRelayIpc.ts'
import { RpcRelayError } from '../../../app/shared/rpcRelay/relayProtocol.ts'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'
import { fakeFrame, fakeInvokeEvent, fakeIpcMain, fakeWebContents } from './electronFakes.ts'
import { freePort, isListening } from '../../localPorts.ts'

// The preload module exposes itself on import: give it a fake electron (the binary cannot run here).
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld() {} }, ipcRenderer: { invoke() {}, on() {}, removeListener() {} } }))

function post(url: string, body: string, headers: Record<string, string> = {}, method = 'POST'): Promise<{ status: number; headers: Record<string, unknown>; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text === '' ? undefined : (JSON.parse(text) as unknown) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Main and one renderer joined by fake IPC. */
function wire(options: { timeoutMs?: number } = {}) {
  const mainFrame = fakeFrame()
  const webContents = Object.assign(fakeWebContents(mainFrame), {
    sent: [] as { channel: string; payload: unknown }[],
    send(channel: string, payload: unknown) {
      webContents.sent.push({ channel, payload })
      // Electron delivers a structured clone to the renderer's listeners of that channel.
      for (const listener of rendererListeners.get(channel) ?? []) queueMicrotask(() => listener(structuredClone(payload)))
    },
  })
  const rendererListeners = new Map<string, Set<(payload: unknown) => void>>()
  const ipcMain = fakeIpcMain()
  const checkSender = createSenderCheck(() => ({ webContents }))
  const relay = createRpcRelayHost({ getTarget: () => webContents, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) })
  for (const key of ['rpcExpose', 'rpcClose', 'rpcRespond'] as const) registerValidatedHandler(ipcMain, key, checkSender, relay.handlers[key] as never)
  const trusted = fakeInvokeEvent(webContents, mainFrame)
  const bridge: PlaygroundBridge = createPlaygroundBridge(
    ((channel: string, ...args: unknown[]) => ipcMain.invoke(trusted, channel, ...args.map((a) => structuredClone(a)))) as never,
    (channel, listener) => {
      const set = rendererListeners.get(channel) ?? new Set()
      set.add(listener)
      rendererListeners.set(channel, set)
      return () => set.delete(listener)
    },
  )
  return { ipcMain, webContents, mainFrame, relay, bridge, trusted, rendererListeners }
}

describe('desktop RPC relay (main ⇄ renderer over fake IPC)', () => {
  let provider: ReturnType<typeof createInProcessProvider>
  let address: `0x${string}`
  const hosts: RpcRelayHost[] = []
  beforeAll(async () => {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    provider = createInProcessProvider(node.service)
    address = node.accounts[0]!.address
  })
  afterAll(async () => {
    for (const host of hosts) await host.close()
    provider.close()
  })

  it('viem outside reads the chain the renderer holds', async () => {
    const { bridge, relay, webContents } = wire()
    hosts.push(relay)
    const port = await freePort()
    const exposure = await exposeRpcOverIpc(bridge, { port, provider })
    expect(exposure.url).toBe(`http://127.0.0.1:${port}`)
    const client = createPublicClient({ chain: hardhat, transport: http(exposure.url), cacheTime: 0 })
    expect(await client.getChainId()).toBe(31337)
    expect(await client.getBlockNumber()).toBe(0n)
    expect(await client.getBalance({ address })).toBe(10_000n * 10n ** 18n)
    // Main sent only relay requests, on the one fixed channel, with its own ids.
    expect(new Set(webContents.sent.map((s) => s.channel))).toEqual(new Set([RPC_RELAY_REQUEST_CHANNEL]))
    expect(webContents.sent.map((s) => (s.payload as { id: number }).id)).toEqual(webContents.sent.map((_, i) => i + 1))
    // A reverting call's code survives the relay (4100-style provider codes too).
    const res = await post(exposure.url, JSON.stringify({ jsonrpc: '2.0', id: 'x', method: 'eth_sendTransaction', params: [{ from: '0x000000000000000000000000000000000000dEaD', to: address }] }))
    const direct = await provider.request({ method: 'eth_sendTransaction', params: [{ from: '0x000000000000000000000000000000000000dEaD', to: address }] }).catch((e: { code: number; message: string }) => ({ code: e.code, message: e.message }))
    expect(res.json).toEqual({ jsonrpc: '2.0', id: 'x', error: direct })
    await exposure.close()
    expect(await isListening(port)).toBe(false)
    expect(relay.exposedPort()).toBeUndefined()
  })

  it('refuses a response from a foreign sender frame, and a malformed response', async () => {
    const { ipcMain, webContents, mainFrame, relay, trusted } = wire({ timeoutMs: 400 })
    hosts.push(relay)
    const exposed = (await ipcMain.invoke(trusted, IPC_CHANNELS.rpcExpose, { port: await freePort() })) as { url: string }
    const answer = post(exposed.url, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }))
    await new Promise((r) => setTimeout(r, 50))
    const { id } = webContents.sent[0]!.payload as { id: number }
    const foreign = [
      fakeInvokeEvent(webContents, fakeFrame({ url: 'https://evil.example/' })),
      fakeInvokeEvent(webContents, fakeFrame({ frameTreeNodeId: 9, parent: mainFrame })),
      fakeInvokeEvent(fakeWebContents(), fakeFrame()),
    ]
    for (const event of foreign) {
      await expect(ipcMain.invoke(event, IPC_CHANNELS.rpcRespond, { id, response: { result: '0x666' } })).rejects.toMatchObject({
        code: expect.stringMatching(/^ipc\.(foreign-sender|not-main-frame)$/),
      })
      await expect(ipcMain.invoke(event, IPC_CHANNELS.rpcExpose, { port: 9999 })).rejects.toMatchObject({ code: expect.stringMatching(/^ipc\./) })
    }
    for (const bad of [
      { id, response: { result: '0x1', extra: 1 } },
      { id, response: { error: { code: 'x', message: 'm' } } },
      { id, response: {} },
      { id: -1, response: { result: '0x1' } },
      { id: '1', response: { result: '0x1' } },
      { id, response: { result: '0x1' }, more: true },
    ]) {
      await expect(ipcMain.invoke(trusted, IPC_CHANNELS.rpcRespond, bad), JSON.stringify(bad)).rejects.toMatchObject({ code: 'ipc.invalid-payload' })
    }
    await expect(ipcMain.invoke(trusted, IPC_CHANNELS.rpcRespond, { id, response: { result: '0x1' } }, 'extra')).rejects.toMatchObject({ code: 'ipc.invalid-payload' })
    // None of the refused answers reached the client: the trusted one does.
    await ipcMain.invoke(trusted, IPC_CHANNELS.rpcRespond, { id, response: { result: '0x7a69' } })
    expect((await answer).json).toEqual({ jsonrpc: '2.0', id: 1, result: '0x7a69' })
  })

  it('a renderer that does not answer gives a JSON-RPC timeout error; closing fails what waits', async () => {
    const { ipcMain, relay, trusted } = wire({ timeoutMs: 250 })
    hosts.push(relay)
    const port = await freePort()
    const { url } = (await ipcMain.invoke(trusted, IPC_CHANNELS.rpcExpose, { port })) as { url: string }
    const t0 = Date.now()
    const res = await post(url, JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'eth_blockNumber' }))
    expect(Date.now() - t0).toBeGreaterThanOrEqual(230)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ id: 3, error: { code: -32603, data: { code: 'rpc-relay.timeout' } } })
    expect((res.json as { error: { message: string } }).error.message).toMatch(/did not answer eth_blockNumber within 0\.3 s/)
    // A late reply for it is ignored, not an error for the renderer.
    await expect(ipcMain.invoke(trusted, IPC_CHANNELS.rpcRespond, { id: 1, response: { result: '0x0' } })).resolves.toBeUndefined()
    // A request waiting when the port closes gets the "app is gone" error.
    const waiting = post(url, JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'eth_chainId' }))
    await new Promise((r) => setTimeout(r, 30))
    await ipcMain.invoke(trusted, IPC_CHANNELS.rpcClose)
    expect((await waiting).json).toMatchObject({ id: 4, error: { code: -32603, data: { code: 'rpc-relay.disconnected' } } })
    expect(await isListening(port)).toBe(false)
  })

  it('refuses ports that are taken or not allowed, in both languages; a new expose replaces the old port', async () => {
    const { bridge, ipcMain, relay, trusted } = wire()
    hosts.push(relay)
    const blocker = createNetServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const taken = (blocker.address() as AddressInfo).port
    try {
      const inUse = await exposeRpcOverIpc(bridge, { port: taken, provider }).catch((e: unknown) => e)
      expect(inUse).toBeInstanceOf(RpcRelayError)
      expect(inUse).toMatchObject({ code: 'rpc-relay.port-in-use' })
      expect((inUse as RpcRelayError).ko).toContain(`${taken}번 포트`)
    } finally {
      blocker.close()
    }
    for (const port of [80, 0, 70000, 8545.5]) {
      await expect(exposeRpcOverIpc(bridge, { port, provider }), String(port)).rejects.toMatchObject({ code: 'rpc-relay.port-invalid' })
      // Main checks too (the renderer is not trusted with the rule).
      await expect(ipcMain.invoke(trusted, IPC_CHANNELS.rpcExpose, { port }), String(port)).rejects.toMatchObject({
        code: Number.isInteger(port) ? 'rpc-relay.port-invalid' : 'ipc.invalid-payload',
      })
    }
    const first = await freePort()
    await exposeRpcOverIpc(bridge, { port: first, provider })
    const second = await freePort()
    const exposure = await exposeRpcOverIpc(bridge, { port: second, provider })
    expect(await isListening(first)).toBe(false)
    expect(await isListening(second)).toBe(true)
    await relay.close() // the window closed
    expect(await isListening(second)).toBe(false)
    await exposure.close()
  })

  it("ignores malformed requests from main and keeps the provider's error codes", async () => {
    const { bridge, relay, rendererListeners } = wire()
    hosts.push(relay)
    const seen: string[] = []
    const recording: RequestProvider = {
      request: async (args) => {
        seen.push(args.method)
        if (args.method === 'wallet_fail') throw Object.assign(new Error('User rejected the request.\nstack…'), { code: 4001, data: { reason: 'no' } })
        return provider.request(args as { method: string; params?: unknown[] })
      },
    }
    const exposure = await exposeRpcOverIpc(bridge, { port: await freePort(), provider: recording })
    for (const listener of rendererListeners.get(RPC_RELAY_REQUEST_CHANNEL) ?? []) {
      listener({ id: 1, method: 'eth_chainId', extra: true })
      listener('junk')
      listener({ id: -5, method: 'eth_chainId' })
    }
    await new Promise((r) => setTimeout(r, 20))
    expect(seen).toEqual([])
    const res = await post(exposure.url, JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'wallet_fail', params: [] }))
    expect(res.json).toEqual({ jsonrpc: '2.0', id: 9, error: { code: 4001, message: 'User rejected the request.', data: { reason: 'no' } } })
    await exposure.close()
    expect(rendererListeners.get(RPC_RELAY_REQUEST_CHANNEL)?.size).toBe(0)
  })

  it("main's relay server applies the JSON-RPC origin and Host policy and caps the body", async () => {
    const { bridge, relay } = wire()
    hosts.push(relay)
    const { url } = await exposeRpcOverIpc(bridge, { port: await freePort(), provider })
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' })
    expect((await post(url, body)).status).toBe(200)
    expect((await post(url, body, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await post(url, body, { origin: 'null' })).status).toBe(403)
    const ext = await post(url, body, { origin: 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn' })
    expect(ext.status).toBe(200)
    expect(ext.headers['access-control-allow-origin']).toBe('chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn')
    const pre = await post(url, '', { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' }, 'OPTIONS')
    expect(pre.status).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(pre.headers['access-control-allow-private-network']).toBe('true')
    expect((await post(url, body, { host: `evil.example:${new URL(url).port}` })).status).toBe(403)
    expect((await post(url, body, { host: `127.0.0.1:1` })).status).toBe(403)
    expect((await post(url, 'x'.repeat(5 * 1024 * 1024 + 1))).status).toBe(413)
    expect((await post(url, '{not json')).json).toMatchObject({ error: { code: -32700 } })
    expect((await post(url, '[]')).json).toMatchObject({ error: { code: -32600 } })
    expect((await post(url, JSON.stringify({ jsonrpc: '2.0', method: 'eth_chainId' }))).status).toBe(204)
    expect((await post(url, body, {}, 'PUT')).status).toBe(405)
    const subscribe = await post(url, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'eth_subscribe', params: ['newHeads'] }))
    expect(subscribe.json).toMatchObject({ id: 2, error: { code: -32004, data: { code: 'rpc-relay.subscriptions' } } })
  })

  it('prints the round-trip latency of eth_blockNumber through main (median of 50, fake in-process IPC)', async () => {
    const { bridge, relay } = wire()
    hosts.push(relay)
    const { url } = await exposeRpcOverIpc(bridge, { port: await freePort(), provider })
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber' })
    const samples: number[] = []
    for (let i = 0; i < 55; i++) {
      const t0 = performance.now()
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect(((await res.json()) as { result: string }).result).toBe('0x0')
      if (i >= 5) samples.push(performance.now() - t0)
    }
    const median = [...samples].sort((a, b) => a - b)[25]!
    console.log(`[rpc relay] desktop: eth_blockNumber round trip through main's relay server, median of 50 (IPC faked in-process, structured clone): ${median.toFixed(3)} ms`)
    expect(median).toBeLessThan(50)
  })
})
