// Lesson 1: hash functions and the avalanche effect.
//
// sha256(text) and keccak256(text) come from the playground: each takes a text and returns its
// hash as a hex string: '0x' followed by 64 hex digits (0-9, a-f), for example
//   sha256('hello') === '0x2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
import { keccak256, sha256 } from 'playground'

/** The two hashes of one text. */
export interface BothHashes {
  sha256: string
  keccak256: string
}

/**
 * Step 1. Hash `text` with SHA-256 (used by Bitcoin) and with Keccak-256 (used by Ethereum).
 */
export function hashBoth(text: string): BothHashes {
  // TODO: call sha256(text) and keccak256(text) and return both results.
  return { sha256: '', keccak256: '' }
}

/**
 * Step 2. Count the positions where two hashes have a different hex digit.
 * Both hashes look like '0x' + 64 hex digits: skip the '0x' and compare the 64 digits one by one.
 * Example: '0xab12' and '0xab02' differ in 1 position.
 */
export function countDifferentDigits(hashA: string, hashB: string): number {
  // TODO: compare hashA[i] with hashB[i] for every digit after '0x' and count the differences.
  return 0
}

/**
 * Step 3. The avalanche effect: hash both texts with both functions and count how many hex
 * digits of the hashes differ.
 */
export function avalanche(textA: string, textB: string): { sha256: number; keccak256: number } {
  // TODO: use hashBoth and countDifferentDigits.
  return { sha256: 0, keccak256: 0 }
}

// Press "Run" to see your functions at work (the grader calls them with its own texts).
console.log('hello →', hashBoth('hello'))
console.log('hello vs Hello →', avalanche('hello', 'Hello'))
