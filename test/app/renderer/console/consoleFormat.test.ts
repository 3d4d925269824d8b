import { describe, expect, it } from 'vitest'
import { cellWidth, formatEther, formatTable, parseAmount, shortHash, stripAnsi } from '../../../../app/renderer/src/console/consoleFormat.ts'

describe('console format', () => {
  it('aligns tables counting Hangul as two cells', () => {
    expect(cellWidth('높이')).toBe(4)
    expect(formatTable([['번호', 'x'], ['10', 'y']])).toEqual(['번호  x', '----  -', '10    y'])
    expect(stripAnsi('\x1b[31mred\x1b[0m')).toBe('red')
  })
  it('parses and prints ether amounts exactly', () => {
    expect(parseAmount('1.5', 'eth')).toBe(1_500_000_000_000_000_000n)
    expect(parseAmount('.000000000000000001', 'eth')).toBe(1n)
    expect(parseAmount('1.0000000000000000001', 'eth')).toBeUndefined()
    expect(parseAmount('12', 'wei')).toBe(12n)
    expect(parseAmount('1.2', 'wei')).toBeUndefined()
    expect(parseAmount('-1', 'eth')).toBeUndefined()
    expect(parseAmount('.', 'eth')).toBeUndefined()
    expect(formatEther(1_500_000_000_000_000_000n)).toBe('1.5')
    expect(formatEther(10_000n * 10n ** 18n)).toBe('10000')
    expect(shortHash('0x' + 'ab'.repeat(32))).toBe('0xabab…abab')
  })
})
