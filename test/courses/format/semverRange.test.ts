import { describe, expect, it } from 'vitest'
import { isValidSemverRange, parseVersion, satisfiesSemverRange } from '../../../courses/format/semverRange.ts'

describe('satisfiesSemverRange', () => {
  it.each([
    ['0.8.28', '0.8.28', true],
    ['0.8.28', '=0.8.28', true],
    ['0.8.28', '0.8.27', false],
    ['0.8.28', '^0.8.0', true],
    ['0.8.28', '^0.8.29', false],
    ['0.9.0', '^0.8.0', false],
    ['0.8.28', '^0.7.0', false],
    ['1.9.9', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['0.8.28', '^0.8', true],
    ['0.8.28', '~0.8.20', true],
    ['0.9.0', '~0.8.20', false],
    ['0.8.19', '~0.8.20', false],
    ['0.8.28', '>=0.8.20 <0.9.0', true],
    ['0.8.28', '>= 0.8.20 < 0.9.0', true],
    ['0.8.28', '>=0.8.20 <0.8.28', false],
    ['0.8.28', '<=0.8.28', true],
    ['0.8.28', '>0.8.28', false],
    ['0.8.28', '0.8.x', true],
    ['0.8.28', '0.8.*', true],
    ['0.8.28', '0.7.x', false],
    ['0.8.28', '0.x', true],
    ['0.8.28', '0.8', true],
    ['0.8.28', '*', true],
    ['0.8.28', '^0.7.0 || ^0.8.0', true],
    ['0.8.28', '^0.6.0 || ^0.7.0', false],
    ['0.8.28+commit.7893614a.Emscripten.clang', '^0.8.20', true],
  ])('%s satisfies %s: %s', (version, range, expected) => {
    expect(satisfiesSemverRange(version, range)).toBe(expected)
  })

  it.each(['', 'latest', '0.8.28-beta', '1.0.0 - 2.0.0', '>=0.8', '^', '0.x.1', '01.2.3', '^0.8.0 ||', '>>0.8.0'])('rejects the range %j', (range) => {
    expect(isValidSemverRange(range)).toBe(false)
    expect(() => satisfiesSemverRange('0.8.28', range)).toThrow(RangeError)
  })

  it('parses versions and rejects non-versions', () => {
    expect(parseVersion('0.8.28+commit.x')).toEqual([0, 8, 28])
    expect(parseVersion('0.8')).toBeUndefined()
    expect(() => satisfiesSemverRange('v0.8', '^0.8.0')).toThrow(RangeError)
  })
})
