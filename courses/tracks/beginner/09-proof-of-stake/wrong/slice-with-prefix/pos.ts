/**
 * WRONG (a plausible mistake): x is read from h.slice(0, 13), "0x" included, so parseInt reads only 11 digits and u stays near 0.
 *
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
  const h = sha256(`${seed}|${slot}`)
  const u = parseInt(h.slice(0, 13), 16) / 2 ** 52
  const total = stakes.reduce((sum, s) => sum + s, 0)
  let point = u * total
  for (let node = 0; node < stakes.length; node++) {
    const stake = stakes[node]!
    if (stake <= 0) continue
    if (point < stake) return node
    point -= stake
  }
  // Rounding at the very top of the range: the last node with stake.
  for (let node = stakes.length - 1; node >= 0; node--) if (stakes[node]! > 0) return node
  return -1
}

/** The proposers of `count` slots from `fromSlot` on. */
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

  const members = await net.query({ type: 'members' })
  const keys: string[] = members.validators.map((v: number) => members.members[v].publicKey)

  const node0 = await net.query({ type: 'node', node: 0 })
  const finalized = await net.query({ type: 'block', block: node0.finalized })

  const tree: { block: number; height: number; miner: number; onMainChain: boolean }[] = await net.query({ type: 'block-tree' })
  const main = tree.filter((b) => b.onMainChain && b.height > 0).sort((a, b) => a.height - b.height)

  return { seed: genesisSeed(keys), finalizedHeight: finalized.height, proposers: main.map((b) => b.miner) }
}
