// Lesson 4: a distributed ledger (reference answer).
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
  const heads = await net.query({ type: 'heads' }) // one entry per node
  const odd: number[] = []
  for (const head of heads) {
    const info = await net.query({ type: 'block', block, node: head.node })
    if (info.copy.hash !== info.hash) odd.push(head.node)
  }
  return odd
}

// Press "Run": it calls main below, which tries both steps on this network. (The grader calls
// tamperCopy and oddNodes directly with its own inputs, so main does not run while grading.)
export default async function main(): Promise<void> {
  const id = await tamperCopy(5, 3, 'Mallory receives 1000 coins')
  if (id >= 0) console.log('tampered block', id, '→ odd nodes:', await oddNodes(id))
  console.log(await net.query({ type: 'consistency' }))
}
