/**
 * The hint ladder: a lesson's hint tiers (a nudge, then a pointer, then a near-answer) are
 * revealed one at a time and in order, and the solution is offered only as the lesson's
 * `solutionPolicy` allows:
 *
 * - `afterPass`: once the lesson is passed (Rustlings unlocks its solutions this way);
 * - `onRequestAfterFail`: after at least one graded attempt that did not pass, and always once
 *   passed — the learner tried first, then may ask;
 * - `never`: not at all (e.g. graded exams).
 *
 * The solution does not require the hints to be used first: someone who passed may just want to
 * compare. Each use is recorded (`hintsUsed`, `solutionViewed`) so the learner and an instructor
 * can see it.
 *
 * @module
 */
import type { Bilingual } from '../../../runtime/errors/input.ts'
import type { Lesson } from '../lessonSchema.ts'
import { ProgressError } from './progressErrors.ts'
import type { LessonProgress, Progress } from './progressSchema.ts'
import { recordStart, withLesson } from './progressTransitions.ts'

/** What the ladder needs of a lesson. */
export type HintedLesson = Pick<Lesson, 'id' | 'hints' | 'solutionPolicy'>

/** Whether the solution can be shown now, and if not, why. */
export type SolutionState = 'available' | 'after-pass' | 'after-failed-attempt' | 'never'

export interface HintLadder {
  /** Number of hint tiers the lesson has. */
  total: number
  /** The tiers revealed so far, in order. */
  revealed: Bilingual[]
  /** The next tier to reveal (1-based), or undefined when all are revealed. */
  next: number | undefined
  solution: SolutionState
}

/**
 * @example
 * availableHints(lesson, undefined) // { total: 3, revealed: [], next: 1, solution: 'after-pass' }
 */
export function availableHints(lesson: HintedLesson, lessonProgress: LessonProgress | undefined): HintLadder {
  const used = Math.min(lessonProgress?.hintsUsed ?? 0, lesson.hints.length)
  return {
    total: lesson.hints.length,
    revealed: lesson.hints.slice(0, used),
    next: used < lesson.hints.length ? used + 1 : undefined,
    solution: solutionState(lesson, lessonProgress),
  }
}

/**
 * @example
 * solutionState({ ...lesson, solutionPolicy: 'onRequestAfterFail' }, { ...entry, attempts: 1 }) // 'available'
 */
export function solutionState(lesson: Pick<Lesson, 'solutionPolicy'>, lessonProgress: LessonProgress | undefined): SolutionState {
  const passed = lessonProgress?.status === 'passed'
  switch (lesson.solutionPolicy) {
    case 'never':
      return 'never'
    case 'afterPass':
      return passed ? 'available' : 'after-pass'
    case 'onRequestAfterFail':
      // Not passed with attempts ≥ 1 means every attempt so far failed.
      return passed || (lessonProgress?.attempts ?? 0) >= 1 ? 'available' : 'after-failed-attempt'
  }
}

/**
 * Reveals hint `tier` (1-based). Tiers go in order: asking for tier 3 before tier 2 throws
 * `progress.hint-order`; asking again for a revealed tier changes nothing.
 *
 * @example
 * const p = revealHint(progress, lesson, 1, '2026-01-01T00:00:00.000Z')
 * p.lessons[lesson.id].hintsUsed // 1
 */
export function revealHint(progress: Progress, lesson: HintedLesson, tier: number, at: string): Progress {
  if (!Number.isInteger(tier) || tier < 1 || tier > lesson.hints.length) {
    throw new ProgressError('progress.hint-unknown', {
      en: `Lesson "${lesson.id}" has hint tiers 1 to ${lesson.hints.length}, not ${tier}.`,
      ko: `레슨 "${lesson.id}"의 힌트는 1~${lesson.hints.length}단계입니다(${tier}단계는 없습니다).`,
    })
  }
  const started = recordStart(progress, lesson.id, at)
  const entry = started.lessons[lesson.id]!
  if (tier <= entry.hintsUsed) return started
  if (tier > entry.hintsUsed + 1) {
    throw new ProgressError('progress.hint-order', {
      en: `Hints come in order: reveal hint ${entry.hintsUsed + 1} of lesson "${lesson.id}" before hint ${tier}.`,
      ko: `힌트는 차례대로 열립니다: 레슨 "${lesson.id}"의 ${tier}단계 힌트 전에 ${entry.hintsUsed + 1}단계 힌트를 먼저 여세요.`,
    })
  }
  return withLesson(started, lesson.id, { ...entry, hintsUsed: tier })
}

/**
 * Records that the solution was shown; throws `progress.solution-locked` (saying what unlocks
 * it) when the policy does not allow it yet.
 *
 * @example
 * revealSolution(progress, lesson, '2026-01-01T00:00:00.000Z').lessons[lesson.id].solutionViewed // true
 */
export function revealSolution(progress: Progress, lesson: HintedLesson, at: string): Progress {
  const state = solutionState(lesson, progress.lessons[lesson.id])
  if (state !== 'available') throw new ProgressError('progress.solution-locked', SOLUTION_LOCKED[state](lesson.id))
  const started = recordStart(progress, lesson.id, at)
  return withLesson(started, lesson.id, { ...started.lessons[lesson.id]!, solutionViewed: true })
}

const SOLUTION_LOCKED: Record<Exclude<SolutionState, 'available'>, (id: string) => Bilingual> = {
  'after-pass': (id) => ({ en: `The solution of lesson "${id}" opens once you pass it.`, ko: `레슨 "${id}"의 해답은 통과한 뒤에 열립니다.` }),
  'after-failed-attempt': (id) => ({
    en: `The solution of lesson "${id}" opens after you have tried at least once: run the grader first.`,
    ko: `레슨 "${id}"의 해답은 한 번 이상 시도한 뒤에 열립니다: 먼저 채점을 해 보세요.`,
  }),
  never: (id) => ({ en: `Lesson "${id}" does not show its solution.`, ko: `레슨 "${id}"은(는) 해답을 보여 주지 않습니다.` }),
}
