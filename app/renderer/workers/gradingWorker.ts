/**
 * The grading worker (a module Web Worker): the same engine as the CLI (`gradeLesson`), with the
 * browser's {@link GradingEnvironment} — QuickJS isolates whose library loader fetches the viem
 * bundle from the app's origin. One grading at a time, in the order the requests arrive.
 *
 * Protocol: the page posts a {@link GradingWorkerRequest} (a `GradeRequest`: `{lesson, grader,
 * workspace, seed}`, plus an optional `id` echoed back, the bundle's `librariesUrl` and the compiler
 * worker's `compilerUrl`); the worker
 * answers one {@link GradingWorkerReply} per request: `{ok: true, result}` with the `GradeResult`
 * exactly as `gradeLesson` returned it, or `{ok: false, error}` when the engine threw (a bug or a
 * bad request, never a learner's mistake: those are in the result).
 *
 * Solidity: soljson needs a classic worker (`importScripts`), so the compiler runs in a nested
 * worker of its own (`compilerWorker.ts`, served as `solc/compilerWorker.js`; `compilerUrl` in
 * the request), reached through `createCompilerClient`. The same worker gives hardhat/console.sol,
 * so `console.log` lines of contracts are captured as in Node. The fast WASM crypto the Node host
 * injects (`customCrypto`) is Node-only: the dev chain uses @noble's, which gives the same results
 * more slowly.
 *
 * @module
 */
import type { GradeRequest, GradeResult, GradingEnvironment } from '../../../courses/format/grading/gradeLesson.ts'
import { gradeLesson } from '../../../courses/format/grading/gradeLesson.ts'
import type { CompileRequest, CompileResult } from '../../../runtime/compiler/compilerTypes.ts'
import type { LibraryLoader } from '../../../sandbox/createSandbox.ts'
import { createSandbox } from '../../../sandbox/createSandbox.ts'
import { createCompilerClient } from '../src/workers/compilerClient.ts'
import { createBrowserIsolateLibraries } from './browserIsolateLibraries.ts'

export interface GradingWorkerRequest extends GradeRequest {
  /** Echoed in the reply, so a page can match replies to requests. */
  id?: string | number | undefined
  /**
   * Where `manifest.json` and the viem bundle files are served (default: `isolate/` next to this
   * worker's script).
   */
  librariesUrl?: string | undefined
  /**
   * The classic compiler worker script (default: `solc/compilerWorker.js` next to this worker's
   * script).
   */
  compilerUrl?: string | undefined
}

export type GradingWorkerReply =
  | { id: string | number | undefined; ok: true; result: GradeResult; /** Wall time of `gradeLesson` in the worker. */ ms: number }
  | { id: string | number | undefined; ok: false; error: { name: string; message: string }; ms: number }

/**
 * The browser's grading environment.
 *
 * @example
 * const compiler = createCompilerClient({ url: compilerUrl })
 * const environment = createBrowserGradingEnvironment({
 *   libraries: createBrowserIsolateLibraries({ baseUrl }),
 *   compiler,
 *   consoleSol: await compiler.consoleSol(),
 * })
 * const result = await gradeLesson(environment, { lesson: { id: 'first-contract', network: 'dev' }, grader, workspace })
 */
export function createBrowserGradingEnvironment(options: {
  libraries: LibraryLoader
  compiler: { compile(request: CompileRequest): Promise<CompileResult> }
  consoleSol?: string | undefined
}): GradingEnvironment {
  return {
    compiler: options.compiler,
    createSandbox: (sandboxOptions) => createSandbox({ ...sandboxOptions, libraries: options.libraries }),
    ...(options.consoleSol === undefined ? {} : { consoleSol: options.consoleSol }),
  }
}

/** The worker's end: what a dedicated worker's global scope offers that is used here. */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const environments = new Map<string, Promise<GradingEnvironment>>()

/** One environment (one library loader, one compiler worker) per pair of URLs, kept for the worker's life. */
function environmentFor(librariesUrl: string, compilerUrl: string): Promise<GradingEnvironment> {
  const key = JSON.stringify([librariesUrl, compilerUrl])
  let environment = environments.get(key)
  if (!environment) {
    environment = (async () => {
      const compiler = createCompilerClient({ url: compilerUrl })
      // console.sol comes from the compiler worker's libraries.json (soljson is not loaded for it).
      const consoleSol = await compiler.consoleSol()
      return createBrowserGradingEnvironment({ libraries: createBrowserIsolateLibraries({ baseUrl: librariesUrl }), compiler, consoleSol })
    })()
    // A failure (e.g. the compiler worker could not start) is not kept: the next request retries.
    environment.catch(() => environments.delete(key))
    environments.set(key, environment)
  }
  return environment
}

/**
 * Grades one request (the worker's message handler, callable directly).
 *
 * @example
 * const reply = await handleGradingRequest({ id: 1, lesson, grader, workspace, seed: 1 }, { librariesUrl: 'https://…/isolate/', compilerUrl: 'https://…/solc/compilerWorker.js' })
 * if (reply.ok) reply.result.score
 */
export async function handleGradingRequest(request: GradingWorkerRequest, defaults: { librariesUrl: string; compilerUrl: string }): Promise<GradingWorkerReply> {
  const started = performance.now()
  const id = request?.id
  try {
    const { lesson, grader, workspace, seed } = request
    const environment = await environmentFor(request.librariesUrl ?? defaults.librariesUrl, request.compilerUrl ?? defaults.compilerUrl)
    const result = await gradeLesson(environment, {
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
  // Resolved at run time (Vite need not find these at build time: the page passes both URLs).
  const defaults = {
    librariesUrl: new URL(/* @vite-ignore */ 'isolate/', import.meta.url).href,
    compilerUrl: new URL(/* @vite-ignore */ 'solc/compilerWorker.js', import.meta.url).href,
  }
  let queue: Promise<unknown> = Promise.resolve()
  scope.addEventListener('message', (event) => {
    const request = event.data as GradingWorkerRequest
    queue = queue.then(async () => scope.postMessage(await handleGradingRequest(request, defaults)))
  })
}
