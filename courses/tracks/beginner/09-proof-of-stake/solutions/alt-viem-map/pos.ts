/**
 * Another correct answer: viem's sha256 over the UTF-8 bytes, BigInt for x, forEach for the walk; observe() runs its queries with Promise.all, keys the main chain by height in a Map and returns the seed with a 0x prefix.
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
import { sha256 as sha256Text, sim } from "playground"
import { sha256, toHex } from "viem"

/** The seed of the network's schedule: SHA-256 of the validators' public keys, hex without 0x. */
export function genesisSeed(publicKeys: string[]): string {
  return sha256Text(`pos genesis|${publicKeys.join(',')}`).slice(2)
}

/** The node that proposes in `slot`; stakes[i] is node i's stake (0: not a validator). */
export function proposerOf(seed: string, slot: number, stakes: number[]): number {
  const h = sha256(toHex(`${seed}|${slot}`))
  const u = Number(BigInt('0x' + h.slice(2, 15))) / 2 ** 52
  let point = u * stakes.reduce((s, x) => s + x, 0)
  let chosen = -1
  stakes.forEach((stake, node) => {
    if (chosen >= 0 || stake <= 0) return
    if (point < stake) chosen = node
    else point -= stake
  })
  if (chosen < 0) chosen = stakes.findLastIndex((s) => s > 0)
  return chosen
}
export function schedule(seed: string, stakes: number[], fromSlot: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => proposerOf(seed, fromSlot + i, stakes))
}
export async function observe() {
  await sim!.runFor(60_000)
  const [members, node0, tree] = await Promise.all([sim!.query({ type: 'members' }), sim!.query({ type: 'node', node: 0 }), sim!.query({ type: 'block-tree' })])
  const fin = await sim!.query({ type: 'block', block: node0.finalized })
  const byHeight = new Map<number, number>()
  for (const b of tree) if (b.onMainChain && b.height >= 1) byHeight.set(b.height, b.miner)
  const proposers = [...byHeight.keys()].sort((a, b) => a - b).map((h) => byHeight.get(h)!)
  return { proposers, finalizedHeight: fin.height as number, seed: '0x' + genesisSeed(members.validators.map((v: number) => members.members[v].publicKey)) }
}
