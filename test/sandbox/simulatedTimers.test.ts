import { describe, expect, it } from 'vitest'
import { clampDelay, createSimulatedTimers } from '../../sandbox/simulatedTimers.ts'

describe('simulated timers', () => {
  it('orders by due time, then creation', () => {
    const timers = createSimulatedTimers<string>({ maxTimers: 10 })
    timers.add({ at: 0, delayMs: 20, payload: 'late' })
    timers.add({ at: 0, delayMs: 10, payload: 'first' })
    timers.add({ at: 0, delayMs: 10, payload: 'second' })
    const order: string[] = []
    for (let timer = timers.next(); timer; timer = timers.next()) order.push(timers.cancel(timer.id)?.payload ?? '?')
    expect(order).toEqual(['first', 'second', 'late'])
  })

  it('re-arms intervals behind timers due at the same time, at least 1 ms later', () => {
    const timers = createSimulatedTimers<string>({ maxTimers: 10 })
    const tick = timers.add({ at: 0, delayMs: 0, intervalMs: 0, payload: 'tick' })!
    expect(timers.next()?.due).toBe(0)
    timers.rearm(tick, 0)
    timers.add({ at: 0, delayMs: 1, payload: 'other' })
    expect(timers.next()?.payload).toBe('tick')
    expect(tick.due).toBe(1)
    const every5 = timers.add({ at: 0, delayMs: 5, intervalMs: 5, payload: 'every5' })!
    timers.rearm(every5, 5)
    expect(every5.due).toBe(10)
  })

  it('refuses timers past maxTimers and frees slots on cancel', () => {
    const timers = createSimulatedTimers<number>({ maxTimers: 2 })
    const a = timers.add({ at: 0, delayMs: 1, payload: 1 })!
    timers.add({ at: 0, delayMs: 1, payload: 2 })
    expect(timers.add({ at: 0, delayMs: 1, payload: 3 })).toBeUndefined()
    expect(timers.cancel(a.id)?.payload).toBe(1)
    expect(timers.cancel(a.id)).toBeUndefined()
    expect(timers.add({ at: 0, delayMs: 1, payload: 4 })).toBeDefined()
    expect(timers.size).toBe(2)
    expect(timers.all().map((timer) => timer.payload)).toEqual([2, 4])
  })

  it('clamps delays to whole non-negative ms', () => {
    expect([clampDelay(-5), clampDelay(Number.NaN), clampDelay(2.9), clampDelay(Number.POSITIVE_INFINITY)]).toEqual([0, 0, 2, 0])
  })
})
