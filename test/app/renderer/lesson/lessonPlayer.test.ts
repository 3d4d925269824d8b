/**
 * The lesson player's workflow without a browser: app/shared's real git workspace on a temporary
 * folder, the real progress store (Pinia over a memory Storage), and a grader that stands in for
 * the grading worker (it passes when the file holds the right text).
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GradeRequest, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import type { LessonAsset } from '../../../../app/renderer/src/lesson/lessonAsset.ts'
import { openLessonPlayer } from '../../../../app/renderer/src/lesson/lessonPlayer.ts'
import { useProgressStore } from '../../../../app/renderer/src/stores/progress.ts'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'
import { manualTimers, settle } from './fakeTimers.ts'
import { tempHostWorkspace } from './nodeHostWorkspace.ts'

const asset: LessonAsset = {
  id: 'demo',
  track: 'beginner',
  order: 1,
  network: 'dev',
  solutionPolicy: 'afterPass',
  files: ['main.ts'],
  starter: { 'main.ts': 'export const answer = 0\n' },
  grader: '// grade.ts',
  hints: [
    { ko: '첫 힌트', en: 'first hint' },
    { ko: '둘째 힌트', en: 'second hint' },
  ],
  solution: { 'main.ts': 'export const answer = 42\n' },
}

const grader = {
  requests: [] as GradeRequest[],
  async grade(request: GradeRequest): Promise<GradeResult> {
    this.requests.push(request)
    const ok = request.workspace['main.ts']?.includes('42') ?? false
    return {
      lesson: request.lesson.id,
      score: ok ? 1 : 0.5,
      passed: ok,
      checks: [
        { id: 'exports', title: { ko: '내보낸다', en: 'exports' }, status: 'pass', message: { code: 'ok', ko: '좋습니다', en: 'good' } },
        { id: 'value', title: { ko: '값', en: 'value' }, status: ok ? 'pass' : 'fail', message: { code: ok ? 'ok' : 'wrong', ko: ok ? '좋습니다' : '42가 아닙니다', en: ok ? 'good' : 'not 42' } },
      ],
    }
  },
}

let temp: ReturnType<typeof tempHostWorkspace>
beforeEach(() => {
  setActivePinia(createPinia())
  temp = tempHostWorkspace('demo')
  grader.requests = []
})
afterEach(() => temp.cleanup())

async function open(timers = manualTimers()) {
  const progress = useProgressStore()
  progress.useStorage(async () => storage)
  const player = await openLessonPlayer({ asset, workspace: temp.workspace, progress, grader, timers })
  return { player, progress, timers }
}
let storage = createMemoryStorage()
beforeEach(() => {
  storage = createMemoryStorage()
})

describe('openLessonPlayer', () => {
  it('starts the workspace from the starter once, then always loads the learner’s files', async () => {
    const { player, progress } = await open()
    expect(await player.loadFiles()).toEqual(asset.starter)
    expect((await temp.workspace.history()).map((v) => v.message)).toEqual(['start: demo'])
    expect(progress.progress.lessons.demo?.status).toBe('started')
    await temp.workspace.writeWorkingFile('main.ts', 'export const answer = 1\n')
    const again = await open()
    expect(await again.player.loadFiles()).toEqual({ 'main.ts': 'export const answer = 1\n' })
    expect(await temp.workspace.history()).toHaveLength(1)
  })

  it('autosaves edits after the quiet time so a reload finds them', async () => {
    const { player, timers } = await open()
    player.autosave.change('main.ts', 'typed')
    expect((await temp.workspace.readWorkingFiles())['main.ts']).toBe(asset.starter['main.ts'])
    timers.advance(300)
    await settle()
    await player.autosave.flush()
    expect((await temp.workspace.readWorkingFiles())['main.ts']).toBe('typed')
  })

  it('grades the editor’s files, commits the attempt and records it; a pass unlocks the solution', async () => {
    const { player, progress } = await open()
    const first = await player.grade({ 'main.ts': 'export const answer = 1\n' })
    expect(first.result.passed).toBe(false)
    expect(first.record?.attempt).toBe(1)
    expect(grader.requests[0]).toEqual({ lesson: { id: 'demo', network: 'dev' }, grader: '// grade.ts', workspace: { 'main.ts': 'export const answer = 1\n' } })
    expect(progress.progress.lessons.demo).toMatchObject({ status: 'started', attempts: 1, bestScore: 0.5 })
    await expect(player.revealSolution()).rejects.toMatchObject({ code: 'progress.solution-locked' })

    player.autosave.change('main.ts', 'export const answer = 42\n') // typed, not yet saved: grading flushes it first
    const second = await player.grade({ 'main.ts': 'export const answer = 42\n' })
    expect(second.result.passed).toBe(true)
    expect(second.record?.version.message).toBe('attempt 2: 2/2 checks')
    expect(new TextDecoder().decode(await temp.workspace.readFile('main.ts', second.record!.version.oid))).toBe('export const answer = 42\n')
    expect(progress.progress.lessons.demo).toMatchObject({ status: 'passed', attempts: 2, bestScore: 1 })
    await player.revealSolution()
    expect(progress.progress.lessons.demo?.solutionViewed).toBe(true)
  })

  it('commits exactly what was graded, even when the learner typed on meanwhile', async () => {
    const progress = useProgressStore()
    progress.useStorage(async () => storage)
    const opened: { player?: Awaited<ReturnType<typeof openLessonPlayer>> } = {}
    const slowGrader = {
      async grade(request: GradeRequest): Promise<GradeResult> {
        opened.player!.autosave.change('main.ts', 'typed during grading')
        await opened.player!.autosave.flush() // the page hidden meanwhile: still held
        return grader.grade(request)
      },
    }
    const player = await openLessonPlayer({ asset, workspace: temp.workspace, progress, grader: slowGrader, timers: manualTimers() })
    opened.player = player
    player.autosave.change('main.ts', 'export const answer = 42\n') // typed, not yet written
    const outcome = await player.grade({ 'main.ts': 'export const answer = 42\n' })
    expect(outcome.result.passed).toBe(true)
    expect(new TextDecoder().decode(await temp.workspace.readFile('main.ts', outcome.record!.version.oid))).toBe('export const answer = 42\n')
    await settle()
    await player.autosave.flush()
    expect((await temp.workspace.readWorkingFiles())['main.ts']).toBe('typed during grading')
  })

  it('reveals hints in order and keeps them in the stored progress', async () => {
    const { player, progress } = await open()
    await player.revealHint(1)
    await expect(player.revealHint(3)).rejects.toMatchObject({ code: 'progress.hint-unknown' })
    expect(progress.progress.lessons.demo?.hintsUsed).toBe(1)
    setActivePinia(createPinia())
    const fresh = useProgressStore()
    fresh.useStorage(async () => storage)
    await fresh.load()
    expect(fresh.progress.lessons.demo?.hintsUsed).toBe(1)
  })

  it('resets to the starter with the old work kept in the history', async () => {
    const { player } = await open()
    player.autosave.change('main.ts', 'my work')
    player.autosave.change('extra.ts', 'notes')
    const files = await player.resetToStarter()
    expect(files).toEqual(asset.starter)
    const history = await temp.workspace.history()
    expect(history.map((v) => v.message.trim())).toEqual(['reset to starter', 'save before reset', 'start: demo'])
    expect(new TextDecoder().decode(await temp.workspace.readFile('main.ts', history[1]!.oid))).toBe('my work')
    expect(player.autosave.pending()).toEqual([])
  })

  it('still shows the result when recording fails', async () => {
    const { player } = await open()
    const broken = { ...temp.workspace, commitAttempt: () => Promise.reject(new Error('disk full')) }
    const p2 = await openLessonPlayer({ asset, workspace: broken, progress: useProgressStore(), grader, timers: manualTimers() })
    const outcome = await p2.grade({ 'main.ts': '42' })
    expect(outcome.result.passed).toBe(true)
    expect(outcome.record).toBeUndefined()
    expect(String(outcome.recordError)).toContain('disk full')
    void player
  })
})
