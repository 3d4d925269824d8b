import { describe, expect, it } from 'vitest'
import { InvalidFieldError } from '../../runtime/errors/input.ts'
import { createSandbox } from '../../sandbox/createSandbox.ts'
import { defaultSandboxLimits, resolveSandboxLimits } from '../../sandbox/sandboxLimits.ts'
import { errorOf, expectHostWorks, valueOf } from './helpers.ts'

describe('sandbox limits', () => {
  it('resolves defaults and refuses values that would disable a limit', () => {
    expect(resolveSandboxLimits({ cpuSteps: 5 })).toEqual({ ...defaultSandboxLimits, cpuSteps: 5 })
    expect(() => resolveSandboxLimits({ memoryBytes: 0 })).toThrow(InvalidFieldError)
    expect(() => resolveSandboxLimits({ wallMs: Number.POSITIVE_INFINITY })).toThrow(/limits\.wallMs/)
  })

  it('cpu: a loop stops at the step budget, deterministically, and try/catch cannot swallow it', async () => {
    const sandbox = createSandbox({ limits: { cpuSteps: 50 } })
    const error = errorOf(await sandbox.run('for (;;) { try { while (true) {} } catch (e) {} }'))
    expect(error.code).toBe('sandbox.cpu')
    expect(error.message).toContain('50 CPU steps')
    expect(error.messageKo).toContain('CPU 단계 50개')
    // Deterministic: the same script prints the same number of iterations before the stop.
    const counted = async () => (await sandbox.run('let i = 0; for (;;) { i++; if (i % 1000 === 0) console.log(i) }')).console.length
    const first = await counted()
    expect(first).toBeGreaterThan(0)
    expect(await counted()).toBe(first)
    await expectHostWorks(sandbox)
  })

  it('cpu: each timer firing counts a step, so an idle interval cannot run forever', async () => {
    const sandbox = createSandbox({ limits: { cpuSteps: 50 } })
    const result = await sandbox.run('let n = 0; setInterval(() => { n++; if (n % 10 === 0) console.log(n) }, 1); await new Promise(() => {})')
    expect(errorOf(result).code).toBe('sandbox.cpu')
    const last = Number(result.console.at(-1)?.text)
    expect(last).toBeGreaterThanOrEqual(10)
    expect(last).toBeLessThanOrEqual(50)
  })

  it('cpu: a script under the budget finishes', async () => {
    const sandbox = createSandbox({ limits: { cpuSteps: 50 } })
    expect(valueOf(await sandbox.run('let s = 0; for (let i = 0; i < 1000; i++) s += i; export default s'))).toBe(499_500)
  })

  it('wall: a capability that never answers ends at the wall-clock backstop', async () => {
    const sandbox = createSandbox({ limits: { wallMs: 150 }, capabilities: { hang: () => new Promise<never>(() => {}) } })
    const started = Date.now()
    const error = errorOf(await sandbox.run('await hang()'))
    expect(error.code).toBe('sandbox.wall')
    expect(error.messageKo).toContain('150ms')
    expect(Date.now() - started).toBeLessThan(2_000)
    await expectHostWorks(sandbox)
  })

  it('memory: allocation past the heap limit ends with sandbox.memory', async () => {
    const sandbox = createSandbox({ limits: { memoryBytes: 8 * 1024 * 1024 } })
    const error = errorOf(await sandbox.run('const keep = []; for (;;) keep.push({ a: [1, 2, 3], b: "x" + keep.length })'))
    expect([error.code, error.details]).toEqual(['sandbox.memory', undefined])
    expect(error.message).toContain(String(8 * 1024 * 1024))
    await expectHostWorks(sandbox)
  })

  it('stack: runaway recursion ends with sandbox.stack; modest recursion is fine', async () => {
    const sandbox = createSandbox()
    expect(errorOf(await sandbox.run('function f(n) { return f(n + 1) + 1 }\nf(0)')).code).toBe('sandbox.stack')
    expect(valueOf(await sandbox.run('function f(n) { return n === 0 ? 0 : 1 + f(n - 1) }\nexport default f(200)'))).toBe(200)
  })

  it('output: printing past the cap ends with sandbox.output and keeps what fit', async () => {
    const sandbox = createSandbox({ limits: { outputBytes: 100 } })
    const result = await sandbox.run('for (let i = 0; ; i++) console.log("line " + i)')
    expect(errorOf(result).code).toBe('sandbox.output')
    expect(result.console.length).toBeGreaterThan(5)
    expect(result.console.reduce((bytes, line) => bytes + line.text.length + 1, 0)).toBeLessThanOrEqual(100)
    // Output counts UTF-8 bytes: 34 Hangul syllables are 102 bytes.
    expect(errorOf(await sandbox.run('console.log("가".repeat(34))')).code).toBe('sandbox.output')
    expect(valueOf(await sandbox.run('console.log("가".repeat(32))'))).toBeUndefined()
  })

  it('timers: more live timers than the limit ends with sandbox.timers', async () => {
    const sandbox = createSandbox({ limits: { timers: 10 } })
    const error = errorOf(await sandbox.run('for (let i = 0; i < 11; i++) setTimeout(() => {}, 1)'))
    expect(error.code).toBe('sandbox.timers')
    expect(error.messageKo).toContain('10개')
    // Timers that already fired or were cleared do not count.
    expect(
      valueOf(
        await sandbox.run(`
          for (let round = 0; round < 5; round++) {
            for (let i = 0; i < 9; i++) setTimeout(() => {}, 1)
            await new Promise((r) => setTimeout(r, 2))
          }
          for (let i = 0; i < 100; i++) clearTimeout(setTimeout(() => {}, 1))
          export default 'ok'
        `),
      ),
    ).toBe('ok')
  })
})
