import { describe, expect, it } from 'vitest'
import { createDebouncedLatest } from '../../../../app/renderer/src/lesson/latestWins.ts'
import { manualTimers, settle } from './fakeTimers.ts'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createDebouncedLatest', () => {
  it('runs once, with the last input, after the quiet time', async () => {
    const timers = manualTimers()
    const runs: string[] = []
    const applied: string[] = []
    const d = createDebouncedLatest<string, string>({ delayMs: 400, timers, run: async (i) => (runs.push(i), i.toUpperCase()), apply: (r) => applied.push(r) })
    d.request('a')
    timers.advance(300)
    d.request('ab')
    timers.advance(300)
    expect(runs).toEqual([])
    d.request('abc')
    timers.advance(399)
    expect(runs).toEqual([])
    timers.advance(1)
    await settle()
    expect(runs).toEqual(['abc'])
    expect(applied).toEqual(['ABC'])
  })

  it('drops a stale result that arrives after a newer one started (latest wins)', async () => {
    const timers = manualTimers()
    const pending = new Map<string, ReturnType<typeof deferred<string>>>()
    const applied: string[] = []
    const d = createDebouncedLatest<string, string>({
      delayMs: 10,
      timers,
      run: (i) => {
        const p = deferred<string>()
        pending.set(i, p)
        return p.promise
      },
      apply: (r) => applied.push(r),
    })
    d.request('old')
    timers.advance(10)
    d.request('new')
    timers.advance(10)
    pending.get('new')!.resolve('new result')
    await settle()
    pending.get('old')!.resolve('old result') // slower, finishes last
    await settle()
    expect(applied).toEqual(['new result'])
  })

  it('reports only the newest failure, and flush runs at once; cancel drops what is in flight', async () => {
    const timers = manualTimers()
    const failures: unknown[] = []
    const applied: string[] = []
    let gate = deferred<string>()
    const d = createDebouncedLatest<string, string>({ delayMs: 50, timers, run: () => gate.promise, apply: (r) => applied.push(r), fail: (e) => failures.push(e) })
    d.request('x')
    d.flush()
    gate.reject(new Error('compiler down'))
    await settle()
    expect(failures).toHaveLength(1)
    gate = deferred<string>()
    d.request('y')
    d.flush()
    d.cancel()
    gate.resolve('late')
    await settle()
    expect(applied).toEqual([])
    expect(timers.pending()).toBe(0)
  })
})
