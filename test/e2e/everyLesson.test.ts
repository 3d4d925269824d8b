/**
 * Every lesson of the official pack through the app's own screens, as a learner would do it: open
 * the lesson in the web edition (Chromium, the product CSP), grade the starter — it must not pass
 * and must say why — then paste the reference solution into each file tab that differs and grade
 * again: it must pass. Covers TypeScript scripts, Solidity contracts (the solc worker), quizzes
 * (answers.yaml), multi-file lessons (the dApp script) and lessons on simulated networks (pow-lan,
 * pos). Any page error, console error, failed request or CSP violation fails it. Prints each
 * lesson's grading times.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Problems } from './appPage.ts'
import { editorReady, expectClean, grade, newContext, openPage, replaceEditorText } from './appPage.ts'
import { WEB_ROOT, ensureWebBuilt, webEditionSuite } from './webEditionSuite.ts'

interface LessonAssetFiles {
  id: string
  files: string[]
  starter: Record<string, string>
  solution: Record<string, string>
}

let context: BrowserContext
let page: Page
let problems: Problems

function lessons(): LessonAssetFiles[] {
  const dir = path.join(WEB_ROOT, 'lessons')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as LessonAssetFiles)
}

const suite = webEditionSuite()

beforeAll(async () => {
  context = await newContext(suite.browser(), { locale: 'ko-KR', colorScheme: 'light' })
  ;({ page, problems } = await openPage(context))
  await page.goto(suite.server().url)
})

describe('every official lesson in the app: the starter fails, the solution passes', () => {
  // The lesson list names the tests, so the build must exist when the file is collected.
  ensureWebBuilt()
  const all = lessons()
  it('found the lessons in the build', () => {
    expect(all.length).toBe(18)
  })

  for (const lesson of all) {
    it(lesson.id, async () => {
      await page.goto(`${suite.server().url}/#/lesson/${lesson.id}`)
      await editorReady(page)
      const starter = await grade(page)
      expect(starter.passed, 'the starter must not pass').toBe(false)
      const notPassing = page.locator('[data-testid^="check-"]:not([data-status="pass"]) [data-testid="check-message"]')
      expect(await notPassing.count()).toBeGreaterThan(0)
      expect(((await notPassing.first().textContent()) ?? '').length).toBeGreaterThan(10)

      for (const file of lesson.files) {
        const answer = lesson.solution[file]
        if (answer === undefined || answer === lesson.starter[file]) continue
        await page.getByTestId(`tab-${file}`).click()
        await expect.poll(() => page.getByTestId(`tab-${file}`).getAttribute('aria-selected')).toBe('true')
        await replaceEditorText(page, answer)
      }
      await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved')
      const solved = await grade(page)
      const failing = await page.locator('[data-testid^="check-"]:not([data-status="pass"])').allTextContents()
      expect(solved.passed, `the solution must pass; not passing: ${failing.join(' | ')}`).toBe(true)
      console.log(`${lesson.id.padEnd(24)} starter ${String(starter.ms).padStart(5)} ms · solution ${String(solved.ms).padStart(5)} ms`)
    })
  }

  it('left no page error, console error, failed request or CSP violation', async () => {
    await expectClean(page, problems)
    await context.close()
  })
})
