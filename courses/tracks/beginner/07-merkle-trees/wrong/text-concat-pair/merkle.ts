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
 * WRONG (a plausible mistake): hashPair was "simplified" to hash the hex text left + right instead
 * of the 64 bytes, so every parent hash differs from the rule's.
 */
import { sha256 as sha256Text } from 'playground'


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
  return sha256Text(left + right)
}

/** The next level up: pairs of hashes, the last one duplicated when the count is odd. */
function nextLevel(level: string[]): string[] {
  const padded = level.length % 2 === 1 ? [...level, level[level.length - 1]!] : level
  const parents: string[] = []
  for (let i = 0; i < padded.length; i += 2) parents.push(hashPair(padded[i]!, padded[i + 1]!))
  return parents
}

export function merkleRoot(leaves: string[]): string {
  if (leaves.length === 0) throw new Error('a Merkle tree needs at least one leaf')
  let level = leaves.map(hashLeaf)
  while (level.length > 1) level = nextLevel(level)
  return level[0]!
}

export function buildProof(leaves: string[], index: number): ProofStep[] {
  if (index < 0 || index >= leaves.length) throw new Error(`index ${index} is not a leaf of a ${leaves.length}-leaf tree`)
  const proof: ProofStep[] = []
  let level = leaves.map(hashLeaf)
  let i = index
  while (level.length > 1) {
    const partner = i ^ 1
    // The last hash of an odd level is its own partner (the duplicate).
    const sibling = partner < level.length ? level[partner]! : level[i]!
    proof.push({ sibling, side: i % 2 === 0 ? 'right' : 'left' })
    level = nextLevel(level)
    i = Math.floor(i / 2)
  }
  return proof
}

export function verifyProof(leaf: string, proof: ProofStep[], root: string): boolean {
  let current = hashLeaf(leaf)
  for (const step of proof) {
    current = step.side === 'left' ? hashPair(step.sibling, current) : hashPair(current, step.sibling)
  }
  return current.toLowerCase() === root.toLowerCase()
}
