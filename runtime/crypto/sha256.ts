/**
 * SHA-256 and Bitcoin's double SHA-256, from @noble/hashes (audited); runtime/ never hand-rolls
 * crypto.
 *
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js'

export { sha256 }

/** sha256(sha256(bytes)), Bitcoin's block and transaction hash. */
export function doubleSha256(bytes: Uint8Array): Uint8Array {
  return sha256(sha256(bytes))
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0')
  return out
}

/** Number of leading zero bits of `bytes` (big-endian reading). */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(b) - 24
  }
  return bits
}

/** Hex SHA-256 of a UTF-8 string (modeled identity keys, ids). */
export function sha256Hex(text: string): string {
  return toHex(sha256(new TextEncoder().encode(text)))
}
