/**
 * Ethereum message signatures: EIP-191 personal messages (`personal_sign`, `eth_sign`), EIP-712
 * typed data (`eth_signTypedData_v4`), and recovering the signer's address from a signature.
 *
 * Signatures are secp256k1 ECDSA from @noble/curves with RFC 6979 deterministic nonces and low
 * `s`, so the same key and hash always give the same bytes — byte-identical to viem, ethers and
 * MetaMask, and reproducible in a replayed simulation. The wire form is 65 bytes `r ‖ s ‖ v`
 * with `v = 27 + recovery bit`, as wallets return it.
 *
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import { BaseError } from '../errors/base.ts'
import { checksumAddress, keccak_256 } from './keccak.ts'
import { hashTypedData, type TypedDataDefinition } from './typedData.ts'

/** A private key as 32 bytes or `0x`-prefixed hex. */
export type PrivateKeyInput = Uint8Array | string

/**
 * The EIP-191 (version 0x45) hash of a message: `keccak256("\x19Ethereum Signed Message:\n" + len + message)`,
 * with the length in decimal bytes. The prefix keeps a signed message from being a valid transaction.
 *
 * @example
 * hashPersonalMessage(new TextEncoder().encode('hello world'))
 * // 0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68
 */
export function hashPersonalMessage(message: Uint8Array): Uint8Array {
  if (!(message instanceof Uint8Array)) throw new BaseError('hashPersonalMessage: message must be a Uint8Array.', { code: 'signature.invalid-message' })
  const prefix = new TextEncoder().encode(`\x19Ethereum Signed Message:\n${message.length}`)
  return keccak_256(concatBytes(prefix, message))
}

/**
 * Signs a 32-byte hash: `0x` + r (32 bytes) + s (32 bytes) + v (27 or 28).
 *
 * @example
 * signHash(hashPersonalMessage(bytes), account.privateKey) // '0x…1b'
 */
export function signHash(hash: Uint8Array, privateKey: PrivateKeyInput): string {
  checkHash(hash, 'signHash')
  const key = toPrivateKey(privateKey, 'signHash')
  // noble v2's 'recovered' format puts the recovery bit first; Ethereum wants it last, plus 27.
  const recovered = secp256k1.sign(hash, key, { prehash: false, format: 'recovered', lowS: true })
  return `0x${bytesToHex(recovered.subarray(1))}${(27 + recovered[0]!).toString(16)}`
}

/**
 * The checksummed address that signed `hash`. Accepts `v` as 27/28 or as the raw bit 0/1.
 *
 * @example
 * recoverAddress(hashPersonalMessage(bytes), signature) // '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
 */
export function recoverAddress(hash: Uint8Array, signature: Uint8Array | string): string {
  checkHash(hash, 'recoverAddress')
  const sig = toBytes(signature)
  if (sig === undefined || sig.length !== 65) {
    throw new BaseError('recoverAddress: signature must be 65 bytes (r ‖ s ‖ v) as bytes or 0x hex.', { code: 'signature.invalid' })
  }
  const v = sig[64]!
  const bit = v === 27 || v === 28 ? v - 27 : v === 0 || v === 1 ? v : undefined
  if (bit === undefined) throw new BaseError(`recoverAddress: signature v must be 27 or 28 (or 0 or 1), got ${v}.`, { code: 'signature.invalid' })
  let publicKey: Uint8Array
  try {
    const recovered = concatBytes(Uint8Array.of(bit), sig.subarray(0, 64))
    publicKey = secp256k1.Point.fromBytes(secp256k1.recoverPublicKey(recovered, hash, { prehash: false })).toBytes(false)
  } catch (cause) {
    throw new BaseError('recoverAddress: no public key recovers from this signature (r or s out of range).', {
      code: 'signature.invalid',
      cause,
      details: cause instanceof Error ? cause.message : String(cause),
    })
  }
  return publicKeyToAddress(publicKey)
}

/**
 * `personal_sign`: signs `message` under the EIP-191 prefix.
 *
 * @example
 * signPersonalMessage(new TextEncoder().encode('hello'), '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
 */
export function signPersonalMessage(message: Uint8Array, privateKey: PrivateKeyInput): string {
  return signHash(hashPersonalMessage(message), privateKey)
}

/**
 * `eth_signTypedData_v4`: signs the EIP-712 hash of `typedData`.
 *
 * @example
 * signTypedData({ domain, types, primaryType: 'Mail', message }, devAccounts[0].privateKey)
 */
export function signTypedData(typedData: TypedDataDefinition, privateKey: PrivateKeyInput): string {
  return signHash(hashTypedData(typedData), privateKey)
}

/**
 * The checksummed address of a private key: the last 20 bytes of keccak256 of the uncompressed
 * public key without its 0x04 prefix.
 *
 * @example
 * privateKeyToAddress('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
 * // '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
 */
export function privateKeyToAddress(privateKey: PrivateKeyInput): string {
  return publicKeyToAddress(secp256k1.getPublicKey(toPrivateKey(privateKey, 'privateKeyToAddress'), false))
}

/**
 * The checksummed address of a secp256k1 public key (33-byte compressed or 65-byte uncompressed).
 *
 * @example
 * publicKeyToAddress(hdKey.publicKey!)
 */
export function publicKeyToAddress(publicKey: Uint8Array): string {
  let uncompressed: Uint8Array
  try {
    uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false)
  } catch (cause) {
    throw new BaseError('publicKeyToAddress: not a secp256k1 public key.', { code: 'signature.invalid-public-key', cause })
  }
  return checksumAddress(`0x${bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12))}`)
}

function checkHash(hash: unknown, fn: string): asserts hash is Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== 32) {
    throw new BaseError(`${fn}: hash must be 32 bytes.`, { code: 'signature.invalid-hash' })
  }
}

function toPrivateKey(privateKey: PrivateKeyInput, fn: string): Uint8Array {
  const key = toBytes(privateKey)
  // Zero and values ≥ the curve order are not keys; noble would throw, but without the argument name.
  if (key === undefined || key.length !== 32 || !secp256k1.utils.isValidSecretKey(key)) {
    throw new BaseError(`${fn}: privateKey must be 32 bytes (0x + 64 hex digits) between 1 and the secp256k1 order − 1.`, {
      code: 'signature.invalid-private-key',
    })
  }
  return key
}

function toBytes(value: Uint8Array | string): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value
  if (typeof value === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(value)) return hexToBytes(value.slice(2))
  return undefined
}
