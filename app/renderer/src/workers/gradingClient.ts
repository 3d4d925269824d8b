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
import type { GradingWorkerRequest } from '../../workers/gradingWorker.ts'
import type { WorkerLike } from './workerCalls.ts'
import { createWorkerCalls } from './workerCalls.ts'

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
  const calls = createWorkerCalls({ start, died: (detail) => new GradingWorkerError(detail), unreadable: 'the worker script could not run' })

  return {
    grade(request) {
      const message: Omit<GradingWorkerRequest, 'id'> = {
        lesson: { id: request.lesson.id, network: request.lesson.network },
        grader: request.grader,
        workspace: request.workspace,
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        librariesUrl,
        compilerUrl,
      }
      return calls.ask<GradeResult>({ ...message })
    },
    terminate: () => calls.terminate(),
  }
}
