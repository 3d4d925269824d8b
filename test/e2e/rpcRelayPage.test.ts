/**
 * The web edition's `exposeRpc` in Chromium: a page served by the real `playground web` server
 * (startWebServer: the product CSP on every response, the relay WebSocket) runs a dev node in a
 * module worker and calls `exposeRpcOverWebSocket`; viem in Node then reads and writes the chain
 * through 127.0.0.1:port. No page error, console error or CSP violation is allowed (the WebSocket
 * must pass `connect-src 'self'`).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { createPublicClient, createWalletClient, http, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebServer } from '../../app/cli/web/staticServer.ts'
import { PRODUCT_CSP as SERVED_CSP, startWebServer } from '../../app/cli/web/staticServer.ts'
import { deriveDevAccounts } from '../../runtime/exec/evm/devAccounts.ts'
import { CHROMIUM, CHROMIUM_ARGS, PRODUCT_CSP, bundleWorker } from './browserHarness.ts'
import { freePort, isListening } from '../localPorts.ts'

const SHOTS = join(process.cwd(), 'test-results', 'rpc-relay')

type Outcome = { url?: string; error?: { code: string; ko: string; en: string } }
const expose = (page: Page, port: number) => page.evaluate((p) => (globalThis as unknown as { relayTest: { expose(p: number): Promise<Outcome> } }).relayTest.expose(p), port)
const closeExposure = (page: Page) => page.evaluate(() => (globalThis as unknown as { relayTest: { close(): Promise<void> } }).relayTest.close())
const violations = (page: Page) => page.evaluate(() => (globalThis as unknown as { relayTest: { violations(): string[] } }).relayTest.violations())

describe('exposeRpcOverWebSocket in Chromium under the product CSP', () => {
  let web: WebServer
  let browser: Browser
  let page: Page
  const problems: string[] = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PLAYGROUND_CHROMIUM.`)
    expect(SERVED_CSP).toBe(PRODUCT_CSP)
    const root = mkdtempSync(join(tmpdir(), 'relay-e2e-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>relay</title><link rel="icon" href="data:,"><body><script type="module" src="/rpcRelayPage.js"></script></body>')
    writeFileSync(join(root, 'rpcRelayPage.js'), await bundleWorker(new URL('./fixtures/rpcRelayPage.ts', import.meta.url), 'esm'))
    writeFileSync(join(root, 'rpcRelayWorker.js'), await bundleWorker(new URL('./fixtures/rpcRelayWorker.ts', import.meta.url), 'esm'))
    web = await startWebServer({ root, port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage()
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`)
    })
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`))
    const response = await page.goto(`${web.url}index.html`)
    expect(response?.headers()['content-security-policy']).toBe(PRODUCT_CSP)
    await page.waitForFunction(() => 'relayTest' in globalThis)
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await web?.close()
  })

  it('viem in Node reads and writes the chain that runs in the page worker', async () => {
    const port = await freePort()
    const outcome = await expose(page, port)
    expect(outcome).toEqual({ url: `http://127.0.0.1:${port}` })
    const url = outcome.url!
    const client = createPublicClient({ chain: hardhat, transport: http(url), cacheTime: 0, pollingInterval: 50 })
    expect(await client.getChainId()).toBe(31337)
    expect(await client.getBlockNumber()).toBe(0n)

    const [from, to] = deriveDevAccounts({ count: 2 })
    const account = privateKeyToAccount(from!.privateKeyHex as `0x${string}`)
    const wallet = createWalletClient({ account, chain: hardhat, transport: http(url) })
    const hash = await wallet.sendTransaction({ to: to!.address as `0x${string}`, value: parseEther('2') })
    const receipt = await client.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(await client.getBlockNumber()).toBe(1n)
    expect(await client.getBalance({ address: to!.address as `0x${string}` })).toBe(10_002n * 10n ** 18n)

    // Round trip Node → web server → WebSocket → page → worker → back.
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber' })
    const samples: number[] = []
    for (let i = 0; i < 55; i++) {
      const t0 = performance.now()
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect(((await res.json()) as { result: string }).result).toBe('0x1')
      if (i >= 5) samples.push(performance.now() - t0)
    }
    const median = [...samples].sort((a, b) => a - b)[25]!
    console.log(`[rpc relay] Chromium: eth_blockNumber round trip (Node → server → WebSocket → page → module worker → back), median of 50: ${median.toFixed(3)} ms`)

    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'exposed.png') })

    await closeExposure(page)
    expect(await isListening(port)).toBe(false)
    expect(await violations(page)).toEqual([])
    expect(problems).toEqual([])
  })

  it('a taken port is refused with a bilingual message, and a reload frees the port', async () => {
    const blocker = createNetServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const taken = (blocker.address() as AddressInfo).port
    try {
      const refused = await expose(page, taken)
      expect(refused.error?.code).toBe('rpc-relay.port-in-use')
      expect(refused.error?.ko).toContain(`${taken}번 포트`)
      expect((await expose(page, 80)).error?.code).toBe('rpc-relay.port-invalid')
    } finally {
      blocker.close()
    }
    const port = await freePort()
    expect((await expose(page, port)).url).toBe(`http://127.0.0.1:${port}`)
    expect(await isListening(port)).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'refused-then-exposed.png') })
    expect(await violations(page)).toEqual([])
    await page.reload()
    await page.waitForFunction(() => 'relayTest' in globalThis)
    const end = Date.now() + 5000
    while ((await isListening(port)) && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
    expect(await isListening(port)).toBe(false)
    expect(problems).toEqual([])
  })

  it("the CSP watch is not blind: a WebSocket to another port is refused by connect-src 'self'", async () => {
    const other = await freePort()
    await page.evaluate((port) => {
      try {
        new (globalThis as unknown as { WebSocket: new (url: string) => unknown }).WebSocket(`ws://127.0.0.1:${port}/`)
      } catch {
        // Chromium throws SecurityError and reports the violation
      }
    }, other)
    await new Promise((r) => setTimeout(r, 100))
    expect((await violations(page)).some((v) => v.startsWith(`connect-src ws://127.0.0.1:${other}`))).toBe(true)
  })
})
