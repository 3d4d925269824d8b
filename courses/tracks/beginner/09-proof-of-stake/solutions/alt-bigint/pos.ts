// Exact integer arithmetic instead of floating point: point = floor(x × total / 2^52). With whole
// stakes it lands in the same stake interval as u × total. observe() reads node 0's chain and its
// finalized checkpoint instead of the block tree.
import { sha256, sim } from 'playground'

export function genesisSeed(publicKeys: string[]): string {
  return sha256(`pos genesis|${publicKeys.join(',')}`).slice(2)
}

export function proposerOf(seed: string, slot: number, stakes: number[]): number {
  const x = BigInt('0x' + sha256(seed + '|' + slot).slice(2, 15))
  const total = stakes.reduce((a, b) => a + BigInt(b), 0n)
  let point = (x * total) >> 52n
  const validators = stakes.map((stake, node) => ({ node, stake: BigInt(stake) })).filter((v) => v.stake > 0n)
  for (const v of validators) {
    if (point < v.stake) return v.node
    point -= v.stake
  }
  return validators[validators.length - 1]!.node
}

export function schedule(seed: string, stakes: number[], fromSlot: number, count: number): number[] {
  const out: number[] = []
  for (let slot = fromSlot; slot < fromSlot + count; slot++) out.push(proposerOf(seed, slot, stakes))
  return out
}

export async function observe() {
  await sim!.runFor(75_000)
  const { validators, members } = await sim!.query({ type: 'members' })
  const seed = genesisSeed(validators.map((v: number) => members[v].publicKey))

  // The main chain is the chain of the node with the highest tip.
  const heads: { node: number; height: number }[] = await sim!.query({ type: 'heads' })
  const best = heads.reduce((a, b) => (b.height > a.height ? b : a))
  const chain = await sim!.query({ type: 'chain', node: best.node, limit: 100_000 })
  // chain.blocks runs from the tip down to the genesis.
  const proposers: number[] = chain.blocks
    .filter((b: { height: number }) => b.height > 0)
    .map((b: { miner: number }) => b.miner)
    .reverse()

  const info = await sim!.query({ type: 'node', node: 0 })
  const finalized = await sim!.query({ type: 'block', block: info.consensus.finalized.block })
  return { seed, finalizedHeight: finalized.height, proposers }
}
