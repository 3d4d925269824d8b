// Lesson 4: a distributed ledger (a plausible mistake: the tips are compared, not the block).
import { sim } from 'playground'

if (sim === undefined) throw new Error('This lesson needs its simulated network (pow-lan).')
const net = sim

/** Step 1. Run until `node` has a block at `height`, tamper that node's copy, return the block id. */
export async function tamperCopy(node: number, height: number, data: string): Promise<number> {
  // One block every 15 s on average: run in 15-second steps (at most 100 of them).
  for (let i = 0; i < 100 && (await net.query({ type: 'node', node })).height < height; i++) {
    await net.runFor(15_000)
  }
  const chain = await net.query({ type: 'chain', node })
  const entry = chain.blocks.find((b: { height: number }) => b.height === height)
  await net.apply({ type: 'tamper', node, block: entry.block, data })
  return entry.block
}

/** Step 2. The nodes whose copy of `block` hashes to something else than the block's real hash. */
export async function oddNodes(block: number): Promise<number[]> {
  // Compares the hashes of the nodes' latest blocks (their tips) instead of their copies of `block`.
  const heads: { node: number; hash: string }[] = await net.query({ type: 'heads', hashes: true })
  const counts = new Map<string, number>()
  for (const h of heads) counts.set(h.hash, (counts.get(h.hash) ?? 0) + 1)
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
  return heads.filter((h) => h.hash !== usual).map((h) => h.node)
}

const id = await tamperCopy(5, 3, 'Mallory receives 1000 coins')
if (id >= 0) console.log('tampered block', id, '→ odd nodes:', await oddNodes(id))
console.log(await net.query({ type: 'consistency' }))
