/**
 * The timer table behind the isolate's `setTimeout`/`setInterval`: timers fire in (due time,
 * creation order), on simulated time only, so a script that waits on timers finishes the same way
 * every run and never waits in real time. The host loop asks for the next timer when the isolate
 * is idle and moves the clock to it.
 *
 * @module
 */

export interface SimulatedTimer<T> {
  readonly id: number
  /** Simulated ms when it fires next. */
  due: number
  /** Repeat period for `setInterval`; undefined for `setTimeout`. */
  readonly intervalMs: number | undefined
  /** Creation order within one due time (re-armed intervals go to the back). */
  seq: number
  readonly payload: T
}

/**
 * @example
 * const timers = createSimulatedTimers<string>({ maxTimers: 10 })
 * timers.add({ at: 0, delayMs: 5, payload: 'a' })
 * timers.next() // { id: 1, due: 5, … }
 */
export interface SimulatedTimers<T> {
  /** Adds a timer; returns undefined when `maxTimers` are already alive (the caller fails the run). */
  add(options: { at: number; delayMs: number; intervalMs?: number | undefined; payload: T }): SimulatedTimer<T> | undefined
  /** Removes a timer; returns it (so the caller can free its payload), or undefined if gone. */
  cancel(id: number): SimulatedTimer<T> | undefined
  /** The timer that fires first, without removing it. */
  next(): SimulatedTimer<T> | undefined
  /** Re-arms an interval timer after it fired at `at`. */
  rearm(timer: SimulatedTimer<T>, at: number): void
  /** Every timer still alive (to free payloads at the end of a run). */
  all(): SimulatedTimer<T>[]
  readonly size: number
}

export function createSimulatedTimers<T>({ maxTimers }: { maxTimers: number }): SimulatedTimers<T> {
  // A map and a linear scan: at most `maxTimers` (1,000 by default) entries, and `next` runs once
  // per clock advance, so a heap would buy nothing measurable.
  const timers = new Map<number, SimulatedTimer<T>>()
  let lastId = 0
  let lastSeq = 0
  return {
    add({ at, delayMs, intervalMs, payload }) {
      if (timers.size >= maxTimers) return undefined
      const timer: SimulatedTimer<T> = { id: ++lastId, due: at + clampDelay(delayMs), intervalMs, seq: ++lastSeq, payload }
      timers.set(timer.id, timer)
      return timer
    },
    cancel(id) {
      const timer = timers.get(id)
      if (timer) timers.delete(id)
      return timer
    },
    next() {
      let best: SimulatedTimer<T> | undefined
      for (const timer of timers.values()) {
        if (!best || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer
      }
      return best
    },
    rearm(timer, at) {
      timer.due = at + Math.max(1, clampDelay(timer.intervalMs ?? 0))
      timer.seq = ++lastSeq
    },
    all() {
      return [...timers.values()]
    },
    get size() {
      return timers.size
    },
  }
}

/**
 * Delays are whole ms ≥ 0 (NaN and negatives mean 0). An interval of 0 would fire forever at one
 * instant, so `rearm` puts intervals at least 1 ms later — browsers clamp similarly.
 */
export function clampDelay(delayMs: number): number {
  return Number.isFinite(delayMs) && delayMs > 0 ? Math.floor(delayMs) : 0
}
