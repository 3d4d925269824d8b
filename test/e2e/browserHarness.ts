/**
 * What the browser tests share: Debian's Chromium with the flags that work on these machines, a
 * local server that sends the product's CSP (DESIGN.md, Security) with every file, a worker bundle
 * built by esbuild, and one round trip to a Web Worker started by the page.
 */
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.PLAYGROUND_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']
export const PRODUCT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"

/** Bundles a worker entry (a file URL) for the browser. */
export async function bundleWorker(entry: URL, format: 'esm' | 'iife'): Promise<string> {
  const out = await build({ entryPoints: [fileURLToPath(entry)], bundle: true, format, platform: 'browser', target: 'es2022', write: false })
  return out.outputFiles[0]!.text
}

/** Serves `files` (path → body) on 127.0.0.1 under the product CSP; `/index.html` is added. */
export async function serveWithCsp(files: Record<string, string | Buffer>): Promise<{ url: string; close(): void }> {
  const all: Record<string, string | Buffer> = { '/index.html': '<!doctype html><meta charset="utf-8"><title>test</title>', ...files }
  const server = createServer((req, res) => {
    const body = all[req.url ?? '']
    if (body === undefined) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': req.url!.endsWith('.js') ? 'text/javascript' : 'text/html', 'content-security-policy': PRODUCT_CSP })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() }
}

/** Opens `${url}/index.html` in Chromium, runs `use`, closes the browser; page errors fail it. */
export async function withChromiumPage<T>(url: string, use: (page: Page) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PLAYGROUND_CHROMIUM.`)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(`${url}/index.html`)
    const result = await use(page)
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`)
    return result
  } finally {
    await browser.close()
  }
}

/** Starts a Worker from the page, posts `data`, resolves with its first reply. */
export function askWorker<R>(page: Page, worker: { url: string; module: boolean }, data: unknown): Promise<R> {
  return page.evaluate(
    ({ worker, data }) =>
      new Promise<R>((resolve) => {
        // Runs in the page: the test's own types have no DOM, so name the Worker API used.
        type PageWorker = { onmessage: (e: { data: R }) => void; onerror: (e: { message: string }) => void; postMessage: (d: unknown) => void }
        const Ctor = (globalThis as unknown as { Worker: new (url: string, options?: { type: 'module' }) => PageWorker }).Worker
        // A classic worker can importScripts (soljson); a module worker can import.
        const w = worker.module ? new Ctor(worker.url, { type: 'module' }) : new Ctor(worker.url)
        w.onmessage = (e) => resolve(e.data)
        w.onerror = (e) => resolve({ ok: false, error: e.message } as R)
        w.postMessage(data)
      }),
    { worker, data },
  )
}
