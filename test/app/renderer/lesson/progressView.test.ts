import { describe, expect, it } from 'vitest'
import type { Progress } from '../../../../courses/format/progress/progressSchema.ts'
import { continueLesson, lessonStatus, trackProgress } from '../../../../app/renderer/src/lesson/progressView.ts'

const progress: Progress = {
  schemaVersion: 1,
  lessons: {
    a: { status: 'passed', attempts: 2, bestScore: 1, hintsUsed: 0, solutionViewed: false, startedAt: '2026-01-01T00:00:00.000Z', lastAttemptAt: '2026-01-01T01:00:00.000Z', passedAt: '2026-01-01T01:00:00.000Z' },
    b: { status: 'started', attempts: 1, bestScore: 0.666, hintsUsed: 1, solutionViewed: false, startedAt: '2026-01-02T00:00:00.000Z', lastAttemptAt: '2026-01-02T00:10:00.000Z' },
    c: { status: 'started', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: '2026-01-01T12:00:00.000Z' },
    gone: { status: 'started', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: '2027-01-01T00:00:00.000Z' },
  },
}

describe('progress on the home page', () => {
  it('gives each lesson its state and best score', () => {
    expect(lessonStatus(progress, 'a')).toEqual({ state: 'passed', bestPercent: 100, attempts: 2 })
    expect(lessonStatus(progress, 'b')).toEqual({ state: 'in-progress', bestPercent: 67, attempts: 1 })
    expect(lessonStatus(progress, 'z')).toEqual({ state: 'not-started', bestPercent: 0, attempts: 0 })
  })
  it('measures a track by lessons passed', () => {
    expect(trackProgress(progress, ['a', 'b', 'c', 'd'])).toEqual({ passed: 1, total: 4, percent: 25 })
    expect(trackProgress(progress, [])).toEqual({ passed: 0, total: 0, percent: 0 })
  })
  it('continues with the most recently active lesson the catalogue knows', () => {
    expect(continueLesson(progress, ['a', 'b', 'c'])).toBe('b') // gone is newer but not in this catalogue
    expect(continueLesson(progress, ['a', 'c'])).toBe('c') // started at 12:00, after a's last attempt at 01:00
    expect(continueLesson({ schemaVersion: 1, lessons: {} }, ['a'])).toBeUndefined()
  })
})
