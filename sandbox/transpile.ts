/**
 * TypeScript → JavaScript for the isolate: sucrase's `typescript` transform only (types, `import
 * type`, enums; ES module syntax and modern syntax kept as they are, QuickJS runs ES2023). Sucrase
 * is loaded on the first `.ts` file, so a JavaScript-only run never loads it.
 *
 * Sucrase keeps lines but not columns (a removed `: number` shifts the rest of its line), so each
 * transpiled file keeps sucrase's per-token source map, and positions QuickJS reports are mapped
 * back to the learner's line and column ({@link originalPosition}).
 *
 * @module
 */
import { syntaxError, type SandboxError } from './sandboxErrors.ts'

/** A transpiled file: the JavaScript and what maps its positions back. */
export interface TranspiledFile {
  code: string
  /** Per generated line (0-based), segments `[generatedColumn, originalLine, originalColumn]` (0-based). */
  map: TranspileMap | undefined
}

export type TranspileMap = readonly (readonly (readonly [number, number, number])[])[]

type SucraseTransform = (code: string, options: object) => { code: string; sourceMap?: { mappings: string } }

let sucrase: Promise<SucraseTransform> | undefined

/** Files whose name ends like this are transpiled. */
export function isTypeScript(file: string): boolean {
  return /\.(?:ts|mts|cts)$/.test(file)
}

/**
 * @example
 * const result = await transpileTypeScript('const x: number = 1\nexport default x', 'mine.ts')
 * // { code: 'const x = 1\nexport default x', map: [...] }
 * // a syntax error: { error: SandboxError('sandbox.script-error', 'SyntaxError: Unexpected token', line, column, file) }
 */
export async function transpileTypeScript(source: string, file: string): Promise<TranspiledFile | { error: SandboxError }> {
  const transform = await loadSucrase()
  let output: ReturnType<SucraseTransform>
  try {
    output = transform(source, {
      transforms: ['typescript'],
      // Keep optional chaining, class fields, `??` …: QuickJS runs them natively, and rewriting
      // them would only move columns further.
      disableESTransforms: true,
      filePath: file,
      sourceMapOptions: { compiledFilename: file },
    })
  } catch (error) {
    // Sucrase's parse errors carry `loc` (1-based line and column) and a message that repeats it.
    const record = (error ?? {}) as { message?: unknown; loc?: { line?: unknown; column?: unknown } }
    const message = typeof record.message === 'string' ? record.message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '') : String(error)
    const line = typeof record.loc?.line === 'number' ? record.loc.line : undefined
    const column = typeof record.loc?.column === 'number' ? record.loc.column : undefined
    return { error: syntaxError(message, file, line, column) }
  }
  return { code: output.code, map: output.sourceMap ? decodeMappings(output.sourceMap.mappings) : undefined }
}

/** Whether sucrase was loaded in this process (tests: a JavaScript-only run never loads it). */
export function isTranspilerLoaded(): boolean {
  return sucrase !== undefined
}

function loadSucrase(): Promise<SucraseTransform> {
  sucrase ??= import('sucrase').then(
    (module) => module.transform as unknown as SucraseTransform,
    (error: unknown) => {
      sucrase = undefined // a later run may retry
      throw error
    },
  )
  return sucrase
}

/**
 * The learner's position (1-based) of a 1-based position in the transpiled code: the last mapped
 * token at or before the column, shifted by the distance into it. Without a mapped token on that
 * line the line stands (sucrase keeps lines) and the column is dropped.
 *
 * @example
 * originalPosition(map, 3, 12) // { line: 3, column: 22 }
 */
export function originalPosition(map: TranspileMap | undefined, line: number, column: number | undefined): { line: number; column: number | undefined } {
  if (!map) return { line, column }
  const segments = map[line - 1]
  if (!segments || segments.length === 0 || column === undefined) return { line, column: undefined }
  let best: readonly [number, number, number] | undefined
  for (const segment of segments) {
    if (segment[0] <= column - 1) best = segment
    else break
  }
  if (!best) return { line, column: undefined }
  return { line: best[1] + 1, column: best[2] + 1 + (column - 1 - best[0]) }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes a source map's `mappings` (VLQ, one source) into absolute 0-based segments per line. */
export function decodeMappings(mappings: string): TranspileMap {
  const lines: [number, number, number][][] = []
  let sourceLine = 0
  let sourceColumn = 0
  for (const lineText of mappings.split(';')) {
    const segments: [number, number, number][] = []
    let generatedColumn = 0
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue
      const fields = decodeVlq(segmentText)
      generatedColumn += fields[0] ?? 0
      if (fields.length >= 4) {
        sourceLine += fields[2] ?? 0
        sourceColumn += fields[3] ?? 0
        segments.push([generatedColumn, sourceLine, sourceColumn])
      }
    }
    lines.push(segments)
  }
  return lines
}

function decodeVlq(text: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = BASE64.indexOf(char)
    if (digit < 0) break
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}
