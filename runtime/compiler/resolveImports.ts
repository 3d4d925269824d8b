/**
 * Gathers every file a compilation needs before solc runs: the workspace sources plus, import by
 * import, the files they pull in — relative paths against the importing file, other paths from
 * the workspace or the bundled libraries. Resolving up front (rather than through solc's import
 * callback) works the same in Node and in a browser worker, where soljson's callback is awkward,
 * and a missing import becomes a diagnostic at the import's line.
 *
 * @module
 */
import type { Diagnostic, LibraryReader } from './compilerTypes.ts'

// import "x"; import "x" as Y; import * as Y from "x"; import {A, B as C} from "x";
const IMPORT = /\bimport\s+(?:[^;"']*?\bfrom\s+)?["']([^"']+)["'][^;]*;/g

export interface ResolvedSources {
  sources: Record<string, string>
  diagnostics: Diagnostic[]
}

/** The path an import names, seen from the file that imports it. */
export function importTarget(fromFile: string, spec: string): string {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return spec
  const parts = fromFile.split('/').slice(0, -1)
  for (const part of spec.split('/')) {
    if (part === '.' || part === '') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/** Line and column (1-based) of character `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let last = -1
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      last = i
    }
  }
  return { line, column: offset - last }
}

/** Strips comments so that commented-out imports are not followed (keeps offsets). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '))
}

/**
 * @example
 * resolveImports({ 'A.sol': 'import "./B.sol";' }, (p) => undefined).diagnostics[0].code // 'import-not-found'
 */
export function resolveImports(workspace: Record<string, string>, readLibrary: LibraryReader): ResolvedSources {
  const sources: Record<string, string> = { ...workspace }
  const diagnostics: Diagnostic[] = []
  const queue = Object.keys(workspace)
  const seen = new Set(queue)
  while (queue.length > 0) {
    const file = queue.shift()!
    const text = sources[file]!
    const scan = withoutComments(text)
    for (const m of scan.matchAll(IMPORT)) {
      const target = importTarget(file, m[1]!)
      if (seen.has(target)) continue
      seen.add(target)
      const content = workspace[target] ?? readLibrary(target)
      if (content === undefined) {
        const at = lineColumn(text, m.index)
        diagnostics.push({
          severity: 'error',
          message: `Source "${target}" not found: it is neither in the workspace nor a bundled library (@openzeppelin/contracts/…, hardhat/console.sol).`,
          file,
          line: at.line,
          column: at.column,
          code: 'import-not-found',
        })
        continue
      }
      sources[target] = content
      queue.push(target)
    }
  }
  return { sources, diagnostics }
}
