/**
 * The consensus plug-in interface: one module per protocol (PoW now; PoS, BFT and Raft/PoA in
 * step 2) behind the same hooks, driven by the network's event loop and control commands.
 *
 * @module
 */
import type { World } from '../sim/world.ts'

export interface ConsensusProtocol {
  readonly name: string
  /** Called once after the initial nodes exist. */
  start(w: World): void
  /** A kernel event of this protocol's own kinds fired. */
  onEvent(w: World, kind: number, node: number, a: number, b: number): void
  /** A node's tip changed (e.g. PoW reschedules if the next difficulty differs). */
  tipChanged(w: World, node: number): void
  nodeUp(w: World, node: number): void
  nodeDown(w: World, node: number): void
  /** The "mine/produce now" command: node makes a block at once. */
  produceNow(w: World, node: number): number
}
