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
import { HAVE, UNKNOWN, REQUESTED, createBlockKnowledge } from '../chain/blockKnowledge.ts'
import { createBlockHasher } from '../chain/blockHeader.ts'
import type { BlockHasher } from '../chain/blockHeader.ts'
import type { BlockId } from '../chain/blockStore.ts'
import { createBlockStore } from '../chain/blockStore.ts'
import { createMostWorkForkChoice } from '../chain/forkChoice.ts'
import type { TieBreak } from '../chain/forkChoice.ts'
import { meetsTarget } from '../consensus/pow/nonceSearch.ts'
import { createPowProtocol } from '../consensus/pow/powProtocol.ts'
import { toHex } from '../crypto/sha256.ts'
import { CommandRejectedError, InvalidFieldError } from '../errors/input.ts'
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
  exchangeTips,
  nodeStream,
  onCompactBlock,
  onDeliveryFailed,
  onGetBlockTxn,
  onGetData,
  onInv,
  onRequestTimeout,
} from '../net/relay.ts'
import { buildTopology, connectRandomOutbound, drawOutboundDegree } from '../net/topology.ts'
import type { TopologyOptions } from '../net/topology.ts'
import { NODE_CRASHED, NODE_REMOVED, NODE_UP, createNodeTable } from '../node/nodeTable.ts'
import { receiveBlock } from '../node/receiveBlock.ts'
import type { CopyValidator } from '../node/receiveBlock.ts'
import type { Command, CommandResult, RecordedInput } from './commands.ts'
import { parseCommand } from './commands.ts'
import type { NetworkConfig, NetSpec } from './config.ts'
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
  EV_MINE,
  EV_REQUEST_TIMEOUT,
} from './eventKinds.ts'
import { createEventQueue } from './eventQueue.ts'
import { createNotificationBus } from './notifications.ts'
import type { Listener, SubscriptionFilter } from './notifications.ts'
import { RESERVED_STREAMS, createRandomStreams } from './prng.ts'
import type { Query } from './queries.ts'
import { parseQuery, runQuery } from './queries.ts'
import type { QueryContext } from './queries.ts'
import type { RelaySettings, World } from './world.ts'

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
}

export interface Network {
  readonly config: NetworkConfig
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
  const forkChoice = createMostWorkForkChoice({ store, tieBreak: hooks.tieBreak })
  let hasher: BlockHasher | undefined
  const getHasher = (): BlockHasher => (hasher ??= createBlockHasher(store))
  const pow = createPowProtocol(
    {
      intervalUs: Math.round(config.protocol.intervalMs * 1000),
      blockSize: config.protocol.blockSize,
      retarget: config.protocol.retargetEvery === undefined ? undefined : { every: config.protocol.retargetEvery, maxFactor: 4 },
      nonceBits: config.protocol.nonceBits,
    },
    getHasher,
  )
  const relay: RelaySettings = {
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

  const validateCopy: CopyValidator = (_w, holder, block) => {
    const tampered = nodes.tampered.get(holder)?.get(block)
    if (tampered !== undefined) {
      const got = getHasher().hashWithData(block, tampered)
      const want = getHasher().hash(block)
      if (toHex(got) !== toHex(want)) return `hash mismatch: copy hashes to ${toHex(got).slice(0, 16)}…, expected ${toHex(want).slice(0, 16)}…`
    }
    if (config.protocol.nonceBits !== undefined && block > 0 && !meetsTarget(getHasher().hash(block), config.protocol.nonceBits)) {
      return 'proof of work does not meet the target'
    }
    return undefined
  }

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
    deliverBlock: (to, block, from) => receiveBlock(w, to, block, from, validateCopy),
    tipChanged: (node) => pow.tipChanged(w, node),
  }

  let events = 0
  const traceHasher = createTraceHasherLocal()
  const inputs: RecordedInput[] = []

  // ---- nodes -----------------------------------------------------------------------------

  function drawHashPower(node: number): number {
    const spec = config.protocol.hashPower
    switch (spec.kind) {
      case 'equal':
        return 1
      case 'shares':
        return spec.shares[node] ?? 0
      case 'normal':
        // SimBlock: max(int(normal(mean, stdev)), 1).
        return Math.max(Math.trunc(spec.mean + spec.stdev * rng.nextGaussian(nodeStream(node))), 1)
    }
  }

  function drawRegion(node: number): number {
    const u = rng.nextOpen01(nodeStream(node))
    let acc = 0
    const dist = model.regionDistribution
    for (let r = 0; r < dist.length; r++) {
      acc += dist[r]!
      if (u <= acc) return r
    }
    return dist.length - 1
  }

  function initNode(region?: number, hashPower?: number): number {
    const id = nodes.count
    nodes.ensure(id + 1)
    nodes.count = id + 1
    rng.ensure(RESERVED_STREAMS + id + 1)
    links.ensure(id + 1)
    held.ensure(id + 1)
    knowledge.ensure(store.count, id + 1)
    const s = nodeStream(id)
    nodes.region[id] = region ?? drawRegion(id)
    nodes.hashPower[id] = hashPower ?? drawHashPower(id)
    if (relay.compact) {
      nodes.compact[id] = rng.nextOpen01(s) < relay.compact.usageRate ? 1 : 0
      nodes.churn[id] = rng.nextOpen01(s) < relay.compact.churnNodeRate ? 1 : 0
    }
    nodes.tip[id] = 0
    nodes.status[id] = NODE_UP
    nodes.busyUntil[id] = w.now
    knowledge.set(0, id, HAVE)
    return id
  }

  for (let i = 0; i < config.nodes; i++) initNode()
  buildTopology(config.topology, config.nodes, links, rng, topologyOptions)
  pow.start(w)

  function upNodes(): number[] {
    const out: number[] = []
    for (let n = 0; n < nodes.count; n++) if (nodes.status[n] === NODE_UP) out.push(n)
    return out
  }

  function expectNodeStatus(cmd: string, node: number, allowed: number[]): void {
    if (!allowed.includes(nodes.status[node]!)) {
      const names = ['up', 'crashed', 'removed']
      const namesKo = ['동작 중', '멈춤', '제거됨']
      throw new CommandRejectedError(cmd, {
        en: `node ${node} is ${names[nodes.status[node]!]}`,
        ko: `노드 ${node}은(는) ${namesKo[nodes.status[node]!]} 상태입니다`,
      })
    }
  }

  /** Forget in-flight downloads and the upload queue: what a process crash loses. */
  function dropVolatileState(node: number): void {
    nodes.epoch[node] = (nodes.epoch[node]! + 1) >>> 0
    nodes.busyUntil[node] = w.now
    held.clear(node)
    for (let b = 0; b < store.count; b++) if (knowledge.get(b, node) === REQUESTED) knowledge.set(b, node, UNKNOWN)
  }

  function emitStatus(node: number, status: 'up' | 'crashed' | 'removed' | 'added'): void {
    if (bus.wants('node-status')) bus.emit({ type: 'node-status', atUs: w.now, node, status })
  }

  // ---- commands --------------------------------------------------------------------------

  function execute(cmd: Command): CommandResult {
    const base = { ok: true as const, type: cmd.type, atUs: w.now }
    if (bus.wants('command')) bus.emit({ type: 'command', atUs: w.now, command: cmd })
    switch (cmd.type) {
      case 'add-node': {
        if (cmd.region !== undefined && cmd.region >= model.regions.length) {
          throw new InvalidFieldError({
            field: 'command.region',
            expected: { en: `a region index below ${model.regions.length}`, ko: `${model.regions.length}보다 작은 지역 번호` },
            got: cmd.region,
            choices: model.regions.map((r, i) => `${i}=${r}`),
          })
        }
        const id = initNode(cmd.region, cmd.hashPower)
        let peers = cmd.peers
        if (peers === undefined) {
          const candidates = upNodes().filter((n) => n !== id)
          if (config.topology === 'full-mesh') peers = candidates
          else if (config.topology === 'star') peers = candidates.length > 0 ? [candidates[0]!] : []
          else {
            const degree = config.topology === 'bitcoin' ? drawOutboundDegree(topologyOptions.outboundDegreeCdf, rng, nodeStream(id)) : 2
            connectRandomOutbound(links, id, degree, candidates, rng, nodeStream(id))
            peers = []
          }
        }
        for (const p of peers) {
          if (nodes.status[p] === NODE_REMOVED) throw new CommandRejectedError('add-node', { en: `peer ${p} was removed`, ko: `피어 ${p}은(는) 제거되었습니다` })
          links.connect(id, p)
        }
        for (const p of links.peers(id)) if (nodes.status[p] === NODE_UP) exchangeTips(w, id, p)
        pow.nodeUp(w, id)
        emitStatus(id, 'added')
        return { ...base, node: id }
      }
      case 'remove-node':
        expectNodeStatus('remove-node', cmd.node, [NODE_UP, NODE_CRASHED])
        pow.nodeDown(w, cmd.node)
        dropVolatileState(cmd.node)
        nodes.status[cmd.node] = NODE_REMOVED
        links.disconnectAll(cmd.node)
        emitStatus(cmd.node, 'removed')
        return { ...base, node: cmd.node }
      case 'crash':
        expectNodeStatus('crash', cmd.node, [NODE_UP])
        pow.nodeDown(w, cmd.node)
        dropVolatileState(cmd.node)
        nodes.status[cmd.node] = NODE_CRASHED
        emitStatus(cmd.node, 'crashed')
        return { ...base, node: cmd.node }
      case 'restart':
        expectNodeStatus('restart', cmd.node, [NODE_CRASHED])
        nodes.status[cmd.node] = NODE_UP
        nodes.busyUntil[cmd.node] = w.now
        // Reconnect: peers and the node tell each other their tips; the node catches up.
        for (const p of links.peers(cmd.node)) if (nodes.status[p] === NODE_UP) exchangeTips(w, cmd.node, p)
        pow.nodeUp(w, cmd.node)
        emitStatus(cmd.node, 'up')
        return { ...base, node: cmd.node }
      case 'partition':
        links.partition(cmd.groups, nodes.count)
        return base
      case 'heal': {
        const sides = Array.from({ length: nodes.count }, (_, n) => links.sideOf(n))
        links.heal()
        // Links that were cut come back: both ends exchange tips.
        for (let a = 0; a < nodes.count; a++) {
          if (nodes.status[a] !== NODE_UP) continue
          for (const b of links.peers(a)) {
            if (b > a && nodes.status[b] === NODE_UP && sides[a] !== sides[b]) exchangeTips(w, a, b)
          }
        }
        return base
      }
      case 'set-link-fault': {
        const fault = cmd.fault === null
          ? undefined
          : { delayUs: Math.round((cmd.fault.delayMs ?? 0) * 1000), drop: cmd.fault.drop ?? 0, duplicate: cmd.fault.duplicate ?? 0 }
        if (cmd.link) {
          links.setFault(cmd.link[0], cmd.link[1], fault)
          links.setFault(cmd.link[1], cmd.link[0], fault)
        } else links.setFault(undefined, undefined, fault)
        return base
      }
      case 'mine': {
        expectNodeStatus('mine', cmd.node, [NODE_UP])
        return { ...base, node: cmd.node, block: pow.produceNow(w, cmd.node) }
      }
      case 'tamper': {
        if (cmd.block === 0 || cmd.block >= store.count || knowledge.get(cmd.block, cmd.node) !== HAVE) {
          throw new CommandRejectedError('tamper', {
            en: `node ${cmd.node} does not hold block ${cmd.block} (genesis cannot be tampered with)`,
            ko: `노드 ${cmd.node}에 블록 ${cmd.block}이(가) 없습니다 (제네시스 블록은 변조할 수 없습니다)`,
          })
        }
        const map = nodes.tampered.get(cmd.node) ?? new Map<BlockId, string>()
        map.set(cmd.block, cmd.data)
        nodes.tampered.set(cmd.node, map)
        return { ...base, node: cmd.node, block: cmd.block }
      }
    }
  }

  // ---- the event loop ----------------------------------------------------------------------

  function dispatch(): void {
    const kind = queue.currentKind
    const node = queue.currentNode
    const a = queue.currentA
    const b = queue.currentB
    switch (kind) {
      case EV_MINE:
        pow.onEvent(w, kind, node, a, b)
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
      case EV_COMMAND:
        execute(queue.currentData as Command)
        return
    }
  }

  function processOne(): boolean {
    if (!queue.pop()) return false
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

  function mainTip(): BlockId {
    let best = -1
    for (let n = 0; n < nodes.count; n++) {
      if (nodes.status[n] === NODE_REMOVED) continue
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
    nonceBits: config.protocol.nonceBits,
    events: () => events,
    traceHash: () => traceHasher.digest(),
    mainTip,
    metrics: () => metrics.summary(store, mainTip()),
  }

  const network: Network = {
    config,
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
      const start = events
      const every = options.progressEvery ?? 1_000_000
      let nextProgress = events + every
      const stopHeight = options.stopAtHeight
      for (;;) {
        if (options.maxEvents !== undefined && events - start >= options.maxEvents) return { reason: 'max-events', events: events - start, nowUs: w.now }
        const next = queue.peekTime()
        if (next === undefined) return { reason: 'idle', events: events - start, nowUs: w.now }
        if (options.untilUs !== undefined && next > options.untilUs) {
          w.now = options.untilUs
          return { reason: 'time', events: events - start, nowUs: w.now }
        }
        if (stopHeight !== undefined && queue.peekKind() === EV_MINE) {
          const miner = queue.peekNode()
          if (nodes.status[miner] === NODE_UP && store.height(nodes.tip[miner]!) >= stopHeight) {
            return { reason: 'height', events: events - start, nowUs: w.now }
          }
        }
        processOne()
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
      return runQuery(queryContext, parseQuery(q, nodes.count, store.count) as Query)
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
      }
    },
  }
  return network
}

// Local alias keeps the import list above readable.
import { createTraceHasher as createTraceHasherLocal } from './traceHash.ts'

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
