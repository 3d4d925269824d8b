// Lesson 4: a distributed ledger (a plausible mistake: tampering before the network has run).
import { sim } from 'playground'

if (sim === undefined) throw new Error('This lesson needs its simulated network (pow-lan).')
const net = sim

/** Step 1. Run until `node` has a block at `height`, tamper that node's copy, return the block id. */
export async function tamperCopy(node: number, height: number, data: string): Promise<number> {
  // Tampers at once, taking the height for the block id: the network has not mined anything yet.
  await net.apply({ type: 'tamper', node, block: height, data })
  return height
}

/** Step 2. The nodes whose copy of `block` hashes to something else than the block's real hash. */
export async function oddNodes(block: number): Promise<number[]> {
  const heads = await net.query({ type: 'heads' }) // one entry per node
  const odd: number[] = []
  for (const head of heads) {
    const info = await net.query({ type: 'block', block, node: head.node })
    if (info.copy.hash !== info.hash) odd.push(head.node)
  }
  return odd
}

const id = await tamperCopy(5, 3, 'Mallory receives 1000 coins')
if (id >= 0) console.log('tampered block', id, '→ odd nodes:', await oddNodes(id))
console.log(await net.query({ type: 'consistency' }))
