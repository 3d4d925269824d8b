/**
 * Proof of Stake: who proposes each slot's block is drawn by lot, weighted by stake, from a hash
 * of (seed, slot). Every node can recompute the draw, so a block from anyone else is rejected.
 * 지분증명: 슬롯마다 블록을 제안할 노드를 (seed, slot)의 해시로 추첨합니다. 지분이 클수록 뽑힐
 * 확률이 큽니다. 모든 노드가 이 추첨을 다시 계산할 수 있으므로, 뽑힌 노드가 아닌 다른 노드가 만든 블록은 거절됩니다.
 *
 * The draw (the same one the simulator's `pos` network uses):
 *   1. h = SHA-256 of the text `${seed}|${slot}` (as 0x… hex)
 *   2. x = the first 13 hex digits of h (52 bits) as a number; u = x / 2^52, so 0 <= u < 1
 *   3. point = u × (total stake)
 *   4. walk the nodes 0, 1, 2, …: skip stake 0; if point < stake, that node proposes;
 *      otherwise point -= stake and go on
 *
 * 추첨 방법(시뮬레이터의 `pos` 네트워크도 똑같이 추첨합니다):
 *   1. h = 텍스트 `${seed}|${slot}`의 SHA-256 (0x…로 시작하는 16진수)
 *   2. x = h의 앞 16진수 13자리(52비트)를 숫자로 읽은 값. u = x / 2^52 이므로 0 <= u < 1
 *   3. point = u × (지분 합계)
 *   4. 노드 0, 1, 2, …를 차례로 봅니다. 지분이 0인 노드는 건너뜁니다. point < stake이면 그 노드가
 *      제안자입니다. 아니면 point -= stake를 하고 다음 노드로 넘어갑니다
 */
import { sha256, sim } from 'playground'

/**
 * The seed of the network's schedule: SHA-256 of the validators' public keys, hex without 0x.
 * 네트워크 일정의 seed: 검증자들의 공개키를 SHA-256으로 해시하고 앞의 0x를 뺀 16진수입니다.
 */
export function genesisSeed(publicKeys: string[]): string {
  return sha256(`pos genesis|${publicKeys.join(',')}`).slice(2)
}

/**
 * The node that proposes in `slot`; stakes[i] is node i's stake (0: not a validator).
 * `slot`에서 블록을 제안할 노드입니다. stakes[i]는 노드 i의 지분입니다(0이면 검증자가 아닙니다).
 */
export function proposerOf(seed: string, slot: number, stakes: number[]): number {
  // TODO 1: follow the four steps above. Return the node's index in `stakes`.
  // TODO 1: 위의 네 단계를 따르세요. `stakes`에서 그 노드의 인덱스를 돌려주세요.
  return 0
}

/**
 * The proposers of `count` slots from `fromSlot` on. (Done: it calls proposerOf.)
 * `fromSlot`부터 슬롯 `count`개의 제안자들입니다. (완성됨: proposerOf를 부릅니다.)
 */
export function schedule(seed: string, stakes: number[], fromSlot: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => proposerOf(seed, fromSlot + i, stakes))
}

export interface Observation {
  /**
   * genesisSeed of the network's validators.
   * 네트워크 검증자들의 genesisSeed입니다.
   */
  seed: string
  /**
   * Height of the latest block node 0 has finalized.
   * 노드 0이 확정(finalize)한 가장 최근 블록의 높이입니다.
   */
  finalizedHeight: number
  /**
   * Who proposed each main-chain block: proposers[0] for height 1, proposers[1] for height 2, …
   * 메인 체인의 블록마다 그 블록을 제안한 노드: 높이 1은 proposers[0], 높이 2는 proposers[1], …
   */
  proposers: number[]
}

export async function observe(): Promise<Observation> {
  const net = sim!
  await net.runFor(60_000)
  // TODO 2: fill these in from queries:
  //   { type: 'members' }     → validators (node ids) and members[n].publicKey → the seed
  //   { type: 'node', node: 0 } → finalized (a block id); { type: 'block', block: id } → its height
  //   { type: 'block-tree' }  → blocks with height, miner and onMainChain
  // TODO 2: 아래 질의의 결과로 이 값들을 채우세요.
  //   { type: 'members' }       → validators(노드 id 목록), 그리고 members[n].publicKey → seed
  //   { type: 'node', node: 0 } → finalized(블록 id). { type: 'block', block: id } → 그 블록의 높이
  //   { type: 'block-tree' }    → 블록마다 height, miner, onMainChain
  return { seed: '', finalizedHeight: 0, proposers: [] }
}
