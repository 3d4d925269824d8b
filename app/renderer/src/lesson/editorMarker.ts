/**
 * A marker in the editor as the compiler's diagnostics give it (severity by name: Monaco's
 * numbers stay inside editorController.ts).
 *
 * @module
 */

export interface EditorMarker {
  severity: 'error' | 'warning' | 'info'
  message: string
  code?: string | undefined
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}
