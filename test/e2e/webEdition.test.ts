/**
 * The web edition in Chromium, under the product CSP served as an HTTP header by the real
 * `playground web` server: first interactive (printed, not asserted), English and Korean,
 * a lesson's README, reload keeping the place, the theme switch; any page error, console error,
 * failed request or CSP violation fails the test. Screenshots go to test-results/web/.
 *
 * Builds dist/web first when it is missing or older than the renderer's sources or the pack.
 * Needs Debian's Chromium (or PLAYGROUND_CHROMIUM).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebServer } from '../../app/cli/web/staticServer.ts'
import { startWebServer } from '../../app/cli/web/staticServer.ts'
import { CHROMIUM, CHROMIUM_ARGS, PRODUCT_CSP } from './browserHarness.ts'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const WEB_ROOT = path.join(repoRoot, 'dist', 'web')
const SHOTS = path.join(repoRoot, 'test-results', 'web')
const HANGUL = /[\uac00-\ud7a3]/
const FIRST_LESSON = 'hash-functions'
const README_HEADING = {
  ko: readFileSync(path.join(repoRoot, 'courses/tracks/beginner/01-hash-functions/README.ko.md'), 'utf8').split('\n')[0]!.replace(/^#\s+/, ''),
  en: readFileSync(path.join(repoRoot, 'courses/tracks/beginner/01-hash-functions/README.en.md'), 'utf8').split('\n')[0]!.replace(/^#\s+/, ''),
}

/** The newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.name === 'node_modules') continue
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

function buildIfStale(): void {
  const index = path.join(WEB_ROOT, 'index.html')
  const sources = Math.max(newest(path.join(repoRoot, 'app', 'renderer')), newest(path.join(repoRoot, 'courses')))
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  const started = Date.now()
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'app/renderer/vite.config.ts'], { cwd: repoRoot, stdio: 'inherit' })
  console.log(`web edition built in ${Date.now() - started} ms`)
}

/** Everything that must not happen on the page, collected per page. */
interface Problems {
  pageErrors: string[]
  consoleErrors: string[]
  failedRequests: string[]
}

async function openPage(context: BrowserContext): Promise<{ page: Page; problems: Problems }> {
  const page = await context.newPage()
  const problems: Problems = { pageErrors: [], consoleErrors: [], failedRequests: [] }
  // The stack too: a page error seen only under CI load must be traceable from the log.
  page.on('pageerror', (e) => problems.pageErrors.push(e.stack ?? e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.consoleErrors.push(`${m.type()}: ${m.text()}`)
  })
  page.on('requestfailed', (r) => {
    // A reload cancels what the page was still loading lazily (Monaco's editor worker, a chunk):
    // net::ERR_ABORTED is that cancellation, not a failure of the app. Anything else counts.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return
    problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()}: ${r.status()}`)
  })
  return { page, problems }
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)
}

function expectClean(problems: Problems, violations: string[]): void {
  expect(violations, 'CSP violations').toEqual([])
  expect(problems.pageErrors, 'page errors').toEqual([])
  expect(problems.consoleErrors, 'console errors and warnings').toEqual([])
  expect(problems.failedRequests, 'failed requests').toEqual([])
}

/** The computed background colour of <html>. */
function pageBackground(page: Page): Promise<string> {
  return page.locator('html').evaluate((el) => {
    // Runs in the page: the test's own types have no DOM, so name the API used.
    const view = (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } })
    return view.getComputedStyle(el).backgroundColor
  })
}

let server: WebServer
let browser: Browser

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PLAYGROUND_CHROMIUM.`)
  buildIfStale()
  mkdirSync(SHOTS, { recursive: true })
  server = await startWebServer({ root: WEB_ROOT, port: 0 })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function newContext(options: { locale: string; colorScheme: 'light' | 'dark' }): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
  // Runs before the page's own scripts: records every CSP violation the page reports.
  await context.addInitScript(() => {
    const g = globalThis as unknown as { __cspViolations: string[]; addEventListener: (t: string, f: (e: { violatedDirective: string; blockedURI: string }) => void) => void }
    g.__cspViolations = []
    g.addEventListener('securitypolicyviolation', (e) => g.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  return context
}

describe('web edition in Chromium', () => {
  it('opens, switches to Korean, shows a lesson, keeps it on reload, and switches theme', async () => {
    const context = await newContext({ locale: 'en-US', colorScheme: 'light' })
    const { page, problems } = await openPage(context)

    const started = Date.now()
    const response = await page.goto(server.url)
    expect(response?.headers()['content-security-policy']).toBe(PRODUCT_CSP)
    const firstLesson = page.getByTestId(`lesson-${FIRST_LESSON}`)
    await firstLesson.waitFor({ state: 'visible' })
    await firstLesson.click({ trial: true }) // actionable: visible, stable, enabled, receives events
    const wallMs = Date.now() - started
    const navigationMs = await page.evaluate(() => Math.round(performance.now()))
    console.log(`web edition first interactive (track list rendered, lesson link clickable): ${navigationMs} ms after navigation start (${wallMs} ms wall, from goto)`)

    // English by default for an English browser.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.getByTestId('track-beginner').locator('h2').textContent()).toBe('Beginner')
    expect(await page.getByTestId('track-developer').locator('h2').textContent()).toBe('Developer')
    expect(await page.getByTestId('track-beginner').locator('.lesson-link').count()).toBeGreaterThanOrEqual(12)
    expect(await firstLesson.locator('.lesson-title').textContent()).toBe('Hash functions and the avalanche effect')
    expect(await page.getAttribute('html', 'data-theme')).toBe('light')
    await page.screenshot({ path: path.join(SHOTS, 'home-en.png') })

    // Korean.
    await page.getByTestId('lang-ko').click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.getByTestId('track-beginner').locator('h2').textContent()).toBe('입문')
    expect(await page.getByTestId('track-developer').locator('h2').textContent()).toBe('개발')
    const titles = await page.locator('.lesson-title').allTextContents()
    expect(titles.length).toBeGreaterThanOrEqual(18)
    for (const title of titles) expect(title).toMatch(HANGUL)
    expect(await page.getByTestId('lang-ko').getAttribute('aria-pressed')).toBe('true')
    await page.screenshot({ path: path.join(SHOTS, 'home-ko.png') })

    // The first beginner lesson.
    await firstLesson.click()
    await page.getByTestId('lesson').waitFor()
    expect(new URL(page.url()).hash).toBe(`#/lesson/${FIRST_LESSON}`)
    expect(await page.getByTestId('lesson-title').textContent()).toBe('해시 함수와 눈사태 효과')
    expect(await page.getByTestId('readme').locator('h1').first().textContent()).toBe(README_HEADING.ko)
    expect(await page.getByTestId('readme').locator('h2').count()).toBeGreaterThanOrEqual(3)
    expect(await page.getByTestId('readme').locator('li').count()).toBeGreaterThanOrEqual(3)
    expect(await page.getByTestId('cli-note').textContent()).toMatch(HANGUL)
    await page.screenshot({ path: path.join(SHOTS, 'lesson-ko.png') })

    // Reload keeps the lesson and the language (after the lesson's editor has loaded: a reload
    // while its chunk is still downloading would abort that request).
    await page.locator('[data-testid="editor"][data-ready="true"]').waitFor()
    await page.reload()
    await page.getByTestId('lesson').waitFor()
    expect(await page.getByTestId('readme').locator('h1').first().textContent()).toBe(README_HEADING.ko)
    expect(await page.getAttribute('html', 'lang')).toBe('ko')

    // Switching language on the lesson page changes the README.
    await page.getByTestId('lang-en').click()
    await expect.poll(() => page.getByTestId('readme').locator('h1').first().textContent()).toBe(README_HEADING.en)
    await page.getByTestId('lang-ko').click()

    // Dark theme, remembered across a reload.
    const lightBg = await pageBackground(page)
    await page.getByTestId('theme-toggle').click()
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('dark')
    const darkBg = await pageBackground(page)
    expect(darkBg).not.toBe(lightBg)
    await page.locator('[data-testid="editor"][data-ready="true"]').waitFor()
    await page.reload()
    await page.getByTestId('lesson').waitFor()
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark')

    // Back home, in the dark theme.
    await page.getByTestId('back').click()
    await page.getByTestId('home').waitFor()
    expect(new URL(page.url()).hash).toBe('#/')
    await page.screenshot({ path: path.join(SHOTS, 'dark.png') })

    expectClean(problems, await cspViolations(page))
    await context.close()
  })

  it('defaults to Korean and the dark theme for a Korean browser that prefers dark', async () => {
    const context = await newContext({ locale: 'ko-KR', colorScheme: 'dark' })
    const { page, problems } = await openPage(context)
    await page.goto(`${server.url}#/lesson/${FIRST_LESSON}`)
    await page.getByTestId('lesson').waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark')
    expect(await page.getByTestId('readme').locator('h1').first().textContent()).toBe(README_HEADING.ko)
    // A README with a table (rendered as elements: no HTML from the pack).
    await page.goto(`${server.url}#/lesson/block-mining`)
    await expect.poll(() => page.getByTestId('readme').locator('table').count()).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId('readme').locator('th').first().textContent()).toBe('필드')
    await page.getByTestId('readme').locator('table').first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'lesson-table-dark-ko.png') })
    await page.goto(`${server.url}#/lesson/no-such-lesson`)
    await page.getByTestId('not-found').waitFor()
    expectClean(problems, await cspViolations(page))
    await context.close()
  })
})
