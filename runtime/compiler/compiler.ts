/**
 * `createCompiler`: the real Solidity compiler (injected soljson) behind a small API — sources in,
 * diagnostics with line and column and artifacts out — with imports resolved from the workspace
 * and the bundled libraries, `evmVersion` always set to the simulator's pinned hardfork, and a
 * cache keyed by the hash of the exact Standard JSON input (a learner pressing "Grade" twice pays
 * once).
 *
 * @module
 */
import { sha256Hex } from '../crypto/sha256.ts'
import type { CompileRequest, CompileResult, ContractArtifact, Diagnostic, LibraryReader, SolcModule } from './compilerTypes.ts'
import { lineColumn, resolveImports } from './resolveImports.ts'

/** The EVM hardfork the simulator executes (and solc targets). */
export const PINNED_EVM_VERSION = 'cancun'

export interface CompilerOptions {
  solc: SolcModule
  /** Bundled libraries (default: none). */
  readLibrary?: LibraryReader | undefined
  /** Cached results kept (default 64). */
  cacheSize?: number | undefined
}

export interface Compiler {
  readonly version: string
  readonly evmVersion: string
  compile(request: CompileRequest): CompileResult
}

interface SolcError {
  severity: string
  message: string
  errorCode?: string
  formattedMessage?: string
  sourceLocation?: { file: string; start: number; end: number }
}

interface SolcOutput {
  errors?: SolcError[]
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>
}

/**
 * @example
 * const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
 * const { ok, artifacts, diagnostics } = compiler.compile({ sources: { 'Counter.sol': source } })
 */
export function createCompiler(options: CompilerOptions): Compiler {
  const { solc } = options
  const readLibrary = options.readLibrary ?? (() => undefined)
  const cacheSize = options.cacheSize ?? 64
  const cache = new Map<string, CompileResult>()
  const version = solc.version()

  return {
    version,
    evmVersion: PINNED_EVM_VERSION,
    compile(request) {
      const resolved = resolveImports(request.sources, readLibrary)
      if (resolved.diagnostics.length > 0) {
        return { ok: false, diagnostics: resolved.diagnostics, artifacts: [], compilerVersion: version, evmVersion: PINNED_EVM_VERSION, cached: false }
      }
      const input = JSON.stringify({
        language: 'Solidity',
        sources: Object.fromEntries(Object.entries(resolved.sources).map(([path, content]) => [path, { content }])),
        settings: {
          evmVersion: PINNED_EVM_VERSION,
          optimizer: request.optimizerRuns === undefined ? { enabled: false } : { enabled: true, runs: request.optimizerRuns },
          outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
        },
      })
      const key = sha256Hex(input)
      const hit = cache.get(key)
      if (hit) return { ...hit, cached: true }
      const output = JSON.parse(solc.compile(input)) as SolcOutput
      const diagnostics = (output.errors ?? []).map((e) => toDiagnostic(e, resolved.sources))
      const artifacts: ContractArtifact[] = []
      for (const [sourceName, contracts] of Object.entries(output.contracts ?? {})) {
        // Only the workspace's own contracts: library internals are compiled, not listed.
        if (request.sources[sourceName] === undefined) continue
        for (const [contractName, c] of Object.entries(contracts)) {
          artifacts.push({
            sourceName,
            contractName,
            abi: c.abi,
            bytecode: `0x${c.evm.bytecode.object}`,
            deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
            compilerVersion: version,
            evmVersion: PINNED_EVM_VERSION,
          })
        }
      }
      const result: CompileResult = {
        ok: !diagnostics.some((d) => d.severity === 'error'),
        diagnostics,
        artifacts,
        compilerVersion: version,
        evmVersion: PINNED_EVM_VERSION,
        cached: false,
      }
      cache.set(key, result)
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!)
      return result
    },
  }
}

function toDiagnostic(e: SolcError, sources: Record<string, string>): Diagnostic {
  const severity = e.severity === 'error' ? 'error' : e.severity === 'warning' ? 'warning' : 'info'
  const loc = e.sourceLocation
  const text = loc ? sources[loc.file] : undefined
  const at = loc && text !== undefined && loc.start >= 0 ? lineColumn(text, loc.start) : undefined
  return {
    severity,
    message: e.message,
    file: loc?.file ?? null,
    line: at?.line ?? null,
    column: at?.column ?? null,
    code: e.errorCode ?? 'solc',
    formatted: e.formattedMessage,
  }
}
