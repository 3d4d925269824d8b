import { describe, expect, it } from 'vitest'
import { LineSyntaxError, parseLine, splitWords } from '../../../../app/renderer/src/console/parseLine.ts'

describe('parseLine', () => {
  it('splits words, flags in both forms and lower-cases the command', () => {
    expect(parseLine('  SIM pos --seed 7 --blocks=10  ')).toEqual({ name: 'sim', args: ['pos'], flags: { seed: '7', blocks: '10' } })
    expect(parseLine('partition 0,1 2,3')).toEqual({ name: 'partition', args: ['0,1', '2,3'], flags: {} })
    expect(parseLine('preset dev --verbose --seed 3')).toEqual({ name: 'preset', args: ['dev'], flags: { verbose: true, seed: '3' } })
    expect(parseLine('x --last')).toEqual({ name: 'x', args: [], flags: { last: true } })
    expect(parseLine('')).toEqual({ name: '', args: [], flags: {} })
  })

  it('keeps quoted spaces and escapes, and keeps argument case', () => {
    expect(splitWords(`deploy "My Token.sol" 'a b' c\\ d ""`)).toEqual(['deploy', 'My Token.sol', 'a b', 'c d', ''])
    expect(splitWords('call Counter set "say \\"hi\\""')).toEqual(['call', 'Counter', 'set', 'say "hi"'])
    expect(parseLine('call Counter getX').args).toEqual(['Counter', 'getX'])
  })

  it('reports an unclosed quote with its column', () => {
    expect(() => splitWords('send "0 1')).toThrow(LineSyntaxError)
    try {
      splitWords('send "0 1')
    } catch (e) {
      expect((e as LineSyntaxError).column).toBe(6)
    }
  })
})
