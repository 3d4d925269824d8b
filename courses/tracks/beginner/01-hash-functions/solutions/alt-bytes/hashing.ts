// Lesson 1, another correct answer: viem's hash functions on the text's UTF-8 bytes, and the
// digits compared with array methods instead of a for loop.
import { keccak256, sha256, stringToHex } from 'viem'

export interface BothHashes {
  sha256: string
  keccak256: string
}

export function hashBoth(text: string): BothHashes {
  const bytes = stringToHex(text) // the text's UTF-8 bytes as 0x-hex: what the playground's functions hash too
  return { sha256: sha256(bytes), keccak256: keccak256(bytes) }
}

export function countDifferentDigits(hashA: string, hashB: string): number {
  const a = hashA.toLowerCase().replace(/^0x/, '').split('')
  const b = hashB.toLowerCase().replace(/^0x/, '').split('')
  return a.filter((digit, i) => digit !== b[i]).length
}

export function avalanche(textA: string, textB: string): { sha256: number; keccak256: number } {
  const [a, b] = [textA, textB].map(hashBoth)
  return {
    sha256: countDifferentDigits(a!.sha256, b!.sha256),
    keccak256: countDifferentDigits(a!.keccak256, b!.keccak256),
  }
}
