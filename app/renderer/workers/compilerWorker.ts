/**
 * The Solidity compiler worker: a *classic* Web Worker (bundled as an IIFE into
 * `solc/compilerWorker.js` by `app/renderer/build/staticAssets.ts`), because soljson.js is loaded
 * with `importScripts` and module workers cannot do that (STACK-NOTES.md).
 *
 * Next to it are `soljson.js` (solc itself, ≈ 9 MB, loaded on the first request that needs it) and
 * `libraries.json` (the bundled libraries: `@openzeppelin/contracts/…` and `hardhat/console.sol`,
 * the files `runtime/compiler/librariesNode.node.ts` reads from disk in Node). Compiling goes
 * through the same `createCompiler` as Node, so artifacts and diagnostics are the same.
 *
 * Protocol (one reply per request, in order): see {@link CompilerWorkerRequest} and
 * {@link CompilerWorkerReply}. The page talks to it through `src/workers/compilerClient.ts`.
 *
 * @module
 */
import type { Compiler } from '../../../runtime/compiler/compiler.ts'
import { createCompiler } from '../../../runtime/compiler/compiler.ts'
import type { CompileRequest, CompileResult, LibraryReader } from '../../../runtime/compiler/compilerTypes.ts'
import type { EmscriptenModule } from '../../../runtime/compiler/soljsonModule.ts'
import { soljsonModule } from '../../../runtime/compiler/soljsonModule.ts'

export type CompilerWorkerRequest =
  | { id: number | string; kind: 'compile'; request: CompileRequest }
  | { id: number | string; kind: 'version' }
  /** The text of hardhat/console.sol (the grading engine decodes console.log lines with it). */
  | { id: number | string; kind: 'consoleSol' }

export type CompilerWorkerReply =
  | { id: number | string; ok: true; result: CompileResult | string }
  | { id: number | string; ok: false; error: { name: string; message: string } }

/** `libraries.json`: library path → source text (written by the build, read here). */
export interface LibrariesFile {
  files: Record<string, string>
}

/** The file names next to the worker script. */
export const SOLJSON_FILE = 'soljson.js'
export const LIBRARIES_FILE = 'libraries.json'
export const CONSOLE_SOL = 'hardhat/console.sol'

interface ClassicWorkerScope {
  importScripts(url: string): void
  Module?: EmscriptenModule | undefined
  location: { href: string }
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/** An error whose message says what failed in Korean and in English. */
function bilingual(name: string, ko: string, en: string): Error {
  const error = new Error(`${ko} / ${en}`)
  error.name = name
  return error
}

/**
 * The worker's state and request handling (exported for reading; the worker installs itself below).
 *
 * @example
 * const handle = createCompilerWorkerHandler(self)
 * await handle({ id: 1, kind: 'version' }) // { id: 1, ok: true, result: '0.8.28+commit…' }
 */
export function createCompilerWorkerHandler(scope: ClassicWorkerScope): (message: CompilerWorkerRequest) => Promise<CompilerWorkerReply> {
  let libraries: Promise<Record<string, string>> | undefined
  let compiler: Promise<Compiler> | undefined

  const loadLibraries = (): Promise<Record<string, string>> => {
    libraries ??= (async () => {
      const url = new URL(LIBRARIES_FILE, scope.location.href).href
      const response = await fetch(url)
      if (!response.ok) {
        throw bilingual(
          'CompilerLibrariesError',
          `번들 라이브러리(${url})를 받지 못했습니다: HTTP ${response.status}. 앱을 다시 빌드했는지 확인하세요.`,
          `Could not fetch the bundled libraries (${url}): HTTP ${response.status}. Check that the app was built completely.`,
        )
      }
      const body = (await response.json()) as Partial<LibrariesFile>
      if (body === null || typeof body.files !== 'object' || body.files === null) throw new TypeError(`${url}: expected { files: { path: text } }`)
      return body.files
    })().catch((error: unknown) => {
      libraries = undefined // a later request retries
      throw error
    })
    return libraries
  }

  const loadCompiler = (): Promise<Compiler> => {
    compiler ??= (async () => {
      const files = await loadLibraries()
      const readLibrary: LibraryReader = (path) => (Object.hasOwn(files, path) ? files[path] : undefined)
      const url = new URL(SOLJSON_FILE, scope.location.href).href
      try {
        scope.importScripts(url)
      } catch (error) {
        throw bilingual(
          'CompilerLoadError',
          `솔리디티 컴파일러(${url})를 불러오지 못했습니다: ${(error as Error).message}`,
          `Could not load the Solidity compiler (${url}): ${(error as Error).message}`,
        )
      }
      if (scope.Module === undefined) throw bilingual('CompilerLoadError', `${url}에 emscripten Module이 없습니다.`, `${url} defined no emscripten Module.`)
      return createCompiler({ solc: soljsonModule(scope.Module), readLibrary })
    })().catch((error: unknown) => {
      compiler = undefined
      throw error
    })
    return compiler
  }

  return async (message) => {
    const id = message?.id
    try {
      switch (message?.kind) {
        case 'compile': {
          const sources = message.request?.sources
          if (typeof sources !== 'object' || sources === null) throw new TypeError('compile: request.sources must be an object of path → Solidity text')
          return { id, ok: true, result: (await loadCompiler()).compile(message.request) }
        }
        case 'version':
          return { id, ok: true, result: (await loadCompiler()).version }
        case 'consoleSol': {
          const text = (await loadLibraries())[CONSOLE_SOL]
          if (text === undefined) throw new Error(`${LIBRARIES_FILE} has no ${CONSOLE_SOL}`)
          return { id, ok: true, result: text }
        }
        default:
          throw new TypeError(`kind: expected 'compile', 'version' or 'consoleSol', got ${JSON.stringify((message as { kind?: unknown } | null)?.kind)}`)
      }
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error))
      return { id, ok: false, error: { name: e.name, message: e.message } }
    }
  }
}

// Runs as a worker only: one request at a time, replies in order.
if ('WorkerGlobalScope' in globalThis && typeof (globalThis as { importScripts?: unknown }).importScripts === 'function') {
  const scope = globalThis as unknown as ClassicWorkerScope
  const handle = createCompilerWorkerHandler(scope)
  let queue: Promise<unknown> = Promise.resolve()
  scope.addEventListener('message', (event) => {
    const message = event.data as CompilerWorkerRequest
    queue = queue.then(async () => scope.postMessage(await handle(message)))
  })
}
