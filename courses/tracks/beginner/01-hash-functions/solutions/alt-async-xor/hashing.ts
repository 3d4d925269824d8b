// Lesson 1, another correct answer: async functions, a class instance as the result, and the digits
// compared by XOR-ing the two hashes as BigInts and testing each 4-bit nibble.
import { keccak256, sha256 } from 'playground'
class Pair { constructor(public sha256: string, public keccak256: string) {} }
export async function hashBoth(text: string) { return new Pair(sha256(text), keccak256(text)) }
export function countDifferentDigits(hashA: string, hashB: string) {
  let x = BigInt(hashA) ^ BigInt(hashB)
  let n = 0
  for (let k = 0; k < 64; k++) { if ((x & 0xfn) !== 0n) n++; x >>= 4n }
  return n
}
export async function avalanche(textA: string, textB: string) {
  const a = await hashBoth(textA); const b = await hashBoth(textB)
  const out: Record<string, number> = {}
  for (const k of ['sha256', 'keccak256'] as const) out[k] = countDifferentDigits(a[k], b[k])
  return out
}
