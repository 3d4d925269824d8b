/**
 * Read-only queries over a running network (plain JSON in, plain JSON out): node heads, the block
 * tree, one node's chain with validation, blocks, nodes, metrics, and a consistency report that
 * shows where nodes disagree (e.g. after a stored block was tampered with).
 *
 * @module
 */
import { HAVE, ORPHAN } from '../chain/blockKnowledge.ts'
import type { BlockHasher } from '../chain/blockHeader.ts'
import type { BlockId } from '../chain/blockStore.ts'
import { meetsTarget } from '../consensus/pow/nonceSearch.ts'
import { toHex } from '../crypto/sha256.ts'
import type { MetricsSummary } from '../metrics/collector.ts'
import { InvalidFieldError } from '../errors/input.ts'
import { NODE_REMOVED, NODE_STATUS_NAMES } from '../node/nodeTable.ts'
import type { TransactionSystem } from '../node/transactionFlow.ts'
import { expectBoolean, expectChoice, expectInteger, expectKnownKeys, expectRecord } from './validate.ts'
import type { World } from './world.ts'

export type Query =
  | { type: 'status' }
  | { type: 'heads'; hashes?: boolean | undefined }
  | { type: 'nodes' }
  | { type: 'node'; node: number }
  | { type: 'block'; block: number; node?: number | undefined }
  | { type: 'block-tree'; fromHeight?: number | undefined; limit?: number | undefined }
  | { type: 'chain'; node: number; limit?: number | undefined }
  | { type: 'metrics' }
  | { type: 'consistency' }
  | { type: 'miners'; node?: number | undefined }
  | { type: 'tx'; tx: number }
  | { type: 'mempool'; node: number }
  | { type: 'members' }

export const QUERY_TYPES = ['status', 'heads', 'nodes', 'node', 'block', 'block-tree', 'chain', 'metrics', 'consistency', 'miners', 'tx', 'mempool', 'members'] as const

export interface QueryContext {
  w: World
  hasher: BlockHasher
  nonceBits: number | undefined
  events: () => number
  traceHash: () => string
  mainTip: () => BlockId
  metrics: () => MetricsSummary
  transactions: TransactionSystem
}

export interface ChainEntry {
  block: number
  height: number
  miner: number
  timeMs: number
  /** Hash of this node's copy. */
  hash: string
  /** The previous-block hash stored in this block's header. */
  prevHash: string
  /** This node's copy hashes to what its child (and every honest peer) expects. */
  linkOk: boolean
  /** Real-PoW runs: the copy's hash meets the target (always true in modeled runs). */
  powOk: boolean
  data?: string
}

/**
 * Validates a query for a network of `nodeCount` nodes.
 * @throws {@link InvalidFieldError} naming the field.
 */
export function parseQuery(input: unknown, nodeCount: number, blockCount: number, txCount = 0): Query {
  const q = expectRecord(input, 'query')
  const type = expectChoice(q.type, 'query.type', QUERY_TYPES)
  const node = (field = 'query.node'): number => expectInteger(q.node, field, 0, Math.max(0, nodeCount - 1))
  const optInt = (key: string, min: number, max?: number): number | undefined =>
    q[key] === undefined ? undefined : expectInteger(q[key], `query.${key}`, min, max)
  switch (type) {
    case 'status':
    case 'nodes':
    case 'metrics':
    case 'consistency':
      expectKnownKeys(q, 'query', ['type'])
      return { type }
    case 'heads':
      expectKnownKeys(q, 'query', ['type', 'hashes'])
      return { type, hashes: q.hashes === undefined ? false : expectBoolean(q.hashes, 'query.hashes') }
    case 'node':
      expectKnownKeys(q, 'query', ['type', 'node'])
      return { type, node: node() }
    case 'block':
      expectKnownKeys(q, 'query', ['type', 'block', 'node'])
      return {
        type,
        block: expectInteger(q.block, 'query.block', 0, Math.max(0, blockCount - 1)),
        node: q.node === undefined ? undefined : node(),
      }
    case 'block-tree':
      expectKnownKeys(q, 'query', ['type', 'fromHeight', 'limit'])
      return { type, fromHeight: optInt('fromHeight', 0), limit: optInt('limit', 1, 100_000) }
    case 'miners':
      expectKnownKeys(q, 'query', ['type', 'node'])
      return { type, node: q.node === undefined ? undefined : node() }
    case 'chain':
      expectKnownKeys(q, 'query', ['type', 'node', 'limit'])
      return { type, node: node(), limit: optInt('limit', 1, 100_000) }
    case 'tx':
      expectKnownKeys(q, 'query', ['type', 'tx'])
      if (txCount === 0) {
        throw new InvalidFieldError({ field: 'query.tx', expected: { en: 'a transaction id (none submitted yet)', ko: '트랜잭션 번호 (아직 제출된 트랜잭션 없음)' }, got: q.tx })
      }
      return { type, tx: expectInteger(q.tx, 'query.tx', 0, txCount - 1) }
    case 'mempool':
      expectKnownKeys(q, 'query', ['type', 'node'])
      return { type, node: node() }
    case 'members':
      expectKnownKeys(q, 'query', ['type'])
      return { type }
  }
}

/** The hash of `node`'s copy of `block`. */
function copyHash(ctx: QueryContext, node: number, block: BlockId): Uint8Array {
  const tampered = ctx.w.nodes.tampered.get(node)?.get(block)
  return tampered === undefined ? ctx.hasher.hash(block) : ctx.hasher.hashWithData(block, tampered)
}

/**
 * `node`'s chain from its tip down (at most `limit` entries) and whether it is valid.
 *
 * Honest copies are valid by construction (each was checked when received, or mined here), so the
 * only copies that can break the chain are the node's corrupted ones: validity checks just those,
 * and a page of a long chain costs `limit` hashes, not the whole chain.
 */
export function nodeChain(ctx: QueryContext, node: number, limit = 1000): { entries: ChainEntry[]; valid: boolean; firstInvalidHeight: number | null } {
  const { w, hasher } = ctx
  const { store } = w
  const tip = w.nodes.tip[node]!
  const tampered = w.nodes.tampered.get(node)
  const isValid = (b: BlockId, h: Uint8Array): { linkOk: boolean; powOk: boolean } => ({
    linkOk: tampered?.has(b) !== true || toHex(h) === toHex(hasher.hash(b)),
    powOk: ctx.nonceBits === undefined || b === 0 || meetsTarget(h, ctx.nonceBits),
  })
  let firstInvalid: number | null = null
  for (const b of tampered?.keys() ?? []) {
    if (!store.isAncestor(b, tip)) continue
    const { linkOk, powOk } = isValid(b, copyHash(ctx, node, b))
    const height = store.height(b)
    if ((!linkOk || !powOk) && (firstInvalid === null || height < firstInvalid)) firstInvalid = height
  }
  const entries: ChainEntry[] = []
  for (let b = tip; b >= 0 && entries.length < limit; b = store.parent(b)) {
    const h = copyHash(ctx, node, b)
    const data = tampered?.get(b) ?? store.payload(b).data
    entries.push({
      block: b,
      height: store.height(b),
      miner: store.miner(b),
      timeMs: store.timeUs(b) / 1000,
      hash: toHex(h),
      prevHash: toHex(hasher.prevHash(b)),
      ...isValid(b, h),
      ...(data === undefined ? {} : { data }),
    })
  }
  return { entries, valid: firstInvalid === null, firstInvalidHeight: firstInvalid }
}

const KNOWLEDGE_NAMES = ['unknown', 'requested', 'orphan', 'have'] as const

/** The blocks a node's parked orphans are waiting for (one per orphan chain), and their state. */
function waitingFor(w: QueryContext['w'], node: number): { block: number; height: number; state: string }[] {
  const out = new Map<number, { block: number; height: number; state: string }>()
  for (const orphan of w.nodes.orphans[node]?.blocks() ?? []) {
    let missing = w.store.parent(orphan)
    while (w.knowledge.get(missing, node) === ORPHAN) missing = w.store.parent(missing)
    out.set(missing, { block: missing, height: w.store.height(missing), state: KNOWLEDGE_NAMES[w.knowledge.get(missing, node)]! })
  }
  return [...out.values()]
}

export function runQuery(ctx: QueryContext, q: Query): unknown {
  const { w } = ctx
  const { nodes, store } = w
  switch (q.type) {
    case 'tx': {
      const t = ctx.transactions.table
      const i = q.tx
      const final = t.finalUs[i]!
      const block = t.block[i]!
      return {
        tx: i,
        origin: t.origin[i],
        sender: t.sender[i],
        fee: t.fee[i],
        bytes: t.bytes[i],
        submittedUs: t.submittedUs[i],
        status: !Number.isNaN(final) ? 'final' : block >= 0 ? 'in-block' : 'pending',
        block: block >= 0 ? block : null,
        includedUs: Number.isNaN(t.includedUs[i]!) ? null : t.includedUs[i],
        finalUs: Number.isNaN(final) ? null : final,
      }
    }
    case 'mempool':
      ctx.transactions.mempool.ensure(nodes.count)
      return { node: q.node, pending: ctx.transactions.mempool.pending(q.node) }
    case 'members': {
      const out = []
      for (let n = 0; n < nodes.count; n++) out.push(w.members.identity(n))
      return { permissioned: w.members.permissioned, validators: [...w.members.validators], members: out }
    }
    case 'status':
      return {
        nowUs: w.now,
        events: ctx.events(),
        pendingEvents: w.queue.size,
        traceHash: ctx.traceHash(),
        nodes: nodes.count,
        blocks: store.count - 1,
        partitioned: w.links.partitioned,
      }
    case 'heads': {
      const heads = []
      for (let n = 0; n < nodes.count; n++) {
        const tip = nodes.tip[n]!
        heads.push({
          node: n,
          status: NODE_STATUS_NAMES[nodes.status[n]!],
          tip,
          height: store.height(tip),
          ...(q.hashes ? { hash: toHex(copyHash(ctx, n, tip)) } : {}),
        })
      }
      return heads
    }
    case 'nodes': {
      let total = 0
      for (let n = 0; n < nodes.count; n++) total += nodes.hashPower[n]!
      return Array.from({ length: nodes.count }, (_, n) => ({
        node: n,
        status: NODE_STATUS_NAMES[nodes.status[n]!],
        region: w.model.regions[nodes.region[n]!],
        hashShare: total > 0 ? nodes.hashPower[n]! / total : 0,
        peers: w.links.peers(n).length,
        tip: nodes.tip[n]!,
        height: store.height(nodes.tip[n]!),
      }))
    }
    case 'node': {
      const n = q.node
      return {
        node: n,
        status: NODE_STATUS_NAMES[nodes.status[n]!],
        region: w.model.regions[nodes.region[n]!],
        hashPower: nodes.hashPower[n]!,
        compactRelay: nodes.compact[n] === 1,
        peers: [...w.links.peers(n)],
        outbound: w.links.outboundCount(n),
        tip: nodes.tip[n]!,
        height: store.height(nodes.tip[n]!),
        orphansWaiting: nodes.orphans[n]?.size ?? 0,
        waitingFor: waitingFor(w, n),
        partitionSide: w.links.sideOf(n),
        tamperedBlocks: [...(nodes.tampered.get(n)?.keys() ?? [])],
        finalized: w.finality.finalizedOf(n),
        member: w.members.identity(n),
        consensus: w.protocol.describeNode?.(w, n) ?? null,
        strategy: w.behaviours[n]?.strategy ?? 'honest',
      }
    }
    case 'block': {
      const b = q.block
      const p = w.metrics.blockPropagation(b)
      const ms = (us: number): number | null => (Number.isNaN(us) ? null : us / 1000)
      const holders: number[] = []
      for (let n = 0; n < nodes.count; n++) if (w.knowledge.get(b, n) === HAVE) holders.push(n)
      return {
        block: b,
        parent: store.parent(b),
        height: store.height(b),
        miner: store.miner(b),
        timeMs: store.timeUs(b) / 1000,
        difficulty: store.difficulty(b),
        cumulativeWork: store.cumWork(b),
        size: store.size(b),
        txCount: ctx.transactions.txCount(b),
        /** The block's transaction ids, highest fee first (the order an executor runs them). */
        txs: [...(ctx.transactions.blockTxs(b) ?? [])],
        finalUs: Number.isNaN(w.finality.firstFinalUs(b)) ? null : w.finality.firstFinalUs(b),
        nonce: store.nonce(b),
        hash: toHex(ctx.hasher.hash(b)),
        prevHash: toHex(ctx.hasher.prevHash(b)),
        heldBy: holders.length,
        onMainChain: store.isAncestor(b, ctx.mainTip()),
        propagation: { arrivals: p.arrivals, t50Ms: ms(p.t50Us), t90Ms: ms(p.t90Us), t100Ms: ms(p.t100Us) },
        ...(q.node === undefined ? {} : { copy: { node: q.node, hash: toHex(copyHash(ctx, q.node, b)) } }),
      }
    }
    case 'block-tree': {
      const from = q.fromHeight ?? 0
      const limit = q.limit ?? 10_000
      const main = ctx.mainTip()
      const out = []
      for (let b = 0; b < store.count && out.length < limit; b++) {
        if (store.height(b) < from) continue
        out.push({
          block: b,
          parent: store.parent(b),
          height: store.height(b),
          miner: store.miner(b),
          timeMs: store.timeUs(b) / 1000,
          cumulativeWork: store.cumWork(b),
          onMainChain: store.isAncestor(b, main),
        })
      }
      return out
    }
    case 'chain': {
      const { entries, valid, firstInvalidHeight } = nodeChain(ctx, q.node, q.limit)
      return { node: q.node, tip: nodes.tip[q.node]!, valid, firstInvalidHeight, blocks: entries }
    }
    case 'metrics':
      return ctx.metrics()
    case 'miners': {
      // Who mined the blocks of a chain (a node's, or the heaviest): revenue shares.
      const tip = q.node === undefined ? ctx.mainTip() : nodes.tip[q.node]!
      const counts = new Map<number, number>()
      for (let b = tip; b > 0; b = store.parent(b)) counts.set(store.miner(b), (counts.get(store.miner(b)) ?? 0) + 1)
      const height = store.height(tip)
      return {
        tip,
        height,
        miners: [...counts].sort((a, b) => a[0] - b[0]).map(([miner, blocks]) => ({ miner, blocks, share: blocks / height })),
      }
    }
    case 'consistency': {
      const tips = new Map<number, number[]>()
      const invalid: { node: number; firstInvalidHeight: number }[] = []
      for (let n = 0; n < nodes.count; n++) {
        if (nodes.status[n] === NODE_REMOVED) continue
        const t = nodes.tip[n]!
        const list = tips.get(t) ?? []
        list.push(n)
        tips.set(t, list)
        if (nodes.tampered.has(n)) {
          const { valid, firstInvalidHeight } = nodeChain(ctx, n, 1)
          if (!valid) invalid.push({ node: n, firstInvalidHeight: firstInvalidHeight! })
        }
      }
      return {
        agree: tips.size === 1 && invalid.length === 0,
        tips: [...tips].map(([tip, ns]) => ({ tip, height: store.height(tip), nodes: ns.length, sample: ns.slice(0, 10) })),
        invalidChains: invalid,
        rejectedBlocks: ctx.metrics().rejectedBlocks,
      }
    }
  }
}

