/**
 * A `SolcModule` from soljson's emscripten `Module` itself — what a browser host has after
 * `importScripts('soljson.js')` in a classic worker (the `solc` package's wrapper pulls Node
 * modules and does not load in a browser; module workers cannot `importScripts`).
 *
 * @module
 */
import type { SolcModule } from './compilerTypes.ts'

/** The part of soljson's emscripten module this adapter uses. */
export interface EmscriptenModule {
  cwrap(name: string, returnType: string | null, argTypes: string[]): (...args: unknown[]) => unknown
}

/**
 * @example
 * // in a classic worker
 * importScripts('soljson.js')
 * const compiler = createCompiler({ solc: soljsonModule(self.Module) })
 */
export function soljsonModule(module: EmscriptenModule): SolcModule {
  const compile = module.cwrap('solidity_compile', 'string', ['string', 'number', 'number']) as (input: string, callbacks: number, context: number) => string
  const version = module.cwrap('solidity_version', 'string', []) as () => string
  // No import callback (0): imports are resolved before compiling (resolveImports.ts).
  return { compile: (input) => compile(input, 0, 0), version }
}
