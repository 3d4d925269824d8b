/**
 * `createNetwork(config)`: a deterministic simulated blockchain network and its control API —
 * `step()`, `runUntil(t)`, `run(options)`, `nextEventTime()`, `apply(command)`, `query(q)`,
 * `subscribe(filter, listener)` — the one surface that the CLI, console, lessons, demos, the live
 * view and JSON-RPC all drive.
 *
 * Determinism: all randomness comes from seeded streams, time is an integer µs counter, the
 * event order is (time, seq), and user commands are recorded with the time and event count they
 * were applied at. Same config + seed + inputs → same `traceHash`, in Node and in a browser.
 *
 * @module
 */
import { createBlockKnowledge } from '../chain/blockKnowledge.ts'
import { createBlockHasher } from '../chain/blockHeader.ts'
import type { BlockHasher } from '../chain/blockHeader.ts'
import type { BlockId } from '../chain/blockStore.ts'
import { createBlockStore } from '../chain/blockStore.ts'
import { createMostWorkForkChoice } from '../chain/forkChoice.ts'
import type { TieBreak } from '../chain/forkChoice.ts'
import { createFinalityTracker } from '../chain/finality.ts'
import { createProtocol } from '../consensus/registry.ts'
import { CommandRejectedError, InvalidFieldError } from '../errors/input.ts'
import { SimulationStuckError } from '../errors/simulationStuck.ts'
import { createMetricsCollector } from '../metrics/collector.ts'
import type { MetricsSummary } from '../metrics/collector.ts'
import { SIMBLOCK_COMPACT_RELAY } from '../net/compactRelay.ts'
import { createHeldAnnouncements } from '../net/heldAnnouncements.ts'
import { createLinks } from '../net/links.ts'
import { createBitcoin2019Model, BITCOIN_OUTBOUND_DEGREE_CDF } from '../net/models/bitcoin2019.ts'
import { createFixedModel } from '../net/models/fixed.ts'
import { createLanModel } from '../net/models/lan.ts'
import { createWanModel } from '../net/models/wan.ts'
import type { NetworkModel } from '../net/networkModel.ts'
import {
  onCompactBlock,
  onDeliveryFailed,
  onGetBlockTxn,
  onGetData,
  onInv,
  onRequestTimeout,
} from '../net/relay.ts'
import { buildTopology } from '../net/topology.ts'
import type { TopologyOptions } from '../net/topology.ts'
import { createCopyValidator } from '../node/copyValidator.ts'
import { createMemberRegistry } from '../node/members.ts'
import { createTransactionSystem } from '../node/transactionFlow.ts'
import type { TransactionSystem } from '../node/transactionFlow.ts'
import { finalizeBlock } from '../consensus/common/commit.ts'
import { summarizeTransactions } from '../metrics/txMetrics.ts'
import type { TransactionSummary } from '../metrics/txMetrics.ts'
import type { NodeSetup } from '../node/lifecycle.ts'
import { createNode } from '../node/lifecycle.ts'
import { NODE_REMOVED, NODE_UP, createNodeTable } from '../node/nodeTable.ts'
import { createGammaTieBreak } from '../node/strategies/gammaTieBreak.ts'
import { createBehaviour } from '../node/strategies/registry.ts'
import { fetchMissingAncestor, receiveBlock } from '../node/receiveBlock.ts'
import type { Command, CommandResult, RecordedInput } from './commands.ts'
import { parseCommand } from './commands.ts'
import type { NetworkConfig, NetSpec } from './config.ts'
import { executeCommand } from './executeCommand.ts'
import { parseNetworkConfig } from './config.ts'
import {
  EVENT_KIND_NAMES,
  EV_BLOCK,
  EV_BLOCKTXN,
  EV_CMPCT,
  EV_COMMAND,
  EV_GETBLOCKTXN,
  EV_GETDATA,
  EV_INV,
  EV_MESSAGE,
  EV_MINE,
  EV_REQUEST_TIMEOUT,
  EV_TIMER,
  EV_TX_ARRIVAL,
  EV_TX_BATCH,
  EV_TX_FLUSH,
} from './eventKinds.ts'
import { createEventQueue } from './eventQueue.ts'
import { createNotificationBus } from './notifications.ts'
import type { Listener, SubscriptionFilter } from './notifications.ts'
import { createRandomStreams } from './prng.ts'
import type { Query } from './queries.ts'
import { parseQuery, runQuery } from './queries.ts'
import type { QueryContext } from './queries.ts'
import { createTraceHasher } from './traceHash.ts'
import type { BlockExecution } from '../exec/blockExecution.ts'
import type { RelaySettings, World } from './world.ts'

/** Events at one simulated instant beyond which the run is declared stuck. */
const LIVELOCK_EVENTS = 20_000_000

/** PoW blocks count as final this deep (the checker's k). */
const DEPTH_FINALITY_K = 6

/** One processed event, as written to an NDJSON trace. */
export interface TraceRecord {
  t: number
  seq: number
  kind: string
  node: number
  subject: number
  from: number
}

export interface NetworkHooks {
  /** Receives every processed event (slows a run: for debugging and the app's replay). */
  onTrace?: ((record: TraceRecord) => void) | undefined
  /** Step 2's selfish-mining γ: decides work ties (default: keep the block seen first). */
  tieBreak?: TieBreak | undefined
  /** Attaches block execution (the EVM): called once with the world before the first event. */
  execution?: ((w: World) => BlockExecution) | undefined
}

export interface RunOptions {
  /** Stop once simulated time would pass this (µs). */
  untilUs?: number | undefined
  /** Stop before a block above this height would be mined (SimBlock's END_BLOCK_HEIGHT). */
  stopAtHeight?: number | undefined
  /** Stop after this many events. */
  maxEvents?: number | undefined
  onProgress?: ((progress: { events: number; nowUs: number; height: number }) => void) | undefined
  /** Events between progress calls (default 1,000,000). */
  progressEvery?: number | undefined
}

export interface RunResult {
  reason: 'height' | 'time' | 'idle' | 'max-events'
  events: number
  nowUs: number
}

/** The run summary the CLI prints (it adds wall time and memory). */
export interface RunSummary {
  traceHash: string
  events: number
  seed: number
  nodes: number
  blocks: number
  orphans: number
  staleRate: number
  propagation: { t50Ms: number | null; t90Ms: number | null; t100Ms: number | null }
  messages: number
  bytes: number
  simulatedMs: number
  metrics: MetricsSummary
  /** The protocol's own counters (rounds, messages per height, evidence, …); null if it has none. */
  protocol: Record<string, unknown> | null
  /** The highest height an honest node finalized (PoW: k = 6 deep). */
  finalizedHeight: number
  /** With a workload or submitted transactions: throughput, latencies, cost per transaction. */
  transactions: (TransactionSummary & { messagesPerTx: number | null; bytesPerTx: number | null }) | null
}

export interface Network {
  readonly config: NetworkConfig
  /** The protocol's name, finality kind and base timeout (the liveness criterion's unit). */
  readonly protocol: { name: string; finality: 'depth' | 'explicit'; baseTimeoutUs: number }
  /** Simulated time, µs. */
  readonly now: number
  /** Events processed so far. */
  readonly events: number
  readonly inputs: readonly RecordedInput[]
  traceHash(): string
  /** Processes the next event; false when there is none. */
  step(): boolean
  /** Processes every event up to and including time `t` (µs), then sets the clock to `t`. */
  runUntil(t: number): number
  run(options: RunOptions): RunResult
  /** Time of the next event (µs), or undefined when idle. */
  nextEventTime(): number | undefined
  apply(command: unknown): CommandResult
  query(q: unknown): unknown
  subscribe(filter: SubscriptionFilter, listener: Listener): () => void
  summary(): RunSummary
}

function createModel(net: NetSpec): NetworkModel {
  if (typeof net !== 'string') return createFixedModel({ latencyUs: Math.round(net.latencyMs * 1000) })
  switch (net) {
    case 'lan':
      return createLanModel()
    case 'wan':
      return createWanModel()
    case 'bitcoin-2019':
      return createBitcoin2019Model()
  }
}

/**
 * Creates a network from a config (validated; errors name the field).
 *
 * @example
 * const net = createNetwork(configFromPreset('pow-lan', 1))
 * net.run({ stopAtHeight: 10 })
 * net.query({ type: 'heads' })
 * net.traceHash()
 */
export function createNetwork(configInput: unknown, hooks: NetworkHooks = {}): Network {
  const config = parseNetworkConfig(configInput)
  const model = createModel(config.net)
  const queue = createEventQueue(4096)
  const rng = createRandomStreams(config.seed)
  const store = createBlockStore()
  const nodes = createNodeTable(config.nodes)
  const knowledge = createBlockKnowledge(config.nodes)
  const links = createLinks()
  const held = createHeldAnnouncements()
  const metrics = createMetricsCollector()
  const bus = createNotificationBus()
  const tieBreak = hooks.tieBreak ?? (config.gamma === undefined ? undefined : createGammaTieBreak(() => w, config.gamma))
  const forkChoice = createMostWorkForkChoice({ store, tieBreak })
  let hasher: BlockHasher | undefined
  const getHasher = (): BlockHasher => (hasher ??= createBlockHasher(store))
  const members = createMemberRegistry(config.members, config.nodes, config.seed)
  const protocol = createProtocol(config.protocol, { members, hasher: getHasher })
  const finality = createFinalityTracker(store)
  const nonceBits = config.protocol.kind === 'pow' ? config.protocol.nonceBits : undefined
  const relay: RelaySettings = {
    announceTips: protocol.finality === 'depth',
    mode: config.relay.mode,
    compact: config.relay.compact ? SIMBLOCK_COMPACT_RELAY : undefined,
    controlMessageBytes: 61,
    requestTimeoutUs: 5_000_000,
  }
  const topologyOptions: TopologyOptions = {
    outboundDegreeCdf: BITCOIN_OUTBOUND_DEGREE_CDF,
    smallWorldHalfDegree: 3,
    smallWorldRewire: 0.1,
  }

  const validateCopy = createCopyValidator(nodes, getHasher, nonceBits)

  const w: World = {
    now: 0,
    queue,
    rng,
    store,
    knowledge,
    nodes,
    links,
    held,
    model,
    relay,
    metrics,
    forkChoice,
    bus,
    protocol,
    finality,
    members,
    txs: undefined,
    execution: undefined,
    behaviours: [],
    deliverBlock: (to, block, from) => receiveBlock(w, to, block, from, validateCopy),
    fetchMissingAncestor: (node, block, peer) => fetchMissingAncestor(w, node, block, peer),
    tipChanged: (node) => {
      protocol.tipChanged(w, node)
      if (protocol.finality === 'depth') finalizeDeep(node)
    },
  }

  /** PoW has no explicit finality: a block counts as final once it is k deep in a node's chain. */
  function finalizeDeep(node: number): void {
    const tip = nodes.tip[node]!
    const height = store.height(tip) - DEPTH_FINALITY_K
    if (height <= 0 || height <= store.height(finality.finalizedOf(node))) return
    finalizeBlock(w, node, store.ancestorAt(tip, height))
  }

  if (hooks.execution !== undefined) w.execution = hooks.execution(w)
  const txSystem: TransactionSystem = createTransactionSystem(w, config.workload)
  // Blocks carry transactions once there are any: from the start with a workload, or from the
  // first `submit-tx` (PoW blocks keep their modeled size until then).
  if (config.workload) w.txs = txSystem
  finality.onFirstFinal = (block, atUs) => txSystem.blockFinal(block, atUs)

  let events = 0
  let sameTimeEvents = 0
  const traceHasher = createTraceHasher()
  const inputs: RecordedInput[] = []

  const hashPower = config.protocol.kind === 'pow' ? config.protocol.hashPower : { kind: 'equal' as const }
  const setup: NodeSetup = { w, protocol, hashPower, topology: config.topology, topologyOptions, transactions: txSystem }
  for (let i = 0; i < config.nodes; i++) createNode(setup)
  for (const b of config.byzantine ?? []) w.behaviours[b.node] = createBehaviour(b.strategy, b)
  buildTopology(config.topology, config.nodes, links, rng, topologyOptions)
  protocol.start(w)
  txSystem.start()
  const execute = (cmd: Command): CommandResult => executeCommand(setup, cmd)

  // ---- the event loop ----------------------------------------------------------------------

  function dispatch(): void {
    const kind = queue.currentKind
    const node = queue.currentNode
    const a = queue.currentA
    const b = queue.currentB
    switch (kind) {
      case EV_MINE:
      case EV_TIMER:
        protocol.onEvent(w, kind, node, a, b, queue.currentC)
        return
      case EV_TX_ARRIVAL:
        txSystem.onArrival()
        return
      case EV_TX_FLUSH:
        if (nodes.epoch[node] === queue.currentC) txSystem.gossip.onFlush(node)
        return
      case EV_TX_BATCH:
        if (nodes.status[node] !== NODE_UP || nodes.epoch[b] !== queue.currentC || !links.reachable(b, node)) return
        txSystem.gossip.onBatch(node, b, queue.currentData as Int32Array)
        return
      case EV_MESSAGE:
        if (nodes.status[node] !== NODE_UP || nodes.epoch[b] !== queue.currentC || !links.reachable(b, node)) return
        protocol.onMessage?.(w, node, b, queue.currentData)
        return
      case EV_INV:
      case EV_GETDATA:
      case EV_BLOCK:
      case EV_CMPCT:
      case EV_GETBLOCKTXN:
      case EV_BLOCKTXN:
        if (nodes.status[node] !== NODE_UP || nodes.epoch[b] !== queue.currentC || !links.reachable(b, node)) {
          onDeliveryFailed(w, kind, node, a, b)
          return
        }
        if (kind === EV_INV) onInv(w, node, a, b)
        else if (kind === EV_GETDATA) onGetData(w, node, a, b)
        else if (kind === EV_CMPCT) onCompactBlock(w, node, a, b)
        else if (kind === EV_GETBLOCKTXN) onGetBlockTxn(w, node, a, b)
        else w.deliverBlock(node, a, b)
        return
      case EV_REQUEST_TIMEOUT:
        onRequestTimeout(w, node, a, b)
        return
      case EV_COMMAND: {
        // A scheduled command that no longer applies is reported and skipped: it must not abort
        // the run (its validity was checked when it was scheduled; the state changed since).
        const cmd = queue.currentData as Command
        try {
          execute(cmd)
        } catch (error) {
          if (!(error instanceof CommandRejectedError || error instanceof InvalidFieldError)) throw error
          const reason = error instanceof CommandRejectedError ? error.reason : { en: error.shortMessage, ko: error.messageKo }
          if (bus.wants('command-rejected')) bus.emit({ type: 'command-rejected', atUs: w.now, command: cmd, reason })
        }
        return
      }
    }
  }

  function processOne(): boolean {
    if (!queue.pop()) return false
    if (queue.currentTime === w.now) {
      // Millions of events without time passing is a protocol bug (a timer re-armed at zero
      // delay, a message loop): fail with a clear error instead of hanging the app.
      if (++sameTimeEvents > LIVELOCK_EVENTS) throw new SimulationStuckError(w.now, sameTimeEvents, EVENT_KIND_NAMES[queue.currentKind] ?? String(queue.currentKind))
    } else sameTimeEvents = 0
    w.now = queue.currentTime
    events++
    traceHasher.fold(queue.currentTime, queue.currentSeq, queue.currentKind, queue.currentNode, queue.currentA)
    if (hooks.onTrace) {
      hooks.onTrace({
        t: queue.currentTime,
        seq: queue.currentSeq,
        kind: EVENT_KIND_NAMES[queue.currentKind] ?? String(queue.currentKind),
        node: queue.currentNode,
        subject: queue.currentA,
        from: queue.currentB,
      })
    }
    dispatch()
    return true
  }

  /** The heaviest tip among honest nodes (byzantine chains — private, invalid — never count). */
  function mainTip(): BlockId {
    let best = -1
    for (let n = 0; n < nodes.count; n++) {
      if (nodes.status[n] === NODE_REMOVED || w.behaviours[n] !== undefined) continue
      const t = nodes.tip[n]!
      if (best < 0 || store.cumWork(t) > store.cumWork(best)) best = t
    }
    return best < 0 ? 0 : best
  }

  const queryContext: QueryContext = {
    w,
    get hasher() {
      return getHasher()
    },
    nonceBits,
    events: () => events,
    traceHash: () => traceHasher.digest(),
    mainTip,
    metrics: () => metrics.summary(store, mainTip()),
    transactions: txSystem,
  }

  function transactionSummary(m: MetricsSummary): RunSummary['transactions'] {
    if (txSystem.table.count === 0) return null
    const t = summarizeTransactions(txSystem.table)
    return {
      ...t,
      messagesPerTx: t.finalized > 0 ? Math.round((m.messages / t.finalized) * 100) / 100 : null,
      bytesPerTx: t.finalized > 0 ? Math.round(m.bytes / t.finalized) : null,
    }
  }

  const network: Network = {
    config,
    protocol: { name: protocol.name, finality: protocol.finality, baseTimeoutUs: protocol.baseTimeoutUs },
    get now() {
      return w.now
    },
    get events() {
      return events
    },
    inputs,
    traceHash: () => traceHasher.digest(),
    step: processOne,
    runUntil(t) {
      if (!Number.isSafeInteger(t) || t < w.now) {
        throw new InvalidFieldError({ field: 'runUntil.t', expected: { en: `an integer time in µs ≥ now (${w.now})`, ko: `현재 시각(${w.now}) 이상의 정수 시각(µs)` }, got: t })
      }
      const before = events
      for (;;) {
        const next = queue.peekTime()
        if (next === undefined || next > t) break
        processOne()
      }
      w.now = t
      return events - before
    },
    run(options) {
      if (options.untilUs === undefined && options.stopAtHeight === undefined && options.maxEvents === undefined) {
        // A PoW network always has a next event: without a bound this would never return.
        throw new InvalidFieldError({
          field: 'run.options',
          expected: { en: 'at least one of untilUs, stopAtHeight, maxEvents', ko: 'untilUs, stopAtHeight, maxEvents 중 하나 이상' },
          got: options,
        })
      }
      const start = events
      const every = options.progressEvery ?? 1_000_000
      let nextProgress = events + every
      const stopHeight = options.stopAtHeight
      for (;;) {
        if (options.maxEvents !== undefined && events - start >= options.maxEvents) return { reason: 'max-events', events: events - start, nowUs: w.now }
        const next = queue.peekTime()
        if (next === undefined && options.untilUs === undefined) return { reason: 'idle', events: events - start, nowUs: w.now }
        // Time passes even when nothing happens: an idle network still reaches `untilUs`.
        if (options.untilUs !== undefined && (next === undefined || next > options.untilUs)) {
          w.now = options.untilUs
          return { reason: 'time', events: events - start, nowUs: w.now }
        }
        if (stopHeight !== undefined && protocol.finality === 'depth' && queue.peekKind() === EV_MINE) {
          const miner = queue.peekNode()
          if (nodes.status[miner] === NODE_UP && store.height(nodes.tip[miner]!) >= stopHeight) {
            return { reason: 'height', events: events - start, nowUs: w.now }
          }
        }
        processOne()
        if (stopHeight !== undefined && protocol.finality === 'explicit' && finality.maxHeight >= stopHeight) {
          return { reason: 'height', events: events - start, nowUs: w.now }
        }
        if (options.onProgress && events >= nextProgress) {
          nextProgress = events + every
          options.onProgress({ events, nowUs: w.now, height: store.height(mainTip()) })
        }
      }
    },
    nextEventTime: () => queue.peekTime(),
    apply(input) {
      const cmd = parseCommand(input, nodes.count)
      if (cmd.atUs !== undefined && cmd.atUs < w.now) {
        throw new InvalidFieldError({ field: 'command.atUs', expected: { en: `a time ≥ now (${w.now} µs)`, ko: `현재 시각(${w.now} µs) 이상의 시각` }, got: cmd.atUs })
      }
      if (cmd.atUs !== undefined && cmd.atUs > w.now) {
        inputs.push({ atUs: w.now, afterEvents: events, command: cmd })
        queue.push(cmd.atUs, EV_COMMAND, -1, 0, 0, 0, { ...cmd, atUs: undefined })
        return { ok: true, type: cmd.type, atUs: cmd.atUs, scheduled: true }
      }
      const result = execute(cmd)
      inputs.push({ atUs: w.now, afterEvents: events, command: cmd })
      return result
    },
    query(q) {
      return runQuery(queryContext, parseQuery(q, nodes.count, store.count, txSystem.table.count) as Query)
    },
    subscribe: (filter, listener) => bus.subscribe(filter, listener),
    summary() {
      const m = metrics.summary(store, mainTip())
      return {
        traceHash: traceHasher.digest(),
        events,
        seed: config.seed,
        nodes: nodes.count,
        blocks: m.blocks,
        orphans: m.orphans,
        staleRate: m.staleRate,
        propagation: { t50Ms: m.propagation.t50Ms, t90Ms: m.propagation.t90Ms, t100Ms: m.propagation.t100Ms },
        messages: m.messages,
        bytes: m.bytes,
        simulatedMs: w.now / 1000,
        metrics: m,
        protocol: protocol.summary?.(w) ?? null,
        finalizedHeight: finality.maxHeight,
        transactions: transactionSummary(m),
      }
    },
  }
  return network
}

/**
 * Rebuilds a network from its config and recorded inputs: the same trace, event for event.
 *
 * @example
 * const copy = replayNetwork(net.config, net.inputs)
 * copy.run({ untilUs: net.now })
 * copy.traceHash() === net.traceHash()
 */
export function replayNetwork(config: NetworkConfig, inputs: readonly RecordedInput[], hooks: NetworkHooks = {}): Network {
  const net = createNetwork(config, hooks)
  for (const input of inputs) {
    while (net.events < input.afterEvents && net.step()) {
      // advance to the recorded event count
    }
    if (net.now < input.atUs) net.runUntil(input.atUs)
    net.apply(input.command.atUs !== undefined && input.command.atUs > input.atUs ? input.command : { ...input.command, atUs: undefined })
  }
  return net
}
