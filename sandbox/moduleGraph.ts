/**
 * What a sandboxed script may import, prepared before it runs. QuickJS's module loader (release
 * sync variant) must answer synchronously, while transpiling (sucrase, loaded lazily) and library
 * sources (read by the host) are asynchronous. So the host walks the import graph first — every
 * static `import`/`export … from` and every `import('literal')` of each reachable file — prepares
 * each source, and then serves them from memory. A specifier the walk did not prepare (an unknown
 * package, a file outside the workspace, a computed dynamic import) is refused at load time with
 * `sandbox.import`.
 *
 * Three kinds of module, one name space:
 * - learner files (`files`, plus the entry): named by their relative path (`lib/util.ts`), reached
 *   by relative specifiers from each other only, `.ts` transpiled;
 * - host modules (`modules`): bare specifiers (`playground`) with JavaScript the host wrote;
 * - libraries (`libraries`): bare specifiers the {@link LibraryLoader} knows (`viem`, …).
 *
 * @module
 */
import { InvalidFieldError } from '../runtime/errors/input.ts'
import { libraryError, limitError, type SandboxError } from './sandboxErrors.ts'
import { isTypeScript, transpileTypeScript, type TranspileMap } from './transpile.ts'

/**
 * Supplies prebuilt library sources by bare specifier, only when a script imports them. Return
 * `undefined` for a specifier you do not serve (the import is then refused).
 *
 * @example
 * const libraries: LibraryLoader = { load: async (specifier) => (specifier === 'viem' ? viemSource : undefined) }
 */
export interface LibraryLoader {
  load(specifier: string): Promise<string | undefined>
}

export type ModuleKind = 'learner' | 'module' | 'library'

/** A module ready for the synchronous loader. */
export interface PreparedModule {
  name: string
  kind: ModuleKind
  code: string
  /** Maps transpiled positions back to the learner's (TypeScript files only). */
  map: TranspileMap | undefined
}

export interface ModuleGraph {
  modules: Map<string, PreparedModule>
  /** Some library was prepared: the isolate needs the library polyfills. */
  usesLibraries: boolean
}

/** File names a relative import can reach (others are data, e.g. `answers.yaml`). */
const IMPORTABLE = /\.(?:ts|mts|js|mjs)$/
/** The extensions tried, in order, for a specifier without one — as bundlers and TS do. */
const EXTENSIONS = ['.ts', '.js', '.mts', '.mjs']

/**
 * Checks a workspace path and returns it normalized (`./lib//a.ts` → `lib/a.ts`), or undefined
 * when it is absolute, empty or leaves the workspace (`../x`).
 *
 * @example
 * normalizeFilePath('./lib/../util.ts') // 'util.ts'
 * normalizeFilePath('../../etc/passwd') // undefined
 */
export function normalizeFilePath(path: string): string | undefined {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0') || /^[A-Za-z]:/.test(path)) return undefined
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(part)
  }
  return parts.length === 0 ? undefined : parts.join('/')
}

/** A bare specifier a host module may be named by: a package-like name, not a path. */
export function isBareSpecifier(specifier: string): boolean {
  return /^[A-Za-z@][\w@./-]*$/.test(specifier) && !specifier.includes('..') && !specifier.includes('//')
}

/** Checks and normalizes the `files` option (paths inside the workspace, text sources). */
export function checkFiles(files: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const checked = new Map<string, string>()
  for (const [path, source] of Object.entries(files ?? {})) {
    const normalized = normalizeFilePath(path)
    if (normalized === undefined || typeof source !== 'string') {
      throw new InvalidFieldError({
        field: 'files',
        expected: { en: 'relative paths inside the workspace mapped to source text', ko: '작업 공간 안의 상대 경로와 소스 텍스트' },
        got: path,
      })
    }
    checked.set(normalized, source)
  }
  return checked
}

/** Checks the `modules` option (bare specifiers, JavaScript text, no clash with a file). */
export function checkModules(modules: Readonly<Record<string, string>> | undefined, files: ReadonlyMap<string, string>): Map<string, string> {
  const checked = new Map<string, string>()
  for (const [specifier, source] of Object.entries(modules ?? {})) {
    if (!isBareSpecifier(specifier) || files.has(specifier) || typeof source !== 'string') {
      throw new InvalidFieldError({
        field: 'modules',
        expected: { en: 'bare specifiers (not paths, not file names) mapped to JavaScript', ko: '경로나 파일 이름이 아닌 모듈 이름과 자바스크립트' },
        got: specifier,
      })
    }
    checked.set(specifier, source)
  }
  return checked
}

/**
 * The name a specifier stands for, seen from module `base`: relative specifiers from a learner
 * file resolve inside the workspace (trying `.ts`, `.js`, `/index.ts` … when the file does not
 * exist as written, and `x.js` → `x.ts` as TypeScript's ESM convention has it); everything else
 * is its own name. The result may name nothing: the loader refuses it then.
 *
 * @example
 * resolveSpecifier('lib/a.ts', './util', { isLearner: () => true, files }) // 'lib/util.ts' if files has it
 */
export function resolveSpecifier(base: string, specifier: string, context: { isLearner(name: string): boolean; files: ReadonlyMap<string, string> }): string {
  if (!isRelative(specifier)) return specifier
  // Host modules and libraries have no relative imports of their own; QuickJS's usual join stands.
  const directory = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : ''
  const joined = normalizeFilePath(directory + specifier)
  if (joined === undefined || !context.isLearner(base)) return joined ?? specifier
  const candidates = [joined, ...EXTENSIONS.map((ext) => joined + ext), ...EXTENSIONS.map((ext) => `${joined}/index${ext}`)]
  if (/\.m?js$/.test(joined)) candidates.push(joined.replace(/\.(m?)js$/, '.$1ts'))
  return candidates.find((name) => IMPORTABLE.test(name) && context.files.has(name)) ?? joined
}

/** `./x`, `../x`, `.` or `..`: resolved against the importing file. */
export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..'
}

/**
 * Import specifiers in JavaScript: static imports and re-exports, and dynamic imports of string
 * literals. A regular expression over-approximates (a specifier in a comment counts too), which
 * only prepares a module that is never asked for.
 *
 * @example
 * scanImports('import { a } from "./a"\nconst b = await import("viem")') // ['./a', 'viem']
 */
export function scanImports(code: string): string[] {
  const found = new Set<string>()
  for (const match of code.matchAll(STATIC_IMPORT)) if (match[2] !== undefined) found.add(match[2])
  for (const match of code.matchAll(DYNAMIC_IMPORT)) if (match[2] !== undefined) found.add(match[2])
  return [...found]
}

const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]{1,300})\1/g
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\s*\(\s*(["'])([^"'\n]{1,300})\1\s*\)/g

/** Library sources are large (viem ≈ 600 KB): their import lists are scanned once per process. */
const libraryScans = new Map<string, { code: string; imports: string[] }>()

/**
 * Walks the import graph from the entry and prepares every reachable module.
 *
 * @example
 * const graph = await prepareModuleGraph({ entry: { name: 'main.ts', source }, files, modules, libraries })
 * if ('error' in graph) return fail(graph.error)
 */
export async function prepareModuleGraph(input: {
  entry: { name: string; source: string }
  files: ReadonlyMap<string, string>
  modules: ReadonlyMap<string, string>
  libraries: LibraryLoader | undefined
  /** Budget of learner source bytes (UTF-8), checked before each file is transpiled. */
  sourceBytes: number
}): Promise<ModuleGraph | { error: SandboxError }> {
  const { entry, files, modules, libraries } = input
  let learnerBytes = 0
  const prepared = new Map<string, PreparedModule>()
  const isLearner = (name: string): boolean => name === entry.name || (files.has(name) && IMPORTABLE.test(name))
  let usesLibraries = false
  const queue: { name: string; kind: ModuleKind; source: string }[] = [{ name: entry.name, kind: 'learner', source: entry.source }]
  const queued = new Set<string>([entry.name])
  while (queue.length > 0) {
    const next = queue.shift()
    if (!next) break
    let code = next.source
    let map: TranspileMap | undefined
    let imports: string[]
    if (next.kind === 'library') {
      const cached = libraryScans.get(next.name)
      imports = cached && cached.code === code ? cached.imports : scanImports(code)
      libraryScans.set(next.name, { code, imports })
    } else {
      if (next.kind === 'learner') {
        learnerBytes += utf8Length(code)
        if (learnerBytes > input.sourceBytes) return { error: limitError('source', input.sourceBytes) }
      }
      if (next.kind === 'learner' && isTypeScript(next.name)) {
        const transpiled = await transpileTypeScript(code, next.name)
        if ('error' in transpiled) return transpiled
        code = transpiled.code
        map = transpiled.map
      }
      imports = scanImports(code)
    }
    prepared.set(next.name, { name: next.name, kind: next.kind, code, map })
    for (const specifier of imports) {
      const name = resolveSpecifier(next.name, specifier, { isLearner, files })
      if (queued.has(name)) continue
      let found: { kind: ModuleKind; source: string } | undefined
      if (isLearner(name) && next.kind === 'learner' && isRelative(specifier)) found = { kind: 'learner', source: files.get(name) ?? '' }
      else if (modules.has(name)) found = { kind: 'module', source: modules.get(name) ?? '' }
      else if (libraries && isBareSpecifier(name)) {
        let source: string | undefined
        try {
          source = await libraries.load(name)
        } catch (error) {
          return { error: libraryError(name, error instanceof Error ? error.message : String(error)) }
        }
        if (typeof source === 'string') {
          found = { kind: 'library', source }
          usesLibraries = true
        }
      }
      // Not found: the specifier stays unprepared and the loader refuses it if it is really asked for.
      if (!found) continue
      queued.add(name)
      queue.push({ name, ...found })
    }
  }
  return { modules: prepared, usesLibraries }
}

/** UTF-8 length without TextEncoder (not in the ES2022 lib this room compiles with). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
