// Lesson 4, another correct answer: the chain polled in 1-second steps, the 8 block queries sent
// at once with Promise.all, and an experiment of its own at the top level (it runs on every load).
import { sim } from 'playground'
const net = sim!
export async function tamperCopy(node: number, height: number, data: string) {
  while (true) {
    const blocks: { block: number; height: number }[] = (await net.query({ type: 'chain', node })).blocks
    const hit = blocks.find((b) => b.height === height)
    if (hit) { await net.apply({ type: 'tamper', node, block: hit.block, data }); return hit.block }
    await net.runFor(1_000)
  }
}
export async function oddNodes(block: number) {
  const ids = [0, 1, 2, 3, 4, 5, 6, 7]
  const infos = await Promise.all(ids.map((n) => net.query({ type: 'block', block, node: n })))
  return ids.filter((n, i) => infos[i].copy.hash !== infos[i].hash)
}
const id = await tamperCopy(3, 2, 'my own experiment at the top level')
console.log(await oddNodes(id))
