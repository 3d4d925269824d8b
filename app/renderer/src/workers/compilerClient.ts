/**
 * The page's (or a worker's) handle on the Solidity compiler worker (`workers/compilerWorker.ts`,
 * served as the classic script `solc/compilerWorker.js`): requests become promises, matched to
 * replies by id. The worker starts on the first call; soljson loads inside it on the first
 * compile (≈ 1 s), later compiles are fast and cached by input.
 *
 * If the worker dies (its `error` event: the script failed to load, soljson aborted), every
 * pending call rejects with a {@link CompilerWorkerError} and the next call starts a fresh worker.
 *
 * @module
 */
import type { CompileRequest, CompileResult } from '../../../../runtime/compiler/compilerTypes.ts'
import type { CompilerWorkerRequest } from '../../workers/compilerWorker.ts'
import type { WorkerLike } from './workerCalls.ts'
import { createWorkerCalls } from './workerCalls.ts'

export interface CompilerClientOptions {
  /**
   * The compiler worker script. Default on a page: `solc/compilerWorker.js` next to the document;
   * required inside a worker (it has no document).
   */
  url?: string | URL | undefined
  /** Starts the worker (default: a classic `new Worker(url)`); tests pass a fake. */
  createWorker?: ((url: URL) => WorkerLike) | undefined
}

export interface CompilerClient {
  compile(request: CompileRequest): Promise<CompileResult>
  /** solc's version string, e.g. `0.8.28+commit.7893614a.Emscripten.clang`. */
  version(): Promise<string>
  /** The text of hardhat/console.sol, for the grading engine's console.log capture. */
  consoleSol(): Promise<string>
  /** Stops the worker; pending calls reject. A later call starts a new one. */
  terminate(): void
}

/** The compiler worker stopped (or failed to start); the message says it in Korean and English. */
export class CompilerWorkerError extends Error {
  override name = 'CompilerWorkerError'
  readonly code = 'compiler.worker-died'
  readonly ko: string
  readonly en: string
  constructor(detail: string) {
    const ko = `솔리디티 컴파일러 작업자(worker)가 멈췄습니다(${detail}). 다시 시도하면 새 작업자가 시작됩니다.`
    const en = `The Solidity compiler worker stopped (${detail}). Try again: a fresh worker starts.`
    super(`${ko} / ${en}`)
    this.ko = ko
    this.en = en
  }
}

/** A request before it gets its id (distributes over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

function defaultUrl(): URL {
  const page = globalThis as { document?: { baseURI: string } }
  if (page.document === undefined) {
    throw new TypeError('createCompilerClient: options.url is required inside a worker (there is no document to resolve solc/compilerWorker.js against)')
  }
  return new URL('solc/compilerWorker.js', page.document.baseURI)
}

function classicWorker(url: URL): WorkerLike {
  const Ctor = (globalThis as unknown as { Worker: new (url: URL) => WorkerLike }).Worker
  // Classic (no type: 'module'): soljson is loaded with importScripts.
  return new Ctor(url)
}

/**
 * @example
 * const compiler = createCompilerClient()
 * const { ok, diagnostics, artifacts } = await compiler.compile({ sources: { 'Counter.sol': text } })
 */
export function createCompilerClient(options: CompilerClientOptions = {}): CompilerClient {
  const url = options.url === undefined ? defaultUrl() : new URL(String(options.url), (globalThis as { location?: { href: string } }).location?.href)
  const start = options.createWorker ?? classicWorker
  const calls = createWorkerCalls({ start: () => start(url), died: (detail) => new CompilerWorkerError(detail), unreadable: `${url.href} could not run` })
  const ask = <T>(message: WithoutId<CompilerWorkerRequest>): Promise<T> => calls.ask<T>(message)

  return {
    compile(request) {
      if (typeof request !== 'object' || request === null || typeof request.sources !== 'object' || request.sources === null) {
        return Promise.reject(new TypeError('compile: request.sources must be an object of path → Solidity text'))
      }
      return ask<CompileResult>({ kind: 'compile', request })
    },
    version: () => ask<string>({ kind: 'version' }),
    consoleSol: () => ask<string>({ kind: 'consoleSol' }),
    terminate: () => calls.terminate(),
  }
}
