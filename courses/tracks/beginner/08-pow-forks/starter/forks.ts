/**
 * Forks in a Proof-of-Work network: split the network so both halves keep mining, heal it, and
 * read the block tree to find the blocks that lost (stale blocks) and the tip that won.
 *
 * `sim` controls this lesson's network (8 equal miners on a LAN, a block every 15 s on average):
 *   await sim!.runFor(ms)                        run the network for ms simulated milliseconds
 *   await sim!.apply({ type: 'partition', groups: [[...], [...]] })   cut it into groups
 *   await sim!.apply({ type: 'heal' })           reconnect everyone
 *   await sim!.query({ type: 'block-tree' })     every block: { block, parent, height, miner, timeMs, cumulativeWork, onMainChain }
 *   await sim!.query({ type: 'heads' })          every node's tip: { node, status, tip, height }
 */
import { sim } from 'playground'

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
  await net.runFor(30_000)
  // TODO 1: split the miners into two groups, let both sides mine for a few minutes,
  //         then heal the network and let it run long enough for everyone to agree again.
  await net.runFor(60_000)
}

export async function findForks(): Promise<ForkReport> {
  // TODO 2: read the block tree; list the blocks that are not on the main chain,
  //         and find the main chain's tip (its id and height).
  return { staleBlocks: [], winningTip: -1, height: -1 }
}
