/**
 * Solidity diagnostics while typing: ~400 ms after the last keystroke the `.sol` files go to the
 * compiler worker and its diagnostics become markers in the editor. Only the newest compile's
 * result is applied (a slow, stale one is dropped), and typing never waits for it.
 *
 * @module
 */
import type { CompileResult } from '../../../../runtime/compiler/compilerTypes.ts'
import { diagnosticMarkers } from '../editor/diagnosticMarkers.ts'
import type { EditorMarker } from './editorMarker.ts'
import type { Timers } from './latestWins.ts'
import { createDebouncedLatest } from './latestWins.ts'
import { solidityFiles } from './languageOf.ts'

export type DiagnosticsState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; errors: number; warnings: number; ms: number }
  | { kind: 'unavailable'; message: string }

export interface LiveDiagnostics {
  /** The files changed: compile again after the quiet time (nothing happens without .sol files). */
  changed(files: Record<string, string>): void
  /** Compile now (when a lesson opens). */
  now(files: Record<string, string>): void
  dispose(): void
}

/**
 * @example
 * const live = createLiveDiagnostics({ compile: (s) => client.compile({ sources: s }), apply: (m) => editor.setMarkers('solc', m), state: (s) => (status.value = s) })
 */
export function createLiveDiagnostics(options: {
  compile: (sources: Record<string, string>) => Promise<CompileResult>
  apply: (markers: Record<string, EditorMarker[]>) => void
  state: (state: DiagnosticsState) => void
  delayMs?: number | undefined
  timers?: Timers | undefined
  now?: (() => number) | undefined
}): LiveDiagnostics {
  const now = options.now ?? (() => performance.now())
  let started = 0
  const debounced = createDebouncedLatest<Record<string, string>, CompileResult>({
    delayMs: options.delayMs ?? 400,
    timers: options.timers,
    run: (sources) => {
      started = now()
      options.state({ kind: 'checking' })
      return options.compile(sources)
    },
    apply: (result, sources) => {
      // Every shown .sol file gets a list (an empty one clears its old markers).
      options.apply(diagnosticMarkers(result.diagnostics, { sources }))
      options.state({
        kind: 'done',
        errors: result.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
        ms: now() - started,
      })
    },
    fail: (error) => options.state({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) }),
  })
  const pick = (files: Record<string, string>): Record<string, string> | undefined => {
    const sol = solidityFiles(files)
    return Object.keys(sol).length === 0 ? undefined : sol
  }
  return {
    changed(files) {
      const sol = pick(files)
      if (sol) debounced.request(sol)
    },
    now(files) {
      const sol = pick(files)
      if (!sol) return
      debounced.request(sol)
      debounced.flush()
    },
    dispose: () => debounced.cancel(),
  }
}
