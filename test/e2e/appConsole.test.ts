/**
 * The console page of the web edition in Chromium, under the product CSP served by the real
 * `playground web` server: Korean help, a pow-lan network driven by commands (nodes, mine, crash,
 * partition, heal, metrics), the JavaScript REPL with real viem in the worker's sandbox, bad
 * commands answered with specific errors, the deterministic `sim` runs equal to the Node CLI's
 * `--json` trace hashes, and the main thread's long tasks while a 100-node BFT network runs in the
 * worker (PerformanceObserver 'longtask'; target < 100 ms). Any page error, console error, failed
 * request or CSP violation fails the test. Screenshots go to test-results/console/.
 *
 * The viem bundle for the isolate is served from dist/web/isolate/ (the build's static assets).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Problems } from './appPage.ts'
import { consoleTranscript as transcript, newContext, openPage, runConsole as run } from './appPage.ts'
import { PRODUCT_CSP } from './browserHarness.ts'
import { REPO_ROOT, webEditionSuite } from './webEditionSuite.ts'

const suite = webEditionSuite({ shots: 'console' })
const SHOTS = suite.shots

async function openConsole(): Promise<{ context: BrowserContext; page: Page; problems: Problems }> {
  const context = await newContext(suite.browser(), { locale: 'en-US', colorScheme: 'light' })
  const { page, problems } = await openPage(context)
  const response = await page.goto(`${suite.server().url}/#/console`)
  expect(response?.headers()['content-security-policy']).toBe(PRODUCT_CSP)
  await page.getByTestId('console-terminal').locator('.xterm').waitFor()
  return { context, page, problems }
}

function cliTraceHash(preset: string, seed: number, blocks: number): { traceHash: string; events: number } {
  const out = execFileSync(process.execPath, ['bin/playground.js', 'sim', '--preset', preset, '--seed', String(seed), '--blocks', String(blocks), '--json'], { cwd: REPO_ROOT, encoding: 'utf8' })
  return JSON.parse(out) as { traceHash: string; events: number }
}

describe('console page in Chromium', () => {
  it('drives a network in Korean, runs the REPL, matches the CLI trace hashes, keeps the main thread free', async () => {
    const { context, page, problems } = await openConsole()

    await page.getByTestId('lang-ko').click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.getByTestId('console-link').textContent()).toBe('콘솔')

    const atLoad = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks.splice(0))
    console.log(`main-thread long tasks while the page loads (bundle, xterm, worker start): ${atLoad.length}, max ${atLoad.length === 0 ? 0 : Math.max(...atLoad).toFixed(0)} ms`)

    const help = await run(page, 'help', /clear\s+화면을 지웁니다/)
    expect(help).toMatch(/명령 \(help <명령>으로 자세히\):/)
    expect(help).toMatch(/partition <a,b,…> <c,d,…> \[\.\.\.\]\s+네트워크를 무리로 나눕니다/)
    const helpSim = await run(page, 'help sim', /playground sim --json/)
    expect(helpSim).toMatch(/결정론적 일괄 실행/)

    await run(page, 'preset pow-lan --seed 7', /pow-lan 시작: 노드 8개, 합의 pow/)
    await expect.poll(() => page.getByTestId('summary-preset').textContent(), { timeout: 5000 }).toBe('pow-lan')
    const nodes = await run(page, 'nodes', /블록 \d+개 · 확정 높이/)
    expect(nodes).toMatch(/번호\s+역할\s+높이\s+헤드\s+피어\s+상태/)
    for (let n = 0; n < 8; n++) expect(nodes).toMatch(new RegExp(`[ *]${n}\\s+miner\\s+\\d+\\s+0x[0-9a-f]{4}…[0-9a-f]{4}\\s+\\d+\\s+up`))
    const mined = await run(page, 'mine', /블록 #\d+을\(를\) 만들었습니다/)
    const block = Number(/블록 #(\d+)/.exec(mined)![1])
    expect(block).toBeGreaterThanOrEqual(1)
    await expect.poll(async () => Number(await page.getByTestId('summary-blocks').textContent()), { timeout: 5000 }).toBeGreaterThanOrEqual(block)
    await run(page, 'crash 2', /노드 2이\(가\) 멈췄습니다/)
    await expect.poll(() => page.getByTestId('summary-nodes').locator('tbody tr').nth(2).locator('td').nth(2).textContent(), { timeout: 5000 }).toBe('crashed')
    await run(page, 'partition 0,1,3 4,5,6,7', /네트워크를 나눴습니다: \[0, 1, 3\] \| \[4, 5, 6, 7\]/)
    await run(page, 'heal', /분할을 없앴습니다/)
    await run(page, 'restart 2', /노드 2이\(가\) 다시 켜졌습니다/)
    // History: arrow up recalls the last line.
    const beforeRecall = (await transcript(page)).length
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    let recalled = ''
    await expect.poll(async () => (recalled = (await transcript(page)).slice(beforeRecall)), { timeout: 10_000 }).toMatch(/pow-lan:0> restart 2\n.+/)
    console.log(`recalled and ran again: ${recalled.trim().replace(/\n/g, ' | ')}`)
    const metrics = await run(page, 'metrics', /traceHash\s+[0-9a-f]{16,}/)
    expect(metrics).toMatch(/블록\s+\d+/)
    await page.screenshot({ path: path.join(SHOTS, 'console-ko-network.png') })

    // Bad input: specific errors in Korean, naming the valid choices.
    expect(await run(page, 'mien', /명령은 없습니다/)).toMatch(/"mien"이라는 명령은 없습니다. 혹시: mine\?/)
    expect(await run(page, 'crash 99', /정수를 쓰세요/)).toMatch(/node에는 0부터 7까지의 정수를 쓰세요. 받은 값: "99"/)
    expect(await run(page, 'preset moon', /프리셋은 없습니다/)).toMatch(/쓸 수 있는 프리셋: dev, pow-lan, bft, pos, raft-consortium, poa/)

    // The REPL: viem in the worker's QuickJS sandbox, bound to the selected node.
    await run(page, 'js', /JavaScript REPL/)
    const height = await run(page, 'await client.getBlockNumber()', /^\s*js> await client.getBlockNumber\(\)\n(\d+)n\s*$/m)
    expect(Number(/\n(\d+)n/.exec(height)![1])).toBeGreaterThanOrEqual(block)
    await run(page, 'const b = await client.getBalance({ address: accounts[0] })', /undefined/)
    expect(await run(page, 'formatEther(b)', /'\d+'/)).toMatch(/'10000'/)
    expect(await run(page, 'nope.x', /ReferenceError/)).toMatch(/스크립트에서 ReferenceError 오류가 발생했습니다/)
    expect(await run(page, 'for (;;) {}', /sandbox|CPU|한도|제한/i, 60_000)).not.toMatch(/^\s*$/)
    expect(await run(page, '1n + 2n', /3n/)).toMatch(/3n/) // the worker still answers after the limit
    await page.screenshot({ path: path.join(SHOTS, 'console-ko-repl.png') })
    await run(page, '.exit', /REPL에서 나왔습니다/)

    // Determinism: the same trace hash as the Node CLI, for two presets.
    for (const [preset, seed, blocks] of [['pos', 7, 10], ['pow-lan', 3, 8]] as const) {
      const out = await run(page, `sim ${preset} --seed ${seed} --blocks ${blocks}`, /events \d+/, 120_000)
      const browserHash = /traceHash ([0-9a-f]+)/.exec(out)![1]
      const cli = cliTraceHash(preset, seed, blocks)
      console.log(`sim ${preset} --seed ${seed} --blocks ${blocks}: browser ${browserHash}, CLI ${cli.traceHash}`)
      expect(browserHash).toBe(cli.traceHash)
      expect(Number(/events (\d+)/.exec(out)![1])).toBe(cli.events)
    }

    // A busy network in the worker: the main thread's long tasks stay short.
    await run(page, 'preset bft --seed 2', /bft 시작: 노드 100개/, 120_000)
    const earlier = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks.splice(0))
    console.log(`main-thread long tasks during the commands above (xterm output, REPL, sim runs in the worker): ${earlier.length}, max ${earlier.length === 0 ? 0 : Math.max(...earlier).toFixed(0)} ms`)
    const blocksBefore = Number(await page.getByTestId('summary-blocks').textContent())
    await page.waitForTimeout(8000)
    const blocksAfter = Number(await page.getByTestId('summary-blocks').textContent())
    const longTasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks)
    const max = longTasks.length === 0 ? 0 : Math.max(...longTasks)
    console.log(`bft (100 nodes) running 8 s in the worker: blocks ${blocksBefore} → ${blocksAfter}; main-thread long tasks: ${longTasks.length}, max ${max.toFixed(0)} ms`)
    expect(blocksAfter).toBeGreaterThan(blocksBefore)
    expect(max).toBeLessThan(100)
    await run(page, 'nodes', /블록 \d+개 · 확정 높이/)
    await page.screenshot({ path: path.join(SHOTS, 'console-ko-bft.png') })

    // Dark theme follows the app.
    await page.getByTestId('theme-toggle').click()
    await page.getByTestId('lang-en').click()
    await run(page, 'help heal', /Removes the partition/)
    await page.screenshot({ path: path.join(SHOTS, 'console-en-dark.png') })

    expect(await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations), 'CSP violations').toEqual([])
    expect(problems.pageErrors, 'page errors').toEqual([])
    expect(problems.consoleErrors, 'console errors and warnings').toEqual([])
    expect(problems.failedRequests, 'failed requests').toEqual([])
    await context.close()
  }, 600_000)
})
