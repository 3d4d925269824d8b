import { afterEach, describe, expect, it } from 'vitest'
import { createSandbox } from '../../sandbox/createSandbox.ts'
import { quickjsDiscardCount } from '../../sandbox/quickjsModule.ts'
import { SandboxError } from '../../sandbox/sandboxErrors.ts'
import { errorOf, valueOf } from './helpers.ts'

// Every handle of an ordinary run is disposed: QuickJS's leak check on free never fires, so the
// shared module is never dropped (a leak would abort it and bump the count).
afterEach(() => {
  expect(quickjsDiscardCount()).toBe(0)
})

describe('createSandbox: values', () => {
  const sandbox = createSandbox()

  it('returns the default export, copied as JSON', async () => {
    expect(valueOf(await sandbox.run('export default { a: [1, "two", null, true], b: { c: 1.5 } }'))).toEqual({
      a: [1, 'two', null, true],
      b: { c: 1.5 },
    })
  })

  it('awaits a default export that is a promise, and top-level await', async () => {
    expect(valueOf(await sandbox.run('const x = await Promise.resolve(20); export default Promise.resolve(x + 1)'))).toBe(21)
  })

  it('is undefined without a default export', async () => {
    const result = await sandbox.run('export const x = 1')
    expect(result.ok).toBe(true)
    expect(valueOf(result)).toBeUndefined()
  })

  it('fails with sandbox.result for a default export JSON cannot carry', async () => {
    const error = errorOf(await sandbox.run('export default 10n'))
    expect(error.code).toBe('sandbox.result')
    expect(error.messageKo).toContain('JSON')
  })

  it('runs are isolated from each other', async () => {
    valueOf(await sandbox.run('globalThis.leak = 42; Object.prototype.leaked = 1'))
    expect(valueOf(await sandbox.run('export default [typeof leak, ({}).leaked === undefined]'))).toEqual(['undefined', true])
  })
})

describe('createSandbox: learner errors', () => {
  const sandbox = createSandbox()

  it('a thrown error comes back as sandbox.script-error with line and column', async () => {
    const error = errorOf(await sandbox.run('const a = 1\n\nfunction f() { throw new TypeError("boom") }\nf()'))
    expect(error).toBeInstanceOf(SandboxError)
    expect(error.code).toBe('sandbox.script-error')
    expect(error.details).toBe('TypeError: boom')
    expect([error.line, error.column]).toEqual([3, 35])
    expect(error.message).toContain('line 3, column 35')
    expect(error.messageKo).toContain('3행 35열')
  })

  it('a syntax error names its position', async () => {
    const error = errorOf(await sandbox.run('const ok = 1\nlet x = ;'))
    expect(error.code).toBe('sandbox.script-error')
    expect(error.details).toMatch(/^SyntaxError: /)
    expect(error.line).toBe(2)
  })

  it('a rejected top-level await, a thrown string, and an error thrown in a timer', async () => {
    expect(errorOf(await sandbox.run('await Promise.reject(new RangeError("nope"))')).details).toBe('RangeError: nope')
    expect(errorOf(await sandbox.run('throw "plain"')).details).toBe('Error: plain')
    // A learner's `throw null` is their error, not a memory breach (QuickJS throws null when out of memory).
    expect(errorOf(await sandbox.run('throw null')).details).toBe('Error: null')
    const late = errorOf(await sandbox.run('setTimeout(() => { throw new Error("late") }, 5)\nawait new Promise((r) => setTimeout(r, 10))'))
    expect([late.code, late.details]).toEqual(['sandbox.script-error', 'Error: late'])
  })

  it('a promise nothing can resolve ends the run with sandbox.stalled', async () => {
    const error = errorOf(await sandbox.run('await new Promise(() => {})'))
    expect(error.code).toBe('sandbox.stalled')
    expect(error.messageKo).toContain('프로미스')
  })
})

describe('createSandbox: console', () => {
  it('captures every level with its text and never writes the host console', async () => {
    const calls: unknown[] = []
    const original = { log: console.log, info: console.info, warn: console.warn, error: console.error }
    for (const level of ['log', 'info', 'warn', 'error'] as const) console[level] = (...args: unknown[]) => void calls.push(args)
    try {
      const result = await createSandbox().run(`
        console.log('a', 1, { b: [2] }, undefined, null)
        console.info('i')
        console.warn(new TypeError('careful'))
        console.error('e', 2n)
      `)
      expect(result.console).toEqual([
        { level: 'log', text: 'a 1 {"b":[2]} undefined null' },
        { level: 'info', text: 'i' },
        { level: 'warn', text: 'TypeError: careful' },
        { level: 'error', text: 'e 2' },
      ])
    } finally {
      Object.assign(console, original)
    }
    expect(calls).toEqual([])
  })

  it('keeps the lines printed before a failure', async () => {
    const result = await createSandbox().run('console.log("before"); throw new Error("x")')
    expect(result.ok).toBe(false)
    expect(result.console).toEqual([{ level: 'log', text: 'before' }])
  })
})

describe('createSandbox: seeded Math.random', () => {
  const draw = 'export default Array.from({ length: 5 }, () => Math.random())'

  it('repeats for one seed and differs between seeds', async () => {
    const a = valueOf(await createSandbox({ seed: 7 }).run(draw)) as number[]
    const b = valueOf(await createSandbox({ seed: 7 }).run(draw)) as number[]
    const c = valueOf(await createSandbox({ seed: 8 }).run(draw)) as number[]
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    expect(new Set(a).size).toBe(5)
    for (const x of [...a, ...c]) expect(x >= 0 && x < 1).toBe(true)
  })

  it('is mulberry32 of the seed (checked against a host implementation)', async () => {
    const seed = 123_456
    let state = seed >>> 0
    const expected = [0, 1, 2].map(() => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    })
    expect(valueOf(await createSandbox({ seed }).run('export default [Math.random(), Math.random(), Math.random()]'))).toEqual(expected)
  })

  it('refuses a seed that is not a safe integer', () => {
    expect(() => createSandbox({ seed: 1.5 })).toThrow(/Invalid seed: expected a safe integer, got 1\.5/)
  })
})

describe('createSandbox: simulated Date', () => {
  it('Date.now(), new Date() and Date() read the simulated clock', async () => {
    const start = Date.UTC(2030, 4, 6, 7, 8, 9)
    const value = valueOf(
      await createSandbox({ startTimeMs: start }).run(`
        export default [Date.now(), new Date().getTime(), typeof Date(), new Date(0).getTime(),
          new Date() instanceof Date, new Date(2020, 0, 1).getFullYear(), Date.UTC(2000, 0, 1), Date.name]
      `),
    )
    expect(value).toEqual([start, start, 'string', 0, true, 2020, Date.UTC(2000, 0, 1), 'Date'])
  })

  it('defaults to 2025-01-01T00:00:00Z, whatever the host clock says', async () => {
    expect(valueOf(await createSandbox().run('export default new Date().toISOString()'))).toBe('2025-01-01T00:00:00.000Z')
  })
})

describe('createSandbox: timers on simulated time', () => {
  const sandbox = createSandbox({ startTimeMs: 1_000 })

  it('fire in (due time, creation order), with the clock moved to each', async () => {
    const value = valueOf(
      await sandbox.run(`
        const log = []
        setTimeout(() => log.push(['c', Date.now()]), 30)
        setTimeout(() => log.push(['a', Date.now()]), 10)
        setTimeout(() => log.push(['b1', Date.now()]), 20)
        setTimeout(() => log.push(['b2', Date.now()]), 20)
        setTimeout((x, y) => log.push([x + y, Date.now()]), 0, 'ar', 'gs')
        await new Promise((resolve) => setTimeout(resolve, 40))
        export default log
      `),
    )
    expect(value).toEqual([['args', 1000], ['a', 1010], ['b1', 1020], ['b2', 1020], ['c', 1030]])
  })

  it('setInterval repeats until cleared; clearTimeout cancels', async () => {
    const value = valueOf(
      await sandbox.run(`
        const ticks = []
        const cancelled = setTimeout(() => ticks.push('never'), 5)
        clearTimeout(cancelled)
        const id = setInterval(() => { ticks.push(Date.now()); if (ticks.length === 3) clearInterval(id) }, 100)
        await new Promise((resolve) => setTimeout(resolve, 1000))
        export default [ticks, Date.now()]
      `),
    )
    expect(value).toEqual([[1100, 1200, 1300], 2000])
  })

  it('an hour of simulated sleep takes no real time', async () => {
    const started = Date.now()
    const value = valueOf(await sandbox.run('await new Promise((r) => setTimeout(r, 3_600_000)); export default Date.now()'))
    expect(value).toBe(3_601_000)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('microtasks run before the clock moves', async () => {
    const value = valueOf(
      await sandbox.run(`
        const log = []
        setTimeout(() => log.push('timer'), 0)
        Promise.resolve().then(() => log.push('microtask'))
        await new Promise((r) => setTimeout(r, 1))
        export default log
      `),
    )
    expect(value).toEqual(['microtask', 'timer'])
  })

  it('onIdle gets a turn before the clock moves, and may keep the script alive', async () => {
    const calls: { nowMs: number; nextTimerMs: number | undefined }[] = []
    const sleepy = createSandbox({
      startTimeMs: 0,
      onIdle: async (idle) => {
        calls.push(idle)
        return idle.nextTimerMs === undefined && calls.length < 4
      },
    })
    const error = errorOf(await sleepy.run('await new Promise((r) => setTimeout(r, 50)); await new Promise(() => {})'))
    expect(error.code).toBe('sandbox.stalled')
    expect(calls).toEqual([
      { nowMs: 0, nextTimerMs: 50 },
      { nowMs: 50, nextTimerMs: undefined },
      { nowMs: 50, nextTimerMs: undefined },
      { nowMs: 50, nextTimerMs: undefined },
    ])
  })
})

describe('createSandbox: onIdle', () => {
  it('a hook that never answers ends at the wall-clock backstop', async () => {
    const stuck = createSandbox({ limits: { wallMs: 100 }, onIdle: () => new Promise<boolean>(() => {}) })
    expect(errorOf(await stuck.run('await new Promise(() => {})')).code).toBe('sandbox.wall')
  })
})

describe('createSandbox: capabilities', () => {
  it('round-trips JSON values, sync and async', async () => {
    const seen: unknown[] = []
    const sandbox = createSandbox({
      capabilities: {
        echo: (...args) => {
          seen.push(args)
          return { args, n: args.length }
        },
        later: async (x) => ({ doubled: Number(x) * 2 }),
        nothing: () => undefined,
      },
    })
    const value = valueOf(
      await sandbox.run(`
        const a = echo(1, 'two', [3], { four: 4 }, null, undefined, () => 5)
        const b = await later(21)
        export default [a, b, nothing(), typeof later(1).then]
      `),
    )
    expect(value).toEqual([
      { args: [1, 'two', [3], { four: 4 }, null, null, null], n: 7 },
      { doubled: 42 },
      null,
      'function',
    ])
    expect(seen[0]).toEqual([1, 'two', [3], { four: 4 }, null, null, null])
  })

  it('a throwing or rejecting capability reaches the script as CapabilityError with only the message', async () => {
    const sandbox = createSandbox({
      capabilities: {
        fails: () => {
          throw new Error('host says no')
        },
        rejects: async () => {
          throw new Error('later no')
        },
        bigint: () => 1n as unknown as number,
      },
    })
    const value = valueOf(
      await sandbox.run(`
        const out = []
        try { fails() } catch (e) { out.push([e.name, e.message, /node_modules|\\/work\\//.test(String(e.stack))]) }
        try { await rejects() } catch (e) { out.push([e.name, e.message]) }
        try { bigint() } catch (e) { out.push([e.name]) }
        export default out
      `),
    )
    expect(value).toEqual([['CapabilityError', 'host says no', false], ['CapabilityError', 'later no'], ['CapabilityError']])
  })

  it('refuses capability names that are not identifiers', () => {
    expect(() => createSandbox({ capabilities: { 'a-b': () => 1 } })).toThrow(/identifiers, got "a-b"/)
  })
})
