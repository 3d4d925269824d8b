// Another way: ask node 0 for the chain it follows (after healing, every node follows the same
// one) and call every block of the tree that is not on it stale. The partition splits the
// miners 3 / 5, with a different length of time.
import { sim } from 'playground'

export async function makeFork() {
  await sim!.runFor(20_000)
  await sim!.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5, 6, 7]] })
  await sim!.runFor(180_000)
  await sim!.apply({ type: 'heal' })
  // Keep going until all eight nodes report the same tip (at most 5 more minutes).
  for (let i = 0; i < 30; i++) {
    await sim!.runFor(10_000)
    const heads: { tip: number }[] = await sim!.query({ type: 'heads' })
    if (i >= 3 && heads.every((h) => h.tip === heads[0]!.tip)) break
  }
}

export async function findForks() {
  const chain = await sim!.query({ type: 'chain', node: 0, limit: 100_000 })
  const onChain = new Set<number>(chain.blocks.map((b: { block: number }) => b.block))
  const tree: { block: number }[] = await sim!.query({ type: 'block-tree' })
  const tipEntry = chain.blocks[0] as { block: number; height: number }
  return {
    staleBlocks: tree.map((b) => b.block).filter((id) => !onChain.has(id)),
    winningTip: tipEntry.block,
    height: tipEntry.height,
  }
}
