// Forks, another correct answer: three groups, run until two blocks share a height, wait for the
// consistency query to agree; the main chain found by walking parents back from the agreed tip.
import { sim } from 'playground'
const net = sim!
type B = { block: number; parent: number; height: number; onMainChain: boolean }
export async function makeFork() {
  await net.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5], [6, 7]] })
  for (let i = 0; i < 50; i++) {
    await net.runFor(20_000)
    const tree: B[] = await net.query({ type: 'block-tree' })
    const heights = tree.map((b) => b.height)
    if (new Set(heights).size < heights.length) break // two blocks at one height: a fork
  }
  await net.apply({ type: 'heal' })
  do { await net.runFor(5_000) } while (!(await net.query({ type: 'consistency' })).agree)
}
export async function findForks() {
  const heads: { tip: number; height: number }[] = await net.query({ type: 'heads' })
  const tree: B[] = await net.query({ type: 'block-tree' })
  const byId = new Map(tree.map((b) => [b.block, b]))
  const main = new Set<number>()
  for (let b = byId.get(heads[0]!.tip); b; b = b.block === b.parent ? undefined : byId.get(b.parent)) main.add(b.block)
  return { winningTip: heads[0]!.tip, height: heads[0]!.height, staleBlocks: tree.filter((b) => !main.has(b.block)).map((b) => String(b.block)) }
}
