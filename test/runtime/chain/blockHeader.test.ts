import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createBlockHasher, encodeHeader, payloadRoot } from '../../../runtime/chain/blockHeader.ts'
import { BASE_DIFFICULTY, createBlockStore } from '../../../runtime/chain/blockStore.ts'
import { searchNonce, meetsTarget } from '../../../runtime/consensus/pow/nonceSearch.ts'
import { leadingZeroBits, toHex } from '../../../runtime/crypto/sha256.ts'

const dsha = (b: Uint8Array): string => {
  const once = createHash('sha256').update(b).digest()
  return createHash('sha256').update(once).digest('hex')
}

describe('block headers', () => {
  const store = createBlockStore()
  const b1 = store.add(0, 3, 600_000_000, BASE_DIFFICULTY, 1000)
  const b2 = store.add(b1, 4, 1_200_000_000, BASE_DIFFICULTY, 1000)
  const hasher = createBlockHasher(store)

  it('hash = double SHA-256 of the 80-byte header (checked against node:crypto)', () => {
    const header = encodeHeader(store, b2, hasher.hash(b1), payloadRoot(store, b2), store.nonce(b2))
    expect(header.length).toBe(80)
    expect(toHex(hasher.hash(b2))).toBe(dsha(header))
    // Bitcoin layout: version 1 LE, prev hash at 4, time (s) at 68.
    expect([...header.slice(0, 4)]).toEqual([1, 0, 0, 0])
    expect(toHex(header.slice(4, 36))).toBe(toHex(hasher.hash(b1)))
    expect(new DataView(header.buffer).getUint32(68, true)).toBe(1200)
  })

  it('a block links to its parent; changing the data changes the hash', () => {
    expect(toHex(hasher.prevHash(b2))).toBe(toHex(hasher.hash(b1)))
    expect(toHex(hasher.hashWithData(b1, 'tampered'))).not.toBe(toHex(hasher.hash(b1)))
    expect(toHex(hasher.hashWithData(b1, ''))).toBe(toHex(hasher.hash(b1)))
  })
})

describe('real proof of work', () => {
  it('finds a nonce meeting the target, verified independently', () => {
    const header = new Uint8Array(80).fill(7)
    const { nonce, attempts, hash } = searchNonce(header, 12, 1000)
    const h = header.slice()
    new DataView(h.buffer).setUint32(76, nonce, true)
    const independent = dsha(h)
    expect(independent).toBe(toHex(hash))
    expect(leadingZeroBits(hash)).toBeGreaterThanOrEqual(12)
    expect(meetsTarget(hash, 12)).toBe(true)
    expect(nonce).toBe(1000 + attempts - 1)
  })

  it('rejects bad arguments, naming them', () => {
    expect(() => searchNonce(new Uint8Array(79), 4, 0)).toThrow(/"header"/)
    expect(() => searchNonce(new Uint8Array(80), 33, 0)).toThrow(/"bits"/)
  })

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.of(0, 0, 0x10))).toBe(19)
    expect(leadingZeroBits(Uint8Array.of(0x80))).toBe(0)
    expect(leadingZeroBits(new Uint8Array(2))).toBe(16)
  })
})
