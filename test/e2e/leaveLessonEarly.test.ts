/**
 * Leaving a lesson before its editor has its files (a slow machine: Chromium's CPU throttled 8×):
 * open the first lesson, wait a little longer each time, sometimes switch the theme or reload,
 * go back home — twelve times. The workspace read that finishes after the page closed the editor
 * must not touch the disposed Monaco editor (it threw "Cannot read properties of undefined
 * (reading 'domNode')" from Monaco's renderer before the controller ignored calls after dispose).
 * Any page error, console error, failed request or CSP violation fails it.
 */
import { describe, it } from 'vitest'
import { expectClean, newContext, openPage } from './appPage.ts'
import { webEditionSuite } from './webEditionSuite.ts'

const suite = webEditionSuite()

describe('leaving a lesson early', () => {
  it('never touches a disposed editor, on a slow CPU', async () => {
    const context = await newContext(suite.browser(), { locale: 'ko-KR', colorScheme: 'light' })
    const { page, problems } = await openPage(context)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })
    await page.goto(suite.server().url)
    for (let i = 0; i < 12; i++) {
      await page.getByTestId('lesson-hash-functions').click()
      await page.getByTestId('lesson').waitFor()
      await page.waitForTimeout(i * 60)
      if (i % 3 === 1) await page.getByTestId('theme-toggle').click()
      if (i % 4 === 2) {
        await page.reload()
        await page.getByTestId('lesson').waitFor()
        await page.waitForTimeout(i * 30)
      }
      await page.getByTestId('back').click()
      await page.getByTestId('home').waitFor()
    }
    // Let whatever was still in flight (workspace reads, Monaco's scheduled renders) finish.
    await page.waitForTimeout(1500)
    await expectClean(page, problems)
    await context.close()
  })
})
