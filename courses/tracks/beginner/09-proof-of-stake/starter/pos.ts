/**
 * Proof of Stake: who proposes each slot's block is drawn by lot, weighted by stake, from a hash
 * of (seed, slot). Every node can recompute the draw, so a block from anyone else is rejected.
 *
 * The draw (the same one the simulator's `pos` network uses):
 *   1. h = SHA-256 of the text `${seed}|${slot}` (as 0x… hex)
 *   2. x = the first 13 hex digits of h (52 bits) as a number; u = x / 2^52, so 0 <= u < 1
 *   3. point = u × (total stake)
 *   4. walk the nodes 0, 1, 2, …: skip stake 0; if point < stake, that node proposes;
 *      otherwise point -= stake and go on
 */
import { sha256, sim } from 'playground'

/** The seed of the network's schedule: SHA-256 of the validators' public keys, hex without 0x. */
export function genesisSeed(publicKeys: string[]): string {
  return sha256(`pos genesis|${publicKeys.join(',')}`).slice(2)
}

/** The node that proposes in `slot`; stakes[i] is node i's stake (0: not a validator). */
export function proposerOf(seed: string, slot: number, stakes: number[]): number {
  // TODO 1: follow the four steps above. Return the node's index in `stakes`.
  return 0
}

/** The proposers of `count` slots from `fromSlot` on. (Done: it calls proposerOf.) */
export function schedule(seed: string, stakes: number[], fromSlot: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => proposerOf(seed, fromSlot + i, stakes))
}

export interface Observation {
  /** genesisSeed of the network's validators. */
  seed: string
  /** Height of the latest block node 0 has finalized. */
  finalizedHeight: number
  /** Who proposed each main-chain block: proposers[0] for height 1, proposers[1] for height 2, … */
  proposers: number[]
}

export async function observe(): Promise<Observation> {
  const net = sim!
  await net.runFor(60_000)
  // TODO 2: fill these in from queries:
  //   { type: 'members' }     → validators (node ids) and members[n].publicKey → the seed
  //   { type: 'node', node: 0 } → finalized (a block id); { type: 'block', block: id } → its height
  //   { type: 'block-tree' }  → blocks with height, miner and onMainChain
  return { seed: '', finalizedHeight: 0, proposers: [] }
}
