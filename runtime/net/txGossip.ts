/**
 * Transaction gossip in batches, as real clients relay transactions: a node collects what it
 * learned during an interval (default 100 ms) and then sends each peer one message listing the new
 * ids — not one message per transaction. Bitcoin Core trickles INVs on a timer the same way;
 * Ethereum clients announce hashes in batches.
 *
 * A batch carries, per origin, the sender's new high-water mark (see `chain/mempoolView.ts`); its
 * size on the wire is what listing the ids would cost (a 24-byte header + 36 bytes per id).
 * Batches travel over the peer-to-peer topology (not the validators' direct mesh), with the same
 * latency, partitions, crashes and link faults as everything else.
 *
 * @module
 */
import type { MempoolView } from '../chain/mempoolView.ts'
import { NODE_UP } from '../node/nodeTable.ts'
import { EV_TX_BATCH, EV_TX_FLUSH } from '../sim/eventKinds.ts'
import type { World } from '../sim/world.ts'
import { sendDirect } from './directMessage.ts'

const HEADER_BYTES = 24
const ID_BYTES = 36

export interface TxGossip {
  /** `node` learned something new (its marks moved): it announces at its next flush. */
  learned(node: number): void
  /** EV_TX_FLUSH: the node's interval ended; send one batch per peer. */
  onFlush(node: number): void
  /** EV_TX_BATCH: a batch from `from` arrived. */
  onBatch(node: number, from: number, batch: Int32Array): void
  /** The node crashed: what it had not yet announced stays unannounced until it learns more. */
  nodeDown(node: number): void
  /**
   * Links came back (heal, restart, new node): every node offers its peers what it holds that is
   * not final yet at its next flush, as a reconnected Bitcoin node asks for its peer's mempool
   * (BIP 35); what a peer already holds costs bytes, not news. Batches that could not leave during
   * the outage are covered by this.
   */
  resync(): void
}

export function createTxGossip(w: World, mempool: MempoolView, intervalUs: number): TxGossip {
  // Per node and origin slot: the mark the node last announced. Typed arrays, not maps: a
  // 100-node network at 1,000 tx/s merges tens of millions of marks per simulated minute.
  let announced = new Int32Array(0)
  let stride = 0
  let flushPending = new Uint8Array(0)
  const kind = w.metrics.messageKind('tx-batch')
  let scratch = new Int32Array(64)

  function ensure(node: number): void {
    const slots = Math.max(mempool.origins, 1)
    if (node < flushPending.length && slots <= stride) return
    const nodes = Math.max(node + 1, flushPending.length, w.nodes.count)
    const nextStride = Math.max(slots, stride, 8) * (slots > stride ? 2 : 1)
    const next = new Int32Array(nodes * nextStride)
    for (let n = 0; n < flushPending.length; n++) next.set(announced.subarray(n * stride, n * stride + stride), n * nextStride)
    announced = next
    stride = nextStride
    if (nodes > flushPending.length) {
      const f = new Uint8Array(nodes)
      f.set(flushPending)
      flushPending = f
    }
  }

  function learned(node: number): void {
    ensure(node)
    if (flushPending[node] === 1) return
    flushPending[node] = 1
    w.queue.push(w.now + intervalUs, EV_TX_FLUSH, node, 0, 0, w.nodes.epoch[node]!)
  }

  return {
    learned,
    onFlush(node) {
      ensure(node)
      flushPending[node] = 0
      if (w.nodes.status[node] !== NODE_UP) return
      const { table: marks, offset } = mempool.row(node)
      const slots = mempool.origins
      const row = node * stride
      if (scratch.length < slots * 2) scratch = new Int32Array(slots * 4)
      let ids = 0
      let i = 0
      for (let slot = 0; slot < slots; slot++) {
        const mark = marks[offset + slot]!
        const previous = announced[row + slot]!
        if (mark <= previous) continue
        scratch[i++] = slot
        scratch[i++] = mark
        ids += mark - previous
        announced[row + slot] = mark
      }
      if (i === 0) return
      const batch = scratch.slice(0, i)
      const cost = { kind, bytes: HEADER_BYTES + ID_BYTES * ids, verifyUs: 0 }
      const peers = w.links.peers(node)
      for (let p = 0; p < peers.length; p++) sendDirect(w, node, peers[p]!, cost, batch, EV_TX_BATCH)
    },
    onBatch(node, _from, batch) {
      if (mempool.merge(node, batch)) learned(node)
    },
    nodeDown(node) {
      if (node < flushPending.length) flushPending[node] = 0
    },
    resync() {
      // Offer again only what is not final: final transactions need no relaying.
      const slots = Math.min(stride, mempool.origins)
      const prefix = new Int32Array(slots)
      for (let slot = 0; slot < slots; slot++) prefix[slot] = mempool.finalPrefix(slot)
      for (let n = 0; n < flushPending.length; n++) {
        const row = n * stride
        for (let slot = 0; slot < slots; slot++) if (announced[row + slot]! > prefix[slot]!) announced[row + slot] = prefix[slot]!
      }
      for (let n = 0; n < w.nodes.count; n++) {
        const marks = mempool.marks(n)
        let any = false
        for (let i = 0; i < marks.length && !any; i++) any = marks[i]! > 0
        if (any && w.nodes.status[n] === NODE_UP) learned(n)
      }
    },
  }
}
