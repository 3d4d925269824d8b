// A recursive version that uses viem only (no 'playground' import): the root of a level is the
// root of the level above it; a proof is collected while the recursion climbs.
import { concatHex, sha256, stringToHex } from 'viem'

type Hex = `0x${string}`

export type ProofStep = { sibling: string; side: 'left' | 'right' }

export const hashLeaf = (text: string): Hex => sha256(stringToHex(text))
export const hashPair = (left: string, right: string): Hex => sha256(concatHex([left as Hex, right as Hex]))

function pairUp(level: Hex[]): Hex[] {
  const out: Hex[] = []
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i]!
    const right = level[i + 1] ?? left
    out.push(hashPair(left, right))
  }
  return out
}

function rootOf(level: Hex[]): Hex {
  return level.length === 1 ? level[0]! : rootOf(pairUp(level))
}

export function merkleRoot(leaves: string[]): Hex {
  return rootOf(leaves.map(hashLeaf))
}

function proofFrom(level: Hex[], index: number): ProofStep[] {
  if (level.length === 1) return []
  const isRight = index % 2 === 1
  const sibling = isRight ? level[index - 1]! : (level[index + 1] ?? level[index]!)
  const step: ProofStep = { sibling, side: isRight ? 'left' : 'right' }
  return [step, ...proofFrom(pairUp(level), index >> 1)]
}

export function buildProof(leaves: string[], index: number): ProofStep[] {
  return proofFrom(leaves.map(hashLeaf), index)
}

export function verifyProof(leaf: string, proof: ProofStep[], root: string): boolean {
  const top = proof.reduce<Hex>(
    (acc, { sibling, side }) => (side === 'left' ? hashPair(sibling, acc) : hashPair(acc, sibling)),
    hashLeaf(leaf),
  )
  return top === root.toLowerCase()
}
