// Lesson 4, another correct answer: a while loop on the chain itself, and a majority vote over
// the hashes that each node's chain shows for the block (no "real hash" needed).
import { sim } from 'playground'

if (sim === undefined) throw new Error('This lesson needs its simulated network (pow-lan).')
const net = sim

interface ChainEntry {
  block: number
  height: number
  hash: string
}

async function chainOf(node: number): Promise<ChainEntry[]> {
  return (await net.query({ type: 'chain', node, limit: 100_000 })).blocks
}

export async function tamperCopy(node: number, height: number, data: string): Promise<number> {
  let entry = (await chainOf(node)).find((b) => b.height === height)
  let waited = 0
  while (entry === undefined && waited < 1_500_000) {
    await net.runFor(5_000)
    waited += 5_000
    entry = (await chainOf(node)).find((b) => b.height === height)
  }
  if (entry === undefined) throw new Error(`node ${node} never reached height ${height}`)
  await net.apply({ type: 'tamper', node, block: entry.block, data })
  return entry.block
}

export async function oddNodes(block: number): Promise<number[]> {
  const nodes: { node: number }[] = await net.query({ type: 'nodes' })
  // What each node's own chain says the block hashes to (nodes that do not hold it stay out).
  const seen = new Map<number, string>()
  for (const { node } of nodes) {
    const entry = (await chainOf(node)).find((b) => b.block === block)
    if (entry !== undefined) seen.set(node, entry.hash)
  }
  const votes = new Map<string, number>()
  for (const hash of seen.values()) votes.set(hash, (votes.get(hash) ?? 0) + 1)
  const majority = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0]
  return [...seen].filter(([, hash]) => hash !== majority).map(([node]) => node)
}
