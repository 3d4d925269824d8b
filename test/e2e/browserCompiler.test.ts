/**
 * The compiler in a browser: soljson.js in a classic Web Worker under the product's CSP, through
 * the runtime's adapter and the same `createCompiler` — byte-identical artifacts to Node's, and
 * diagnostics at the same line and column.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import type { CompileResult } from '../../runtime/compiler/compilerTypes.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'

const CHROMIUM = process.env.PLAYGROUND_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"

const SOURCES = {
  'contracts/Counter.sol': 'pragma solidity ^0.8.20;\nimport "./Base.sol";\ncontract Counter is Base {\n    uint256 public count;\n    function increment() external { count += step(); }\n}\n',
  'contracts/Base.sol': 'pragma solidity ^0.8.20;\nabstract contract Base { function step() internal pure returns (uint256) { return 1; } }\n',
  'contracts/Broken.sol': 'pragma solidity ^0.8.20;\ncontract Broken {\n  function f() public { uint x = ; }\n}\n',
}

describe('compiler in a browser classic worker under the product CSP', () => {
  let server: ReturnType<typeof createServer> | undefined
  const replies: { ok: boolean; result?: CompileResult; ms?: number; error?: string }[] = []

  beforeAll(async () => {
    const require = createRequire(import.meta.url)
    const soljson = readFileSync(require.resolve('solc/soljson.js'))
    const entry = fileURLToPath(new URL('./fixtures/compilerWorker.ts', import.meta.url))
    const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false })
    const files: Record<string, string | Buffer> = {
      '/worker.js': out.outputFiles[0]!.text,
      '/soljson.js': soljson,
      '/index.html': '<!doctype html><meta charset="utf-8"><title>compiler</title>',
    }
    server = createServer((req, res) => {
      const body = files[req.url ?? '']
      if (body === undefined) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'content-type': req.url!.endsWith('.js') ? 'text/javascript' : 'text/html', 'content-security-policy': CSP })
      res.end(body)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      await page.goto(`http://127.0.0.1:${port}/index.html`)
      for (const sources of [{ 'contracts/Counter.sol': SOURCES['contracts/Counter.sol'], 'contracts/Base.sol': SOURCES['contracts/Base.sol'] }, { 'contracts/Broken.sol': SOURCES['contracts/Broken.sol'] }]) {
        const reply = await page.evaluate(
          (data) =>
            new Promise<{ ok: boolean; result?: CompileResult; ms?: number; error?: string }>((resolve) => {
              type PageWorker = { onmessage: (e: { data: { ok: boolean } }) => void; onerror: (e: { message: string }) => void; postMessage: (d: unknown) => void }
              const Ctor = (globalThis as unknown as { Worker: new (url: string) => PageWorker }).Worker
              const worker = new Ctor('/worker.js') // classic: importScripts works
              worker.onmessage = (e) => resolve(e.data as { ok: boolean; result?: CompileResult })
              worker.onerror = (e) => resolve({ ok: false, error: e.message })
              worker.postMessage(data)
            }),
          sources,
        )
        replies.push(reply)
      }
    } finally {
      await browser.close()
    }
  }, 120_000)

  afterAll(() => {
    server?.close()
  })

  it('compiles with byte-identical artifacts to Node (same compiler version, same EVM version)', () => {
    expect(replies[0]!.error).toBeUndefined()
    const inBrowser = replies[0]!.result!
    const node = createCompiler({ solc: loadSolcNode() }).compile({ sources: { 'contracts/Counter.sol': SOURCES['contracts/Counter.sol'], 'contracts/Base.sol': SOURCES['contracts/Base.sol'] } })
    expect(inBrowser.ok).toBe(true)
    expect(inBrowser.compilerVersion).toBe(node.compilerVersion)
    expect(inBrowser.artifacts).toEqual(node.artifacts)
    expect(inBrowser.artifacts.find((a) => a.contractName === 'Counter')!.bytecode).toMatch(/^0x6080/)
  })

  it('reports a syntax error at the same file, line and column as Node', () => {
    const inBrowser = replies[1]!.result!
    const node = createCompiler({ solc: loadSolcNode() }).compile({ sources: { 'contracts/Broken.sol': SOURCES['contracts/Broken.sol'] } })
    expect(inBrowser.ok).toBe(false)
    const pick = (r: CompileResult) => r.diagnostics.map(({ severity, file, line, column, code }) => ({ severity, file, line, column, code }))
    expect(pick(inBrowser)).toEqual(pick(node))
    expect(pick(inBrowser)[0]).toMatchObject({ file: 'contracts/Broken.sol', line: 3 })
  })
})
