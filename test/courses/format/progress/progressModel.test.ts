import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateProgress, parseProgress } from '../../../../courses/format/progress/parseProgress.ts'
import { ProgressError } from '../../../../courses/format/progress/progressErrors.ts'
import { emptyProgress, PROGRESS_SCHEMA_VERSION } from '../../../../courses/format/progress/progressSchema.ts'
import { recordAttempt, recordStart, resetProgress } from '../../../../courses/format/progress/progressTransitions.ts'

const T0 = '2026-01-01T00:00:00.000Z'
const T1 = '2026-01-01T00:05:00.000Z'
const T2 = '2026-01-01T00:09:00.000Z'
const T3 = '2026-01-02T00:00:00.000Z'

function parseError(value: unknown): ProgressError {
  try {
    parseProgress(value)
  } catch (error) {
    expect(error).toBeInstanceOf(ProgressError)
    return error as ProgressError
  }
  throw new Error('parsed')
}

describe('progress transitions', () => {
  it('recordStart adds a fresh lesson once', () => {
    const p = recordStart(emptyProgress(), 'hello-chain', T0)
    expect(p.lessons['hello-chain']).toEqual({ status: 'started', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: T0 })
    expect(recordStart(p, 'hello-chain', T1)).toBe(p)
  })

  it('recordAttempt counts attempts, keeps the best score, passes once and stays passed', () => {
    const start = emptyProgress()
    const a1 = recordAttempt(start, 'l', { score: 0.4, passed: false, at: T0 })
    expect(start.lessons).toEqual({})
    expect(a1.lessons.l).toEqual({ status: 'started', attempts: 1, bestScore: 0.4, hintsUsed: 0, solutionViewed: false, startedAt: T0, lastAttemptAt: T0 })
    const a2 = recordAttempt(a1, 'l', { score: 1, passed: true, at: T1 })
    expect(a2.lessons.l).toMatchObject({ status: 'passed', attempts: 2, bestScore: 1, passedAt: T1, lastAttemptAt: T1 })
    const a3 = recordAttempt(a2, 'l', { score: 0.2, passed: false, at: T2 })
    expect(a3.lessons.l).toMatchObject({ status: 'passed', attempts: 3, bestScore: 1, passedAt: T1, lastAttemptAt: T2 })
    const a4 = recordAttempt(a3, 'l', { score: 1, passed: true, at: T3 })
    expect(a4.lessons.l!.passedAt).toBe(T1)
    expect(() => recordAttempt(a4, 'l', { score: 1.5, passed: true, at: T3 })).toThrow(RangeError)
    expect(() => recordAttempt(a4, 'l', { score: Number.NaN, passed: true, at: T3 })).toThrow(RangeError)
  })

  it('resetProgress forgets one lesson or all', () => {
    let p = recordStart(recordStart(emptyProgress(), 'a', T0), 'b', T0)
    expect(Object.keys(resetProgress(p, 'a').lessons)).toEqual(['b'])
    expect(resetProgress(p).lessons).toEqual({})
    p = resetProgress(p, 'missing')
    expect(Object.keys(p.lessons)).toEqual(['a', 'b'])
  })
})

describe('parseProgress', () => {
  it('round-trips what the transitions produce', () => {
    const p = recordAttempt(recordAttempt(emptyProgress(), 'l', { score: 0.5, passed: false, at: T0 }), 'l', { score: 1, passed: true, at: T1 })
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual(p)
    expect(p.schemaVersion).toBe(PROGRESS_SCHEMA_VERSION)
  })

  it('refuses a newer schema version with its own error', () => {
    const e = parseError({ schemaVersion: PROGRESS_SCHEMA_VERSION + 1, lessons: {}, whatever: true })
    expect(e.code).toBe('progress.newer-version')
    expect(e.text.en).toContain(`${PROGRESS_SCHEMA_VERSION + 1}`)
    expect(e.messageKo).toContain('업데이트')
  })

  it.each([
    [null, '(top level)'],
    [[], 'not a JSON object'],
    [{ lessons: {} }, 'schemaVersion'],
    [{ schemaVersion: '1', lessons: {} }, 'schemaVersion'],
    [{ schemaVersion: 1 }, 'lessons'],
    [{ schemaVersion: 1, lessons: { l: { status: 'done', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: T0 } } }, 'lessons.l.status'],
    [{ schemaVersion: 1, lessons: { l: { status: 'started', attempts: -1, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: T0 } } }, 'lessons.l.attempts'],
    [{ schemaVersion: 1, lessons: { l: { status: 'started', attempts: 0, bestScore: 2, hintsUsed: 0, solutionViewed: false, startedAt: T0 } } }, 'lessons.l.bestScore'],
    [{ schemaVersion: 1, lessons: { l: { status: 'started', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: 'yesterday' } } }, 'lessons.l.startedAt'],
  ])('names what is wrong in %j', (value, words) => {
    const e = parseError(value)
    expect(e.code).toBe('progress.invalid')
    if (words !== '(top level)') expect(e.text.en).toContain(words)
    expect(e.messageKo).toMatch(/[\uac00-\ud7a3]/)
  })

  it('runs the migration chain one version at a time (the hook for future versions)', () => {
    const migrations = {
      1: (old: Record<string, unknown>) => ({ ...old, settings: {} }),
      2: (old: Record<string, unknown>) => ({ ...old, lessons: { renamed: old.lessons } }),
    }
    expect(migrateProgress({ schemaVersion: 1, lessons: { a: 1 } }, migrations, 3)).toEqual({ schemaVersion: 3, settings: {}, lessons: { renamed: { a: 1 } } })
    expect(migrateProgress({ schemaVersion: 3, lessons: {} }, migrations, 3)).toEqual({ schemaVersion: 3, lessons: {} })
    expect(() => migrateProgress({ schemaVersion: 1 }, {}, 2)).toThrow('no progress migration from schema version 1')
    // Version 1 is current: nothing to migrate yet.
    expect(Object.keys(MIGRATIONS)).toEqual([])
    expect(parseError({ schemaVersion: 0, lessons: {} }).code).toBe('progress.invalid')
  })
})
