/**
 * `playground compile FILE… [--optimize RUNS] [--json]`: compiles Solidity files with the bundled
 * solc — offline, imports from the files' folders, `@openzeppelin/contracts/…` and
 * `hardhat/console.sol` — and prints each diagnostic as `file:line:column` (editors link them) and
 * each contract with its bytecode size; with `--json`, the artifacts. Exit 1 on a compile error.
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { createCompiler } from '../../../runtime/compiler/compiler.ts'
import type { CompileResult } from '../../../runtime/compiler/compilerTypes.ts'
import { nodeLibraryReader } from '../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../runtime/compiler/solcNode.node.ts'
import type { Lang } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { intFlag } from '../args.ts'
import { UsageError } from '../usageError.ts'

export const COMPILE_FLAGS = {
  optimize: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

export function runCompile(args: ParsedArgs, lang: Lang, json: boolean): number {
  if (args.positionals.length === 0) throw new UsageError(formatMessage('usage.compile-files', {}))
  const optimizerRuns = intFlag(args, 'optimize', 1, 1_000_000)
  const sources: Record<string, string> = {}
  for (const file of args.positionals) {
    // Paths as the user sees them, relative to the working directory, '/'-separated (solc's view).
    const name = relative(process.cwd(), resolve(file)).split('\\').join('/')
    try {
      sources[name] = readFileSync(file, 'utf8')
    } catch (error) {
      throw new UsageError(formatMessage('error.read', { path: file, details: (error as Error).message }))
    }
  }
  const workspaceReader = (path: string): string | undefined => {
    try {
      return readFileSync(resolve(path), 'utf8')
    } catch {
      return undefined
    }
  }
  const libraries = nodeLibraryReader()
  const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: (path) => libraries(path) ?? (path.startsWith('@') ? undefined : workspaceReader(path)) })
  const result = compiler.compile({ sources, optimizerRuns })
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatCompile(result, lang)}\n`)
  return result.ok ? 0 : 1
}

export function formatCompile(r: CompileResult, lang: Lang): string {
  const ko = lang === 'ko'
  const lines: string[] = []
  for (const d of r.diagnostics) {
    const where = d.file === null ? '' : `${d.file}:${d.line ?? '?'}:${d.column ?? '?'}: `
    const severity = ko ? { error: '오류', warning: '경고', info: '정보' }[d.severity] : d.severity
    lines.push(`${where}${severity} ${d.code}: ${d.message}`)
  }
  for (const a of r.artifacts) {
    const bytes = (a.deployedBytecode.length - 2) / 2
    lines.push(ko ? `  ${a.sourceName}:${a.contractName} — 배포 코드 ${bytes}바이트` : `  ${a.sourceName}:${a.contractName} — ${bytes} bytes deployed`)
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length
  lines.push(
    ko
      ? `solc ${r.compilerVersion}, EVM ${r.evmVersion}: ${r.ok ? '성공' : '실패'} (계약 ${r.artifacts.length}개, 오류 ${errors}, 경고 ${warnings})`
      : `solc ${r.compilerVersion}, EVM ${r.evmVersion}: ${r.ok ? 'ok' : 'failed'} (${r.artifacts.length} contracts, ${errors} errors, ${warnings} warnings)`,
  )
  return lines.join('\n')
}
