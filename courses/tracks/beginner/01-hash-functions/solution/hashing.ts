// Lesson 1: hash functions and the avalanche effect (reference answer).
import { keccak256, sha256 } from 'playground'

/** The two hashes of one text. */
export interface BothHashes {
  sha256: string
  keccak256: string
}

/** Step 1. Hash `text` with SHA-256 (Bitcoin) and Keccak-256 (Ethereum). */
export function hashBoth(text: string): BothHashes {
  return { sha256: sha256(text), keccak256: keccak256(text) }
}

/** Step 2. Count the positions where two hashes have a different hex digit ('0x' skipped). */
export function countDifferentDigits(hashA: string, hashB: string): number {
  let count = 0
  for (let i = 2; i < hashA.length; i++) {
    if (hashA[i] !== hashB[i]) count++
  }
  return count
}

/** Step 3. How many hex digits change between the hashes of two texts, for each function. */
export function avalanche(textA: string, textB: string): { sha256: number; keccak256: number } {
  const a = hashBoth(textA)
  const b = hashBoth(textB)
  return {
    sha256: countDifferentDigits(a.sha256, b.sha256),
    keccak256: countDifferentDigits(a.keccak256, b.keccak256),
  }
}

console.log('hello →', hashBoth('hello'))
console.log('hello vs Hello →', avalanche('hello', 'Hello'))
