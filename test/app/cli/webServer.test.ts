/**
 * `playground web`'s HTTP server: the product CSP and hardening headers on every response,
 * content types, path traversal (plain, percent-encoded, double-encoded, backslashes, symlinks),
 * the Host check against DNS rebinding, methods, and the command's usage errors.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArgs } from '../../../app/cli/args.ts'
import { WEB_FLAGS, runWeb, webHelp } from '../../../app/cli/commands/web.ts'
import { UsageError } from '../../../app/cli/usageError.ts'
import type { WebServer } from '../../../app/cli/web/staticServer.ts'
import { PRODUCT_CSP, startWebServer } from '../../../app/cli/web/staticServer.ts'
import { PRODUCT_CSP as HARNESS_CSP } from '../../e2e/browserHarness.ts'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request (no URL normalisation: the path goes on the wire as written). */
function get(port: number, rawPath: string, options: { host?: string; method?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

let dir: string
let root: string
let server: WebServer

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'playground-web-'))
  root = path.join(dir, 'web')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>')
  const files: Record<string, string> = { 'app.js': 'export {}', 'app.css': 'body{}', 'data.json': '{}', 'mod.wasm': '\0asm', 'icon.svg': '<svg/>', 'pic.png': 'png', 'font.woff2': 'w', 'blob.bin': 'b' }
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(root, 'assets', name), body)
  writeFileSync(path.join(dir, 'secret.txt'), 'SECRET')
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'))
  server = await startWebServer({ root, port: 0 })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function expectSecurityHeaders(reply: Reply): void {
  expect(reply.headers['content-security-policy']).toBe(PRODUCT_CSP)
  expect(reply.headers['x-content-type-options']).toBe('nosniff')
  expect(reply.headers['referrer-policy']).toBe('no-referrer')
  expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin')
}

describe('startWebServer', () => {
  it('uses exactly the CSP of DESIGN.md (the one the browser tests use)', () => {
    expect(PRODUCT_CSP).toBe(HARNESS_CSP)
    expect(PRODUCT_CSP).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
    )
  })

  it('listens on 127.0.0.1 and serves index.html at /', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    const reply = await get(server.port, '/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>app</title>')
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-cache')
    expectSecurityHeaders(reply)
    expect((await get(server.port, '/index.html?x=1')).status).toBe(200)
  })

  it('sends the right content type for each kind of file', async () => {
    const expected: Record<string, string> = {
      'app.js': 'text/javascript; charset=utf-8',
      'app.css': 'text/css; charset=utf-8',
      'data.json': 'application/json; charset=utf-8',
      'mod.wasm': 'application/wasm',
      'icon.svg': 'image/svg+xml',
      'pic.png': 'image/png',
      'font.woff2': 'font/woff2',
      'blob.bin': 'application/octet-stream',
    }
    for (const [name, type] of Object.entries(expected)) {
      const reply = await get(server.port, `/assets/${name}`)
      expect(reply.status, name).toBe(200)
      expect(reply.headers['content-type'], name).toBe(type)
      expect(reply.headers['cache-control'], name).toBe('public, max-age=31536000, immutable')
      expectSecurityHeaders(reply)
    }
  })

  it('answers 404, with the security headers, for missing files', async () => {
    const reply = await get(server.port, '/nope.js')
    expect(reply.status).toBe(404)
    expectSecurityHeaders(reply)
  })

  it('refuses every path that leaves the root', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/%00index.html',
      '/index.html%00.js',
      '/%zz',
      '/link.txt',
      '//etc/passwd',
      '/etc/passwd',
    ]
    for (const attempt of attempts) {
      const reply = await get(server.port, attempt)
      expect([403, 404], attempt).toContain(reply.status)
      expect(reply.body, attempt).not.toContain('SECRET')
      expectSecurityHeaders(reply)
    }
  })

  it('checks Host against DNS rebinding', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, 'user@127.0.0.1']) {
      const reply = await get(server.port, '/', { host })
      expect(reply.status, host).toBe(403)
      expect(reply.body, host).not.toContain('<title>')
      expectSecurityHeaders(reply)
    }
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, '127.0.0.1']) {
      expect((await get(server.port, '/', { host })).status, host).toBe(200)
    }
  })

  it('allows GET and HEAD only', async () => {
    const head = await get(server.port, '/', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const post = await get(server.port, '/', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    expectSecurityHeaders(post)
  })
})

describe('runWeb', () => {
  const args = (...argv: string[]) => parseArgs(argv, 'web', WEB_FLAGS)

  it('refuses hosts other than 127.0.0.1 with a usage error in both languages', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.10', 'localhost']) {
      const error = await runWeb(args('--host', host), 'en', false, { root }).catch((e: unknown) => e)
      expect(error, host).toBeInstanceOf(UsageError)
      expect((error as UsageError).rendered.en).toContain('127.0.0.1')
      expect((error as UsageError).rendered.ko).toContain('127.0.0.1')
    }
    await expect(runWeb(args('--port', '70000'), 'en', false, { root })).rejects.toBeInstanceOf(UsageError)
    await expect(runWeb(args('extra'), 'en', false, { root })).rejects.toBeInstanceOf(UsageError)
  })

  it('says to build when dist/web is missing', async () => {
    const errors: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string) => errors.push(chunk) > 0) as typeof process.stderr.write
    try {
      expect(await runWeb(args('--port', '0'), 'ko', false, { root: path.join(dir, 'missing') })).toBe(1)
    } finally {
      process.stderr.write = write
    }
    expect(errors.join('')).toContain('npm run build')
  })

  it('prints {url} with --json, serves, and stops when asked', async () => {
    const out: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    let stop!: () => void
    const stopSignal = new Promise<void>((resolve) => (stop = resolve))
    let listening: WebServer | undefined
    process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write
    let code: Promise<number>
    try {
      code = runWeb(args('--port', '0', '--host', '127.0.0.1', '--json'), 'en', true, { root, stopSignal, onListening: (s) => (listening = s) })
      await expect.poll(() => listening).toBeDefined()
    } finally {
      process.stdout.write = write
    }
    const printed = JSON.parse(out.join('')) as { url: string }
    expect(printed).toEqual({ url: listening!.url })
    expect((await get(listening!.port, '/')).status).toBe(200)
    stop()
    expect(await code).toBe(0)
  })

  it('has help in both languages', () => {
    expect(webHelp.ko).toContain('--port')
    expect(webHelp.en).toContain('--port')
    expect(webHelp.ko).toMatch(/[\uac00-\ud7a3]/)
  })
})
