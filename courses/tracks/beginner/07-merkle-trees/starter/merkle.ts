/**
 * Merkle trees: a block's whole transaction list summarised by one hash, and short proofs that
 * one transaction is in it.
 * 머클 트리: 블록에 담긴 거래 목록 전체를 해시 하나로 요약하고, 거래 하나가 그 안에 들어 있다는
 * 것을 짧은 증명으로 보여 줍니다.
 *
 * The rules (the grader uses the same ones):
 * - a leaf's hash is SHA-256 of the leaf's text (its UTF-8 bytes): hashLeaf
 * - a parent's hash is SHA-256 of the 64 bytes left ‖ right: hashPair
 * - a level with an odd number of hashes pairs its last hash with a copy of itself (Bitcoin)
 * - a tree of one leaf has that leaf's hash as its root
 *
 * 규칙(채점기도 같은 규칙을 씁니다):
 * - 잎의 해시는 잎 텍스트(UTF-8 바이트)의 SHA-256입니다: hashLeaf
 * - 부모의 해시는 left ‖ right를 이어 붙인 64바이트의 SHA-256입니다: hashPair
 * - 한 층의 해시 개수가 홀수이면, 마지막 해시를 복제해서 자기 자신과 짝을 짓습니다(비트코인 방식)
 * - 잎이 하나뿐인 트리는 그 잎의 해시가 곧 루트입니다
 *
 * hashLeaf and hashPair are done. Fill in the three functions marked TODO.
 * hashLeaf와 hashPair는 완성되어 있습니다. TODO가 표시된 함수 세 개를 채우세요.
 */
import { sha256 as sha256Text } from 'playground'
import { concat, sha256 } from 'viem'

type Hex = `0x${string}`

/**
 * One step of an inclusion proof: the sibling's hash and the side it sits on.
 * 포함 증명의 한 단계: 형제(sibling)의 해시와, 그 형제가 놓인 쪽(왼쪽/오른쪽)입니다.
 */
export interface ProofStep {
  sibling: string
  side: 'left' | 'right'
}

/**
 * SHA-256 of the leaf's text.
 * 잎 텍스트의 SHA-256입니다.
 */
export function hashLeaf(text: string): string {
  return sha256Text(text)
}

/**
 * SHA-256 of the two 32-byte hashes joined (left first).
 * 32바이트 해시 두 개를 이어 붙인 것(왼쪽이 앞)의 SHA-256입니다.
 */
export function hashPair(left: string, right: string): string {
  return sha256(concat([left as Hex, right as Hex]))
}

/**
 * The root hash of the tree over `leaves` (at least one leaf).
 * `leaves`로 만든 트리의 루트 해시입니다(잎은 하나 이상입니다).
 */
export function merkleRoot(leaves: string[]): string {
  // TODO 1: hash every leaf, then replace the level by its parents until one hash is left.
  //         Odd number of hashes on a level? Pair the last one with a copy of itself.
  // TODO 1: 잎을 모두 해시한 다음, 해시가 하나 남을 때까지 층을 그 부모들의 층으로 바꾸세요.
  //         한 층의 해시 개수가 홀수인가요? 마지막 해시를 복제해서 자기 자신과 짝을 지으세요.
  return '0x'
}

/**
 * The proof that leaves[index] is in the tree: one step per level, from the bottom up.
 * leaves[index]가 트리에 들어 있다는 증명입니다. 맨 아래층부터 위로, 층마다 한 단계씩입니다.
 */
export function buildProof(leaves: string[], index: number): ProofStep[] {
  // TODO 2: walk up like merkleRoot; on each level record the partner of `index`
  //         (its sibling hash and whether it sits on the left or the right).
  // TODO 2: merkleRoot처럼 한 층씩 올라가세요. 층마다 `index`의 짝을 기록합니다
  //         (짝의 해시, 그리고 짝이 왼쪽에 있는지 오른쪽에 있는지).
  return []
}

/**
 * True when `leaf` (its text), climbed with `proof`, reaches `root`.
 * `leaf`(텍스트)에서 출발해 `proof`를 따라 올라갔을 때 `root`에 닿으면 true입니다.
 */
export function verifyProof(leaf: string, proof: ProofStep[], root: string): boolean {
  // TODO 3: start from hashLeaf(leaf); for each step join the sibling on its side; compare with root.
  // TODO 3: hashLeaf(leaf)에서 출발하세요. 단계마다 형제 해시를 그 쪽에 붙여 해시하고, 마지막 결과를 root와 비교하세요.
  return false
}
