import { describe, expect, it } from 'vitest'
import { InvalidFieldError } from '../../../runtime/errors/input.ts'
import { parseDuration, parseFaultSchedule } from '../../../runtime/sim/faultSchedule.ts'

describe('fault schedules', () => {
  it('reads durations and µs times into commands', () => {
    expect(parseDuration('500ms')).toBe(500_000)
    expect(parseDuration('1.5m')).toBe(90_000_000)
    expect(parseDuration('10x')).toBeUndefined()
    expect(
      parseFaultSchedule(
        [
          { at: '10m', type: 'crash', node: 3 },
          { atUs: 5, type: 'partition', groups: [[0], [1, 2]] },
          { at: 0, type: 'set-byzantine', node: 1, strategy: 'selfish-mining' },
        ],
        8,
      ),
    ).toEqual([
      { atUs: 600_000_000, command: { type: 'crash', node: 3 } },
      { atUs: 5, command: { type: 'partition', groups: [[0], [1, 2]] } },
      { atUs: 0, command: { type: 'set-byzantine', node: 1, strategy: 'selfish-mining' } },
    ])
  })

  it.each([
    [{ not: 'a list' }, 'faults'],
    [[{ type: 'crash', node: 1 }], 'faults[0].at'],
    [[{ at: '1m', type: 'crash', node: 1 }, { at: '2m', type: 'crash', node: 99 }], 'faults[1].node'],
    [[{ at: '1m', type: 'explode' }], 'faults[0].type'],
    [[{ at: '1m', type: 'heal', extra: 1 }], 'faults[0].extra'],
  ])('%j → error at %s, bilingual, with the value shown', (input, field) => {
    try {
      parseFaultSchedule(input, 8)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldError)
      expect((error as InvalidFieldError).field).toBe(field)
      expect((error as InvalidFieldError).messageKo).toContain(field)
    }
  })
})
