/**
 * Debounced background work where only the newest result counts: the editor's compile-as-you-type.
 * Each keystroke restarts the delay; when a run finishes after a newer one started, its result is
 * dropped, so a slow stale compile never overwrites newer markers.
 *
 * @module
 */

/** The timer functions used (injected in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface DebouncedLatest<I> {
  /** Asks for a run with `input` after the delay (restarting it). */
  request(input: I): void
  /** Runs now with the last requested input, if one is waiting. */
  flush(): void
  /** Forgets the waiting request and drops any run in flight. */
  cancel(): void
}

/**
 * @example
 * const compile = createDebouncedLatest({ delayMs: 400, run: (src) => client.compile({ sources: src }), apply: (r) => setMarkers(r) })
 * editor.onDidChangeModelContent(() => compile.request(currentSources()))
 */
export function createDebouncedLatest<I, R>(options: {
  delayMs: number
  run: (input: I) => Promise<R>
  apply: (result: R, input: I) => void
  /** Called when the newest run fails (older failures are dropped like older results). */
  fail?: ((error: unknown, input: I) => void) | undefined
  timers?: Timers | undefined
}): DebouncedLatest<I> {
  const timers = options.timers ?? realTimers
  let handle: unknown
  let waiting: { input: I } | undefined
  let generation = 0

  const start = (): void => {
    if (!waiting) return
    const { input } = waiting
    waiting = undefined
    handle = undefined
    const mine = ++generation
    options.run(input).then(
      (result) => {
        if (mine === generation) options.apply(result, input)
      },
      (error: unknown) => {
        if (mine === generation) options.fail?.(error, input)
      },
    )
  }

  return {
    request(input) {
      waiting = { input }
      if (handle !== undefined) timers.clearTimeout(handle)
      handle = timers.setTimeout(start, options.delayMs)
    },
    flush() {
      if (handle !== undefined) timers.clearTimeout(handle)
      start()
    },
    cancel() {
      if (handle !== undefined) timers.clearTimeout(handle)
      handle = undefined
      waiting = undefined
      generation++
    },
  }
}
