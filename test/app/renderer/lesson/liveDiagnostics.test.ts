import { describe, expect, it } from 'vitest'
import type { CompileResult, Diagnostic } from '../../../../runtime/compiler/compilerTypes.ts'
import type { DiagnosticsState } from '../../../../app/renderer/src/lesson/liveDiagnostics.ts'
import { createLiveDiagnostics } from '../../../../app/renderer/src/lesson/liveDiagnostics.ts'
import { manualTimers, settle } from './fakeTimers.ts'

const diag = (d: Partial<Diagnostic>): Diagnostic => ({ severity: 'error', message: 'm', file: 'A.sol', line: 3, column: 5, code: '1', ...d })
const result = (diagnostics: Diagnostic[]): CompileResult => ({ ok: diagnostics.every((d) => d.severity !== 'error'), diagnostics, artifacts: [], compilerVersion: '0.8.28', evmVersion: 'cancun', cached: false })

describe('createLiveDiagnostics', () => {
  it('compiles the .sol files ~400 ms after the last change and applies only the newest result', async () => {
    const timers = manualTimers()
    const compiled: Record<string, string>[] = []
    const resolvers: ((r: CompileResult) => void)[] = []
    const applied: Record<string, unknown>[] = []
    const states: DiagnosticsState['kind'][] = []
    const live = createLiveDiagnostics({
      timers,
      compile: (sources) => {
        compiled.push(sources)
        return new Promise((resolve) => resolvers.push(resolve))
      },
      apply: (m) => applied.push(m),
      state: (s) => states.push(s.kind),
    })
    live.changed({ 'app.ts': 'x' }) // no Solidity: nothing to do
    timers.advance(1000)
    expect(compiled).toEqual([])
    live.changed({ 'A.sol': 'contract A {', 'app.ts': 'x' })
    timers.advance(399)
    expect(compiled).toEqual([])
    timers.advance(1)
    expect(compiled).toEqual([{ 'A.sol': 'contract A {' }])
    live.changed({ 'A.sol': 'contract A {}' })
    timers.advance(400)
    resolvers[1]!(result([]))
    await settle()
    resolvers[0]!(result([diag({})])) // the stale one finishes last
    await settle()
    expect(applied).toEqual([{ 'A.sol': [] }]) // the newest compile: no problems, old markers cleared
    expect(states).toEqual(['checking', 'checking', 'done'])
  })

  it('says when the compiler is unavailable instead of showing nothing', async () => {
    const states: DiagnosticsState[] = []
    const live = createLiveDiagnostics({ timers: manualTimers(), compile: () => Promise.reject(new Error('no worker')), apply: () => {}, state: (s) => states.push(s) })
    live.now({ 'A.sol': '' })
    await settle()
    expect(states.at(-1)).toEqual({ kind: 'unavailable', message: 'no worker' })
  })
})
