/**
 * A node's life: created (region, hash power and relay flags drawn from its own stream), added
 * while running (connected by the topology's rule and synced from its peers), crashed (loses what
 * is in memory: downloads in flight, its upload queue), restarted (reconnects and catches up),
 * removed for good.
 *
 * @module
 */
import { HAVE, INVALID, ORPHAN, REQUESTED, UNKNOWN } from '../chain/blockKnowledge.ts'
import type { ConsensusProtocol } from '../consensus/protocol.ts'
import { CommandRejectedError, InvalidFieldError } from '../errors/input.ts'
import { exchangeTips, nodeStream } from '../net/relay.ts'
import type { TopologyKind, TopologyOptions } from '../net/topology.ts'
import { connectRandomOutbound, drawOutboundDegree } from '../net/topology.ts'
import type { HashPowerSpec } from '../sim/config.ts'
import { RESERVED_STREAMS } from '../sim/prng.ts'
import type { World } from '../sim/world.ts'
import { NODE_CRASHED, NODE_REMOVED, NODE_UP } from './nodeTable.ts'
import { switchTip } from './receiveBlock.ts'
import type { TransactionSystem } from './transactionFlow.ts'

/** What node lifecycle operations need besides the world. */
export interface NodeSetup {
  w: World
  protocol: ConsensusProtocol
  hashPower: HashPowerSpec
  topology: TopologyKind
  topologyOptions: TopologyOptions
  /** Transactions: submission (`submit-tx`), mempools and gossip. */
  transactions: TransactionSystem
}

const STATUS_EN = ['up', 'crashed', 'removed']
const STATUS_KO = ['동작 중', '멈춤', '제거됨']

/** @throws {@link CommandRejectedError} when `node`'s status is not one of `allowed`. */
export function expectNodeStatus(w: World, command: string, node: number, allowed: readonly number[]): void {
  const status = w.nodes.status[node]!
  if (!allowed.includes(status)) {
    throw new CommandRejectedError(command, {
      en: `node ${node} is ${STATUS_EN[status]}`,
      ko: `노드 ${node}은(는) ${STATUS_KO[status]} 상태입니다`,
    })
  }
}

function drawHashPower(s: NodeSetup, node: number): number {
  const spec = s.hashPower
  switch (spec.kind) {
    case 'equal':
      return 1
    case 'shares':
      return spec.shares[node] ?? 0
    case 'normal':
      // SimBlock: max(int(normal(mean, stdev)), 1).
      return Math.max(Math.trunc(spec.mean + spec.stdev * s.w.rng.nextGaussian(nodeStream(node))), 1)
  }
}

function drawRegion(w: World, node: number): number {
  const u = w.rng.nextOpen01(nodeStream(node))
  let acc = 0
  const dist = w.model.regionDistribution
  for (let r = 0; r < dist.length; r++) {
    acc += dist[r]!
    if (u <= acc) return r
  }
  return dist.length - 1
}

/** Creates a node holding only the genesis block (not connected, not mining yet). */
export function createNode(s: NodeSetup, region?: number, hashPower?: number): number {
  const { w } = s
  const { nodes, rng, knowledge, relay } = w
  const id = nodes.count
  nodes.ensure(id + 1)
  nodes.count = id + 1
  rng.ensure(RESERVED_STREAMS + id + 1)
  w.links.ensure(id + 1)
  w.held.ensure(id + 1)
  knowledge.ensure(w.store.count, id + 1)
  const stream = nodeStream(id)
  nodes.region[id] = region ?? drawRegion(w, id)
  nodes.hashPower[id] = hashPower ?? drawHashPower(s, id)
  if (relay.compact) {
    nodes.compact[id] = rng.nextOpen01(stream) < relay.compact.usageRate ? 1 : 0
    nodes.churn[id] = rng.nextOpen01(stream) < relay.compact.churnNodeRate ? 1 : 0
  }
  nodes.tip[id] = 0
  nodes.status[id] = NODE_UP
  nodes.busyUntil[id] = w.now
  knowledge.set(0, id, HAVE)
  return id
}

function emitStatus(w: World, node: number, status: 'up' | 'crashed' | 'removed' | 'added'): void {
  if (w.bus.wants('node-status')) w.bus.emit({ type: 'node-status', atUs: w.now, node, status })
}

/**
 * Adds a node to a running network: explicit peers, or the topology's rule (full mesh: everyone;
 * star: the hub; otherwise random outbound peers). It syncs from its peers and starts mining.
 * Checks everything before changing anything.
 */
export function addNode(s: NodeSetup, options: { region?: number | undefined; hashPower?: number | undefined; peers?: readonly number[] | undefined }): number {
  const { w } = s
  const { nodes, links } = w
  if (options.region !== undefined && options.region >= w.model.regions.length) {
    throw new InvalidFieldError({
      field: 'command.region',
      expected: { en: `a region index below ${w.model.regions.length}`, ko: `${w.model.regions.length}보다 작은 지역 번호` },
      got: options.region,
      choices: w.model.regions.map((r, i) => `${i}=${r}`),
    })
  }
  for (const p of options.peers ?? []) {
    if (nodes.status[p] === NODE_REMOVED) {
      throw new CommandRejectedError('add-node', { en: `peer ${p} was removed`, ko: `피어 ${p}은(는) 제거되었습니다` })
    }
  }
  const candidates: number[] = []
  for (let n = 0; n < nodes.count; n++) if (nodes.status[n] === NODE_UP) candidates.push(n)
  const id = createNode(s, options.region, options.hashPower)
  w.members.addNode(id)
  if (options.peers) for (const p of options.peers) links.connect(id, p)
  else if (s.topology === 'full-mesh') for (const p of candidates) links.connect(id, p)
  else if (s.topology === 'star') {
    if (candidates.length > 0) links.connect(id, candidates[0]!)
  } else {
    const degree = s.topology === 'bitcoin' ? drawOutboundDegree(s.topologyOptions.outboundDegreeCdf, w.rng, nodeStream(id)) : 2
    connectRandomOutbound(links, id, degree, candidates, w.rng, nodeStream(id))
  }
  for (const p of links.peers(id)) if (nodes.status[p] === NODE_UP) exchangeTips(w, id, p)
  s.protocol.nodeUp(w, id)
  emitStatus(w, id, 'added')
  return id
}

/** What a process crash loses: downloads in flight, held announcements, the upload queue. */
function dropVolatileState(w: World, node: number): void {
  const { nodes, knowledge } = w
  nodes.epoch[node] = (nodes.epoch[node]! + 1) >>> 0
  nodes.busyUntil[node] = w.now
  w.held.clear(node)
  for (let b = 0; b < w.store.count; b++) if (knowledge.get(b, node) === REQUESTED) knowledge.set(b, node, UNKNOWN)
}

export function crashNode(s: NodeSetup, node: number): void {
  expectNodeStatus(s.w, 'crash', node, [NODE_UP])
  s.protocol.nodeDown(s.w, node)
  dropVolatileState(s.w, node)
  s.w.nodes.status[node] = NODE_CRASHED
  emitStatus(s.w, node, 'crashed')
}

/** Restarts a crashed node: it reconnects, exchanges tips with its peers and catches up. */
export function restartNode(s: NodeSetup, node: number): void {
  const { w } = s
  expectNodeStatus(w, 'restart', node, [NODE_CRASHED])
  w.nodes.status[node] = NODE_UP
  w.nodes.busyUntil[node] = w.now
  for (const p of w.links.peers(node)) if (w.nodes.status[p] === NODE_UP) exchangeTips(w, node, p)
  s.protocol.nodeUp(w, node)
  emitStatus(w, node, 'up')
}

/** Removes a node for good; its id stays taken (ids in traces and inputs stay meaningful). */
export function removeNode(s: NodeSetup, node: number): void {
  expectNodeStatus(s.w, 'remove-node', node, [NODE_UP, NODE_CRASHED])
  s.protocol.nodeDown(s.w, node)
  dropVolatileState(s.w, node)
  s.w.nodes.status[node] = NODE_REMOVED
  s.w.links.disconnectAll(node)
  emitStatus(s.w, node, 'removed')
}

/**
 * A node made honest again validates what it holds, as fixed software would on restart: blocks
 * that break the rules (its own invalid ones) and everything built on them become invalid, and it
 * moves to its heaviest valid block.
 */
export function revalidateChain(w: World, node: number): void {
  const { store, knowledge } = w
  const tip = w.nodes.tip[node]!
  let best = 0
  // Block ids are in creation order, so a parent is always judged before its children.
  for (let b = 1; b < store.count; b++) {
    const state = knowledge.get(b, node)
    if (state !== HAVE && state !== ORPHAN) continue
    if (store.isInvalid(b) || knowledge.get(store.parent(b), node) === INVALID) {
      knowledge.set(b, node, INVALID)
      w.nodes.orphans[node]?.takeChildren(b)
      continue
    }
    if (state === HAVE && store.cumWork(b) > store.cumWork(best)) best = b
  }
  const pool = w.nodes.orphans[node]
  if (pool && pool.size === 0) w.nodes.orphans[node] = undefined
  if (knowledge.get(tip, node) === HAVE && store.cumWork(tip) >= store.cumWork(best)) return
  switchTip(w, node, best)
}
