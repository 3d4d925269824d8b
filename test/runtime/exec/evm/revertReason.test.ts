/**
 * Revert data decoding, with the data encoded by viem's `encodeErrorResult` (the oracle) or by
 * hand where the point is malformed ABI.
 */
import { concatHex, encodeErrorResult, padHex, parseAbi, toFunctionSelector, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { BaseError } from '../../../../runtime/errors/base.ts'
import { ERROR_SELECTOR, PANIC_SELECTOR, decodeRevert, revertMessage } from '../../../../runtime/exec/evm/revertReason.ts'

const abi = parseAbi([
  'error Error(string message)',
  'error Panic(uint256 code)',
  'error InsufficientBalance(uint256 available, uint256 required)',
  'error Unauthorized()',
])
const errorData = (message: string) => encodeErrorResult({ abi, errorName: 'Error', args: [message] })
const panicData = (code: bigint) => encodeErrorResult({ abi, errorName: 'Panic', args: [code] })
const word = (n: number | bigint) => padHex(toHex(n), { size: 32 })

describe('decodeRevert', () => {
  it('uses the standard selectors', () => {
    expect(ERROR_SELECTOR).toBe(toFunctionSelector('Error(string)'))
    expect(PANIC_SELECTOR).toBe(toFunctionSelector('Panic(uint256)'))
  })

  it('decodes Error(string), as hex or bytes, including UTF-8 and long reasons', () => {
    for (const reason of ['not owner', '', '잔액이 부족합니다', 'x'.repeat(100)]) {
      const data = errorData(reason)
      expect(decodeRevert(data)).toEqual({ kind: 'error', reason })
      expect(decodeRevert(Uint8Array.from(Buffer.from(data.slice(2), 'hex')))).toEqual({ kind: 'error', reason })
    }
    expect(revertMessage(decodeRevert(errorData('not owner')))).toBe('execution reverted: not owner')
  })

  it('decodes Panic(0x11) and Panic(0x12) with English and Korean reasons', () => {
    const overflow = decodeRevert(panicData(0x11n))
    expect(overflow).toEqual({ kind: 'panic', code: 0x11n, reason: { en: 'arithmetic underflow or overflow', ko: '산술 연산 오버플로 또는 언더플로' } })
    expect(revertMessage(overflow)).toBe('execution reverted: panic: arithmetic underflow or overflow (0x11)')
    const division = decodeRevert(panicData(0x12n))
    expect(division.kind === 'panic' && division.reason.en).toBe('division or modulo by zero')
    expect(division.kind === 'panic' && division.reason.ko).toMatch(/0으로 나누기/)
    expect(revertMessage(division)).toBe('execution reverted: panic: division or modulo by zero (0x12)')
  })

  it('knows every standard panic code in both languages, and says so for others', () => {
    for (const code of [0x00n, 0x01n, 0x11n, 0x12n, 0x21n, 0x22n, 0x31n, 0x32n, 0x41n, 0x51n]) {
      const decoded = decodeRevert(panicData(code))
      if (decoded.kind !== 'panic') throw new Error('expected a panic')
      expect(decoded.code).toBe(code)
      expect(decoded.reason.en).not.toBe('unknown panic code')
      expect(decoded.reason.ko).toMatch(/[가-힣]/)
    }
    expect(revertMessage(decodeRevert(panicData(0x01n)))).toBe('execution reverted: panic: assertion failed (0x01)')
    const unknown = decodeRevert(panicData(0x99n))
    expect(unknown).toMatchObject({ kind: 'panic', code: 0x99n, reason: { en: 'unknown panic code' } })
    expect(revertMessage(unknown)).toBe('execution reverted: panic: unknown panic code (0x99)')
  })

  it('reports empty data', () => {
    expect(decodeRevert('0x')).toEqual({ kind: 'empty' })
    expect(decodeRevert(new Uint8Array())).toEqual({ kind: 'empty' })
    expect(revertMessage({ kind: 'empty' })).toBe('execution reverted')
  })

  it('reports custom errors by selector with the full data', () => {
    const data = encodeErrorResult({ abi, errorName: 'InsufficientBalance', args: [1n, 2n] })
    const selector = toFunctionSelector('InsufficientBalance(uint256,uint256)')
    expect(decodeRevert(data)).toEqual({ kind: 'custom', selector, data })
    expect(revertMessage(decodeRevert(data))).toBe(`execution reverted: custom error ${selector}`)
    const bare = encodeErrorResult({ abi, errorName: 'Unauthorized' })
    expect(decodeRevert(bare)).toEqual({ kind: 'custom', selector: bare, data: bare })
    expect(revertMessage({ kind: 'custom', selector: '0x12345678', data: '0x12345678' })).toBe('execution reverted: custom error 0x12345678')
  })

  it('falls back to custom on truncated or malformed Error(string) and Panic, never throwing', () => {
    const good = errorData('not owner')
    const malformed = [
      good.slice(0, good.length - 64), // the string's bytes cut off
      ERROR_SELECTOR, // selector only
      concatHex([ERROR_SELECTOR, word(32)]), // offset without a length
      concatHex([ERROR_SELECTOR, word(2n ** 255n), word(9), padHex('0x6e6f74206f776e6572', { size: 32, dir: 'right' })]), // offset far away
      concatHex([ERROR_SELECTOR, word(32), word(2n ** 64n), padHex('0x6e6f74206f776e6572', { size: 32, dir: 'right' })]), // huge length
      concatHex([ERROR_SELECTOR, word(64), word(9)]), // offset at the end
      concatHex([PANIC_SELECTOR, '0x0011']), // short panic code
    ]
    for (const data of malformed) {
      const decoded = decodeRevert(data)
      expect(decoded).toEqual({ kind: 'custom', selector: data.slice(0, 10), data })
    }
    // Fewer than 4 bytes: still custom, with what there is.
    expect(decodeRevert('0x08c379')).toEqual({ kind: 'custom', selector: '0x08c379', data: '0x08c379' })
  })

  it('throws a BaseError only when the argument is not bytes at all', () => {
    expect(() => decodeRevert('hello')).toThrow(BaseError)
    expect(() => decodeRevert('0x123')).toThrow(/even-length/)
  })
})
