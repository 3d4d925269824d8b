/**
 * Forks in a Proof-of-Work network: split the network so both halves keep mining, heal it, and
 * read the block tree to find the blocks that lost (stale blocks) and the tip that won.
 * 작업증명 네트워크의 포크: 네트워크를 둘로 나눠 양쪽이 모두 채굴하게 한 다음 다시 잇고,
 * 블록 트리를 읽어서 진 블록(스테일 블록)과 이긴 체인의 끝(tip)을 찾습니다.
 *
 * `sim` controls this lesson's network (8 equal miners on a LAN, a block every 15 s on average):
 * 이 수업의 네트워크는 `sim`으로 다룹니다(같은 채굴 능력을 가진 채굴자 8명이 LAN으로 연결되어 있고, 평균 15초에 한 블록).
 *   await sim!.runFor(ms)                        run the network for ms simulated milliseconds
 *   await sim!.apply({ type: 'partition', groups: [[...], [...]] })   cut it into groups
 *   await sim!.apply({ type: 'heal' })           reconnect everyone
 *   await sim!.query({ type: 'block-tree' })     every block: { block, parent, height, miner, timeMs, cumulativeWork, onMainChain }
 *   await sim!.query({ type: 'heads' })          every node's tip: { node, status, tip, height }
 *   sim!.runFor(ms): 시뮬레이션 시간으로 ms밀리초 동안 네트워크를 돌립니다
 *   sim!.apply({ type: 'partition', … }): 네트워크를 여러 그룹으로 나눕니다
 *   sim!.apply({ type: 'heal' }): 모두 다시 연결합니다
 *   sim!.query({ type: 'block-tree' }): 모든 블록을 돌려줍니다(필드는 위와 같습니다)
 *   sim!.query({ type: 'heads' }): 노드마다 체인의 끝(tip)을 돌려줍니다(필드는 위와 같습니다)
 */
import { sim } from 'playground'

export interface ForkReport {
  /**
   * Ids of the blocks that are not on the winning chain.
   * 이긴 체인에 들어가지 못한 블록들의 id입니다.
   */
  staleBlocks: number[]
  /**
   * Id of the winning chain's last block.
   * 이긴 체인의 마지막 블록의 id입니다.
   */
  winningTip: number
  /**
   * Its height.
   * 그 블록의 높이입니다.
   */
  height: number
}

export async function makeFork(): Promise<void> {
  const net = sim!
  await net.runFor(30_000)
  // TODO 1: split the miners into two groups, let both sides mine for a few minutes,
  //         then heal the network and let it run long enough for everyone to agree again.
  // TODO 1: 채굴자들을 두 그룹으로 나누고, 양쪽이 몇 분 동안 채굴하게 하세요.
  //         그다음 네트워크를 다시 잇고, 모두가 다시 같은 체인에 합의할 만큼 충분히 돌리세요.
  await net.runFor(60_000)
}

export async function findForks(): Promise<ForkReport> {
  // TODO 2: read the block tree; list the blocks that are not on the main chain,
  //         and find the main chain's tip (its id and height).
  // TODO 2: 블록 트리를 읽으세요. 메인 체인에 없는 블록들을 모으고,
  //         메인 체인의 끝(tip) 블록을 찾으세요(id와 높이).
  return { staleBlocks: [], winningTip: -1, height: -1 }
}
