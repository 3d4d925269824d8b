/**
 * Escape attempts against the sandbox: each is a script a hostile course pack or learner could
 * send. Every attack must fail in the isolate with a specific error, and the host must keep
 * working afterwards (`expectHostWorks`: the same sandbox, and so the shared QuickJS module, runs
 * another script).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../../sandbox/createSandbox.ts'
import type { JsonValue } from '../../sandbox/jsonValue.ts'
import { errorOf, expectHostWorks, valueOf } from '../sandbox/helpers.ts'

const sandbox: Sandbox = createSandbox({ limits: { cpuSteps: 200, memoryBytes: 16 * 1024 * 1024, outputBytes: 10_000, timers: 100 } })

afterEach(async () => {
  await expectHostWorks(sandbox)
})

describe('sandbox escape: no ambient capabilities', () => {
  it('file system: import fs, import node:fs, require, std/os modules', async () => {
    // The name is the one QuickJS resolved (`./secret.js` → `secret.js`).
    for (const [module, resolved] of [['fs', 'fs'], ['node:fs', 'node:fs'], ['std', 'std'], ['os', 'os'], ['./secret.js', 'secret.js'], ['/etc/passwd', '/etc/passwd']]) {
      const error = errorOf(await sandbox.run(`import * as m from '${module}'\nexport default Object.keys(m)`))
      expect([error.code, error.details]).toEqual(['sandbox.import', resolved])
      expect(error.messageKo).toContain(`"${resolved}"`)
    }
    expect(errorOf(await sandbox.run('export default require("fs").readFileSync("/etc/passwd", "utf8")')).details).toBe(
      "ReferenceError: 'require' is not defined",
    )
  })

  it('a dynamic import fails the run even when the script catches it', async () => {
    const error = errorOf(await sandbox.run('let got; try { got = await import("fs") } catch (e) {}\nexport default "survived"'))
    expect([error.code, error.details]).toEqual(['sandbox.import', 'fs'])
  })

  it('host modules: no package, not even the sandbox own dependencies', async () => {
    for (const module of ['quickjs-emscripten', 'viem', '../../sandbox/createSandbox.ts', 'node:child_process']) {
      expect(errorOf(await sandbox.run(`export { default } from '${module}'`)).code).toBe('sandbox.import')
    }
  })

  it('network and process: fetch, XMLHttpRequest, WebSocket, process, Deno/Bun, std globals are absent', async () => {
    const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'process', 'require', 'module', 'Buffer', 'Deno', 'Bun', 'std', 'os', 'print', 'scriptArgs', 'importScripts', 'postMessage', 'navigator', 'window', 'performance', 'crypto', 'setImmediate', 'queueMicrotask']
    const value = valueOf(await sandbox.run(`export default ${JSON.stringify(names)}.filter((name) => typeof globalThis[name] !== 'undefined')`))
    expect(value).toEqual([])
    expect(errorOf(await sandbox.run('await fetch("https://example.com")')).details).toBe("ReferenceError: 'fetch' is not defined")
    expect(errorOf(await sandbox.run('process.exit(1)')).details).toBe("ReferenceError: 'process' is not defined")
  })

  it('the Function constructor (also through a capability or console) reaches only the isolate global', async () => {
    const escaping = createSandbox({ capabilities: { probe: () => 1 } })
    const value = valueOf(
      await escaping.run(`
        const viaProbe = probe.constructor('return globalThis')()
        const viaConsole = console.log.constructor.constructor('return this')()
        export default [viaProbe === globalThis, viaConsole === globalThis, typeof viaProbe.process, typeof probe.constructor('return require')]
      `),
    )
    expect(value).toEqual([true, true, 'undefined', 'function'])
    expect(errorOf(await escaping.run('probe.constructor("return require")()("fs")')).details).toBe("ReferenceError: 'require' is not defined")
  })
})

describe('sandbox escape: prototype pollution through capabilities', () => {
  it('__proto__ and constructor.prototype on values passed to or returned by a capability never reach host objects', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const hostShared = { kept: 1, nested: { deep: true } }
    const received: JsonValue[] = []
    const merged: Record<string, unknown>[] = []
    const polluting = createSandbox({
      capabilities: {
        give: () => hostShared,
        take: (value) => {
          received.push(value)
          // A host capability that copies its input the ordinary way.
          merged.push({ ...(value as Record<string, JsonValue>) })
          return value
        },
      },
    })
    const value = valueOf(
      await polluting.run(`
        const fromHost = give()
        fromHost.__proto__.polluted = 'via __proto__'
        fromHost.constructor.prototype.polluted2 = 'via constructor.prototype'
        fromHost.nested.deep = false
        fromHost.kept = 2
        Object.prototype.polluted3 = 'isolate prototype'
        take(JSON.parse('{"__proto__": {"polluted4": true}, "constructor": {"prototype": {"polluted5": true}}}'))
        const back = take({ a: 1 })
        export default [back.polluted3, ({}).polluted, typeof back.__proto__]
      `),
    )
    // Inside the isolate its own prototype is polluted, as any script may do to itself.
    expect(value).toEqual(['isolate prototype', 'via __proto__', 'object'])
    // In the host nothing changed.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    const plain: Record<string, unknown> = {}
    for (const key of ['polluted', 'polluted2', 'polluted3', 'polluted4', 'polluted5']) expect(plain[key]).toBeUndefined()
    expect(hostShared).toEqual({ kept: 1, nested: { deep: true } })
    // What the host received is fresh plain data with the ordinary prototype.
    for (const item of [...received, ...merged]) expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
    expect(Object.getOwnPropertyNames(received[0] as object).sort()).toEqual(['__proto__', 'constructor'])
  })

  it('a capability value cannot smuggle a host function or getter into the isolate', async () => {
    let called = false
    const smuggling = createSandbox({
      capabilities: {
        tricky: () =>
          ({
            fn: () => (called = true),
            get getter() {
              called = true
              return 'read once on the host'
            },
          }) as unknown as JsonValue,
      },
    })
    const value = valueOf(await smuggling.run('const t = tricky(); export default [typeof t.fn, Object.getOwnPropertyDescriptor(t, "getter").get === undefined]'))
    expect(value).toEqual(['undefined', true])
    // The getter ran once on the host while copying; the isolate only holds its value.
    expect(called).toBe(true)
  })
})

describe('sandbox escape: resource exhaustion', () => {
  it('infinite loop → sandbox.cpu', async () => {
    expect(errorOf(await sandbox.run('while (true) {}')).code).toBe('sandbox.cpu')
  })

  it('infinite loop in a microtask chain and in a timer → sandbox.cpu', async () => {
    expect(errorOf(await sandbox.run('const spin = () => { Promise.resolve().then(spin) }; spin(); await new Promise(() => {})')).code).toBe('sandbox.cpu')
    expect(errorOf(await sandbox.run('setTimeout(() => { for (;;) {} }, 1); await new Promise((r) => setTimeout(r, 5))')).code).toBe('sandbox.cpu')
  })

  it('an endless chain of promises returning promises left behind by a finished script', async () => {
    // QuickJS leaks the queued chain when the runtime is freed and aborts its module; the sandbox
    // drops that module and the next run (afterEach) loads a fresh one.
    const roomy = createSandbox({ limits: { cpuSteps: 200_000 } })
    const result = await roomy.run('const spin = () => Promise.resolve().then(spin); spin(); await null; export default "done"')
    expect(valueOf(result)).toBe('done')
    await expectHostWorks(roomy)
  })

  it('memory bomb → sandbox.memory', async () => {
    expect(errorOf(await sandbox.run('const keep = []; for (;;) keep.push({ a: [1, 2, 3], b: "x" + keep.length })')).code).toBe('sandbox.memory')
    expect(errorOf(await sandbox.run('const keep = []; for (;;) keep.push(new ArrayBuffer(1024 * 1024))')).code).toBe('sandbox.memory')
  })

  it('deep recursion → sandbox.stack, even through callbacks and when caught', async () => {
    expect(errorOf(await sandbox.run('const f = () => [0].map(f); f()')).code).toBe('sandbox.stack')
    expect(errorOf(await sandbox.run('const f = (n) => f(n + 1) + 1; try { f(0) } catch (e) { throw e }')).code).toBe('sandbox.stack')
  })

  it('huge output → sandbox.output, and the host console is never written', async () => {
    const result = await sandbox.run('for (;;) console.log("x".repeat(1000))')
    expect(errorOf(result).code).toBe('sandbox.output')
    expect(result.console.length).toBeLessThanOrEqual(10)
    expect(errorOf(await sandbox.run('console.log("y".repeat(20_000))')).code).toBe('sandbox.output')
  })

  it('timer abuse: 1e6 timers and setInterval spam → sandbox.timers', async () => {
    expect(errorOf(await sandbox.run('for (let i = 0; i < 1e6; i++) setTimeout(() => {}, i)')).code).toBe('sandbox.timers')
    expect(errorOf(await sandbox.run('for (;;) setInterval(() => {}, 0)')).code).toBe('sandbox.timers')
    // One zero-delay interval over a promise that never settles runs out of CPU, not forever.
    expect(errorOf(await sandbox.run('setInterval(() => {}, 0); await new Promise(() => {})')).code).toBe('sandbox.cpu')
  })

  it('a limit breach cannot be caught and ignored', async () => {
    const result = await sandbox.run(`
      let caught = 0
      try { for (let i = 0; i < 1e6; i++) setTimeout(() => {}, 1) } catch (e) { caught++ }
      console.log('still running', caught)
      export default caught
    `)
    expect(errorOf(result).code).toBe('sandbox.timers')
  })
})
