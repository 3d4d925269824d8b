/**
 * `playground web` through the real CLI (bin/playground.js, the built dist/): prints its URL,
 * serves the built app under the product CSP, refuses other hosts, and stops cleanly on Ctrl+C.
 *
 * Active once app/cli/main.ts registers the `web` command (until then `web` answers "not yet",
 * which cli.test.ts checks). Needs dist/web (built by `npm run build`).
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PRODUCT_CSP } from '../../../app/cli/web/staticServer.ts'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = path.join(repoRoot, 'bin', 'playground.js')
const wired = readFileSync(path.join(repoRoot, 'app/cli/main.ts'), 'utf8').includes('./commands/web.ts')
const built = existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))

/** Starts `playground web …` and resolves with the process and its first stdout line. */
function start(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; firstLine: string }> {
  const child = spawn(process.execPath, [BIN, 'web', ...args], { cwd: repoRoot })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const nl = out.indexOf('\n')
      if (nl >= 0) resolve({ child, firstLine: out.slice(0, nl) })
    })
    child.on('exit', (code) => reject(new Error(`playground web exited (${code}) before printing: ${err}`)))
  })
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })
}

describe.skipIf(!wired)('playground web (CLI)', () => {
  it.skipIf(!built)('--port 0 --json prints {url}; the page has the CSP; Ctrl+C exits 0', async () => {
    const { child, firstLine } = await start(['--port', '0', '--json'])
    try {
      const { url } = JSON.parse(firstLine) as { url: string }
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const res = await fetch(url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-security-policy')).toBe(PRODUCT_CSP)
      expect(await res.text()).toContain('<div id="app">')
    } finally {
      expect(await stop(child)).toBe(0)
    }
  })

  it.skipIf(!built)('prints the address in the chosen language', async () => {
    const { child, firstLine } = await start(['--port', '0', '--lang', 'ko'])
    expect(firstLine).toBe('블록체인 놀이터 웹 에디션')
    expect(await stop(child)).toBe(0)
  })

  it('refuses another host with a usage error (exit 2)', () => {
    const r = spawnSync(process.execPath, [BIN, 'web', '--host', '0.0.0.0', '--lang', 'en'], { cwd: repoRoot, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('127.0.0.1 only')
    const j = spawnSync(process.execPath, [BIN, 'web', '--host', '0.0.0.0', '--json'], { cwd: repoRoot, encoding: 'utf8' })
    expect(j.status).toBe(2)
    const { error } = JSON.parse(j.stdout) as { error: { code: string; ko: string; en: string } }
    expect(error.code).toBe('usage.web-host')
    expect(error.ko).toContain('127.0.0.1')
  })
})
