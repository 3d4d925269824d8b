/**
 * Autosave of the editor: each file's newest text is written after a short quiet time (so typing
 * is never waited on), and everything pending is written at once on `flush()` — the player calls
 * it on `visibilitychange` (hidden) and `pagehide`, before grading, reset and leaving the lesson.
 * Writes of one file never overlap: a newer text waits for the older write, then replaces it.
 *
 * @module
 */
import type { Timers } from './latestWins.ts'
import { realTimers } from './latestWins.ts'

export interface Autosave {
  /** Records `text` as the newest of `path` and schedules a write. */
  change(path: string, text: string): void
  /** Writes every pending file now; resolves when all writes (also those in flight) are done. */
  flush(): Promise<void>
  /** Paths with text not yet written. */
  pending(): string[]
  /** Forgets pending changes (after the files were replaced on purpose, e.g. a restore). */
  discard(): void
  /**
   * Holds writes (changes are still collected) until the returned function is called, which
   * writes what came in meanwhile. Grading holds them so the attempt's commit is what was graded.
   */
  hold(): () => Promise<void>
}

/**
 * @example
 * const autosave = createAutosave({ delayMs: 300, write: (path, text) => workspace.writeWorkingFile(path, text) })
 * model.onDidChangeContent(() => autosave.change('Counter.sol', model.getValue()))
 */
export function createAutosave(options: {
  delayMs: number
  write: (path: string, text: string) => Promise<void>
  /** A write failed (shown to the learner; the text stays pending and is retried on the next change or flush). */
  onError?: ((error: unknown, path: string) => void) | undefined
  /** Every pending file has been written. */
  onSaved?: (() => void) | undefined
  timers?: Timers | undefined
}): Autosave {
  const timers = options.timers ?? realTimers
  const dirty = new Map<string, string>()
  let handle: unknown
  let chain: Promise<void> = Promise.resolve()
  let holds = 0

  const writeAll = (): Promise<void> => {
    if (handle !== undefined) timers.clearTimeout(handle)
    handle = undefined
    if (holds > 0) return chain // written on release
    const batch = [...dirty.entries()]
    dirty.clear()
    if (batch.length === 0) return chain
    chain = chain.then(async () => {
      let failed = false
      for (const [path, text] of batch) {
        try {
          await options.write(path, text)
        } catch (error) {
          failed = true
          if (!dirty.has(path)) dirty.set(path, text) // keep it for the next try
          options.onError?.(error, path)
        }
      }
      if (!failed && dirty.size === 0) options.onSaved?.()
    })
    return chain
  }

  return {
    change(path, text) {
      dirty.set(path, text)
      if (handle !== undefined) timers.clearTimeout(handle)
      handle = timers.setTimeout(() => void writeAll(), options.delayMs)
    },
    flush: writeAll,
    pending: () => [...dirty.keys()],
    hold() {
      holds++
      let released = false
      return () => {
        if (!released) {
          released = true
          holds--
        }
        return holds === 0 ? writeAll() : chain
      }
    },
    discard() {
      if (handle !== undefined) timers.clearTimeout(handle)
      handle = undefined
      dirty.clear()
    },
  }
}
