/**
 * The page's handle on the simulator worker (`app/renderer/workers/simulatorWorker.ts`): typed
 * methods over its message protocol, the batched summaries as a subscription, and an EIP-1193
 * provider per node for viem, ethers, the RPC relay and the lesson player.
 *
 * Nothing here computes: every method posts one message and awaits its reply, so the main thread
 * stays free while the worker simulates.
 *
 * @module
 */
import type { Eip1193RequestArguments } from '../../../../runtime/rpc/eip1193.ts'
import { ProviderRpcError } from '../../../../runtime/rpc/eip1193.ts'
import type { JsonRpcResponse } from '../../../../runtime/rpc/jsonRpcTypes.ts'
import type { BatchRunRequest, BatchRunResult } from '../../workers/simulatorBatchRun.ts'
import type {
  ContractAction,
  NetworkInfo,
  SimulatorMessage,
  SimulatorRequestBody,
  SimulatorSummary,
  StartOptions,
  WorkerError,
} from '../../workers/simulatorProtocol.ts'
import type { ReplResult } from '../../workers/simulatorRepl.ts'

export type { BatchRunResult, ContractAction, NetworkInfo, ReplResult, SimulatorSummary, StartOptions, WorkerError }

/** The little of a `Worker` this client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void
  terminate(): void
}

/** A request the worker refused: both languages, and the runtime's code. */
export class SimulatorError extends Error {
  readonly code: string | undefined
  readonly ko: string
  readonly en: string
  constructor(error: WorkerError) {
    super(error.en)
    this.name = 'SimulatorError'
    this.code = error.code
    this.en = error.en
    this.ko = error.ko
  }
}

/** EIP-1193 for one node of the running network. */
export interface NodeProvider {
  request(args: Eip1193RequestArguments): Promise<unknown>
  on(event: string, listener: (...args: unknown[]) => void): void
  removeListener(event: string, listener: (...args: unknown[]) => void): void
}

export interface SimulatorClient {
  start(options: StartOptions): Promise<NetworkInfo>
  stop(): Promise<void>
  info(): Promise<NetworkInfo | null>
  /** One runtime command, e.g. `{ type: 'crash', node: 2 }` (see runtime/sim/commands.ts). */
  command(command: Record<string, unknown>): Promise<unknown>
  query(query: Record<string, unknown>): Promise<unknown>
  summary(): Promise<SimulatorSummary | null>
  metrics(): Promise<Record<string, unknown>>
  /** The deterministic run of `playground sim` (same trace hash as the CLI). */
  batch(request: BatchRunRequest): Promise<BatchRunResult>
  /** One REPL line on node `node`. */
  js(source: string, node: number): Promise<ReplResult>
  /** Forgets the REPL's kept variables. */
  jsReset(): Promise<void>
  contract(action: ContractAction, node: number): Promise<ReplResult>
  /** Raw JSON-RPC to node `node`. */
  rpc(node: number, request: { method: string; params?: unknown }): Promise<JsonRpcResponse>
  provider(node: number): NodeProvider
  /** The batched summaries (at most ~4 a second); returns the unsubscribe function. */
  onSummary(listener: (summary: SimulatorSummary) => void): () => void
  dispose(): void
}

export interface SimulatorClientOptions {
  /** The worker (default: a new module worker of simulatorWorker.ts, bundled by Vite). */
  worker?: WorkerLike | undefined
}

/**
 * The browser's Worker, declared for this module only: the tests' tsconfig has no DOM values, and
 * Vite must see the literal `new Worker(new URL(…), { type: 'module' })` to bundle the worker.
 */
declare const Worker: new (url: URL, options: { type: 'module'; name?: string }) => WorkerLike

function defaultWorker(): WorkerLike {
  return new Worker(new URL('../../workers/simulatorWorker.ts', import.meta.url), { type: 'module', name: 'simulator' })
}

/**
 * @example
 * const sim = createSimulatorClient()
 * await sim.start({ preset: 'pow-lan', seed: 7 })
 * sim.onSummary((s) => console.log(s.nodes.map((n) => n.height)))
 * const client = createPublicClient({ transport: custom(sim.provider(0)) })
 */
export function createSimulatorClient(options: SimulatorClientOptions = {}): SimulatorClient {
  const worker = options.worker ?? defaultWorker()
  let nextId = 1
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>()
  const listeners = new Set<(summary: SimulatorSummary) => void>()
  let disposed = false

  worker.addEventListener('message', (event) => {
    const message = event.data as SimulatorMessage
    if (message === null || typeof message !== 'object') return
    if (message.kind === 'summary') {
      for (const listener of [...listeners]) listener(message)
      return
    }
    if (message.kind !== 'reply') return
    const entry = pending.get(message.id)
    if (entry === undefined) return
    pending.delete(message.id)
    if (message.ok) entry.resolve(message.result)
    else entry.reject(new SimulatorError(message.error))
  })
  worker.addEventListener('error', (event: { message?: string }) => {
    // The worker failed to load or crashed: no reply will come.
    const error = new SimulatorError({ name: 'WorkerError', code: 'console.worker', en: `The simulator worker stopped: ${event.message ?? 'unknown error'}`, ko: `시뮬레이터 워커가 멈췄습니다: ${event.message ?? '알 수 없는 오류'}` })
    for (const entry of pending.values()) entry.reject(error)
    pending.clear()
  })

  function ask<T>(request: SimulatorRequestBody): Promise<T> {
    if (disposed) return Promise.reject(new SimulatorError({ name: 'Disposed', code: 'console.disposed', en: 'The simulator was closed.', ko: '시뮬레이터가 닫혔습니다.' }))
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.postMessage({ ...request, id })
    })
  }

  const client: SimulatorClient = {
    start: (start) => ask({ op: 'start', options: start }),
    stop: () => ask({ op: 'stop' }),
    info: () => ask({ op: 'info' }),
    command: (command) => ask({ op: 'command', command }),
    query: (query) => ask({ op: 'query', query }),
    summary: () => ask({ op: 'summary' }),
    metrics: () => ask({ op: 'metrics' }),
    batch: (request) => ask({ op: 'batch', request }),
    js: (source, node) => ask({ op: 'js', source, node }),
    jsReset: () => ask({ op: 'js-reset' }),
    contract: (action, node) => ask({ op: 'contract', action, node }),
    rpc: (node, { method, params }) => ask({ op: 'rpc', node, request: { jsonrpc: '2.0', id: nextId, method, ...(params === undefined ? {} : { params }) } }),
    provider(node) {
      return {
        async request({ method, params }) {
          if (typeof method !== 'string' || method === '') throw new ProviderRpcError(-32600, 'Invalid request: method must be a non-empty string.')
          const response = await client.rpc(node, { method, params })
          if ('error' in response && response.error !== undefined) throw new ProviderRpcError(response.error.code, response.error.message, { data: response.error.data })
          return (response as { result: unknown }).result
        },
        // No subscriptions over this provider: viem and ethers poll instead.
        on() {},
        removeListener() {},
      }
    },
    onSummary(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      if (disposed) return
      disposed = true
      worker.terminate()
      const error = new SimulatorError({ name: 'Disposed', code: 'console.disposed', en: 'The simulator was closed.', ko: '시뮬레이터가 닫혔습니다.' })
      for (const entry of pending.values()) entry.reject(error)
      pending.clear()
      listeners.clear()
    },
  }
  return client
}
