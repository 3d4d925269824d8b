import fs from 'node:fs'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProgressStore } from '../../../../app/shared/progress/progressStore.ts'
import { recordGradedAttempt } from '../../../../app/shared/progress/recordGradedAttempt.ts'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'
import { openWorkspace } from '../../../../app/shared/workspace/workspace.ts'

let base: string | undefined
afterEach(() => {
  if (base) rmSync(base, { recursive: true, force: true })
})

describe('recordGradedAttempt', () => {
  it('commits "attempt N: P/T checks" and records the attempt, numbering from the workspace history', async () => {
    base = mkdtempSync(join(tmpdir(), 'playground-graded-'))
    const dir = join(base, 'ws')
    let t = Date.parse('2026-01-01T00:00:00Z')
    const now = (): Date => new Date((t += 1000))
    const workspace = openWorkspace({ fs, dir, now })
    const store = createProgressStore({ storage: createMemoryStorage(), now })
    await workspace.init({ lessonId: 'l', files: { 'A.sol': 'a' } })
    const first = await recordGradedAttempt({ workspace, store }, { lessonId: 'l', passed: 2, total: 5, lessonPassed: false })
    expect(first.version.message).toBe('attempt 1: 2/5 checks')
    expect(first.progress.lessons.l).toMatchObject({ attempts: 1, bestScore: 0.4, status: 'started' })
    writeFileSync(join(dir, 'A.sol'), 'better')
    await store.reset()
    const second = await recordGradedAttempt({ workspace, store }, { lessonId: 'l', passed: 5, total: 5, lessonPassed: true })
    expect(second.attempt).toBe(2)
    expect(second.version.message).toBe('attempt 2: 5/5 checks')
    expect(second.progress.lessons.l).toMatchObject({ attempts: 1, bestScore: 1, status: 'passed' })
    await expect(recordGradedAttempt({ workspace, store }, { lessonId: 'l', passed: 6, total: 5, lessonPassed: true })).rejects.toThrow(RangeError)
  })
})
