/**
 * Pure transitions of the progress model: each returns a new Progress and leaves its input as
 * it was, so the store can save the result atomically (or not at all).
 *
 * Rules: a lesson's status becomes `passed` on its first passing attempt and stays `passed`
 * (a later failing attempt — the learner experimenting — never takes a pass away); `bestScore`
 * is the maximum ever reached.
 *
 * @module
 */
import type { LessonProgress, Progress } from './progressSchema.ts'

/** One graded attempt: `score` is the share of checks passed (0..1). */
export interface AttemptResult {
  score: number
  passed: boolean
  /** ISO-8601 time of the attempt. */
  at: string
}

function freshLesson(at: string): LessonProgress {
  return { status: 'started', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: at }
}

/** Progress with `lessonId`'s entry replaced by `entry`. */
export function withLesson(progress: Progress, lessonId: string, entry: LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: entry } }
}

/**
 * Marks a lesson started (no change if it already was).
 *
 * @example
 * recordStart(emptyProgress(), 'hello-chain', '2026-01-01T00:00:00.000Z').lessons['hello-chain'].status // 'started'
 */
export function recordStart(progress: Progress, lessonId: string, at: string): Progress {
  if (progress.lessons[lessonId]) return progress
  return withLesson(progress, lessonId, freshLesson(at))
}

/**
 * Records a graded attempt (starting the lesson if needed).
 *
 * @example
 * const p = recordAttempt(emptyProgress(), 'hello-chain', { score: 0.8, passed: false, at: '2026-01-01T00:00:00.000Z' })
 * p.lessons['hello-chain'] // { status: 'started', attempts: 1, bestScore: 0.8, … }
 */
export function recordAttempt(progress: Progress, lessonId: string, result: AttemptResult): Progress {
  if (!(result.score >= 0 && result.score <= 1)) throw new RangeError(`recordAttempt: score must be within 0..1, got ${result.score}`)
  const before = progress.lessons[lessonId] ?? freshLesson(result.at)
  const passedNow = before.status !== 'passed' && result.passed
  const entry: LessonProgress = {
    ...before,
    attempts: before.attempts + 1,
    bestScore: Math.max(before.bestScore, result.score),
    lastAttemptAt: result.at,
    ...(passedNow ? { status: 'passed' as const, passedAt: result.at } : {}),
  }
  return withLesson(progress, lessonId, entry)
}

/**
 * Forgets one lesson (`lessonId`) or every lesson.
 *
 * @example
 * resetProgress(progress, 'hello-chain')
 */
export function resetProgress(progress: Progress, lessonId?: string): Progress {
  if (lessonId === undefined) return { ...progress, lessons: {} }
  const { [lessonId]: _removed, ...rest } = progress.lessons
  return { ...progress, lessons: rest }
}
