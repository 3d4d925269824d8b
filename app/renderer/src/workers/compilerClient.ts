/**
 * TEMPORARY placeholder (branch step5-player): the compiler helper writes the real compilerClient
 * (solc in a classic worker). Until the merge there is no compiler worker in this branch's build,
 * so every call rejects with that reason; the player shows it instead of markers.
 *
 * @module
 */
import type { CompileResult } from '../../../../runtime/compiler/compilerTypes.ts'

export interface CompilerClient {
  compile(request: { sources: Record<string, string> }): Promise<CompileResult>
  version(): Promise<string>
  consoleSol(): Promise<string>
  terminate(): void
}

const MISSING = 'the Solidity compiler worker is not in this build (placeholder)'

/** TEMPORARY: see the module comment. */
export function createCompilerClient(_options: { url?: string | URL } = {}): CompilerClient {
  return {
    compile: () => Promise.reject(new Error(MISSING)),
    version: () => Promise.reject(new Error(MISSING)),
    consoleSol: () => Promise.reject(new Error(MISSING)),
    terminate() {},
  }
}
