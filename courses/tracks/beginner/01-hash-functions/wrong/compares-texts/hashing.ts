// Lesson 1: hash functions and the avalanche effect (a plausible mistake: the texts are compared, not their hashes).
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
  // Compares the texts themselves instead of their hashes.
  const n = countDifferentDigits(textA, textB)
  return { sha256: n, keccak256: n }
}

console.log('hello →', hashBoth('hello'))
console.log('hello vs Hello →', avalanche('hello', 'Hello'))
