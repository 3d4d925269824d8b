/**
 * The live network the simulator worker owns — one at a time: the `dev` chain (one node,
 * automine) or a consensus preset running the EVM (`runtime/rpc/networkNode.ts`). This is the
 * driver DESIGN.md puts outside the core: simulated time is paced against the wall clock here, as
 * the CLI's `playground rpc` does (app/cli/commands/rpcNetwork.ts), never in runtime/.
 *
 * Environment-neutral (the clock comes in as options) so Node tests drive it directly; the worker
 * (`simulatorWorker.ts`) adds the message loop and the timers.
 *
 * Every change to the network — a pacing tick, a command — runs through one queue, so a command is
 * never applied in the middle of an advance. JSON-RPC requests go straight to the node's service
 * (reads answer from the node's view; sends queue a `submit-tx` for the next advance).
 *
 * @module
 */
import type { JsonRpcResponse, JsonRpcSession } from '../../../runtime/rpc/jsonRpcTypes.ts'
import type { DevNode } from '../../../runtime/rpc/devNode.ts'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import type { NetworkNode } from '../../../runtime/rpc/networkNode.ts'
import { createNetworkNode } from '../../../runtime/rpc/networkNode.ts'
import { MAX_NODES } from '../../../runtime/sim/config.ts'
import type { LivePreset, NetworkInfo, NodeRow, SimulatorSummary, StartOptions, WorkerError } from './simulatorProtocol.ts'
import { LIVE_PRESETS } from './simulatorProtocol.ts'

/** How far simulated time may fall behind the wall clock before the pacing gives up catching up (ms). */
const MAX_LAG_MS = 2000
/** Most simulated time one tick advances (µs): keeps the worker answering messages between ticks. */
const MAX_TICK_US = 250_000

export interface SimulatorHostOptions {
  /** Wall clock, ms (monotonic: `performance.now`). */
  wallMs: () => number
  /** Seconds since 1970 for genesis timestamps and the dev chain's clock. */
  epochSeconds: () => bigint
}

export interface SimulatorHost {
  start(options: StartOptions): Promise<NetworkInfo>
  stop(): void
  info(): NetworkInfo | undefined
  /** Catches simulated time up with the wall clock (call it every few tens of ms). */
  tick(): Promise<void>
  /** Applies one runtime command (JSON) — or, on the dev chain, `mine`. */
  command(command: Record<string, unknown>): Promise<unknown>
  query(query: Record<string, unknown>): Promise<unknown>
  summary(): Promise<SimulatorSummary | undefined>
  metrics(): Promise<Record<string, unknown>>
  /** One JSON-RPC request to node `node` (one session per node, like one connection each). */
  rpc(node: number, request: unknown): Promise<JsonRpcResponse>
  /** EIP-1193-style: the result, or a thrown error with `code` and `data`. */
  request(node: number, args: { method: string; params: unknown }): Promise<unknown>
}

type Live =
  | { kind: 'dev'; info: NetworkInfo; dev: DevNode; sessions: Map<number, JsonRpcSession>; startWallMs: number }
  | { kind: 'network'; info: NetworkInfo; network: NetworkNode; sessions: Map<number, JsonRpcSession>; startWallMs: number; startSimUs: number }

/** An error with a code and both languages, as every worker reply carries it. */
export class HostError extends Error {
  readonly code: string
  readonly ko: string
  constructor(code: string, en: string, ko: string) {
    super(en)
    this.name = 'HostError'
    this.code = code
    this.ko = ko
  }
}

/**
 * @example
 * const host = createSimulatorHost({ wallMs: () => performance.now(), epochSeconds: () => BigInt(Math.floor(Date.now() / 1000)) })
 * await host.start({ preset: 'pow-lan', seed: 7 })
 * await host.command({ type: 'crash', node: 2 })
 */
export function createSimulatorHost(options: SimulatorHostOptions): SimulatorHost {
  let live: Live | undefined
  let generation = 0
  let queue: Promise<unknown> = Promise.resolve()

  /** Runs `work` after everything queued before it (ticks and commands never interleave). */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work)
    queue = run.catch(() => undefined)
    return run
  }

  function need(): Live {
    if (live === undefined) {
      throw new HostError('console.no-network', 'No network is running: start one first, e.g. `preset dev` or `preset pow-lan`.', '실행 중인 네트워크가 없습니다. 먼저 하나를 시작하세요. 예: `preset dev` 또는 `preset pow-lan`')
    }
    return live
  }

  function session(l: Live, node: number): JsonRpcSession {
    if (!Number.isInteger(node) || node < 0 || node >= l.info.nodes) {
      throw new HostError('console.bad-node', `node must be a node number from 0 to ${l.info.nodes - 1}, got ${node}`, `노드 번호는 0부터 ${l.info.nodes - 1}까지입니다. 받은 값: ${node}`)
    }
    let s = l.sessions.get(node)
    if (s === undefined) l.sessions.set(node, (s = (l.kind === 'dev' ? l.dev.service : l.network.service(node)).openSession({ canPush: false })))
    return s
  }

  async function devHead(l: Extract<Live, { kind: 'dev' }>): Promise<{ height: number; head: string }> {
    const head = l.dev.chain.ledger.head()
    return { height: Number(head.block.header.number), head: head.hash }
  }

  const host: SimulatorHost = {
    async start(startOptions) {
      const preset = startOptions.preset as LivePreset
      if (!(LIVE_PRESETS as readonly string[]).includes(preset)) {
        throw new HostError(
          'console.bad-preset',
          `Unknown network preset "${startOptions.preset}". Choose one of: ${LIVE_PRESETS.join(', ')}.`,
          `"${startOptions.preset}"라는 네트워크 프리셋은 없습니다. 다음 중에서 고르세요: ${LIVE_PRESETS.join(', ')}`,
        )
      }
      const seed = startOptions.seed ?? 1
      if (!Number.isSafeInteger(seed)) throw new HostError('console.bad-seed', `seed must be an integer, got ${seed}`, `시드는 정수여야 합니다. 받은 값: ${seed}`)
      const nodes = startOptions.nodes
      if (nodes !== undefined && (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES)) {
        throw new HostError('console.bad-nodes', `nodes must be an integer from 1 to ${MAX_NODES}, got ${nodes}`, `노드 수는 1부터 ${MAX_NODES}까지의 정수입니다. 받은 값: ${nodes}`)
      }
      return exclusive(async () => {
        host.stop()
        const mine = ++generation
        const genesisTimestamp = options.epochSeconds()
        let next: Live
        if (preset === 'dev') {
          const dev = await createDevNode({ clock: { nowSeconds: options.epochSeconds } })
          next = {
            kind: 'dev',
            dev,
            sessions: new Map(),
            startWallMs: options.wallMs(),
            info: { preset, seed, nodes: 1, protocol: 'dev', finality: 'instant', chainId: Number(dev.chain.chainId), accounts: dev.accounts.map((a) => a.address), entryNode: 0 },
          }
        } else {
          const network = await createNetworkNode({ preset, seed, genesisTimestamp, ...(nodes === undefined ? {} : { overrides: { nodes } }) })
          const w = network.execution.world()
          const count = network.net.config.nodes
          let entry = 0
          while (entry < count && !w.members.can(entry, 'submit')) entry++
          next = {
            kind: 'network',
            network,
            sessions: new Map(),
            startWallMs: options.wallMs(),
            startSimUs: network.net.now,
            info: {
              preset,
              seed,
              nodes: count,
              protocol: network.net.protocol.name,
              finality: network.net.protocol.finality,
              chainId: Number(network.chain(0).chainId),
              accounts: network.accounts.map((a) => a.address),
              entryNode: entry === count ? 0 : entry,
            },
          }
        }
        if (mine !== generation) throw new HostError('console.superseded', 'Another network was started meanwhile.', '그 사이에 다른 네트워크가 시작되었습니다.')
        live = next
        return next.info
      })
    },
    stop() {
      if (live === undefined) return
      for (const s of live.sessions.values()) s.close()
      live = undefined
      generation++
    },
    info: () => live?.info,
    tick() {
      const l = live
      if (l === undefined || l.kind !== 'network') return Promise.resolve()
      return exclusive(async () => {
        if (live !== l) return
        const net = l.network.net
        let target = l.startSimUs + (options.wallMs() - l.startWallMs) * 1000
        if (target - net.now > MAX_LAG_MS * 1000) {
          // Too slow for real time (a big network on a slow machine): drop the lag rather than
          // spiral, so simulated time runs slower than the clock instead of freezing the worker.
          l.startWallMs += (target - net.now - MAX_LAG_MS * 1000) / 1000
          target = net.now + MAX_LAG_MS * 1000
        }
        await l.network.driver.advanceTo(Math.floor(Math.min(target, net.now + MAX_TICK_US)))
      })
    },
    command(command) {
      const l = need()
      return exclusive(async () => {
        if (l.kind === 'dev') {
          if (command.type === 'mine') {
            const blocks = await l.dev.chain.dev.mine()
            return { ok: true, type: 'mine', block: Number(blocks[blocks.length - 1]!.block.header.number) }
          }
          throw new HostError(
            'console.dev-command',
            `The dev chain has a single node: "${String(command.type)}" needs a consensus network. Start one with e.g. \`preset pow-lan\` or \`preset bft\`.`,
            `dev 체인은 노드가 하나뿐이라 "${String(command.type)}" 명령을 쓸 수 없습니다. \`preset pow-lan\`이나 \`preset bft\`처럼 합의 네트워크를 시작하세요.`,
          )
        }
        const net = l.network.net
        const result = net.apply(command)
        // Settle what it produced (a mined block's execution) and refresh the nodes' views.
        await l.network.driver.advanceTo(net.now)
        return result
      })
    },
    async query(q) {
      const l = need()
      if (l.kind === 'dev') throw new HostError('console.dev-query', 'The dev chain has no simulator queries; use JSON-RPC (the js REPL).', 'dev 체인에는 시뮬레이터 질의가 없습니다. JSON-RPC(js REPL)를 쓰세요.')
      return exclusive(async () => l.network.net.query(q))
    },
    async summary() {
      const l = live
      if (l === undefined) return undefined
      if (l.kind === 'dev') {
        const { height, head } = await devHead(l)
        return { kind: 'summary', preset: l.info.preset, nowMs: Math.round(options.wallMs() - l.startWallMs), blocks: height, finalizedHeight: height, events: 0, partitioned: false, nodes: [{ node: 0, role: 'dev', height, head, peers: 0, status: 'up' }] }
      }
      return exclusive(async () => {
        const net = l.network.net
        const nodes = net.query({ type: 'nodes' }) as { node: number; status: string; peers: number; height: number }[]
        const heads = net.query({ type: 'heads', hashes: true }) as { node: number; hash?: string }[]
        const status = net.query({ type: 'status' }) as { events: number; blocks: number; partitioned: boolean }
        const members = net.query({ type: 'members' }) as { validators: number[]; members: { organisation: string | null }[] }
        const validators = new Set(members.validators)
        const producer = l.info.finality === 'depth' ? 'miner' : 'validator'
        const rows: NodeRow[] = nodes.map((n) => {
          const org = members.members[n.node]?.organisation
          const role = validators.has(n.node) ? producer : 'observer'
          return { node: n.node, role: org ? `${role} (${org})` : role, height: n.height, head: prefixed(heads[n.node]?.hash ?? ''), peers: n.peers, status: n.status }
        })
        return {
          kind: 'summary',
          preset: l.info.preset,
          nowMs: Math.round(net.now / 1000),
          blocks: status.blocks,
          finalizedHeight: net.summary().finalizedHeight,
          events: status.events,
          partitioned: status.partitioned,
          nodes: rows,
        } satisfies SimulatorSummary
      })
    },
    async metrics() {
      const l = need()
      if (l.kind === 'dev') {
        const { height } = await devHead(l)
        return { preset: 'dev', blocks: height, pendingTransactions: l.dev.chain.pendingTransactions().length }
      }
      return exclusive(async () => {
        const { metrics: _m, ...summary } = l.network.net.summary()
        return { preset: l.info.preset, protocolName: l.info.protocol, ...summary }
      })
    },
    async rpc(node, request) {
      const l = need()
      const response = await session(l, node).handle(request)
      if (response === undefined || Array.isArray(response)) throw new HostError('console.rpc', 'A single JSON-RPC request with an id is expected.', 'id가 있는 JSON-RPC 요청 하나를 보내야 합니다.')
      return response
    },
    async request(node, { method, params }) {
      const response = await host.rpc(node, { jsonrpc: '2.0', id: 1, method, params: params ?? [] })
      if ('error' in response && response.error !== undefined) {
        const e = new Error(response.error.message) as Error & { code: number; data: unknown }
        e.code = response.error.code
        e.data = response.error.data
        throw e
      }
      return (response as { result: unknown }).result
    },
  }
  return host
}

/** Block hashes as everywhere else in the UI: 0x-prefixed. */
function prefixed(hash: string): string {
  return hash === '' || hash.startsWith('0x') ? hash : `0x${hash}`
}

/** Any error as a {@link WorkerError}: runtime errors bring their Korean (`messageKo`), ours their `ko`. */
export function toWorkerError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { name: 'Error', en: String(error), ko: String(error) }
  const e = error as Error & { shortMessage?: string; messageKo?: string; ko?: string; code?: unknown; reason?: { en: string } }
  const en = e.reason?.en ?? e.shortMessage ?? e.message
  const ko = e.ko ?? e.messageKo ?? en
  return { name: e.name, ...(typeof e.code === 'string' ? { code: e.code } : {}), en, ko }
}
