/**
 * The compiler in a browser: soljson.js in a classic Web Worker under the product's CSP, through
 * the runtime's adapter and the same `createCompiler` — byte-identical artifacts to Node's, and
 * diagnostics at the same line and column.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askWorker, bundleWorker, serveWithCsp, withChromiumPage } from './browserHarness.ts'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import type { CompileResult } from '../../runtime/compiler/compilerTypes.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'

const SOURCES = {
  'contracts/Counter.sol': 'pragma solidity ^0.8.20;\nimport "./Base.sol";\ncontract Counter is Base {\n    uint256 public count;\n    function increment() external { count += step(); }\n}\n',
  'contracts/Base.sol': 'pragma solidity ^0.8.20;\nabstract contract Base { function step() internal pure returns (uint256) { return 1; } }\n',
  'contracts/Broken.sol': 'pragma solidity ^0.8.20;\ncontract Broken {\n  function f() public { uint x = ; }\n}\n',
}

describe('compiler in a browser classic worker under the product CSP', () => {
  let server: { url: string; close(): void } | undefined
  const replies: { ok: boolean; result?: CompileResult; ms?: number; error?: string }[] = []

  beforeAll(async () => {
    const require = createRequire(import.meta.url)
    server = await serveWithCsp({
      '/worker.js': await bundleWorker(new URL('./fixtures/compilerWorker.ts', import.meta.url), 'iife'),
      '/soljson.js': readFileSync(require.resolve('solc/soljson.js')),
    })
    await withChromiumPage(server.url, async (page) => {
      for (const sources of [{ 'contracts/Counter.sol': SOURCES['contracts/Counter.sol'], 'contracts/Base.sol': SOURCES['contracts/Base.sol'] }, { 'contracts/Broken.sol': SOURCES['contracts/Broken.sol'] }]) {
        // Classic: importScripts('soljson.js') works only there.
        replies.push(await askWorker<{ ok: boolean; result?: CompileResult; ms?: number; error?: string }>(page, { url: '/worker.js', module: false }, sources))
      }
    })
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
