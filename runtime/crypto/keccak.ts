/**
 * Keccak-256 (Ethereum's hash: selectors, addresses, EIP-55 checksums), from @noble/hashes.
 *
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js'
import { toHex } from './sha256.ts'

export { keccak_256 }

/** Hex keccak-256 of a UTF-8 string (e.g. a function signature). */
export function keccakHex(text: string): string {
  return toHex(keccak_256(new TextEncoder().encode(text)))
}

/**
 * An address in EIP-55 mixed-case checksum form.
 *
 * @example
 * checksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266') // '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
 */
export function checksumAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, '')
  const hash = keccakHex(lower)
  let out = '0x'
  for (let i = 0; i < lower.length; i++) out += Number.parseInt(hash[i]!, 16) >= 8 ? lower[i]!.toUpperCase() : lower[i]!
  return out
}
