/**
 * Calls to a worker as promises: each request gets an id, the worker's reply with that id
 * (`{id, ok: true, result}` or `{id, ok: false, error: {name, message}}`) settles it. The worker
 * starts on the first call; if it dies (its `error` or `messageerror` event), every pending call
 * rejects with the error `died(detail)` makes and the next call starts a fresh worker. Shared by the
 * compiler and grading clients.
 *
 * @module
 */

/** The part of `Worker` the clients use (a fake in unit tests). */
export interface WorkerLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault?: () => void }) => void): void
  addEventListener(type: 'messageerror', listener: (event: unknown) => void): void
  postMessage(message: unknown): void
  terminate(): void
}

/** What a worker answers to one request. */
type Reply = { id?: unknown; ok: true; result: unknown } | { id?: unknown; ok: false; error: { name: string; message: string } }

export interface WorkerCalls {
  /** Posts `message` plus its `id`; resolves with the reply's `result`. */
  ask<T>(message: Record<string, unknown>): Promise<T>
  /** Stops the worker (pending calls reject with `died('terminated')`); a later call starts a new one. */
  terminate(): void
}

/**
 * @example
 * const calls = createWorkerCalls({ start: () => new Worker(url), died: (detail) => new Error(`stopped: ${detail}`), unreadable: url.href })
 * const version = await calls.ask<string>({ kind: 'version' })
 */
export function createWorkerCalls(options: {
  start: () => WorkerLike
  died: (detail: string) => Error
  /** What the error says when the worker script could not run and the event has no message. */
  unreadable: string
}): WorkerCalls {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let worker: WorkerLike | undefined
  let nextId = 1

  const stop = (error: Error): void => {
    const dead = worker
    worker = undefined
    dead?.terminate()
    const calls = [...pending.values()]
    pending.clear()
    for (const call of calls) call.reject(error)
  }

  const running = (): WorkerLike => {
    if (worker) return worker
    const started = options.start()
    started.addEventListener('message', (event) => {
      if (started !== worker) return
      const reply = event.data as Reply
      const call = pending.get(reply?.id as number)
      if (!call) return
      pending.delete(reply.id as number)
      if (reply.ok) call.resolve(reply.result)
      else {
        const error = new Error(reply.error.message)
        error.name = reply.error.name
        call.reject(error)
      }
    })
    started.addEventListener('error', (event) => {
      // Handled here: the caller gets the error; the browser need not report it as uncaught.
      event.preventDefault?.()
      if (started === worker) stop(options.died(event.message || options.unreadable))
    })
    started.addEventListener('messageerror', () => {
      if (started === worker) stop(options.died('a reply could not be read'))
    })
    worker = started
    return started
  }

  return {
    ask: <T>(message: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++
        const target = running()
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        target.postMessage({ ...message, id })
      }),
    terminate() {
      if (worker) stop(options.died('terminated'))
    },
  }
}
