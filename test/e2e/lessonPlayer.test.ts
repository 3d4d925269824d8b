/**
 * The lesson player in the Vite-built web edition (Chromium, the product CSP from the real
 * `playground web` server): a new user switches to Korean, opens the first beginner lesson
 * (hash-functions, a TypeScript starter), grades the starter (fails, with a Korean message),
 * types the solution into Monaco, grades again (passes), reveals a hint, reloads and finds the
 * work intact, resets to the starter; the home page then shows the progress; a Solidity lesson
 * (first-contract) gets a solc marker after an error is typed. Prints first interactive, time to
 * editor ready and grading times. Any page error, console error, failed request or CSP violation
 * fails it. Screenshots: test-results/player/.

 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { editorReady, editorText, expectClean, grade, newContext, openPage, replaceEditorText } from './appPage.ts'
import { PRODUCT_CSP } from './browserHarness.ts'
import { REPO_ROOT, webEditionSuite } from './webEditionSuite.ts'

const HANGUL = /[\uac00-\ud7a3]/
const LESSON = 'hash-functions'
const LESSON_DIR = path.join(REPO_ROOT, 'courses/tracks/beginner/01-hash-functions')
const SOLUTION = readFileSync(path.join(LESSON_DIR, 'solution/hashing.ts'), 'utf8')
const MARK = '// 내 작업: 새로 고쳐도 남아 있어야 합니다'

const suite = webEditionSuite({ shots: 'player' })

describe('lesson player in Chromium', () => {
  it('opens a lesson in Korean, autosaves what is typed, keeps it over a reload, hints, resets, and shows progress at home', async () => {
    const context = await newContext(suite.browser(), { locale: 'en-US', colorScheme: 'light' })
    const { page, problems } = await openPage(context)
    const response = await page.goto(suite.server().url)
    expect(response?.headers()['content-security-policy']).toBe(PRODUCT_CSP)
    const link = page.getByTestId(`lesson-${LESSON}`)
    await link.waitFor({ state: 'visible' })
    await link.click({ trial: true })
    const firstInteractive = await page.evaluate(() => Math.round(performance.now()))
    console.log(`first interactive (home): ${firstInteractive} ms after navigation start`)
    expect(await link.getAttribute('data-state')).toBe('not-started')
    expect(await page.getByTestId('continue').count()).toBe(0)

    await page.getByTestId('lang-ko').click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ko')
    await link.click()
    const readyMs = await editorReady(page)
    const editorModuleMs = Number(await page.getAttribute('html', 'data-editor-ready-ms'))
    console.log(`time to editor ready (click → workspace loaded in Monaco): ${readyMs} ms (Monaco import + create: ${editorModuleMs} ms)`)
    expect(await page.getByTestId(`tab-hashing.ts`).getAttribute('aria-selected')).toBe('true')
    expect(await editorText(page)).toContain("import { keccak256, sha256 } from 'playground'")
    expect(await page.getByTestId('solution-locked').textContent()).toMatch(HANGUL)
    expect(await page.getByTestId('solution').isDisabled()).toBe(true)
    await page.screenshot({ path: path.join(suite.shots, 'lesson-ko-light.png') })

    // The starter fails, with a Korean message.
    const first = await grade(page)
    console.log(`grading the starter: ${first.ms} ms`)
    expect(first.passed).toBe(false)
    const failed = page.locator('[data-testid^="check-"][data-status="fail"]')
    expect(await failed.count()).toBeGreaterThan(0)
    expect(await failed.first().getByTestId('check-message').textContent()).toMatch(HANGUL)
    await page.screenshot({ path: path.join(suite.shots, 'graded-starter-ko.png') })

    // Type the solution (with a marker line on top) into Monaco.
    await replaceEditorText(page, `${MARK}\n${SOLUTION}`)
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved')
    expect(await editorText(page)).toContain(MARK)
    const second = await grade(page, 'keys')
    console.log(`grading the solution: ${second.ms} ms`)
    expect(second.passed).toBe(true)
    await page.getByTestId('passed-banner').waitFor()
    expect(await page.getByTestId('next-lesson').getAttribute('href')).toBe('#/lesson/block-mining')
    expect(await page.getByTestId('solution').isDisabled()).toBe(false)
    await page.screenshot({ path: path.join(suite.shots, 'passed-ko.png') })

    // A hint: revealed, recorded, still shown after a reload.
    await page.getByTestId('reveal-hint').click()
    await page.getByTestId('hint-1').waitFor()
    expect(await page.getByTestId('hint-1').textContent()).toMatch(HANGUL)

    // Reload: the typed text and the hint are still there.
    await page.reload()
    await editorReady(page)
    expect(await editorText(page)).toContain(MARK)
    await page.getByTestId('hint-1').waitFor()
    expect(await page.getByTestId('hint-2').count()).toBe(0)
    // The last attempt's checks are shown again, marked as the result from before the reload.
    await page.getByTestId('restored-result').waitFor()
    expect(await page.getByTestId('restored-result').textContent()).toMatch(HANGUL)
    expect(await page.getByTestId('grade-overall').getAttribute('data-attempt')).toBe('2')
    expect(await page.getByTestId('grade-overall').getAttribute('data-passed')).toBe('true')
    expect(await page.getByTestId('previous-attempts').textContent()).toMatch(/2번 시도, 최고 100%/)

    // The solution, when unlocked, opens read-only beside the work without changing it.
    await page.getByTestId('solution').click()
    await page.locator('[data-testid="solution-editor"][data-ready="true"]').waitFor()
    await page.locator('[data-testid="solution-editor"] .view-lines').waitFor()
    expect(await editorText(page)).toContain(MARK)
    await page.getByTestId('solution-panel').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(suite.shots, 'solution-ko.png') })
    await page.getByTestId('solution').click()

    // Dark theme in the player.
    await page.getByTestId('theme-toggle').click()
    await expect.poll(() => page.locator('[data-testid="editor"] .monaco-editor').getAttribute('class')).toContain('vs-dark')
    await page.screenshot({ path: path.join(suite.shots, 'lesson-ko-dark.png') })

    // Reset to the starter (confirmed), the old work kept in history.
    await page.getByTestId('reset').click()
    await page.getByTestId('reset-dialog').waitFor()
    await page.getByTestId('reset-confirm').click()
    await page.getByTestId('reset-done').waitFor()
    await expect.poll(() => editorText(page)).not.toContain(MARK)
    expect(await editorText(page)).toContain("import { keccak256, sha256 } from 'playground'")
    await page.reload()
    await editorReady(page)
    expect(await editorText(page)).not.toContain(MARK)

    // Home: the lesson's state, the track bar, "continue".
    await page.getByTestId('back').click()
    await page.getByTestId('home').waitFor()
    await page.getByTestId('continue').waitFor()
    expect(await page.getByTestId('continue').getAttribute('href')).toBe(`#/lesson/${LESSON}`)
    expect(await page.getByTestId('continue').textContent()).toMatch(HANGUL)
    const state = await link.getAttribute('data-state')
    expect(state).toBe('passed')
    expect(await page.getByTestId('track-progress-beginner').getAttribute('data-passed')).toBe('1')
    await page.screenshot({ path: path.join(suite.shots, 'home-progress-ko-dark.png') })
    await page.getByTestId('theme-toggle').click()
    await page.screenshot({ path: path.join(suite.shots, 'home-progress-ko-light.png') })

    await expectClean(page, problems)
    await context.close()
  })

  it('marks a Solidity error while typing (first-contract)', async () => {
    const context = await newContext(suite.browser(), { locale: 'en-US', colorScheme: 'dark' })
    const { page, problems } = await openPage(context)
    await page.goto(`${suite.server().url}#/lesson/first-contract`)
    await editorReady(page)
    await page.locator('[data-testid="editor"] .view-lines').click()
    // Line 2 is `pragma solidity ^0.8.20;`: words after it are a syntax error (line 1 is a comment).
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.type(' this is not solidity')
    const started = Date.now()
    await page.locator('[data-testid="editor"] .squiggly-error').first().waitFor({ timeout: 60_000 })
    console.log(`solc marker shown ${Date.now() - started} ms after the last keystroke`)
    expect(await page.getByTestId('diagnostics-state').getAttribute('data-kind')).toBe('done')
    expect(await page.getByTestId('diagnostics-state').textContent()).toMatch(/1 error/)
    await page.screenshot({ path: path.join(suite.shots, 'solidity-marker-en-dark.png') })
    // Fixing it clears the marker (the newest compile wins).
    for (let i = 0; i < ' this is not solidity'.length; i++) await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('[data-testid="editor"] .squiggly-error').count(), { timeout: 30_000 }).toBe(0)
    expect(await page.getByTestId('diagnostics-state').getAttribute('data-kind')).toBe('done')
    await expectClean(page, problems)
    await context.close()
  })

  it('an endless loop ends with the CPU limit named in Korean, and the code stays as typed', async () => {
    const context = await newContext(suite.browser(), { locale: 'ko-KR', colorScheme: 'light' })
    const { page, problems } = await openPage(context)
    await page.goto(`${suite.server().url}#/lesson/${LESSON}`)
    await editorReady(page)
    const looping = SOLUTION.replace('export function hashBoth(text: string): BothHashes {', 'export function hashBoth(text: string): BothHashes {\n  while (true) {}')
    expect(looping).not.toBe(SOLUTION)
    await replaceEditorText(page, looping)
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved')
    const graded = await grade(page)
    console.log(`an endless loop graded (stopped by the CPU limit) in ${graded.ms} ms`)
    expect(graded.passed).toBe(false)
    const messages = (await page.locator('[data-testid^="check-"]:not([data-status="pass"]) [data-testid="check-message"]').allTextContents()).join(' ')
    expect(messages).toMatch(/CPU 단계/)
    expect(await editorText(page)).toContain('while (true) {}')
    // The page stayed responsive: the editor still takes keys.
    await page.locator('[data-testid="editor"] .view-lines').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('// 아직 입력됩니다')
    await expect.poll(() => editorText(page)).toContain('// 아직 입력됩니다')
    await expectClean(page, problems)
    await context.close()
  })
})
