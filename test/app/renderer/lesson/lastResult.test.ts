import { describe, expect, it } from 'vitest'
import type { GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import { isLastResult, loadLastResult, saveLastResult } from '../../../../app/renderer/src/lesson/lastResult.ts'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'

const RESULT: GradeResult = {
  lesson: 'hash-functions',
  score: 0.5,
  passed: false,
  checks: [
    { id: 'a', title: { ko: '가', en: 'A' }, status: 'pass', message: { code: 'check.passed', ko: '가', en: 'A' } },
    { id: 'b', title: { ko: '나', en: 'B' }, status: 'fail', message: { code: 'wrong', ko: '틀림', en: 'wrong' } },
  ],
}

describe('last grading result', () => {
  it('round-trips through storage', async () => {
    const storage = createMemoryStorage()
    const last = { version: 1 as const, result: RESULT, attempt: 3, ms: 210, at: '2026-12-05T07:00:00.000Z' }
    await saveLastResult(storage, 'hash-functions', last)
    expect(await loadLastResult(storage, 'hash-functions')).toEqual(last)
    expect(await loadLastResult(storage, 'block-mining')).toBeUndefined()
  })

  it('quarantines a file that is not JSON or not a result of this lesson, and starts empty', async () => {
    const storage = createMemoryStorage({ files: { 'results/hash-functions.json': '{ nope', 'results/block-mining.json': JSON.stringify({ version: 1, result: RESULT, ms: 1, at: 'x' }) } })
    expect(await loadLastResult(storage, 'hash-functions')).toBeUndefined()
    expect(await loadLastResult(storage, 'block-mining')).toBeUndefined()
    const quarantined = await storage.list('quarantine/')
    expect(quarantined.filter((p) => p.endsWith('.corrupt'))).toHaveLength(2)
    expect(await storage.read('results/hash-functions.json')).toBeUndefined()
  })

  it('checks every check row', () => {
    const bad = { ...RESULT, checks: [{ ...RESULT.checks[0], status: 'maybe' }] }
    expect(isLastResult({ version: 1, result: bad, ms: 1, at: 'x' }, 'hash-functions')).toBe(false)
    expect(isLastResult({ version: 1, result: RESULT, ms: 1, at: 'x' }, 'hash-functions')).toBe(true)
    expect(isLastResult({ version: 2, result: RESULT, ms: 1, at: 'x' }, 'hash-functions')).toBe(false)
  })
})
