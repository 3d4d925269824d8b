/**
 * The browser host in Chromium under the product CSP: real IndexedDB, real lightning-fs (with
 * navigator.locks), isomorphic-git — start a workspace, autosave, commit an attempt, history,
 * diff; then RELOAD the page and find the typed text, the history and the progress still there;
 * restore and reset to starter. Any page error, console error or CSP violation fails the test.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS, PRODUCT_CSP, bundleWorker } from './browserHarness.ts'

let server: { url: string; close(): void }

beforeAll(async () => {
  const script = await bundleWorker(new URL('./fixtures/browserHostPage.ts', import.meta.url), 'esm')
  const files: Record<string, string> = {
    '/index.html': '<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><script type="module" src="/host.js"></script>',
    '/host.js': script,
  }
  const http = createServer((req, res) => {
    const body = files[req.url ?? '']
    if (body === undefined) {
      res.writeHead(404, { 'content-security-policy': PRODUCT_CSP }).end()
      return
    }
    res.writeHead(200, { 'content-type': req.url!.endsWith('.js') ? 'text/javascript' : 'text/html', 'content-security-policy': PRODUCT_CSP })
    res.end(body)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  server = { url: `http://127.0.0.1:${port}`, close: () => http.close() }
})
afterAll(() => server?.close())

describe('the browser host in Chromium', () => {
  it('init → autosave → attempt → history → diff, reload, then everything is still there; restore; reset', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`)
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const problems: string[] = []
    try {
      const page = await browser.newPage()
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`)
      })
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`))
      await page.goto(`${server.url}/index.html`)
      await page.waitForFunction(() => (globalThis as { hostReady?: boolean }).hostReady === true)
      type Steps = { start(): Promise<unknown>; afterReload(oid: string): Promise<unknown> }
      const first = (await page.evaluate(() => (globalThis as unknown as { hostSteps: Steps }).hostSteps.start())) as {
        created: boolean
        startOid: string
        history: string[]
        diff: unknown[]
      }
      expect(first.created).toBe(true)
      expect(first.history).toEqual(['attempt 1: 1/2 checks', 'start: hello-chain'])
      expect(first.diff).toEqual([{ path: 'Hello.sol', change: 'modified', binary: false, patch: '@@ -1,2 +1,3 @@\n contract Hello {\n+  uint x;\n }\n' }])

      // Reload at once: no time for lightning-fs's debounced save.
      await page.reload()
      await page.waitForFunction(() => (globalThis as { hostReady?: boolean }).hostReady === true)
      const second = await page.evaluate((oid) => (globalThis as unknown as { hostSteps: Steps }).hostSteps.afterReload(oid), first.startOid)
      mkdirSync('test-results/host', { recursive: true })
      await page.screenshot({ path: 'test-results/host/browserHost.png' })
      expect(second).toEqual({
        files: { 'Hello.sol': 'typed just before the reload\n', 'test/notes.md': '# notes\n' },
        history: ['attempt 1: 1/2 checks', 'start: hello-chain'],
        progress: '{"attempts":1}',
        restoreMessage: `restore ${first.startOid.slice(0, 7)}`,
        restored: { 'Hello.sol': 'contract Hello {\n}\n', 'test/notes.md': '# notes\n' },
        savedText: 'typed just before the reload\n',
        reset: 'reset to starter',
        finalFiles: { 'Hello.sol': 'starter\n' },
      })
    } finally {
      await browser.close()
    }
    expect(problems).toEqual([])
  })
})
