/**
 * What the console's commands share: the context the page injects (simulator client, compiler,
 * files, language), the session state, bilingual text and the error a command throws.
 *
 * @module
 */
import type { CompileResult } from '../../../../runtime/compiler/compilerTypes.ts'
import type { Lang } from '../catalogue/lang.ts'
import type { NetworkInfo, SimulatorClient } from '../workers/simulatorClient.ts'
import type { ConsoleHistory } from './consoleHistory.ts'
import type { ParsedLine } from './parseLine.ts'

/** A text in both languages (Korean first, as everywhere in the app). */
export interface Bi {
  ko: string
  en: string
}

/** The compiler as the console sees it: `createCompilerClient()` satisfies it. */
export type CompileFunction = (request: { sources: Record<string, string> }) => Promise<CompileResult>

/** The simulator as the console uses it (the real client, or a fake in tests). */
export type ConsoleSimulator = Pick<SimulatorClient, 'start' | 'info' | 'command' | 'summary' | 'metrics' | 'batch' | 'js' | 'jsReset' | 'contract' | 'provider'>

/** Where output goes (the xterm panel writes it; tests collect it). */
export interface ConsoleOutput {
  line(text: string): void
  error(text: string): void
  clear(): void
}

export interface ConsoleContext {
  sim: ConsoleSimulator
  lang: () => Lang
  /** The files `deploy` may read, path → text. */
  files: () => Record<string, string>
  /** Absent: `deploy` explains that the compiler is not connected. */
  compile?: CompileFunction | undefined
  out: ConsoleOutput
  history: ConsoleHistory
  /**
   * Serves JSON-RPC on 127.0.0.1 relayed to a provider in the app (the host's `exposeRpc`).
   * Absent: `rpc` explains that this edition cannot open a port.
   */
  exposeRpc?: ((options: { port: number; provider: { request(args: { method: string; params?: unknown }): Promise<unknown> } }) => Promise<{ url: string; close(): Promise<void> }>) | undefined
  /** Real waiting (receipts); tests pass a fast one. */
  sleep?: ((ms: number) => Promise<void>) | undefined
}

export interface DeployedContract {
  name: string
  address: string
  abi: unknown[]
}

export interface ConsoleState {
  /** The selected node (JSON-RPC, the REPL, mine). */
  node: number
  info: NetworkInfo | null
  /** Contracts deployed from this console, by lower-cased name and by lower-cased address. */
  contracts: Map<string, DeployedContract>
  mode: 'command' | 'js'
  /** The JSON-RPC endpoint `rpc` opened, if any. */
  exposure?: { url: string; port: number; close(): Promise<void> } | undefined
}

/** What a command's `run` gets. */
export interface CommandEnv extends ConsoleContext {
  state: ConsoleState
  /** The text in the console's current language. */
  say(text: Bi): string
}

export interface ConsoleCommand {
  name: string
  /** e.g. `send <from> <to> <amount> [eth|wei]` */
  usage: string
  help: Bi
  /** Examples shown by `help <command>`. */
  examples?: string[] | undefined
  run(line: ParsedLine, env: CommandEnv): Promise<void>
}

/** A command's failure: printed in red in the current language, the console goes on. */
export class ConsoleError extends Error {
  readonly text: Bi
  constructor(text: Bi) {
    super(text.en)
    this.name = 'ConsoleError'
    this.text = text
  }
}

/** Builds a {@link Bi}. */
export const bi = (ko: string, en: string): Bi => ({ ko, en })
