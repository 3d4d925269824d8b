/**
 * Catching up: a node that learns it is behind (a message from a later height, a decision whose
 * block it lacks, a restart) exchanges tips with a peer that is ahead; the block relay then
 * downloads the missing committed blocks (INV → GETDATA → BLOCK, missing ancestors fetched one by
 * one) and the protocol learns them through `tipChanged`. Explicit-finality protocols never
 * announce tips on their own (the relay's `announceTips` is off), so sync traffic is only what
 * lagging nodes ask for.
 *
 * @module
 */
import { exchangeTips } from '../../net/relay.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import type { World } from '../../sim/world.ts'

/**
 * Asks `peer` for its tip. Callers pace it (one request per timeout at most): a request that finds
 * the peer not yet ahead is simply made again later.
 */
export function requestSync(w: World, node: number, peer: number): void {
  if (peer === node || w.nodes.status[peer] !== NODE_UP || !w.links.reachable(node, peer)) return
  exchangeTips(w, node, peer)
}
