/**
 * TEMPORARY placeholder (branch step5-player): the compiler helper writes the real
 * diagnosticMarkers. Maps solc diagnostics to Monaco-shaped marker data per file.
 *
 * @module
 */
import type { Diagnostic } from '../../../../runtime/compiler/compilerTypes.ts'

export interface DiagnosticMarker {
  severity: 'error' | 'warning' | 'info'
  message: string
  code: string
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

/** TEMPORARY: see the module comment. */
export function diagnosticMarkers(diagnostics: readonly Diagnostic[]): Record<string, DiagnosticMarker[]> {
  const out: Record<string, DiagnosticMarker[]> = {}
  for (const d of diagnostics) {
    if (d.file === null) continue
    const line = d.line ?? 1
    const column = d.column ?? 1
    ;(out[d.file] ??= []).push({ severity: d.severity, message: d.message, code: d.code, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + 1 })
  }
  return out
}
