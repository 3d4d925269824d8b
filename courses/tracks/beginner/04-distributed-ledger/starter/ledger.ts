// Lesson 4: a distributed ledger. Eight miners (nodes 0-7) on a LAN each keep their own copy of
// the chain. `sim` controls this simulated network:
//   await net.runFor(ms)        let the network run (and mine) for ms simulated milliseconds
//   await net.query({ … })      ask something, e.g. { type: 'node', node: 5 } or { type: 'chain', node: 5 }
//   await net.apply({ … })      do something, e.g. { type: 'tamper', node: 5, block: 12, data: '…' }
// The README shows what each query returns.
import { sim } from 'playground'

if (sim === undefined) throw new Error('This lesson needs its simulated network (pow-lan).')
const net = sim

/**
 * Step 1. Let the network run until node `node` has a block at `height`, then change that node's
 * copy of the block (the `tamper` command) so that its data says `data`.
 * Return the block's id (the `block` field, which is not always equal to its height).
 */
export async function tamperCopy(node: number, height: number, data: string): Promise<number> {
  // TODO 1: run the network (net.runFor(15_000) = one block time) until
  //         (await net.query({ type: 'node', node })).height >= height.
  // TODO 2: find the block at `height` in (await net.query({ type: 'chain', node })).blocks.
  // TODO 3: await net.apply({ type: 'tamper', node, block: <its id>, data }) and return the id.
  return -1
}

/**
 * Step 2. Which nodes hold a copy of block `block` that differs from everyone else's?
 * Return their numbers, e.g. [5] (or [] when all copies agree).
 */
export async function oddNodes(block: number): Promise<number[]> {
  // TODO: for every node n, query { type: 'block', block, node: n }: the answer has `hash`
  //       (the block's real hash) and `copy.hash` (the hash of node n's copy). Collect the nodes
  //       where they differ.
  return []
}

// Press "Run": it calls main below, which tries both steps on this network. (The grader calls
// tamperCopy and oddNodes directly with its own inputs, so main does not run while grading.)
export default async function main(): Promise<void> {
  const id = await tamperCopy(5, 3, 'Mallory receives 1000 coins')
  if (id >= 0) console.log('tampered block', id, '→ odd nodes:', await oddNodes(id))
  console.log(await net.query({ type: 'consistency' }))
}
