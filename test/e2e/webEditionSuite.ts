/**
 * The setup every app e2e suite shares: the built web edition (rebuilt when the renderer,
 * app/shared, the pack, the runtime or the sandbox — all bundled into the page and its workers —
 * changed since dist/web/index.html was written, or the workers' assets are missing), served by the real `playground web` server with the product CSP, and one Chromium.
 * Registers its own beforeAll/afterAll; the getters are valid inside tests.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { WebServer } from '../../app/cli/web/staticServer.ts'
import { startWebServer } from '../../app/cli/web/staticServer.ts'
import { CHROMIUM, CHROMIUM_ARGS } from './browserHarness.ts'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const WEB_ROOT = path.join(REPO_ROOT, 'dist', 'web')

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

/** Builds dist/web when it is missing, older than its sources, or without the workers' assets. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_ROOT, 'index.html')
  const sources = Math.max(...['app/renderer', 'app/shared', 'courses', 'runtime', 'sandbox'].map((dir) => newest(path.join(REPO_ROOT, dir))))
  const complete = ['solc/compilerWorker.js', 'isolate/manifest.json', 'lessons'].every((p) => existsSync(path.join(WEB_ROOT, p)))
  if (complete && existsSync(index) && statSync(index).mtimeMs >= sources) return
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'app/renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' })
}

/**
 * @example
 * const suite = webEditionSuite({ shots: 'player' })
 * it('…', async () => { const context = await newContext(suite.browser(), …); await page.goto(suite.server().url) })
 */
export function webEditionSuite(options: { shots?: string } = {}): { server(): WebServer; browser(): Browser; shots: string } {
  const shots = path.join(REPO_ROOT, 'test-results', options.shots ?? 'web')
  let server: WebServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PLAYGROUND_CHROMIUM.`)
    ensureWebBuilt()
    mkdirSync(shots, { recursive: true })
    server = await startWebServer({ root: WEB_ROOT, port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (use it inside a test)`)
    return value
  }
  return { server: () => need(server, 'the web server'), browser: () => need(browser, 'Chromium'), shots }
}
