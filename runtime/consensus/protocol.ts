/**
 * The consensus plug-in interface: one module per protocol (PoW, Tendermint BFT, Raft, PoA, PoS
 * with a Casper FFG finality gadget) behind the same hooks, driven by the network's event loop
 * and control commands.
 *
 * Protocols differ in how a block becomes final: PoW only probabilistically (depth k, judged by
 * the checker), the others explicitly — they call `w.finality.finalize(node, block)`, and the
 * finality tracker records conflicts between honest nodes as safety violations.
 *
 * @module
 */
import type { World } from '../sim/world.ts'

export interface ConsensusProtocol {
  readonly name: string
  /** `depth`: final at depth k (PoW); `explicit`: the protocol finalizes blocks itself. */
  readonly finality: 'depth' | 'explicit'
  /**
   * The base timeout of the liveness criterion, µs (PoW: the block interval; BFT: timeout_propose;
   * Raft: the election timeout's maximum; PoS: two epochs).
   */
  readonly baseTimeoutUs: number
  /** Called once after the initial nodes exist. */
  start(w: World): void
  /** A kernel event of this protocol's own kinds fired (PoW: EV_MINE; others: EV_TIMER). */
  onEvent(w: World, kind: number, node: number, a: number, b: number, c: number): void
  /** A protocol message arrived at `node` from `from` (EV_MESSAGE). */
  onMessage?(w: World, node: number, from: number, message: unknown): void
  /** A node's tip changed (PoW reschedules; the others learn blocks synced from peers). */
  tipChanged(w: World, node: number): void
  nodeUp(w: World, node: number): void
  nodeDown(w: World, node: number): void
  /**
   * The "mine/produce now" command: node makes a block at once (its id), or -1 when the protocol
   * does not let this node produce now (e.g. it is not the leader).
   */
  produceNow(w: World, node: number): number
  /** Protocol state of one node for the `node` query (round, view, term, role, …). */
  describeNode?(w: World, node: number): Record<string, unknown>
  /** Protocol-wide counters for the run summary (rounds, view changes, elections, …). */
  summary?(w: World): Record<string, unknown>
}
