/**
 * What the app's end-to-end tests do on a page of the web edition: open it collecting every
 * problem (page errors, console errors and warnings, failed requests, CSP violations), and use the
 * lesson player the way a learner does (wait for the editor, read it, paste into Monaco, grade).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

export interface Problems {
  pageErrors: string[]
  consoleErrors: string[]
  failedRequests: string[]
}

export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: Problems }> {
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

export async function expectClean(page: Page, problems: Problems): Promise<void> {
  const violations = await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)
  expect(violations, 'CSP violations').toEqual([])
  expect(problems.pageErrors, 'page errors').toEqual([])
  expect(problems.consoleErrors, 'console errors and warnings').toEqual([])
  expect(problems.failedRequests, 'failed requests').toEqual([])
}

export async function newContext(browser: Browser, options: { locale: string; colorScheme: 'light' | 'dark' }): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  await context.addInitScript(() => {
    // Runs in the page before its scripts: CSP violations and main-thread long tasks (> 50 ms).
    const g = globalThis as unknown as {
      __cspViolations: string[]
      __longTasks: number[]
      addEventListener: (t: string, f: (e: { violatedDirective: string; blockedURI: string }) => void) => void
      PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: unknown): void }
    }
    g.__cspViolations = []
    g.__longTasks = []
    g.addEventListener('securitypolicyviolation', (e) => g.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`))
    new g.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
  return context
}

/** Waits until the player has loaded the workspace into a ready editor; returns the ms it took. */
export async function editorReady(page: Page): Promise<number> {
  const started = Date.now()
  await page.locator('[data-testid="editor"][data-ready="true"]').waitFor()
  await page.getByTestId('grade').and(page.locator(':enabled')).waitFor()
  await page.locator('[data-testid="editor"] .view-lines').waitFor()
  return Date.now() - started
}

/** The visible text of the work editor (Monaco renders spaces as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  return ((await page.locator('[data-testid="editor"] .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ')
}

/**
 * Replaces the open file's text the way a learner pastes it: select all (real keys), then a paste
 * event carrying the text on Monaco's input (what Ctrl+V delivers), then back to the top.
 */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .view-lines').click()
  await page.keyboard.press('Control+A')
  await page.evaluate((pasted) => {
    // Runs in the page: the test's own types have no DOM, so name the APIs used.
    const g = globalThis as unknown as {
      document: { activeElement: { dispatchEvent(e: unknown): boolean } | null }
      DataTransfer: new () => { setData(type: string, value: string): void }
      ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown
    }
    const data = new g.DataTransfer()
    data.setData('text/plain', pasted)
    g.document.activeElement?.dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
  await page.keyboard.press('Control+Home')
}

/** Grades with the button, or with Ctrl+Enter in the editor; waits for this attempt's result. */
export async function grade(page: Page, how: 'button' | 'keys' = 'button'): Promise<{ ms: number; passed: boolean }> {
  const overall = page.getByTestId('grade-overall')
  const before = (await overall.count()) > 0 ? await overall.getAttribute('data-attempt') : null
  const started = Date.now()
  if (how === 'button') await page.getByTestId('grade').click()
  else {
    await page.locator('[data-testid="editor"] .view-lines').click()
    await page.keyboard.press('Control+Enter')
  }
  await page.waitForFunction(
    (previous) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document
      const error = doc.querySelector('[data-testid="grade-error"]')
      const attempt = doc.querySelector('[data-testid="grade-overall"]')?.getAttribute('data-attempt') ?? null
      return error !== null || (attempt !== null && attempt !== previous)
    },
    before,
    { timeout: 120_000 },
  )
  expect(await page.getByTestId('grade-error').count(), await page.getByTestId('grade-error').allTextContents().then((t) => t.join(' '))).toBe(0)
  return { ms: Date.now() - started, passed: (await overall.getAttribute('data-passed')) === 'true' }
}

/** The main thread's long tasks so far (ms each), and forgets them: measure one phase at a time. */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] }
    const tasks = g.__longTasks.map(Math.round)
    g.__longTasks = []
    return tasks
  })
}

/** The console's transcript (its screen-reader log region). */
export const consoleTranscript = (page: Page): Promise<string> => page.getByTestId('console-transcript').evaluate((el) => (el as unknown as { textContent: string }).textContent)

/** Types a line into the console and waits until the output after it matches `until`. */
export async function runConsole(page: Page, line: string, until: RegExp, timeout = 60_000): Promise<string> {
  const before = (await consoleTranscript(page)).length
  await page.getByTestId('console-terminal').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  let out = ''
  await expect
    .poll(
      async () => {
        out = (await consoleTranscript(page)).slice(before)
        return until.test(out)
      },
      { timeout, interval: 100 },
    )
    .toBe(true)
  return out
}
