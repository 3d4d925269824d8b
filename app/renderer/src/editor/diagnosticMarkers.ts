/**
 * solc's diagnostics (`runtime/compiler/compilerTypes.ts`: file, 1-based line and column) as editor
 * markers in Monaco's shape (`startLineNumber`, `startColumn`, `endLineNumber`, `endColumn`, all
 * 1-based), grouped by file. Pure: no Monaco import; the editor maps `severity` to
 * `monaco.MarkerSeverity` and calls `setModelMarkers` per file.
 *
 * solc gives only where a problem starts, so a marker spans the word (identifier, number or one
 * other character) at that place when the source text is known, else one character. A diagnostic
 * with no place still shows somewhere: on its file's first line, or — when it names no file, or a
 * file the editor does not show (a library) — on the fallback file's first line, with the place it
 * names kept in the message.
 *
 * @module
 */
import type { Diagnostic } from '../../../../runtime/compiler/compilerTypes.ts'

/** One marker, in Monaco's `IMarkerData` shape (1-based, end exclusive). */
export interface EditorMarker {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
  severity: 'error' | 'warning' | 'info'
  message: string
  /** solc's error code (e.g. "2314"), or the compiler's own (`import-not-found`). */
  code: string
}

export interface DiagnosticMarkersOptions {
  /**
   * The files the editor shows (path → text): markers span the word at the place, every file gets
   * an entry (an empty list clears its old markers), and diagnostics about other files go to the
   * fallback file.
   */
  sources?: Record<string, string> | undefined
  /** Where diagnostics without a shown file go (default: the first of `sources`, by path). */
  fallbackFile?: string | undefined
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const

/** The end column (exclusive) of the word starting at `column` (1-based) on `line`. */
function wordEnd(line: string, column: number): number {
  const rest = line.slice(column - 1)
  const word = /^[A-Za-z_$][\w$]*|^0x[0-9a-fA-F]+|^\d[\d_]*/.exec(rest)
  if (word) return column + word[0].length
  return column + 1
}

/** Whole first line (at least one column), for a diagnostic with no place. */
function firstLine(text: string | undefined): { endColumn: number } {
  const line = text?.split('\n', 1)[0]?.replace(/\r$/, '') ?? ''
  return { endColumn: Math.max(line.length, 1) + 1 }
}

/**
 * @example
 * const markers = diagnosticMarkers(result.diagnostics, { sources: workspaceSol })
 * for (const [file, list] of Object.entries(markers)) monaco.editor.setModelMarkers(modelOf(file), 'solc', list.map(toMonaco))
 * // diagnosticMarkers([{ severity: 'error', message: 'Expected ;', file: 'A.sol', line: 3, column: 9, code: '2314' }])
 * // → { 'A.sol': [{ startLineNumber: 3, startColumn: 9, endLineNumber: 3, endColumn: 10, severity: 'error', message: 'Expected ;', code: '2314' }] }
 */
export function diagnosticMarkers(diagnostics: readonly Diagnostic[], options: DiagnosticMarkersOptions = {}): Record<string, EditorMarker[]> {
  if (!Array.isArray(diagnostics)) throw new TypeError('diagnosticMarkers: diagnostics must be an array of compiler diagnostics')
  const sources = options.sources
  const shown = (file: string): boolean => sources === undefined || Object.hasOwn(sources, file)
  const fallback = options.fallbackFile ?? (sources === undefined ? undefined : Object.keys(sources).sort()[0])
  const out: Record<string, EditorMarker[]> = {}
  for (const path of Object.keys(sources ?? {})) out[path] = []

  for (const d of diagnostics) {
    const base = { severity: d.severity, code: d.code }
    if (d.file !== null && shown(d.file)) {
      const text = sources?.[d.file]
      if (d.line !== null && d.line >= 1) {
        const lines = text?.split('\n')
        const startLineNumber = lines === undefined ? d.line : Math.min(d.line, lines.length)
        const lineText = lines?.[startLineNumber - 1]?.replace(/\r$/, '')
        const startColumn = Math.max(1, lineText === undefined ? (d.column ?? 1) : Math.min(d.column ?? 1, lineText.length + 1))
        const endColumn = lineText === undefined ? startColumn + 1 : wordEnd(lineText, startColumn)
        ;(out[d.file] ??= []).push({ ...base, startLineNumber, startColumn, endLineNumber: startLineNumber, endColumn, message: d.message })
      } else {
        ;(out[d.file] ??= []).push({ ...base, startLineNumber: 1, startColumn: 1, endLineNumber: 1, ...firstLine(text), message: d.message })
      }
      continue
    }
    // No file, or one the editor does not show: the fallback file's first line, the place in the message.
    const target = fallback ?? d.file ?? ''
    const place = d.file === null ? '' : `${d.file}${d.line === null ? '' : `:${d.line}${d.column === null ? '' : `:${d.column}`}`}: `
    ;(out[target] ??= []).push({ ...base, startLineNumber: 1, startColumn: 1, endLineNumber: 1, ...firstLine(sources?.[target]), message: `${place}${d.message}` })
  }

  for (const list of Object.values(out)) {
    list.sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  }
  return out
}
