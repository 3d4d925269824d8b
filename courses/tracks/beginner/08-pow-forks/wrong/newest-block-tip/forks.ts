// Forks, a plausible mistake: the newest block (the highest id) taken as the winning tip.
/**
 * Forks in a Proof-of-Work network: split the network so both halves keep mining, heal it, and
 * read the block tree to find the blocks that lost (stale blocks) and the tip that won.
 */
import { sim } from 'playground'

/** One entry of the `block-tree` query. */
interface TreeBlock {
  block: number
  parent: number
  height: number
  miner: number
  timeMs: number
  cumulativeWork: number
  onMainChain: boolean
}

export interface ForkReport {
  /** Ids of the blocks that are not on the winning chain. */
  staleBlocks: number[]
  /** Id of the winning chain's last block. */
  winningTip: number
  /** Its height. */
  height: number
}

export async function makeFork(): Promise<void> {
  const net = sim!
  // Let the whole network agree on a few blocks first.
  await net.runFor(30_000)
  // Cut the LAN in two: miners 0–3 and 4–7 cannot hear each other, so each half extends its own branch.
  await net.apply({ type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]] })
  await net.runFor(150_000)
  // Reconnect: the nodes exchange tips and everyone switches to the branch with the most work.
  await net.apply({ type: 'heal' })
  await net.runFor(60_000)
}

export async function findForks(): Promise<ForkReport> {
  const tree: TreeBlock[] = await sim!.query({ type: 'block-tree' })
  const main = tree.filter((b) => b.onMainChain)
  const tip = tree.reduce((best, b) => (b.block > best.block ? b : best))
  return {
    staleBlocks: tree.filter((b) => !b.onMainChain).map((b) => b.block),
    winningTip: tip.block,
    height: tip.height,
  }
}
