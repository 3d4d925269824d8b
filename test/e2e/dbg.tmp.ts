import { chromium } from 'playwright-core'
import { startWebServer } from '../../app/cli/web/staticServer.ts'
const server = await startWebServer({ root: '/work/wt/player/dist/web', port: 0 })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] })
const page = await browser.newPage()
page.on('console', m => console.log('console', m.type(), m.text()))
page.on('pageerror', e => console.log('pageerror', e.message))
page.on('response', r => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()) })
await page.goto(server.url + (process.argv[2] ?? '#/lesson/hash-functions'))
await page.waitForTimeout(Number(process.argv[3] ?? 5000))
console.log(await page.locator('.player-work').innerText().catch(e => e.message))
await page.screenshot({ path: '/tmp/dbg.png' })
await browser.close(); await server.close()
