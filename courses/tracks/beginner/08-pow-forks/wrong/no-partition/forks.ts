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
  // Eight miners racing each other should produce forks on their own: just run for longer.
  await net.runFor(210_000)
}

export async function findForks(): Promise<ForkReport> {
  const tree: TreeBlock[] = await sim!.query({ type: 'block-tree' })
  const main = tree.filter((b) => b.onMainChain)
  const tip = main.reduce((best, b) => (b.height > best.height ? b : best))
  return {
    staleBlocks: tree.filter((b) => !b.onMainChain).map((b) => b.block),
    winningTip: tip.block,
    height: tip.height,
  }
}
