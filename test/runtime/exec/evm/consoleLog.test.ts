/**
 * console.log calldata (as hardhat/console.sol encodes it) back to text, with the selector table
 * built from the vendored console.sol. The encoder here is a test helper: standard ABI encoding
 * of the few types used, written from the spec.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checksumAddress, keccakHex } from '../../../../runtime/crypto/keccak.ts'
import { CONSOLE_ADDRESS, createConsoleDecoder } from '../../../../runtime/exec/evm/consoleLog.ts'

const consoleSol = readFileSync(new URL('../../../../runtime/compiler/libraries/hardhat/console.sol', import.meta.url), 'utf8')
const decoder = createConsoleDecoder(consoleSol)

type Arg = { type: 'uint256' | 'int256' | 'bool' | 'address' | 'string' | 'bytes' | 'bytes4'; value: bigint | boolean | string }

const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
const pad = (h: string, right = false): string => (right ? h.padEnd(64, '0') : h.padStart(64, '0'))

function encode(args: Arg[]): Uint8Array {
  const selector = keccakHex(`log(${args.map((a) => a.type).join(',')})`).slice(0, 8)
  let head = ''
  let tail = ''
  for (const a of args) {
    if (a.type === 'string' || a.type === 'bytes') {
      const body = a.type === 'string' ? Buffer.from(a.value as string, 'utf8').toString('hex') : (a.value as string).slice(2)
      head += pad(((args.length * 32 + tail.length / 2) as number).toString(16))
      tail += pad((body.length / 2).toString(16)) + (body.length === 0 ? '' : body.padEnd(Math.ceil(body.length / 64) * 64, '0'))
    } else if (a.type === 'uint256') head += pad((a.value as bigint).toString(16))
    else if (a.type === 'int256') head += pad(BigInt.asUintN(256, a.value as bigint).toString(16))
    else if (a.type === 'bool') head += pad(a.value ? '1' : '0')
    else if (a.type === 'address') head += pad((a.value as string).slice(2).toLowerCase())
    else head += pad((a.value as string).slice(2), true)
  }
  return hex(selector + head + tail)
}

describe('console.log decoding', () => {
  it('knows every log(…) signature in console.sol, including the well-known selectors', () => {
    expect(decoder.signatures).toBeGreaterThan(370)
    expect(keccakHex('log(string)').slice(0, 8)).toBe('41304fac')
    expect(keccakHex('log(uint256)').slice(0, 8)).toBe('f82c50f1')
    expect(CONSOLE_ADDRESS).toBe('0x000000000000000000636f6e736f6c652e6c6f67')
  })

  it('decodes single values of every kind', () => {
    expect(decoder.decode(encode([{ type: 'string', value: 'hello, 놀이터' }]))).toBe('hello, 놀이터')
    expect(decoder.decode(encode([{ type: 'uint256', value: 2n ** 255n }]))).toBe((2n ** 255n).toString())
    expect(decoder.decode(encode([{ type: 'int256', value: -42n }]))).toBe('-42')
    expect(decoder.decode(encode([{ type: 'bool', value: true }]))).toBe('true')
    expect(decoder.decode(encode([{ type: 'address', value: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' }]))).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    expect(decoder.decode(encode([{ type: 'bytes', value: '0xdeadbeef01' }]))).toBe('0xdeadbeef01')
    expect(decoder.decode(encode([{ type: 'bytes4', value: '0xcafebabe' }]))).toBe('0xcafebabe')
  })

  it('fills %s/%d placeholders in a leading string and appends the rest', () => {
    const data = encode([
      { type: 'string', value: 'from %s to %s' },
      { type: 'address', value: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' },
      { type: 'string', value: 'bob' },
      { type: 'uint256', value: 7n },
    ])
    expect(decoder.decode(data)).toBe('from 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 to bob 7')
    expect(decoder.decode(encode([{ type: 'string', value: 'balance' }, { type: 'uint256', value: 42n }]))).toBe('balance 42')
    expect(decoder.decode(encode([{ type: 'string', value: '100%% sure: %d' }, { type: 'uint256', value: 1n }]))).toBe('100% sure: 1')
    expect(decoder.decode(encode([{ type: 'uint256', value: 1n }, { type: 'bool', value: false }]))).toBe('1 false')
  })

  it('anything that is not a console.log call, or is cut short, decodes to undefined', () => {
    expect(decoder.decode(hex('a9059cbb' + pad('1') + pad('2')))).toBeUndefined() // transfer(address,uint256)
    expect(decoder.decode(hex('4130'))).toBeUndefined()
    const cut = encode([{ type: 'string', value: 'a long enough message to span words' }])
    expect(decoder.decode(cut.subarray(0, cut.length - 40))).toBeUndefined()
  })

  it('EIP-55 checksums match the reference test vectors', () => {
    for (const a of ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb']) {
      expect(checksumAddress(a.toLowerCase())).toBe(a)
    }
  })
})
