/**
 * The grading worker (a module Web Worker): the same engine as the CLI (`gradeLesson`), with the
 * browser's {@link GradingEnvironment} — QuickJS isolates whose library loader fetches the viem
 * bundle from the app's origin. One grading at a time, in the order the requests arrive.
 *
 * Protocol: the page posts a {@link GradingWorkerRequest} (a `GradeRequest`: `{lesson, grader,
 * workspace, seed}`, plus an optional `id` echoed back and the bundle's `librariesUrl`); the worker
 * answers one {@link GradingWorkerReply} per request: `{ok: true, result}` with the `GradeResult`
 * exactly as `gradeLesson` returned it, or `{ok: false, error}` when the engine threw (a bug or a
 * bad request, never a learner's mistake: those are in the result).
 *
 * Not yet here (later increments): the Solidity compiler — soljson needs a classic worker
 * (`importScripts`), so it will run in a worker of its own; until then `compile()` throws, which
 * only lessons with contracts reach. hardhat/console.sol (console.log lines of contracts) comes
 * with it. The fast WASM crypto the Node host injects (`customCrypto`) is Node-only: the dev
 * chain uses @noble's, which gives the same results more slowly.
 *
 * @module
 */
import type { GradeRequest, GradeResult, GradingEnvironment } from '../../../courses/format/grading/gradeLesson.ts'
import { gradeLesson } from '../../../courses/format/grading/gradeLesson.ts'
import type { CompileRequest, CompileResult } from '../../../runtime/compiler/compilerTypes.ts'
import type { LibraryLoader } from '../../../sandbox/createSandbox.ts'
import { createSandbox } from '../../../sandbox/createSandbox.ts'
import { createBrowserIsolateLibraries } from './browserIsolateLibraries.ts'

export interface GradingWorkerRequest extends GradeRequest {
  /** Echoed in the reply, so a page can match replies to requests. */
  id?: string | number | undefined
  /**
   * Where `manifest.json` and the viem bundle files are served (default: `isolate/` next to this
   * worker's script).
   */
  librariesUrl?: string | undefined
}

export type GradingWorkerReply =
  | { id: string | number | undefined; ok: true; result: GradeResult; /** Wall time of `gradeLesson` in the worker. */ ms: number }
  | { id: string | number | undefined; ok: false; error: { name: string; message: string }; ms: number }

/** What `compile()` says until the compiler worker exists. */
export const COMPILER_NOT_HERE = 'the Solidity compiler runs in its own worker (next increment)'

/**
 * The browser's grading environment.
 *
 * @example
 * const environment = createBrowserGradingEnvironment({ libraries: createBrowserIsolateLibraries({ baseUrl }) })
 * const result = await gradeLesson(environment, { lesson: { id: 'hash-functions', network: 'dev' }, grader, workspace })
 */
export function createBrowserGradingEnvironment(options: { libraries: LibraryLoader }): GradingEnvironment {
  return {
    compiler: {
      compile(_request: CompileRequest): CompileResult {
        throw new Error(COMPILER_NOT_HERE)
      },
    },
    createSandbox: (sandboxOptions) => createSandbox({ ...sandboxOptions, libraries: options.libraries }),
  }
}

/** The worker's end: what a dedicated worker's global scope offers that is used here. */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const environments = new Map<string, GradingEnvironment>()

function environmentFor(librariesUrl: string): GradingEnvironment {
  let environment = environments.get(librariesUrl)
  if (!environment) {
    environment = createBrowserGradingEnvironment({ libraries: createBrowserIsolateLibraries({ baseUrl: librariesUrl }) })
    environments.set(librariesUrl, environment)
  }
  return environment
}

/**
 * Grades one request (the worker's message handler, callable directly).
 *
 * @example
 * const reply = await handleGradingRequest({ id: 1, lesson, grader, workspace, seed: 1 }, 'https://…/isolate/')
 * if (reply.ok) reply.result.score
 */
export async function handleGradingRequest(request: GradingWorkerRequest, defaultLibrariesUrl: string): Promise<GradingWorkerReply> {
  const started = performance.now()
  const id = request?.id
  try {
    const { lesson, grader, workspace, seed } = request
    const result = await gradeLesson(environmentFor(request.librariesUrl ?? defaultLibrariesUrl), {
      lesson: { id: lesson.id, network: lesson.network },
      grader,
      workspace,
      ...(seed === undefined ? {} : { seed }),
    })
    return { id, ok: true, result, ms: performance.now() - started }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    return { id, ok: false, error: { name: e.name, message: e.message }, ms: performance.now() - started }
  }
}

// Runs as a worker only (importing this module elsewhere, e.g. for its types, installs nothing).
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as WorkerScope
  const defaultLibrariesUrl = new URL('isolate/', import.meta.url).href
  let queue: Promise<unknown> = Promise.resolve()
  scope.addEventListener('message', (event) => {
    const request = event.data as GradingWorkerRequest
    queue = queue.then(async () => scope.postMessage(await handleGradingRequest(request, defaultLibrariesUrl)))
  })
}
