import { expect } from 'vitest'
import type { Sandbox, SandboxResult } from '../../sandbox/createSandbox.ts'
import type { JsonValue } from '../../sandbox/jsonValue.ts'

/** The run succeeded; returns its value. */
export function valueOf(result: SandboxResult): JsonValue | undefined {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

/** The run failed; returns its error. */
export function errorOf(result: SandboxResult): Extract<SandboxResult, { ok: false }>['error'] {
  if (result.ok) expect.fail(`expected a failure, got ${JSON.stringify(result.value)}`)
  return result.error
}

/** After an attack, the host (and the shared QuickJS module) still runs a script. */
export async function expectHostWorks(sandbox: Sandbox): Promise<void> {
  expect(valueOf(await sandbox.run('export default [1 + 1, typeof console.log]'))).toEqual([2, 'function'])
}
