// Lesson 4: a distributed ledger. Eight miners (nodes 0-7) on a LAN each keep their own copy of
// the chain. `sim` controls this simulated network:
// 4강: 분산 장부. LAN으로 연결된 채굴자 8명(노드 0~7)이 저마다 체인 사본을 따로 가지고 있습니다.
// 이 시뮬레이션 네트워크는 `sim`으로 다룹니다.
//   await net.runFor(ms)        let the network run (and mine) for ms simulated milliseconds
//   await net.query({ … })      ask something, e.g. { type: 'node', node: 5 } or { type: 'chain', node: 5 }
//   await net.apply({ … })      do something, e.g. { type: 'tamper', node: 5, block: 12, data: '…' }
//   net.runFor(ms): 시뮬레이션 시간으로 ms밀리초 동안 네트워크를 돌립니다(그동안 채굴도 됩니다)
//   net.query({ … }): 무언가를 물어봅니다. 예: { type: 'node', node: 5 }, { type: 'chain', node: 5 }
//   net.apply({ … }): 무언가를 실행합니다. 예: { type: 'tamper', node: 5, block: 12, data: '…' }
// The README shows what each query returns.
// 질의마다 무엇을 돌려주는지는 README에 나와 있습니다.
import { sim } from 'playground'

if (sim === undefined) throw new Error('This lesson needs its simulated network (pow-lan).')
const net = sim

/**
 * Step 1. Let the network run until node `node` has a block at `height`, then change that node's
 * copy of the block (the `tamper` command) so that its data says `data`.
 * Return the block's id (the `block` field, which is not always equal to its height).
 *
 * 1단계. 노드 `node`에 높이 `height`인 블록이 생길 때까지 네트워크를 돌린 다음, 그 노드가 가진
 * 블록 사본을 고쳐서(`tamper` 명령) 데이터가 `data`가 되게 하세요.
 * 그 블록의 id를 돌려주세요(`block` 필드입니다. 블록의 높이와 항상 같지는 않습니다).
 */
export async function tamperCopy(node: number, height: number, data: string): Promise<number> {
  // TODO 1: run the network (net.runFor(15_000) = one block time) until
  //         (await net.query({ type: 'node', node })).height >= height.
  // TODO 1: (await net.query({ type: 'node', node })).height >= height가 될 때까지
  //         네트워크를 돌리세요(net.runFor(15_000)이 블록 하나가 나오는 데 걸리는 평균 시간입니다).
  // TODO 2: find the block at `height` in (await net.query({ type: 'chain', node })).blocks.
  // TODO 2: (await net.query({ type: 'chain', node })).blocks에서 높이가 `height`인 블록을 찾으세요.
  // TODO 3: await net.apply({ type: 'tamper', node, block: <its id>, data }) and return the id.
  // TODO 3: await net.apply({ type: 'tamper', node, block: <그 블록의 id>, data })를 실행하고 그 id를 돌려주세요.
  return -1
}

/**
 * Step 2. Which nodes hold a copy of block `block` that differs from everyone else's?
 * Return their numbers, e.g. [5] (or [] when all copies agree).
 *
 * 2단계. 블록 `block`의 사본이 나머지 노드들의 사본과 다른 노드를 찾으세요.
 * 그런 노드의 번호들을 돌려주세요. 예: [5] (모든 사본이 같으면 [])
 */
export async function oddNodes(block: number): Promise<number[]> {
  // TODO: for every node n, query { type: 'block', block, node: n }: the answer has `hash`
  //       (the block's real hash) and `copy.hash` (the hash of node n's copy). Collect the nodes
  //       where they differ.
  // TODO: 모든 노드 n에 대해 { type: 'block', block, node: n }을 질의하세요. 답에는 `hash`(블록의
  //       진짜 해시)와 `copy.hash`(노드 n이 가진 사본의 해시)가 있습니다. 두 값이 다른 노드를 모으세요.
  return []
}

// Press "Run": it calls main below, which tries both steps on this network. (The grader calls
// tamperCopy and oddNodes directly with its own inputs, so main does not run while grading.)
// "실행"을 누르면 아래 main이 불려서 이 네트워크에서 두 단계를 시험해 봅니다. (채점기는 자기 입력으로
// tamperCopy와 oddNodes를 직접 부르므로, 채점할 때는 main이 실행되지 않습니다.)
export default async function main(): Promise<void> {
  const id = await tamperCopy(5, 3, 'Mallory receives 1000 coins')
  if (id >= 0) console.log('tampered block', id, '→ odd nodes:', await oddNodes(id))
  console.log(await net.query({ type: 'consistency' }))
}
