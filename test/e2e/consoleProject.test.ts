/**
 * The console page's project, as a hackathon team uses it (Chromium, the product CSP, the real
 * `playground web` server): add a Solidity file, write an OpenZeppelin token in Monaco, start a
 * network, deploy the file from the console and call it, save a version and see it in the
 * project's history, reload and find the file as typed. A bad file name gets a specific Korean
 * message. Any page error, console error, failed request or CSP violation fails it.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { editorText, expectClean, newContext, openPage, replaceEditorText, runConsole } from './appPage.ts'
import { webEditionSuite } from './webEditionSuite.ts'

const TOKEN = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/ERC20.sol";

contract MyToken is ERC20 {
    constructor(uint256 supply) ERC20("Hackathon Token", "HACK") {
        _mint(msg.sender, supply);
    }
}
`



const suite = webEditionSuite({ shots: 'console' })

describe('the console page project', () => {
  it('adds a Solidity file, deploys it from the console, saves a version, keeps it over a reload', async () => {
    const context = await newContext(suite.browser(), { locale: 'ko-KR', colorScheme: 'light' })
    const { page, problems } = await openPage(context)
    await page.goto(`${suite.server().url}/#/console`)
    await page.locator('[data-testid="editor"][data-ready="true"]').waitFor()
    await page.getByTestId('tab-Counter.sol').waitFor()
    await page.screenshot({ path: path.join(suite.shots, 'project-top-ko.png') })

    // A bad name is refused with the reason.
    await page.getByTestId('project-new-file').fill('../escape.sol')
    await page.getByTestId('project-add-file').click()
    expect(await page.getByTestId('project-problem').textContent()).toMatch(/쓸 수 없는 이름/)

    // A new file, the token typed in.
    await page.getByTestId('project-new-file').fill('MyToken.sol')
    await page.getByTestId('project-add-file').click()
    await expect.poll(() => page.getByTestId('tab-MyToken.sol').getAttribute('aria-selected')).toBe('true')
    expect(await editorText(page)).toContain('contract MyToken {')
    await replaceEditorText(page, TOKEN)
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved')

    // Deployed from the console and called.
    await runConsole(page, 'preset dev', /선택한 노드: 0/)
    const deployed = await runConsole(page, 'deploy MyToken.sol MyToken 1000', /배포됨|오류|error/i, 90_000)
    expect(deployed).toMatch(/MyToken 배포됨: 0x[0-9a-fA-F]{40}/)
    expect(await runConsole(page, 'call MyToken name', /Hackathon Token|오류/)).toContain('Hackathon Token')
    expect(await runConsole(page, 'call MyToken totalSupply', /1000n|오류/)).toContain('1000n')

    // A saved version in the project's history.
    await page.getByTestId('project-save-version').click()
    await page.locator('.project-history summary').click()
    await expect.poll(() => page.getByTestId('history-version').allTextContents()).toContainEqual(expect.stringContaining('저장한 버전'))
    await page.screenshot({ path: path.join(suite.shots, 'project-ko.png'), fullPage: true })

    // Reload: the file and its text are still there.
    await page.reload()
    await page.locator('[data-testid="editor"][data-ready="true"]').waitFor()
    await page.getByTestId('tab-MyToken.sol').click()
    await expect.poll(() => editorText(page)).toContain('Hackathon Token')
    await expectClean(page, problems)
    await context.close()
  })
})
