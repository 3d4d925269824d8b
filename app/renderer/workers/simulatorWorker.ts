/**
 * The simulator worker (a module Web Worker): one live network at a time (`simulatorHost.ts`),
 * paced against the wall clock; the deterministic batch run of `sim` (`simulatorBatchRun.ts`,
 * the same trace hash as the CLI); the console's JavaScript REPL in the QuickJS sandbox with
 * real viem (`simulatorRepl.ts`).
 *
 * Protocol (`simulatorProtocol.ts`): the page posts `{ id, op, … }`; the worker answers each with
 * `{ kind: 'reply', id, ok, result | error, ms }` and, while a network runs, posts a
 * `{ kind: 'summary', … }` at most every {@link SUMMARY_MS} ms — never one per event.
 *
 * The page's main thread does none of this work: it only draws what arrives.
 *
 * @module
 */
import type { LibraryLoader } from '../../../sandbox/createSandbox.ts'
import { createBrowserIsolateLibraries } from './browserIsolateLibraries.ts'
import { runBatch } from './simulatorBatchRun.ts'
import { createSimulatorHost, toWorkerError } from './simulatorHost.ts'
import type { SimulatorHost } from './simulatorHost.ts'
import type { SimulatorReply, SimulatorRequest } from './simulatorProtocol.ts'
import type { Repl } from './simulatorRepl.ts'
import { createRepl } from './simulatorRepl.ts'

/** Pacing: how often simulated time catches up with the wall clock. */
export const TICK_MS = 20
/** Summaries for the UI: at most four a second. */
export const SUMMARY_MS = 250

export interface SimulatorWorkerCore {
  host: SimulatorHost
  repl: Repl
  handle(request: SimulatorRequest): Promise<SimulatorReply>
}

/**
 * The worker's logic without the worker (Node tests call `handle` directly).
 *
 * @example
 * const core = createSimulatorWorkerCore({ libraries })
 * await core.handle({ id: 1, op: 'start', options: { preset: 'dev' } })
 */
export function createSimulatorWorkerCore(options: { libraries: LibraryLoader; wallMs?: () => number; epochSeconds?: () => bigint }): SimulatorWorkerCore {
  const wallMs = options.wallMs ?? (() => performance.now())
  const host = createSimulatorHost({ wallMs, epochSeconds: options.epochSeconds ?? (() => BigInt(Math.floor(Date.now() / 1000))) })
  const repl = createRepl({
    libraries: options.libraries,
    network: () => {
      const info = host.info()
      return info === undefined ? undefined : { accounts: info.accounts, chainId: info.chainId, request: (node, args) => host.request(node, args) }
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  })

  async function perform(request: SimulatorRequest): Promise<unknown> {
    switch (request.op) {
      case 'start': {
        const info = await host.start(request.options)
        repl.reset()
        return info
      }
      case 'stop':
        host.stop()
        repl.reset()
        return null
      case 'info':
        return host.info() ?? null
      case 'command':
        return host.command(request.command)
      case 'query':
        return host.query(request.query)
      case 'summary':
        return (await host.summary()) ?? null
      case 'metrics':
        return host.metrics()
      case 'rpc':
        return host.rpc(request.node, request.request)
      case 'batch':
        return runBatch(request.request, wallMs)
      case 'js':
        return repl.evaluate(request.source, request.node)
      case 'js-reset':
        repl.reset()
        return null
      case 'contract':
        return repl.contract(request.action, request.node)
      default:
        throw new Error(`unknown op ${JSON.stringify((request as { op?: unknown }).op)}`)
    }
  }

  return {
    host,
    repl,
    async handle(request) {
      const started = wallMs()
      const id = request?.id
      try {
        return { kind: 'reply', id, ok: true, result: await perform(request), ms: wallMs() - started }
      } catch (error) {
        return { kind: 'reply', id, ok: false, error: toWorkerError(error), ms: wallMs() - started }
      }
    },
  }
}

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

// Runs as a worker only (importing this module elsewhere, e.g. for its types, installs nothing).
// Vite puts this worker in assets/; the build's static assets put the viem bundle in isolate/ at the root.
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as WorkerScope
  const core = createSimulatorWorkerCore({ libraries: createBrowserIsolateLibraries({ baseUrl: new URL(/* @vite-ignore */ '../isolate/', import.meta.url) }) })
  let ticking = false
  setInterval(() => {
    if (ticking) return
    ticking = true
    core.host.tick().then(
      () => (ticking = false),
      (error: unknown) => {
        ticking = false
        console.error(error)
      },
    )
  }, TICK_MS)
  let summarizing = false
  setInterval(() => {
    if (summarizing || core.host.info() === undefined) return
    summarizing = true
    core.host.summary().then(
      (summary) => {
        summarizing = false
        if (summary !== undefined) scope.postMessage(summary)
      },
      () => (summarizing = false),
    )
  }, SUMMARY_MS)
  scope.addEventListener('message', (event) => {
    void core.handle(event.data as SimulatorRequest).then((reply) => scope.postMessage(reply))
  })
}
