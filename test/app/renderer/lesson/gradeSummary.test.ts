import { describe, expect, it } from 'vitest'
import type { GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import { summarizeGrade } from '../../../../app/renderer/src/lesson/gradeSummary.ts'

const result: GradeResult = {
  lesson: 'hash-functions',
  score: 1 / 3,
  passed: false,
  checks: [
    { id: 'a', title: { ko: '가', en: 'A' }, status: 'pass', message: { code: 'ok', ko: '가', en: 'A' } },
    { id: 'b', title: { ko: '나', en: 'B' }, status: 'fail', message: { code: 'wrong', ko: '틀렸습니다', en: 'Wrong' } },
    { id: 'c', title: { ko: '다', en: 'C' }, status: 'error', message: { code: 'grader.incomplete', ko: '멈췄습니다', en: 'Stopped' } },
  ],
  error: { code: 'sandbox.cpu', ko: 'CPU 한도', en: 'CPU limit' },
}

describe('summarizeGrade', () => {
  it('counts, marks and words each check in the chosen language', () => {
    const ko = summarizeGrade(result, 'ko')
    expect([ko.passed, ko.total, ko.percent, ko.lessonPassed]).toEqual([1, 3, 33, false])
    expect(ko.rows.map((r) => [r.mark, r.title, r.message])).toEqual([
      ['✓', '가', ''], // a passing message that repeats the title is shown once
      ['✗', '나', '틀렸습니다'],
      ['!', '다', '멈췄습니다'],
    ])
    expect(ko.error).toBe('CPU 한도')
    const { error: _error, ...withoutError } = result
    const en = summarizeGrade(withoutError, 'en')
    expect(en.rows[1]!.message).toBe('Wrong')
    expect(en.error).toBeUndefined()
  })
})
