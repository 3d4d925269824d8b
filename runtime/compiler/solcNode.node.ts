/**
 * The Node host's soljson: the bundled `solc` package, loaded with `require` (it is CommonJS and
 * works offline: the compiler is inside the package).
 *
 * @module
 */
import { createRequire } from 'node:module'
import type { SolcModule } from './compilerTypes.ts'

/** Loads the bundled solc (≈ 0.2 s the first time). */
export function loadSolcNode(): SolcModule {
  const require = createRequire(import.meta.url)
  const solc = require('solc') as { compile(input: string): string; version(): string }
  return { compile: (input) => solc.compile(input), version: () => solc.version() }
}
