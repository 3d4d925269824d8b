/**
 * TEMPORARY placeholder (branch step5-player): the compiler helper writes the real
 * diagnosticMarkers (same signature: `diagnosticMarkers(diagnostics, { sources, fallbackFile })`
 * → markers per file in Monaco's shape). This minimal one only exists so the player builds before
 * the merge. Replace it on merge.
 *
 * @module
 */
import type { Diagnostic } from '../../../../runtime/compiler/compilerTypes.ts'

export interface EditorMarker {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
  severity: 'error' | 'warning' | 'info'
  message: string
  code: string
}

export interface DiagnosticMarkersOptions {
  sources?: Record<string, string> | undefined
  fallbackFile?: string | undefined
}

/** TEMPORARY: see the module comment. */
export function diagnosticMarkers(diagnostics: readonly Diagnostic[], options: DiagnosticMarkersOptions = {}): Record<string, EditorMarker[]> {
  const out: Record<string, EditorMarker[]> = {}
  for (const path of Object.keys(options.sources ?? {})) out[path] = []
  const fallback = options.fallbackFile ?? Object.keys(options.sources ?? {}).sort()[0]
  for (const d of diagnostics) {
    const shown = d.file !== null && (options.sources === undefined || d.file in options.sources)
    const file = shown ? d.file! : fallback
    if (file === undefined) continue
    const line = shown && d.line !== null ? d.line : 1
    const column = shown && d.column !== null ? d.column : 1
    ;(out[file] ??= []).push({ severity: d.severity, message: d.message, code: d.code, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + 1 })
  }
  return out
}
