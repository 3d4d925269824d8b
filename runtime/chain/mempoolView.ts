/**
 * What each node's mempool holds, and how a producer picks transactions from it.
 *
 * Gossip spreads a node's knowledge as per-origin high-water marks: "I have origin o's
 * transactions 0 … s−1". A node only ever learns a mark from a peer that holds that whole prefix,
 * so knowledge stays prefix-closed and a mark per (node, origin) describes a mempool exactly —
 * 100 nodes × 600,000 transactions need 100 × 100 integers, not 60 million flags. Origins get a
 * slot when they first submit, so the table is nodes × submitting nodes.
 *
 * Selection is by fee, highest first (ties: older first), among the transactions the producer
 * holds that are not final and not already in the chain it builds on; a censor skips one sender.
 *
 * @module
 */
import type { BlockId, BlockStore } from './blockStore.ts'
import type { TransactionTable } from './transactions.ts'

export interface MempoolView {
  /** Makes room for `nodes` nodes. */
  ensure(nodes: number): void
  /** Node `origin` submitted transaction `tx` (the next in its sequence); returns origin's slot. */
  submit(origin: number, tx: number): number
  /** Origin slots in use (slot i belongs to node `originNode(i)`). */
  readonly origins: number
  originNode(slot: number): number
  /** Transactions of origin slot `slot` that `node` holds (its high-water mark). */
  known(node: number, slot: number): number
  /** `node` now holds slot's first `upTo` transactions; true if that is news to it. */
  learn(node: number, slot: number, upTo: number): boolean
  /** Merges a gossip batch `[slot, mark, slot, mark, …]` into `node`'s marks; true if any was news. */
  merge(node: number, batch: Int32Array): boolean
  /** `node`'s marks by slot (a view: valid until the next submission or merge). */
  marks(node: number): Int32Array
  /**
   * The raw mark table and where `node`'s row starts in it (valid until the next submission or
   * merge): the gossip flush reads a row per node every interval, without allocating a view.
   */
  row(node: number): { table: Int32Array; offset: number }
  /**
   * Up to `maxTx` transaction ids (and at most `maxBytes` bytes) for a block `node` builds on
   * `parent`, highest fee first. `inChain`: transactions already carried by `parent`'s chain above
   * its last final block (a transaction remembers only its latest carrier, which may be a fork).
   */
  select(node: number, parent: BlockId, maxTx: number, censoredSender: number | undefined, maxBytes?: number, inChain?: ReadonlySet<number>): number[]
  /** Transactions `node` holds that are not final yet. */
  pending(node: number): number
  /** How many of origin slot `slot`'s first transactions are all final. */
  finalPrefix(slot: number): number
}

export function createMempoolView(txs: TransactionTable, store: BlockStore): MempoolView {
  let nodeCap = 0
  let slotCap = 8
  /** known[node * slotCap + slot] */
  let known = new Int32Array(0)
  const slotOf = new Map<number, number>()
  const slotNodes: number[] = []
  const rowView = { table: new Int32Array(0), offset: 0 }
  const bySlot: number[][] = []
  /** Per slot: index of its first transaction that is not final (advanced lazily). */
  const firstOpen: number[] = []

  function resize(nodes: number, slots: number): void {
    const next = new Int32Array(nodes * slots)
    for (let n = 0; n < nodeCap; n++) next.set(known.subarray(n * slotCap, n * slotCap + slotCap), n * slots)
    known = next
    nodeCap = nodes
    slotCap = slots
  }

  function slotFor(origin: number): number {
    let slot = slotOf.get(origin)
    if (slot !== undefined) return slot
    slot = slotNodes.length
    if (slot >= slotCap) resize(nodeCap, slotCap * 2)
    slotOf.set(origin, slot)
    slotNodes.push(origin)
    bySlot.push([])
    firstOpen.push(0)
    return slot
  }

  function openFrom(slot: number): number {
    const list = bySlot[slot]!
    let i = firstOpen[slot]!
    while (i < list.length && !Number.isNaN(txs.finalUs[list[i]!]!)) i++
    firstOpen[slot] = i
    return i
  }

  return {
    ensure(nodes) {
      if (nodes > nodeCap) resize(Math.max(nodes, nodeCap * 2, 8), slotCap)
    },
    submit(origin, tx) {
      if (origin >= nodeCap) resize(Math.max(origin + 1, nodeCap * 2, 8), slotCap)
      const slot = slotFor(origin)
      const list = bySlot[slot]!
      list.push(tx)
      known[origin * slotCap + slot] = list.length
      return slot
    },
    get origins() {
      return slotNodes.length
    },
    originNode: (slot) => slotNodes[slot]!,
    known: (node, slot) => (node < nodeCap ? known[node * slotCap + slot]! : 0),
    learn(node, slot, upTo) {
      if (node >= nodeCap) resize(Math.max(node + 1, nodeCap * 2, 8), slotCap)
      const i = node * slotCap + slot
      if (upTo <= known[i]!) return false
      known[i] = upTo
      return true
    },
    merge(node, batch) {
      if (node >= nodeCap) resize(Math.max(node + 1, nodeCap * 2, 8), slotCap)
      const row = node * slotCap
      let news = false
      for (let i = 0; i < batch.length; i += 2) {
        const at = row + batch[i]!
        const mark = batch[i + 1]!
        if (mark > known[at]!) {
          known[at] = mark
          news = true
        }
      }
      return news
    },
    row(node) {
      if (node >= nodeCap) resize(Math.max(node + 1, nodeCap * 2, 8), slotCap)
      rowView.table = known
      rowView.offset = node * slotCap
      return rowView
    },
    marks(node) {
      if (node >= nodeCap) resize(Math.max(node + 1, nodeCap * 2, 8), slotCap)
      return known.subarray(node * slotCap, node * slotCap + slotNodes.length)
    },
    select(node, parent, maxTx, censoredSender, maxBytes = Infinity, inChain) {
      const candidates: number[] = []
      const row = node * slotCap
      for (let slot = 0; slot < bySlot.length; slot++) {
        const end = known[row + slot]!
        if (end === 0) continue
        const list = bySlot[slot]!
        for (let i = openFrom(slot); i < end; i++) {
          const tx = list[i]!
          if (!Number.isNaN(txs.finalUs[tx]!)) continue
          if (censoredSender !== undefined && txs.sender[tx] === censoredSender) continue
          const carried = txs.block[tx]!
          if (carried >= 0 && store.isAncestor(carried, parent)) continue
          if (inChain !== undefined && inChain.has(tx)) continue
          candidates.push(tx)
        }
      }
      // Always in fee order: the block's transaction order is what an executor would run.
      candidates.sort((a, b) => txs.fee[b]! - txs.fee[a]! || a - b)
      let take = Math.min(maxTx, candidates.length)
      if (maxBytes !== Infinity) {
        let bytes = 0
        for (let i = 0; i < take; i++) {
          bytes += txs.bytes[candidates[i]!]!
          if (bytes > maxBytes) {
            take = i
            break
          }
        }
      }
      candidates.length = take
      return candidates
    },
    finalPrefix: (slot) => openFrom(slot),
    pending(node) {
      let count = 0
      const row = node * slotCap
      for (let slot = 0; slot < bySlot.length; slot++) {
        const end = known[row + slot]!
        const list = bySlot[slot]!
        for (let i = openFrom(slot); i < end; i++) if (Number.isNaN(txs.finalUs[list[i]!]!)) count++
      }
      return count
    },
  }
}
