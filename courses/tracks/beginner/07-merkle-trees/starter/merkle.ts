/**
 * Merkle trees: a block's whole transaction list summarised by one hash, and short proofs that
 * one transaction is in it.
 *
 * The rules (the grader uses the same ones):
 * - a leaf's hash is SHA-256 of the leaf's text (its UTF-8 bytes): hashLeaf
 * - a parent's hash is SHA-256 of the 64 bytes left ‖ right: hashPair
 * - a level with an odd number of hashes pairs its last hash with a copy of itself (Bitcoin)
 * - a tree of one leaf has that leaf's hash as its root
 *
 * hashLeaf and hashPair are done. Fill in the three functions marked TODO.
 */
import { sha256 as sha256Text } from 'playground'
import { concat, sha256 } from 'viem'

type Hex = `0x${string}`

/** One step of an inclusion proof: the sibling's hash and the side it sits on. */
export interface ProofStep {
  sibling: string
  side: 'left' | 'right'
}

/** SHA-256 of the leaf's text. */
export function hashLeaf(text: string): string {
  return sha256Text(text)
}

/** SHA-256 of the two 32-byte hashes joined (left first). */
export function hashPair(left: string, right: string): string {
  return sha256(concat([left as Hex, right as Hex]))
}

/** The root hash of the tree over `leaves` (at least one leaf). */
export function merkleRoot(leaves: string[]): string {
  // TODO 1: hash every leaf, then replace the level by its parents until one hash is left.
  //         Odd number of hashes on a level? Pair the last one with a copy of itself.
  return '0x'
}

/** The proof that leaves[index] is in the tree: one step per level, from the bottom up. */
export function buildProof(leaves: string[], index: number): ProofStep[] {
  // TODO 2: walk up like merkleRoot; on each level record the partner of `index`
  //         (its sibling hash and whether it sits on the left or the right).
  return []
}

/** True when `leaf` (its text), climbed with `proof`, reaches `root`. */
export function verifyProof(leaf: string, proof: ProofStep[], root: string): boolean {
  // TODO 3: start from hashLeaf(leaf); for each step join the sibling on its side; compare with root.
  return false
}
