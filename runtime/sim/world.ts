/**
 * The shared state one simulation run works on, passed to the handlers of every layer (relay,
 * node, consensus, metrics). A plain record of parts — not a class — so each layer's handlers are
 * small functions over the same typed arrays, and the event loop stays a single switch.
 *
 * @module
 */
import type { BlockKnowledge } from '../chain/blockKnowledge.ts'
import type { BlockStore, BlockId } from '../chain/blockStore.ts'
import type { BlockExecution } from '../exec/blockExecution.ts'
import type { FinalityTracker } from '../chain/finality.ts'
import type { ConsensusProtocol } from '../consensus/protocol.ts'
import type { MemberRegistry } from '../node/members.ts'
import type { ForkChoice } from '../chain/forkChoice.ts'
import type { MetricsCollector } from '../metrics/collector.ts'
import type { CompactRelayConfig } from '../net/compactRelay.ts'
import type { HeldAnnouncements } from '../net/heldAnnouncements.ts'
import type { Links } from '../net/links.ts'
import type { NetworkModel } from '../net/networkModel.ts'
import type { NodeBehaviour } from '../node/behaviour.ts'
import type { NodeTable } from '../node/nodeTable.ts'
import type { EventQueue } from './eventQueue.ts'
import type { NotificationBus } from './notifications.ts'
import type { RandomStreams } from './prng.ts'

export interface RelaySettings {
  /** `inv`: INV → GETDATA → BLOCK/CMPCTBLOCK (Bitcoin); `push`: send the full block unasked. */
  mode: 'inv' | 'push'
  compact: CompactRelayConfig | undefined
  /** Bytes of an INV / GETDATA message (24-byte header + one 36-byte inventory entry + count). */
  controlMessageBytes: number
  /** When a lost request is retried, µs. */
  requestTimeoutUs: number
  /**
   * Whether a node announces each new tip to its peers (PoW: yes). Explicit-finality protocols
   * send blocks inside their own messages; relay then serves only nodes that ask to catch up.
   */
  announceTips: boolean
}

/** The transactions side of block production (present when the config has a workload). */
export interface TransactionFlow {
  /**
   * Fills `block` from `node`'s mempool — up to `maxTx`, highest fee first, leaving out
   * `censoredSender` — and sets the block's size.
   */
  fillBlock(node: number, block: BlockId, maxTx: number, censoredSender: number | undefined, maxBytes?: number): void
  /** Transactions in `block`. */
  txCount(block: BlockId): number
  /** Transaction ids in `block`, in execution order (undefined: none). */
  blockTxs(block: BlockId): Int32Array | undefined
}

export interface World {
  now: number
  readonly queue: EventQueue
  readonly rng: RandomStreams
  readonly store: BlockStore
  readonly knowledge: BlockKnowledge
  readonly nodes: NodeTable
  readonly links: Links
  readonly held: HeldAnnouncements
  readonly model: NetworkModel
  readonly relay: RelaySettings
  readonly metrics: MetricsCollector
  readonly forkChoice: ForkChoice
  readonly bus: NotificationBus
  readonly protocol: ConsensusProtocol
  readonly finality: FinalityTracker
  readonly members: MemberRegistry
  /** Transactions, mempools and gossip (undefined: no workload, blocks carry none). */
  txs: TransactionFlow | undefined
  /** EVM execution (undefined: blocks carry modeled payloads only). */
  execution: BlockExecution | undefined
  /** Byzantine behaviours by node (sparse: honest nodes have none). */
  readonly behaviours: (NodeBehaviour | undefined)[]
  /** Hands a complete block copy from `from` to node `to` (node layer). */
  deliverBlock(to: number, block: BlockId, from: number): void
  /** `peer` holds `block`: ask it for the earliest ancestor `node` lacks (node layer). */
  fetchMissingAncestor(node: number, block: BlockId, peer: number): void
  /** Called after a node's tip changed (consensus layer reschedules work). */
  tipChanged(node: number): void
}
