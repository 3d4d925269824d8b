/**
 * The compiler's contract with its host and its users: the injected soljson module, a compile
 * request (sources by path), diagnostics with line and column, and artifacts that record the
 * compiler and EVM versions they were built with.
 *
 * @module
 */

/**
 * The soljson module, injected by the host: `require('solc')` in Node, `importScripts('soljson.js')`
 * plus `Module.cwrap('solidity_compile', …)` in a classic browser worker. Standard JSON in and out.
 */
export interface SolcModule {
  compile(standardJsonInput: string): string
  version(): string
}

/** Reads a bundled library file (`@openzeppelin/contracts/…`, `hardhat/console.sol`), or undefined. */
export type LibraryReader = (path: string) => string | undefined

export interface CompileRequest {
  /** Workspace sources by path (e.g. `contracts/Token.sol`). */
  sources: Record<string, string>
  /** Optimizer runs (omit: optimizer off, as Remix and Hardhat default). */
  optimizerRuns?: number | undefined
}

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info'
  message: string
  /** The file it is about (null: the whole compilation). */
  file: string | null
  /** 1-based; null when solc gives no location. */
  line: number | null
  column: number | null
  /** solc's error code (e.g. "7576"), or ours (`import-not-found`). */
  code: string
  /** solc's formatted message with the source excerpt. */
  formatted?: string | undefined
}

export interface ContractArtifact {
  sourceName: string
  contractName: string
  abi: unknown[]
  /** Creation bytecode, 0x-prefixed (empty for interfaces and abstract contracts). */
  bytecode: string
  deployedBytecode: string
  compilerVersion: string
  evmVersion: string
}

export interface CompileResult {
  ok: boolean
  diagnostics: Diagnostic[]
  artifacts: ContractArtifact[]
  compilerVersion: string
  evmVersion: string
  /** Served from the cache (same sources and settings as an earlier compile). */
  cached: boolean
}
