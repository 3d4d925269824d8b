/**
 * EIP-191 personal messages and raw hash signatures, checked byte for byte against viem (both use
 * RFC 6979 deterministic nonces, so equal keys and hashes must give equal signatures).
 */
import { bytesToHex, hashMessage, keccak256, recoverMessageAddress, toBytes } from 'viem'
import { privateKeyToAccount, privateKeyToAddress as viemPrivateKeyToAddress } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import {
  hashPersonalMessage,
  privateKeyToAddress,
  publicKeyToAddress,
  recoverAddress,
  signHash,
  signPersonalMessage,
} from '../../../runtime/crypto/signMessage.ts'
import { BaseError } from '../../../runtime/errors/base.ts'

const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const ADDRESS0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

// Deterministic, varied keys: keccak256 of a counter.
const keys = [KEY0, ...Array.from({ length: 5 }, (_, i) => keccak256(toBytes(`key ${i}`)))] as `0x${string}`[]
const messages = [new Uint8Array(0), utf8('hello world'), utf8('안녕하세요, 블록체인 놀이터'), Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff)]

function errorCode(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(BaseError)
    return (error as BaseError).code
  }
  throw new Error('expected an error')
}

describe('personal messages (EIP-191)', () => {
  it('hashes like viem’s hashMessage (the length is the decimal byte count)', () => {
    for (const m of messages) expect(bytesToHex(hashPersonalMessage(m))).toBe(hashMessage({ raw: m }))
    expect(bytesToHex(hashPersonalMessage(utf8('hello world')))).toBe('0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68')
  })

  it('signs byte-identically to viem’s signMessage and recovers the signer', async () => {
    for (const key of keys) {
      const account = privateKeyToAccount(key)
      for (const m of messages) {
        const signature = signPersonalMessage(m, key)
        expect(signature).toBe(await account.signMessage({ message: { raw: m } }))
        expect(signature).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/)
        expect(recoverAddress(hashPersonalMessage(m), signature)).toBe(account.address)
        expect(await recoverMessageAddress({ message: { raw: m }, signature: signature as `0x${string}` })).toBe(account.address)
      }
    }
  })

  it('accepts the key as bytes or hex', () => {
    const m = utf8('same either way')
    expect(signPersonalMessage(m, toBytes(KEY0))).toBe(signPersonalMessage(m, KEY0))
  })
})

describe('signHash / recoverAddress', () => {
  it('matches viem’s account.sign on raw hashes, and both v values occur', async () => {
    const vs = new Set<string>()
    for (const key of keys) {
      const account = privateKeyToAccount(key)
      for (let i = 0; i < 4; i++) {
        const hash = keccak256(toBytes(`hash ${i}`))
        const signature = signHash(toBytes(hash), key)
        expect(signature).toBe(await account.sign({ hash }))
        expect(recoverAddress(toBytes(hash), signature)).toBe(account.address)
        vs.add(signature.slice(-2))
      }
    }
    expect(vs).toEqual(new Set(['1b', '1c']))
  })

  it('accepts v as 0/1 and as bytes; a changed hash recovers someone else', () => {
    const hash = toBytes(keccak256(toBytes('x')))
    const signature = signHash(hash, KEY0)
    const raw = toBytes(signature)
    raw[64] = raw[64]! - 27
    expect(recoverAddress(hash, raw)).toBe(ADDRESS0)
    const other = hash.slice()
    other[0] = other[0]! ^ 1
    expect(recoverAddress(other, signature)).not.toBe(ADDRESS0)
  })

  it('derives addresses like viem', () => {
    for (const key of keys) expect(privateKeyToAddress(key)).toBe(viemPrivateKeyToAddress(key))
    expect(privateKeyToAddress(KEY0)).toBe(ADDRESS0)
    const account = privateKeyToAccount(KEY0)
    expect(publicKeyToAddress(toBytes(account.publicKey))).toBe(ADDRESS0)
  })

  it('rejects bad keys, hashes and signatures with BaseErrors', () => {
    const hash = new Uint8Array(32).fill(1)
    expect(errorCode(() => signHash(hash, new Uint8Array(32)))).toBe('signature.invalid-private-key')
    expect(errorCode(() => signHash(hash, `0x${'ff'.repeat(32)}`))).toBe('signature.invalid-private-key')
    expect(errorCode(() => signHash(hash, '0x1234'))).toBe('signature.invalid-private-key')
    expect(errorCode(() => signHash(new Uint8Array(31), KEY0))).toBe('signature.invalid-hash')
    expect(errorCode(() => recoverAddress(hash, '0x1234'))).toBe('signature.invalid')
    const badV = toBytes(signHash(hash, KEY0))
    badV[64] = 29
    expect(errorCode(() => recoverAddress(hash, badV))).toBe('signature.invalid')
    expect(errorCode(() => recoverAddress(hash, new Uint8Array(65).fill(0)))).toBe('signature.invalid')
  })
})
