/**
 * What `lesson grade` (CLI) and the app's grade button do after the grader ran: commit the
 * workspace as "attempt N: P/T checks", then record the attempt in the progress. The commit comes
 * first — the learner's work is the thing that must not be lost; progress can be recomputed
 * from history, work cannot.
 *
 * N counts the attempt commits already in the workspace, so numbering keeps going even if the
 * progress was reset or imported.
 *
 * @module
 */
import type { Progress } from '../../../courses/format/progress/progressSchema.ts'
import type { RenderedMessage } from '../messages.ts'
import type { Workspace, WorkspaceVersion } from '../workspace/workspace.ts'
import type { ProgressStore } from './progressStore.ts'

export interface GradedAttempt {
  lessonId: string
  /** Checks passed and checks in total. */
  passed: number
  total: number
  /** Whether the lesson counts as passed (usually passed === total; a grader may decide otherwise). */
  lessonPassed: boolean
}

export interface GradedAttemptRecord {
  attempt: number
  version: WorkspaceVersion
  progress: Progress
  /** A progress file that had to be quarantined on the way (to show the learner). */
  report?: RenderedMessage | undefined
}

/**
 * @example
 * const r = await recordGradedAttempt({ workspace, store }, { lessonId: 'hello-chain', passed: 4, total: 5, lessonPassed: false })
 * r.version.message // 'attempt 3: 4/5 checks'
 */
export async function recordGradedAttempt(
  { workspace, store }: { workspace: Workspace; store: ProgressStore },
  graded: GradedAttempt,
): Promise<GradedAttemptRecord> {
  if (!(Number.isInteger(graded.passed) && Number.isInteger(graded.total) && graded.passed >= 0 && graded.passed <= graded.total)) {
    throw new RangeError(`recordGradedAttempt: expected 0 ≤ passed ≤ total, got ${graded.passed}/${graded.total}`)
  }
  const history = await workspace.history()
  const attempt = history.filter((v) => v.message.startsWith('attempt ')).length + 1
  const version = await workspace.commitAttempt({ attempt, passed: graded.passed, total: graded.total, lessonId: graded.lessonId })
  const score = graded.total === 0 ? (graded.lessonPassed ? 1 : 0) : graded.passed / graded.total
  const { progress, report } = await store.recordAttempt(graded.lessonId, { score, passed: graded.lessonPassed })
  return { attempt, version, progress, report }
}
