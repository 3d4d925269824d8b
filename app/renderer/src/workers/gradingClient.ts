/**
 * The page's handle on the grading worker (`workers/gradingWorker.ts`, a module worker Vite
 * bundles because of the `new Worker(new URL(…, import.meta.url))` below): `grade()` sends a
 * lesson, its grader and the learner's workspace, and resolves with the same `GradeResult` the
 * CLI's `gradeLesson` gives. The worker fetches the isolate's viem bundle from `<baseUrl>isolate/`
 * and compiles Solidity in a nested classic worker, `<baseUrl>solc/compilerWorker.js`.
 *
 * A learner's mistakes are in the result; the promise rejects only when the engine itself failed
 * (the reply says ok: false: a bug or a bad request) or the worker died. A dead worker is replaced
 * on the next call.
 *
 * @module
 */
import type { GradeRequest, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import type { GradingWorkerReply, GradingWorkerRequest } from '../../workers/gradingWorker.ts'
import type { WorkerLike } from './compilerClient.ts'

export interface GradingClientOptions {
  /** Where the app's files are served (default: the document's base URI). */
  baseUrl?: string | undefined
  /** Starts the worker (default: the bundled module worker); tests pass a fake. */
  createWorker?: (() => WorkerLike) | undefined
}

export interface GradingClient {
  grade(request: GradeRequest): Promise<GradeResult>
  /** Stops the worker; pending gradings reject. A later call starts a new one. */
  terminate(): void
}

/** The grading worker stopped (or failed to start); the message says it in Korean and English. */
export class GradingWorkerError extends Error {
  override name = 'GradingWorkerError'
  readonly code = 'grading.worker-died'
  readonly ko: string
  readonly en: string
  constructor(detail: string) {
    const ko = `채점 작업자(worker)가 멈췄습니다(${detail}). 다시 채점하면 새 작업자가 시작됩니다.`
    const en = `The grading worker stopped (${detail}). Grade again: a fresh worker starts.`
    super(`${ko} / ${en}`)
    this.ko = ko
    this.en = en
  }
}

function moduleWorker(): WorkerLike {
  // The global Worker, named so this file also type-checks where DOM types are absent (tests).
  const Worker = (globalThis as unknown as { Worker: new (url: URL, options: { type: 'module' }) => WorkerLike }).Worker
  // This exact form (`new Worker(new URL('…', import.meta.url), { type: 'module' })`) lets Vite
  // find the worker and bundle it as a module worker chunk.
  return new Worker(new URL('../../workers/gradingWorker.ts', import.meta.url), { type: 'module' })
}

/**
 * @example
 * const grading = createGradingClient()
 * const result = await grading.grade({ lesson: { id: 'first-contract', network: 'dev' }, grader, workspace })
 * result.checks.map((c) => c.status) // ['pass', 'fail', …]
 */
export function createGradingClient(options: GradingClientOptions = {}): GradingClient {
  const base = options.baseUrl ?? (globalThis as { document?: { baseURI: string } }).document?.baseURI
  if (base === undefined) throw new TypeError('createGradingClient: options.baseUrl is required where there is no document')
  const librariesUrl = new URL('isolate/', base).href
  const compilerUrl = new URL('solc/compilerWorker.js', base).href
  const start = options.createWorker ?? moduleWorker
  const pending = new Map<number, { resolve(value: GradeResult): void; reject(error: Error): void }>()
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
    const started = start()
    started.addEventListener('message', (event) => {
      if (started !== worker) return
      const reply = event.data as GradingWorkerReply
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
      event.preventDefault?.()
      if (started === worker) stop(new GradingWorkerError(event.message || 'the worker script could not run'))
    })
    started.addEventListener('messageerror', () => {
      if (started === worker) stop(new GradingWorkerError('a reply could not be read'))
    })
    worker = started
    return started
  }

  return {
    grade(request) {
      return new Promise<GradeResult>((resolve, reject) => {
        const id = nextId++
        const target = running()
        pending.set(id, { resolve, reject })
        const message: GradingWorkerRequest = {
          lesson: { id: request.lesson.id, network: request.lesson.network },
          grader: request.grader,
          workspace: request.workspace,
          ...(request.seed === undefined ? {} : { seed: request.seed }),
          id,
          librariesUrl,
          compilerUrl,
        }
        target.postMessage(message)
      })
    },
    terminate() {
      if (worker) stop(new GradingWorkerError('terminated'))
    },
  }
}
