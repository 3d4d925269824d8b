/**
 * What the home page shows of the progress (pure): each lesson's state, each track's share of
 * lessons passed, and the lesson to continue with.
 *
 * @module
 */
import type { LessonProgress, Progress } from '../../../../courses/format/progress/progressSchema.ts'

export type LessonState = 'not-started' | 'in-progress' | 'passed'

export interface LessonStatus {
  state: LessonState
  /** Best share of checks passed, 0..100 rounded (0 when not started). */
  bestPercent: number
  attempts: number
}

/**
 * @example
 * lessonStatus(progress, 'hash-functions') // { state: 'in-progress', bestPercent: 67, attempts: 2 }
 */
export function lessonStatus(progress: Progress, lessonId: string): LessonStatus {
  const entry = progress.lessons[lessonId]
  if (!entry) return { state: 'not-started', bestPercent: 0, attempts: 0 }
  return { state: entry.status === 'passed' ? 'passed' : 'in-progress', bestPercent: Math.round(entry.bestScore * 100), attempts: entry.attempts }
}

/**
 * @example
 * trackProgress(progress, ['hash-functions', 'block-mining']) // { passed: 1, total: 2, percent: 50 }
 */
export function trackProgress(progress: Progress, lessonIds: readonly string[]): { passed: number; total: number; percent: number } {
  const passed = lessonIds.filter((id) => progress.lessons[id]?.status === 'passed').length
  return { passed, total: lessonIds.length, percent: lessonIds.length === 0 ? 0 : Math.round((passed / lessonIds.length) * 100) }
}

function lastActive(entry: LessonProgress): string {
  return [entry.startedAt, entry.lastAttemptAt ?? '', entry.passedAt ?? ''].reduce((a, b) => (b > a ? b : a))
}

/**
 * The lesson to continue: the most recently active one among `known` (ISO timestamps compare as
 * text), or undefined when none was started.
 *
 * @example
 * continueLesson(progress, ['hash-functions', 'block-mining']) // 'block-mining'
 */
export function continueLesson(progress: Progress, known: readonly string[]): string | undefined {
  let best: { id: string; at: string } | undefined
  for (const id of known) {
    const entry = progress.lessons[id]
    if (!entry) continue
    const at = lastActive(entry)
    if (!best || at > best.at) best = { id, at }
  }
  return best?.id
}
