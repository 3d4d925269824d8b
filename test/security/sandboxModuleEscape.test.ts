/**
 * Escape attempts through what the sandbox now resolves: workspace files, host modules, the viem
 * bundle and capability errors. Each must stay inside the isolate (or fail with a specific
 * error), and the host must keep working afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { nodeIsolateLibraries } from '../../app/cli/isolateLibraries.ts'
import { createSandbox, type Sandbox } from '../../sandbox/createSandbox.ts'
import { errorOf, expectHostWorks, valueOf } from '../sandbox/helpers.ts'

const LIMITS = { cpuSteps: 1_000_000, wallMs: 30_000, memoryBytes: 128 * 1024 * 1024 }
const PLAYGROUND = 'export const chain = { request: (args) => __chainRequest(args) }\nexport const settings = { network: "dev" }'
const calls: unknown[] = []
const sandbox: Sandbox = createSandbox({
  limits: LIMITS,
  libraries: nodeIsolateLibraries(),
  capabilities: {
    __chainRequest: async (args) => {
      calls.push(args)
      return '0x1'
    },
  },
  modules: { playground: PLAYGROUND },
  files: { 'lib/util.ts': 'export const util: number = 1', 'notes.txt': 'not code' },
})

afterEach(async () => {
  await expectHostWorks(sandbox)
})

describe('sandbox escape: modules and files', () => {
  it('files cannot import outside the given set', async () => {
    for (const specifier of ['../../etc/passwd', '../lib/util.ts', '/etc/passwd', 'file:///etc/passwd', './notes.txt', '.\\\\lib\\\\util.ts', './lib/util.ts\\u0000.js']) {
      const error = errorOf(await sandbox.run(`import * as m from '${specifier}'\nexport default m`, { filename: 'mine.ts' }))
      expect([specifier, error.code]).toEqual([specifier, 'sandbox.import'])
    }
    // From a file in a folder, `..` still stops at the workspace root.
    const nested = errorOf(await sandbox.run("import '../../../../etc/passwd'", { filename: 'a/b/c.ts' }))
    expect(nested.code).toBe('sandbox.import')
  })

  it('prototype pollution by a script does not reach a host module of the next run, nor the host', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    valueOf(
      await sandbox.run(`
        import * as pg from 'playground'
        import { util } from './lib/util'
        Object.prototype.polluted = 'yes'
        Array.prototype.push = () => 0
        pg.settings.network = 'hijacked'
        pg.chain.request = () => 'hijacked'
        export default util
      `),
    )
    const value = valueOf(await sandbox.run(`import { settings, chain } from 'playground'\nexport default [settings.network, ({}).polluted === undefined, String(chain.request).includes('__chainRequest')]`))
    expect(value).toEqual(['dev', true, true])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('replacing a capability global only changes the isolate: the module keeps calling the host through the script-visible global', async () => {
    calls.length = 0
    const value = valueOf(
      await sandbox.run(`
        import { chain } from 'playground'
        const real = globalThis.__chainRequest
        globalThis.__chainRequest = (args) => ({ faked: args })
        const faked = await chain.request({ method: 'eth_chainId' })
        globalThis.__chainRequest = real
        export default [faked, await chain.request({ method: 'eth_chainId', params: { __proto__: { evil: 1 } } })]
      `),
    )
    expect(value).toEqual([{ faked: { method: 'eth_chainId' } }, '0x1'])
    // The host saw one plain call; the __proto__ key arrived as JSON data, not as a prototype.
    expect(calls).toHaveLength(1)
    expect(Object.getPrototypeOf(calls[0])).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).evil).toBeUndefined()
  })

  it('a capability error with hostile data: __proto__ stays an own property, host errors keep their stack at home', async () => {
    const hostile = createSandbox({
      capabilities: {
        boom: () => {
          throw Object.assign(new Error('no'), { code: 3, data: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') })
        },
      },
    })
    const value = valueOf(
      await hostile.run(`
        let seen
        try { boom() } catch (e) { seen = [Object.keys(e.data).sort(), ({}).polluted === undefined, Object.getPrototypeOf(e.data) === Object.prototype, e.data.__proto__.polluted] }
        export default seen
      `),
    )
    expect(value).toEqual([['__proto__', 'constructor'], true, true, true])
  })
})

describe('sandbox escape: the viem bundle', () => {
  it('importing viem adds only the polyfills: no host object, no network, no Node globals', async () => {
    const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'process', 'require', 'module', 'Buffer', 'global', 'navigator', 'window', 'performance', 'setImmediate', 'queueMicrotask']
    const value = valueOf(
      await sandbox.run(`
        import * as viem from 'viem'
        import * as accounts from 'viem/accounts'
        const leaked = ${JSON.stringify(names)}.filter((name) => typeof globalThis[name] !== 'undefined')
        const fnGlobal = viem.keccak256.constructor('return this')()
        let http
        try { await viem.createPublicClient({ transport: viem.http('http://127.0.0.1:8545') }).getBlockNumber() } catch (e) { http = e.details }
        let ws
        try { await viem.createPublicClient({ transport: viem.webSocket('ws://127.0.0.1:8545') }).getBlockNumber() } catch (e) { ws = e.name }
        export default [leaked, fnGlobal === globalThis, typeof accounts.privateKeyToAccount, http, ws, Object.keys(crypto)]
      `),
    )
        // viem's http transport finds no `fetch`; its webSocket transport finds no socket (isows is stubbed).
    expect(value).toEqual([[], true, 'function', "'fetch' is not defined", 'UnknownRpcError', []])
  })

  it('a script cannot load the bundle internals a second way or reach the loader', async () => {
    // The internal core specifier is served (it is viem), but it is the same module instance.
    const value = valueOf(await sandbox.run(`import { viem } from 'viem/_core'\nimport * as v from 'viem'\nexport default viem.keccak256 === v.keccak256`))
    expect(value).toBe(true)
    for (const module of ['viem/node_modules/ws', 'viem/../fs', '@noble/curves/secp256k1', 'ox']) {
      expect(errorOf(await sandbox.run(`import '${module}'`)).code).toBe('sandbox.import')
    }
  })
})

describe('sandbox escape: hostile TypeScript input', () => {
  it('huge input ends with sandbox.source before anything compiles (QuickJS compiles uninterruptibly)', async () => {
    // 200,000 top-level constants took QuickJS ≈ 20 s to compile, with no interrupt check inside.
    const huge = 'const x0: number = 0\n' + Array.from({ length: 200_000 }, (_, i) => `const x${i + 1}: number = x${i} + 1`).join('\n')
    const started = Date.now()
    const error = errorOf(await sandbox.run(huge, { filename: 'huge.ts' }))
    expect([error.code, error.messageKo]).toEqual(['sandbox.source', expect.stringContaining('1048576바이트')])
    expect(Date.now() - started).toBeLessThan(1_000)
    // The budget counts every workspace file a run imports, not only the entry.
    const split = createSandbox({ files: { 'big.ts': `export const big = '${'x'.repeat(700_000)}'` } })
    expect(errorOf(await split.run(`import { big } from './big'\nexport default '${'y'.repeat(400_000)}'.length + big.length`)).code).toBe('sandbox.source')
    // Under the budget, a large script still runs.
    const large = 'const x0: number = 0\n' + Array.from({ length: 20_000 }, (_, i) => `const x${i + 1}: number = x${i} + 1`).join('\n') + '\nexport default x20000'
    expect(valueOf(await sandbox.run(large, { filename: 'large.ts' }))).toBe(20_000)
  })

  it('deeply nested TypeScript is a syntax error or a stack limit, never a host stack overflow', async () => {
    const nested = `const v: number = ${'('.repeat(50_000)}1${')'.repeat(50_000)}`
    const result = await sandbox.run(nested, { filename: 'deep.ts' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(['sandbox.script-error', 'sandbox.stack']).toContain(result.error.code)
  })

  it('a type-only import of a forbidden module is erased, a value import is refused', async () => {
    expect(valueOf(await sandbox.run("import type { Stats } from 'node:fs'\nconst s: Stats | undefined = undefined\nexport default s ?? 'erased'", { filename: 't.ts' }))).toBe('erased')
    expect(errorOf(await sandbox.run("import { readFileSync } from 'node:fs'\nexport default readFileSync('/etc/passwd')", { filename: 't.ts' })).code).toBe('sandbox.import')
  })
})
