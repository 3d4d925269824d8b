/**
 * Transactions through a network: the workload's arrivals and the `submit-tx` command enter at a
 * node that may submit, batched gossip spreads them, producers fill blocks from their mempools,
 * and finality stamps each transaction's inclusion and finality times (for PoW: when its block is
 * k deep on the main chain, computed when asked).
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'
import { createMempoolView } from '../chain/mempoolView.ts'
import type { MempoolView } from '../chain/mempoolView.ts'
import { createTransactionTable } from '../chain/transactions.ts'
import type { TransactionTable } from '../chain/transactions.ts'
import { CommandRejectedError } from '../errors/input.ts'
import { createTxGossip } from '../net/txGossip.ts'
import type { TxGossip } from '../net/txGossip.ts'
import { EV_TX_ARRIVAL } from '../sim/eventKinds.ts'
import { STREAM_WORKLOAD } from '../sim/prng.ts'
import type { WorkloadConfig } from '../sim/workload.ts'
import { WORKLOAD_DEFAULTS } from '../sim/workload.ts'
import type { TransactionFlow, World } from '../sim/world.ts'
import { NODE_UP } from './nodeTable.ts'

export interface SubmittedTransaction {
  tx: number
  node: number
  sender: number
  fee: number
  bytes: number
}

export interface TransactionSystem extends TransactionFlow {
  readonly table: TransactionTable
  readonly mempool: MempoolView
  readonly gossip: TxGossip
  /** Schedules the workload's first arrival (no-op without a workload). */
  start(): void
  /** EV_TX_ARRIVAL: the workload submits one transaction and schedules the next. */
  onArrival(): void
  /**
   * Submits a transaction at `node` (command `submit-tx`).
   * @throws {@link CommandRejectedError} when the node may not submit or is not up.
   */
  submit(node: number, options: { sender?: number | undefined; fee?: number | undefined; bytes?: number | undefined }): SubmittedTransaction
  /** Transaction ids in `block`. */
  blockTxs(block: BlockId): Int32Array | undefined
  /** An honest node finalized `block` for the first time (stamps its transactions). */
  blockFinal(block: BlockId, atUs: number): void
}

export function createTransactionSystem(w: World, workload: WorkloadConfig | undefined): TransactionSystem {
  const table = createTransactionTable()
  const mempool = createMempoolView(table, w.store)
  const settings = workload ?? { ratePerSec: 0, ...WORKLOAD_DEFAULTS }
  const gossip = createTxGossip(w, mempool, Math.round(settings.gossipIntervalMs * 1000))
  const byBlock = new Map<BlockId, Int32Array>()
  const meanGapUs = workload ? 1e6 / workload.ratePerSec : 0

  function submitAt(node: number, sender: number, fee: number, bytes: number): number {
    mempool.ensure(w.nodes.count)
    const tx = table.add(node, 0, sender, fee, bytes, w.now)
    const slot = mempool.submit(node, tx)
    const seq = mempool.known(node, slot) - 1
    table.seq[tx] = seq
    // The origin's own mark moved: it announces at its next flush.
    gossip.learned(node)
    return tx
  }

  // Nodes that may submit, recomputed only when the node count changes (roles are fixed).
  let allowed: number[] = []
  let allowedFor = -1
  const up: number[] = []
  /** A node a client submits to: any node that may submit and is up (-1: none). */
  function pickSubmitter(): number {
    if (allowedFor !== w.nodes.count) {
      allowedFor = w.nodes.count
      allowed = []
      for (let n = 0; n < w.nodes.count; n++) if (w.members.can(n, 'submit')) allowed.push(n)
    }
    if (allowed.length === 0) return -1
    const first = allowed[w.rng.nextInt(STREAM_WORKLOAD, allowed.length)]!
    if (w.nodes.status[first] === NODE_UP) return first
    // Its node is down: the client picks again among the nodes that are up.
    up.length = 0
    for (let i = 0; i < allowed.length; i++) if (w.nodes.status[allowed[i]!] === NODE_UP) up.push(allowed[i]!)
    return up.length === 0 ? -1 : up[w.rng.nextInt(STREAM_WORKLOAD, up.length)]!
  }

  /**
   * Transactions on `parent`'s chain above what `node` holds final (final ones are skipped anyway):
   * a transaction that a fork block carried later must not be included a second time.
   */
  function carriedSinceFinal(node: number, parent: BlockId): Set<number> | undefined {
    const { store } = w
    const floor = store.height(w.finality.finalizedOf(node))
    let set: Set<number> | undefined
    for (let b = parent; b > 0 && store.height(b) > floor; b = store.parent(b)) {
      const ids = byBlock.get(b)
      if (ids === undefined) continue
      set ??= new Set()
      for (let i = 0; i < ids.length; i++) set.add(ids[i]!)
    }
    return set
  }

  const system: TransactionSystem = {
    table,
    mempool,
    gossip,
    start() {
      if (workload) w.queue.push(w.now + Math.max(1, Math.round(w.rng.nextExponential(STREAM_WORKLOAD, meanGapUs))), EV_TX_ARRIVAL, -1, 0, 0, 0)
    },
    onArrival() {
      if (!workload) return
      if (workload.untilMs !== undefined && w.now > workload.untilMs * 1000) return
      const rng = w.rng
      const node = pickSubmitter()
      if (node >= 0) {
        const sender = rng.nextInt(STREAM_WORKLOAD, workload.senders)
        const fee = workload.feeMin + rng.nextInt(STREAM_WORKLOAD, workload.feeMax - workload.feeMin + 1)
        submitAt(node, sender, fee, workload.txBytes)
      }
      w.queue.push(w.now + Math.max(1, Math.round(rng.nextExponential(STREAM_WORKLOAD, meanGapUs))), EV_TX_ARRIVAL, -1, 0, 0, 0)
    },
    submit(node, options) {
      if (w.nodes.status[node] !== NODE_UP) {
        throw new CommandRejectedError('submit-tx', { en: `node ${node} is not up`, ko: `노드 ${node}이(가) 동작 중이 아닙니다` })
      }
      if (!w.members.can(node, 'submit')) {
        const org = w.members.identity(node).organisation
        throw new CommandRejectedError('submit-tx', {
          en: `node ${node}${org ? ` (organisation "${org}")` : ''} does not have the submit role in this permissioned network`,
          ko: `노드 ${node}${org ? ` (조직 "${org}")` : ''}에는 이 허가형 네트워크에서 트랜잭션 제출(submit) 권한이 없습니다`,
        })
      }
      const sender = options.sender ?? node
      const fee = options.fee ?? settings.feeMax
      const bytes = options.bytes ?? settings.txBytes
      const tx = submitAt(node, sender, fee, bytes)
      return { tx, node, sender, fee, bytes }
    },
    fillBlock(node, block, maxTx, censoredSender, maxBytes) {
      mempool.ensure(w.nodes.count)
      const parent = w.store.parent(block)
      const selected = mempool.select(node, parent, maxTx, censoredSender, maxBytes, carriedSinceFinal(node, parent))
      // With the EVM, only transactions that can run on the parent's state, in nonce order.
      const chosen = w.execution === undefined ? selected : w.execution.order(parent, selected)
      if (chosen.length === 0) return
      const ids = Int32Array.from(chosen)
      let bytes = 0
      for (let i = 0; i < ids.length; i++) {
        table.block[ids[i]!] = block
        bytes += table.bytes[ids[i]!]!
      }
      byBlock.set(block, ids)
      w.store.setSize(block, w.store.size(block) + bytes)
    },
    txCount: (block) => byBlock.get(block)?.length ?? 0,
    blockTxs: (block) => byBlock.get(block),
    blockFinal(block, atUs) {
      const ids = byBlock.get(block)
      if (ids === undefined) return
      const madeUs = w.store.timeUs(block)
      for (let i = 0; i < ids.length; i++) {
        const tx = ids[i]!
        if (!Number.isNaN(table.finalUs[tx]!)) continue
        table.finalUs[tx] = atUs
        table.includedUs[tx] = madeUs
        table.block[tx] = block
      }
    },
  }
  return system
}
