/**
 * The messages between the page and the simulator worker (types only). Every payload is plain
 * JSON (structured-cloneable): the runtime's own command and query objects travel as they are.
 *
 * Page → worker: a {@link SimulatorRequest} with an `id`; worker → page: one
 * {@link SimulatorReply} per request (same `id`), plus unsolicited {@link SimulatorSummary}
 * messages (`kind: 'summary'`, at most about four a second) while a network runs.
 *
 * @module
 */
import type { JsonRpcResponse } from '../../../runtime/rpc/jsonRpcTypes.ts'
import type { BatchRunRequest, BatchRunResult } from './simulatorBatchRun.ts'
import type { ReplResult } from './simulatorRepl.ts'

/** `dev` (one node, automine) and the consensus presets that run the EVM. */
export const LIVE_PRESETS = ['dev', 'pow-lan', 'bft', 'pos', 'raft-consortium', 'poa'] as const
export type LivePreset = (typeof LIVE_PRESETS)[number]

export interface StartOptions {
  preset: string
  seed?: number | undefined
  /** Node-count override for consensus presets (default: the preset's own count). */
  nodes?: number | undefined
}

/** What a started network is. */
export interface NetworkInfo {
  preset: LivePreset
  seed: number
  nodes: number
  /** Consensus protocol name (`dev` for the dev chain). */
  protocol: string
  finality: 'instant' | 'depth' | 'explicit'
  chainId: number
  /** The dev accounts (unlocked on every node). */
  accounts: string[]
  /** The first node allowed to submit transactions. */
  entryNode: number
}

export interface NodeRow {
  node: number
  role: string
  height: number
  /** The node's head block hash (short form is the UI's business). */
  head: string
  peers: number
  status: string
}

/** The batched picture the UI draws from. */
export interface SimulatorSummary {
  kind: 'summary'
  preset: LivePreset
  /** Simulated time, ms. */
  nowMs: number
  blocks: number
  finalizedHeight: number
  events: number
  partitioned: boolean
  nodes: NodeRow[]
}

/** A worker error: English and Korean text, and the runtime's code when it has one. */
export interface WorkerError {
  name: string
  code?: string | undefined
  en: string
  ko: string
}

export type SimulatorRequest = { id: number } & (
  | { op: 'start'; options: StartOptions }
  | { op: 'stop' }
  | { op: 'info' }
  | { op: 'command'; command: Record<string, unknown> }
  | { op: 'query'; query: Record<string, unknown> }
  | { op: 'summary' }
  | { op: 'metrics' }
  | { op: 'rpc'; node: number; request: { jsonrpc: '2.0'; id: number; method: string; params?: unknown } }
  | { op: 'batch'; request: BatchRunRequest }
  | { op: 'js'; source: string; node: number }
  | { op: 'js-reset' }
  | { op: 'contract'; node: number; action: ContractAction }
)

/** Deploy or call a contract with viem inside the sandbox. */
export type ContractAction =
  | { kind: 'deploy'; abi: unknown[]; bytecode: string; args: string[]; from?: number | undefined }
  | { kind: 'call'; abi: unknown[]; address: string; fn: string; args: string[]; from?: number | undefined }

export type SimulatorOp = SimulatorRequest['op']

/** A request without its id (the client assigns ids): `Omit` applied to each member of the union. */
export type SimulatorRequestBody = SimulatorRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

/** What each op answers with. */
export interface SimulatorResults {
  start: NetworkInfo
  stop: null
  info: NetworkInfo | null
  command: unknown
  query: unknown
  summary: SimulatorSummary | null
  metrics: Record<string, unknown>
  rpc: JsonRpcResponse
  batch: BatchRunResult
  js: ReplResult
  'js-reset': null
  contract: ReplResult
}

export type SimulatorReply =
  | { kind: 'reply'; id: number; ok: true; result: unknown; ms: number }
  | { kind: 'reply'; id: number; ok: false; error: WorkerError; ms: number }

export type SimulatorMessage = SimulatorReply | SimulatorSummary
