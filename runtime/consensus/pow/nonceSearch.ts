/**
 * Real proof-of-work: search a nonce whose header double-SHA-256 has at least `bits` leading zero
 * bits. Used for small difficulties (lessons: "mine" a block by hand and watch the nonce climb);
 * network-scale runs use the modeled exponential timing instead.
 *
 * @module
 */
import { doubleSha256, leadingZeroBits } from '../../crypto/sha256.ts'

export interface NonceSearchResult {
  nonce: number
  attempts: number
  hash: Uint8Array
}

/**
 * Tries nonces `start, start+1, …` (mod 2^32) in `header` (80 bytes, nonce at offset 76).
 *
 * @throws {@link RangeError} when `bits` is not an integer in [0, 32] or `header` is not 80 bytes.
 * @example
 * const { nonce, attempts } = searchNonce(header, 12, 0)
 */
export function searchNonce(header: Uint8Array, bits: number, start: number, maxAttempts = 2 ** 32): NonceSearchResult {
  if (!(header instanceof Uint8Array) || header.length !== 80) {
    throw new RangeError(`"header" expected Uint8Array(80), got length=${(header as Uint8Array)?.length}`)
  }
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new RangeError(`"bits" expected an integer in [0, 32], got ${bits}`)
  const work = header.slice()
  const view = new DataView(work.buffer)
  for (let attempts = 1; attempts <= maxAttempts; attempts++) {
    const nonce = (start + attempts - 1) >>> 0
    view.setUint32(76, nonce, true)
    const hash = doubleSha256(work)
    if (leadingZeroBits(hash) >= bits) return { nonce, attempts, hash }
  }
  throw new RangeError(`no nonce found in ${maxAttempts} attempts`)
}

/** True when `hash` meets a `bits` leading-zero target. */
export function meetsTarget(hash: Uint8Array, bits: number): boolean {
  return leadingZeroBits(hash) >= bits
}
