/**
 * Node behaviours: how a node departs from the honest protocol. Honest nodes have none (the
 * default code path); a byzantine node gets a behaviour whose hooks the node layer consults:
 * whether to announce a new tip, which of two blocks to follow, and what to do after it mined a
 * block or connected a peer's block.
 *
 * Strategies live in `runtime/node/strategies/`, one per file.
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'
import type { World } from '../sim/world.ts'

export interface NodeBehaviour {
  readonly strategy: string
  /** Whether the node relays its new tip (honest: always). */
  announceTip(w: World, node: number, tip: BlockId): boolean
  /** Overrides the fork choice for this node (undefined: use the network's rule). */
  prefer?(w: World, node: number, candidate: BlockId, current: BlockId): boolean
  /** The node mined `block` (already connected). */
  mined?(w: World, node: number, block: BlockId): void
  /** The node connected blocks received from a peer; `block` is the heaviest of them. */
  peerBlockConnected?(w: World, node: number, block: BlockId): void
  /** Signs conflicting proposals and votes (BFT, PoS). */
  readonly equivocates?: boolean | undefined
  /** Leaves this sender's transactions out of the blocks it produces. */
  readonly censoredSender?: number | undefined
}
