/**
 * What the `lesson` command does around grading, on this machine: the progress file in the
 * user's data folder (app/cli/dataFolder.ts), the learner's workspace as a git repository
 * (app/shared/workspace), and the hint ladder and solution policy (courses/format/progress).
 * A progress file that had to be quarantined is reported on stderr, never silently replaced.
 *
 * @module
 */
import fs from 'node:fs'
import { mkdirSync } from 'node:fs'
import type { GradeResult } from '../../../courses/format/grading/gradeLesson.ts'
import type { LoadedLesson } from '../../../courses/format/loadPack.ts'
import { availableHints, revealHint, revealSolution, solutionState } from '../../../courses/format/progress/hintLadder.ts'
import type { Progress } from '../../../courses/format/progress/progressSchema.ts'
import type { Lang, RenderedMessage } from '../../shared/messages.ts'
import { createProgressStore } from '../../shared/progress/progressStore.ts'
import { recordGradedAttempt } from '../../shared/progress/recordGradedAttempt.ts'
import { openWorkspace } from '../../shared/workspace/workspace.ts'
import { dataFolder } from '../dataFolder.ts'
import { createNodeStorage } from '../../shared/storage/nodeStorage.node.ts'

export interface LessonSession {
  progress(): Promise<Progress>
  /** Writes the starter into `dir` (refusing to overwrite) and makes the first commit. */
  start(dir: string, lessonId: string, files: Record<string, string>): Promise<{ oid: string; created: boolean }>
  /** Commits the graded attempt in `dir` and records it. */
  recordAttempt(dir: string, lessonId: string, result: GradeResult): Promise<{ attempt: number; oid: string }>
  nextHint(lesson: LoadedLesson): Promise<{ lesson: string; tier: number | undefined; total: number; text?: { ko: string; en: string } }>
  solutionAllowed(lesson: LoadedLesson): Promise<{ ok: true } | { ok: false; reason: { ko: string; en: string } }>
  recordSolutionViewed(lesson: LoadedLesson): Promise<void>
}

const LOCKED: Record<string, { ko: string; en: string }> = {
  'after-pass': { ko: '해답은 이 레슨을 통과한 뒤에 열립니다. 힌트를 먼저 보세요: playground lesson hint', en: 'The solution opens once you pass this lesson. Try the hints first: playground lesson hint' },
  'after-failed-attempt': { ko: '해답은 한 번 이상 채점해 본 뒤에 열립니다: playground lesson grade', en: 'The solution opens after you have tried at least once: playground lesson grade' },
  never: { ko: '이 레슨은 해답을 공개하지 않습니다. 힌트를 보세요: playground lesson hint', en: 'This lesson does not show its solution. See the hints: playground lesson hint' },
}

export function createLessonSession(lang: Lang): LessonSession {
  const report = (message: RenderedMessage | undefined): void => {
    if (message) process.stderr.write(`! ${lang === 'ko' ? message.ko : message.en}\n`)
  }
  const folder = dataFolder()
  const store = createProgressStore({ storage: createNodeStorage({ root: folder }) })
  const now = (): string => new Date().toISOString()
  return {
    async progress() {
      const loaded = await store.load()
      report(loaded.report)
      return loaded.progress
    },
    async start(dir, lessonId, files) {
      mkdirSync(dir, { recursive: true })
      const workspace = openWorkspace({ fs, dir })
      const { oid, created } = await workspace.init({ lessonId, files })
      report((await store.recordStart(lessonId)).report)
      return { oid, created }
    },
    async recordAttempt(dir, lessonId, result) {
      const workspace = openWorkspace({ fs, dir })
      if (!(await workspace.isWorkspace())) await workspace.init({ lessonId })
      const passed = result.checks.filter((c) => c.status === 'pass').length
      const record = await recordGradedAttempt({ workspace, store }, { lessonId, passed, total: result.checks.length, lessonPassed: result.passed })
      report(record.report)
      return { attempt: record.attempt, oid: record.version.oid }
    },
    async nextHint(loaded) {
      const { lesson } = loaded
      const loadedProgress = await store.load()
      report(loadedProgress.report)
      const ladder = availableHints(lesson, loadedProgress.progress.lessons[lesson.id])
      if (ladder.next === undefined) return { lesson: lesson.id, tier: undefined, total: ladder.total }
      const tier = ladder.next
      await store.update((p) => revealHint(p, lesson, tier, now()))
      return { lesson: lesson.id, tier, total: ladder.total, text: lesson.hints[tier - 1]! }
    },
    async solutionAllowed(loaded) {
      const state = solutionState(loaded.lesson, (await store.load()).progress.lessons[loaded.lesson.id])
      return state === 'available' ? { ok: true } : { ok: false, reason: LOCKED[state]! }
    },
    async recordSolutionViewed(loaded) {
      await store.update((p) => revealSolution(p, loaded.lesson, now()))
    },
  }
}
