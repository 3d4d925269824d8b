/**
 * The web edition in Chromium, under the product CSP served as an HTTP header by the real
 * `playground web` server: first interactive (printed, not asserted), English and Korean,
 * a lesson's README, reload keeping the place, the theme switch; any page error, console error,
 * failed request or CSP violation fails the test. Screenshots go to test-results/web/.
 *
 * Builds dist/web first when it is missing or older than the renderer's sources or the pack.
 * Needs Debian's Chromium (or PLAYGROUND_CHROMIUM).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectClean, newContext, openPage } from './appPage.ts'
import { PRODUCT_CSP } from './browserHarness.ts'
import { REPO_ROOT, webEditionSuite } from './webEditionSuite.ts'

const suite = webEditionSuite({ shots: 'web' })
const HANGUL = /[\uac00-\ud7a3]/
const FIRST_LESSON = 'hash-functions'
const README_HEADING = {
  ko: readFileSync(path.join(REPO_ROOT, 'courses/tracks/beginner/01-hash-functions/README.ko.md'), 'utf8').split('\n')[0]!.replace(/^#\s+/, ''),
  en: readFileSync(path.join(REPO_ROOT, 'courses/tracks/beginner/01-hash-functions/README.en.md'), 'utf8').split('\n')[0]!.replace(/^#\s+/, ''),
}

/** The computed background colour of <html>. */
function pageBackground(page: Page): Promise<string> {
  return page.locator('html').evaluate((el) => {
    // Runs in the page: the test's own types have no DOM, so name the API used.
    const view = (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } })
    return view.getComputedStyle(el).backgroundColor
  })
}

describe('web edition in Chromium', () => {
  it('opens, switches to Korean, shows a lesson, keeps it on reload, and switches theme', async () => {
    const context = await newContext(suite.browser(), { locale: 'en-US', colorScheme: 'light' })
    const { page, problems } = await openPage(context)

    const started = Date.now()
    const response = await page.goto(suite.server().url)
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
    await page.screenshot({ path: path.join(suite.shots, 'home-en.png') })

    // Korean.
    await page.getByTestId('lang-ko').click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.getByTestId('track-beginner').locator('h2').textContent()).toBe('입문')
    expect(await page.getByTestId('track-developer').locator('h2').textContent()).toBe('개발')
    const titles = await page.locator('.lesson-title').allTextContents()
    expect(titles.length).toBeGreaterThanOrEqual(18)
    for (const title of titles) expect(title).toMatch(HANGUL)
    expect(await page.getByTestId('lang-ko').getAttribute('aria-pressed')).toBe('true')
    await page.screenshot({ path: path.join(suite.shots, 'home-ko.png') })

    // The first beginner lesson.
    await firstLesson.click()
    await page.getByTestId('lesson').waitFor()
    expect(new URL(page.url()).hash).toBe(`#/lesson/${FIRST_LESSON}`)
    expect(await page.getByTestId('lesson-title').textContent()).toBe('해시 함수와 눈사태 효과')
    expect(await page.getByTestId('readme').locator('h1').first().textContent()).toBe(README_HEADING.ko)
    expect(await page.getByTestId('readme').locator('h2').count()).toBeGreaterThanOrEqual(3)
    expect(await page.getByTestId('readme').locator('li').count()).toBeGreaterThanOrEqual(3)
    expect(await page.getByTestId('cli-note').textContent()).toMatch(HANGUL)
    await page.screenshot({ path: path.join(suite.shots, 'lesson-ko.png') })

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
    await page.screenshot({ path: path.join(suite.shots, 'dark.png') })

    await expectClean(page, problems)
    await context.close()
  })

  it('defaults to Korean and the dark theme for a Korean browser that prefers dark', async () => {
    const context = await newContext(suite.browser(), { locale: 'ko-KR', colorScheme: 'dark' })
    const { page, problems } = await openPage(context)
    await page.goto(`${suite.server().url}#/lesson/${FIRST_LESSON}`)
    await page.getByTestId('lesson').waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark')
    expect(await page.getByTestId('readme').locator('h1').first().textContent()).toBe(README_HEADING.ko)
    // A README with a table (rendered as elements: no HTML from the pack).
    await page.goto(`${suite.server().url}#/lesson/block-mining`)
    await expect.poll(() => page.getByTestId('readme').locator('table').count()).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId('readme').locator('th').first().textContent()).toBe('필드')
    await page.getByTestId('readme').locator('table').first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(suite.shots, 'lesson-table-dark-ko.png') })
    await page.goto(`${suite.server().url}#/lesson/no-such-lesson`)
    await page.getByTestId('not-found').waitFor()
    await expectClean(page, problems)
    await context.close()
  })
})
