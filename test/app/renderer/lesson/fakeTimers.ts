/** Manual timers for the debounce tests: time moves only when the test says so. */
import type { Timers } from '../../../../app/renderer/src/lesson/latestWins.ts'

export function manualTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0
  let nextId = 1
  const queue = new Map<number, { at: number; fn: () => void }>()
  return {
    setTimeout(fn, ms) {
      const id = nextId++
      queue.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout(handle) {
      queue.delete(handle as number)
    },
    advance(ms) {
      now += ms
      for (const [id, t] of [...queue].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue
        queue.delete(id)
        t.fn()
      }
    },
    pending: () => queue.size,
  }
}

/** Lets queued promise callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
