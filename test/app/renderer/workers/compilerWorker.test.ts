/**
 * The compiler worker's handler in Node, with the real soljson (the same emscripten Module a
 * browser gets from importScripts) and the real libraries.json the build writes; the worker's
 * scope (importScripts, location) and fetch are the only stand-ins.
 */
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { librariesJson } from '../../../../app/renderer/build/staticAssets.ts'
import type { CompilerWorkerReply } from '../../../../app/renderer/workers/compilerWorker.ts'
import { createCompilerWorkerHandler } from '../../../../app/renderer/workers/compilerWorker.ts'
import { createCompiler } from '../../../../runtime/compiler/compiler.ts'
import type { CompileResult } from '../../../../runtime/compiler/compilerTypes.ts'
import type { EmscriptenModule } from '../../../../runtime/compiler/soljsonModule.ts'
import { nodeLibraryReader } from '../../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../../runtime/compiler/solcNode.node.ts'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const require = createRequire(import.meta.url)
const LIBRARIES = librariesJson(ROOT)

function fakeScope(options: { librariesStatus?: number; soljson?: boolean } = {}) {
  const imported: string[] = []
  const fetched: string[] = []
  const scope = {
    location: { href: 'https://app.test/solc/compilerWorker.js' },
    Module: undefined as EmscriptenModule | undefined,
    importScripts(url: string) {
      imported.push(url)
      if (options.soljson === false) throw new Error('Failed to execute importScripts: 404')
      scope.Module = require('solc/soljson.js') as EmscriptenModule
    },
    addEventListener() {},
    postMessage() {},
  }
  const fetch = async (url: string) => {
    fetched.push(url)
    return new Response(LIBRARIES, { status: options.librariesStatus ?? 200 })
  }
  return { scope, fetch, imported, fetched }
}

async function withFetch<T>(fetch: (url: string) => Promise<Response>, use: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch
  globalThis.fetch = fetch as typeof globalThis.fetch
  try {
    return await use()
  } finally {
    globalThis.fetch = original
  }
}

const TOKEN = 'pragma solidity ^0.8.20;\nimport "@openzeppelin/contracts/token/ERC20/ERC20.sol";\ncontract T is ERC20 { constructor() ERC20("T", "T") {} }\n'

describe('the compiler worker handler', () => {
  it('answers consoleSol from libraries.json without loading solc, then compiles with the libraries like Node', async () => {
    const { scope, fetch, imported, fetched } = fakeScope()
    const handle = createCompilerWorkerHandler(scope)
    await withFetch(fetch, async () => {
      const consoleSol = await handle({ id: 1, kind: 'consoleSol' })
      expect(consoleSol).toEqual({ id: 1, ok: true, result: nodeLibraryReader()('hardhat/console.sol') })
      expect(imported).toEqual([])
      expect(fetched).toEqual(['https://app.test/solc/libraries.json'])

      const compiled = (await handle({ id: 2, kind: 'compile', request: { sources: { 'T.sol': TOKEN } } })) as Extract<CompilerWorkerReply, { ok: true }>
      expect(imported).toEqual(['https://app.test/solc/soljson.js'])
      const node = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() }).compile({ sources: { 'T.sol': TOKEN } })
      expect(compiled.ok).toBe(true)
      expect((compiled.result as CompileResult).artifacts).toEqual(node.artifacts)
      expect(await handle({ id: 3, kind: 'version' })).toEqual({ id: 3, ok: true, result: node.compilerVersion })
      // Loaded once each.
      expect(imported).toHaveLength(1)
      expect(fetched).toHaveLength(1)
    })
  })

  it('says in both languages when the libraries or solc cannot be loaded, and retries on the next request', async () => {
    const missing = fakeScope({ librariesStatus: 404 })
    await withFetch(missing.fetch, async () => {
      const handle = createCompilerWorkerHandler(missing.scope)
      const reply = await handle({ id: 1, kind: 'consoleSol' })
      expect(reply).toMatchObject({ ok: false, error: { name: 'CompilerLibrariesError', message: expect.stringMatching(/번들 라이브러리.*HTTP 404.*Could not fetch the bundled libraries/) } })
      await handle({ id: 2, kind: 'consoleSol' })
      expect(missing.fetched).toHaveLength(2)
    })
    const noSolc = fakeScope({ soljson: false })
    await withFetch(noSolc.fetch, async () => {
      const reply = await createCompilerWorkerHandler(noSolc.scope)({ id: 1, kind: 'version' })
      expect(reply).toMatchObject({ ok: false, error: { name: 'CompilerLoadError', message: expect.stringMatching(/솔리디티 컴파일러.*Could not load the Solidity compiler \(https:\/\/app\.test\/solc\/soljson\.js\)/) } })
    })
  })

  it('names what is wrong with a bad request', async () => {
    const { scope, fetch } = fakeScope()
    const handle = createCompilerWorkerHandler(scope)
    await withFetch(fetch, async () => {
      expect(await handle({ id: 1, kind: 'compile', request: {} as never })).toMatchObject({ ok: false, error: { name: 'TypeError', message: expect.stringContaining('request.sources') } })
      expect(await handle({ id: 2, kind: 'nope' } as never)).toMatchObject({ ok: false, error: { message: expect.stringContaining("kind: expected 'compile', 'version' or 'consoleSol'") } })
    })
  })
})
