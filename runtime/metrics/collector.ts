/**
 * Run metrics: per-block propagation (t50/t90/t100 over the nodes that were up when the block was
 * mined), stale blocks, reorg depths, messages and bytes per message kind, rejected blocks.
 *
 * Arrivals are processed in time order, so the k-th arrival of a block is its k-th percentile
 * point: each block keeps a counter and three timestamps, never a list of arrival times.
 *
 * @module
 */
import type { BlockId, BlockStore } from '../chain/blockStore.ts'
import { MESSAGE_KINDS } from '../sim/eventKinds.ts'
import { grown } from '../sim/typedArrays.ts'
import { median } from './percentile.ts'

export interface PropagationSummary {
  /** Median over blocks of the time until 50% of nodes had the block, ms (null: no block). */
  t50Ms: number | null
  t90Ms: number | null
  t100Ms: number | null
  /** Blocks that reached every node up at their creation. */
  blocksFullyPropagated: number
}

export interface MetricsSummary {
  /** Blocks mined (genesis excluded). */
  blocks: number
  mainChainHeight: number
  /** Mined blocks that are not on the main chain (stale; SimBlock calls them orphans). */
  orphans: number
  staleRate: number
  propagation: PropagationSummary
  messages: number
  bytes: number
  byKind: Record<string, { messages: number; bytes: number }>
  reorgs: { count: number; maxDepth: number; depths: Record<string, number> }
  rejectedBlocks: number
}

export interface MetricsCollector {
  countMessage(kind: number, bytes: number): void
  /** The counter index of a message kind named by a protocol (created on first use). */
  messageKind(name: string): number
  /** Messages of one kind counted so far. */
  messageCount(kind: number): number
  blockCreated(block: BlockId, nodesUp: number): void
  /** First time a node holds `block` (connected). */
  arrival(block: BlockId, timeUs: number, createdUs: number): void
  reorg(depth: number): void
  rejected(): void
  summary(store: BlockStore, mainTip: BlockId): MetricsSummary
  /** Per-block propagation points, µs after creation (NaN when not reached). */
  blockPropagation(block: BlockId): { arrivals: number; t50Us: number; t90Us: number; t100Us: number }
}

export function createMetricsCollector(): MetricsCollector {
  // Relay kinds first (fixed indices), then the kinds protocols name (votes, batches, …).
  const kindNames: string[] = [...MESSAGE_KINDS]
  const messages: number[] = kindNames.map(() => 0)
  const bytes: number[] = kindNames.map(() => 0)
  let cap = 1024
  let arrivals: Int32Array = new Int32Array(cap)
  let k50: Int32Array = new Int32Array(cap)
  let k90: Int32Array = new Int32Array(cap)
  let k100: Int32Array = new Int32Array(cap)
  let t50: Float64Array = new Float64Array(cap).fill(NaN)
  let t90: Float64Array = new Float64Array(cap).fill(NaN)
  let t100: Float64Array = new Float64Array(cap).fill(NaN)
  let created = 0
  const reorgDepths = new Map<number, number>()
  let reorgCount = 0
  let maxDepth = 0
  let rejectedCount = 0

  function grow(min: number): void {
    while (cap <= min) cap *= 2
    arrivals = grown(arrivals, cap)
    k50 = grown(k50, cap)
    k90 = grown(k90, cap)
    k100 = grown(k100, cap)
    t50 = grown(t50, cap, NaN)
    t90 = grown(t90, cap, NaN)
    t100 = grown(t100, cap, NaN)
  }

  return {
    countMessage(kind, size) {
      messages[kind]!++
      bytes[kind]! += size
    },
    messageCount: (kind) => messages[kind]!,
    messageKind(name) {
      const i = kindNames.indexOf(name)
      if (i >= 0) return i
      kindNames.push(name)
      messages.push(0)
      bytes.push(0)
      return kindNames.length - 1
    },
    blockCreated(block, nodesUp) {
      if (block >= cap) grow(block)
      created++
      k50[block] = Math.ceil(0.5 * nodesUp)
      k90[block] = Math.ceil(0.9 * nodesUp)
      k100[block] = nodesUp
    },
    arrival(block, timeUs, createdUs) {
      const c = ++arrivals[block]!
      if (c === k50[block]) t50[block] = timeUs - createdUs
      if (c === k90[block]) t90[block] = timeUs - createdUs
      if (c === k100[block]) t100[block] = timeUs - createdUs
    },
    reorg(depth) {
      reorgCount++
      if (depth > maxDepth) maxDepth = depth
      reorgDepths.set(depth, (reorgDepths.get(depth) ?? 0) + 1)
    },
    rejected() {
      rejectedCount++
    },
    blockPropagation(block) {
      return { arrivals: arrivals[block] ?? 0, t50Us: t50[block]!, t90Us: t90[block]!, t100Us: t100[block]! }
    },
    summary(store, mainTip) {
      const pick = (arr: Float64Array): number[] => {
        const out: number[] = []
        for (let b = 1; b < store.count; b++) if (!Number.isNaN(arr[b]!)) out.push(arr[b]!)
        return out
      }
      const ms = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v) / 1000)
      const full = pick(t100)
      const byKind: MetricsSummary['byKind'] = {}
      let totalMessages = 0
      let totalBytes = 0
      kindNames.forEach((name, i) => {
        byKind[name] = { messages: messages[i]!, bytes: bytes[i]! }
        totalMessages += messages[i]!
        totalBytes += bytes[i]!
      })
      const mainHeight = store.height(mainTip)
      const orphans = created - mainHeight
      const depths: Record<string, number> = {}
      for (const [d, c] of [...reorgDepths].sort((x, y) => x[0] - y[0])) depths[String(d)] = c
      return {
        blocks: created,
        mainChainHeight: mainHeight,
        orphans,
        staleRate: created > 0 ? orphans / created : 0,
        propagation: {
          t50Ms: ms(median(pick(t50))),
          t90Ms: ms(median(pick(t90))),
          t100Ms: ms(median(full)),
          blocksFullyPropagated: full.length,
        },
        messages: totalMessages,
        bytes: totalBytes,
        byKind,
        reorgs: { count: reorgCount, maxDepth, depths },
        rejectedBlocks: rejectedCount,
      }
    },
  }
}
