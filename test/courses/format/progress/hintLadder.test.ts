import { describe, expect, it } from 'vitest'
import { availableHints, revealHint, revealSolution, solutionState } from '../../../../courses/format/progress/hintLadder.ts'
import type { HintedLesson } from '../../../../courses/format/progress/hintLadder.ts'
import { ProgressError } from '../../../../courses/format/progress/progressErrors.ts'
import { emptyProgress } from '../../../../courses/format/progress/progressSchema.ts'
import type { LessonProgress } from '../../../../courses/format/progress/progressSchema.ts'
import { recordAttempt } from '../../../../courses/format/progress/progressTransitions.ts'

const AT = '2026-01-01T00:00:00.000Z'
const HINTS = [
  { en: 'Look at the constructor.', ko: '생성자를 보세요.' },
  { en: 'The owner is set from msg.sender.', ko: 'owner는 msg.sender로 정해집니다.' },
  { en: 'Call init() before anyone else.', ko: '다른 사람보다 먼저 init()을 호출하세요.' },
]
const lesson = (solutionPolicy: HintedLesson['solutionPolicy']): HintedLesson => ({ id: 'owner', hints: HINTS, solutionPolicy })

function entry(overrides: Partial<LessonProgress>): LessonProgress {
  return { status: 'started', attempts: 0, bestScore: 0, hintsUsed: 0, solutionViewed: false, startedAt: AT, ...overrides }
}

function progressError(fn: () => unknown): ProgressError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ProgressError)
    return error as ProgressError
  }
  throw new Error('no error')
}

describe('hint ladder', () => {
  it('reveals tiers in order and records the highest', () => {
    const l = lesson('afterPass')
    expect(availableHints(l, undefined)).toEqual({ total: 3, revealed: [], next: 1, solution: 'after-pass' })
    let p = revealHint(emptyProgress(), l, 1, AT)
    expect(p.lessons.owner).toMatchObject({ status: 'started', hintsUsed: 1, startedAt: AT })
    expect(availableHints(l, p.lessons.owner)).toMatchObject({ revealed: [HINTS[0]], next: 2 })
    const e = progressError(() => revealHint(p, l, 3, AT))
    expect(e.code).toBe('progress.hint-order')
    expect(e.text.en).toContain('hint 2')
    p = revealHint(revealHint(p, l, 2, AT), l, 3, AT)
    expect(availableHints(l, p.lessons.owner)).toMatchObject({ revealed: HINTS, next: undefined })
    // Asking again for a revealed tier changes nothing.
    expect(revealHint(p, l, 1, AT)).toBe(p)
  })

  it('refuses tiers the lesson does not have', () => {
    for (const tier of [0, 4, 1.5]) expect(progressError(() => revealHint(emptyProgress(), lesson('never'), tier, AT)).code).toBe('progress.hint-unknown')
  })

  it('afterPass: the solution opens only once passed', () => {
    const l = lesson('afterPass')
    expect(solutionState(l, undefined)).toBe('after-pass')
    expect(solutionState(l, entry({ attempts: 5 }))).toBe('after-pass')
    expect(solutionState(l, entry({ status: 'passed', attempts: 1 }))).toBe('available')
  })

  it('onRequestAfterFail: after one failed attempt, and always once passed', () => {
    const l = lesson('onRequestAfterFail')
    expect(solutionState(l, undefined)).toBe('after-failed-attempt')
    expect(solutionState(l, entry({}))).toBe('after-failed-attempt')
    expect(solutionState(l, entry({ attempts: 1 }))).toBe('available')
    expect(solutionState(l, entry({ status: 'passed', attempts: 1 }))).toBe('available')
  })

  it('never: never, not even after passing', () => {
    expect(solutionState(lesson('never'), entry({ status: 'passed', attempts: 3 }))).toBe('never')
  })

  it('revealSolution records the view, or says what unlocks it', () => {
    const l = lesson('onRequestAfterFail')
    const locked = progressError(() => revealSolution(emptyProgress(), l, AT))
    expect(locked.code).toBe('progress.solution-locked')
    expect(locked.text.en).toContain('tried at least once')
    expect(locked.messageKo).toContain('시도')
    const failed = recordAttempt(emptyProgress(), 'owner', { score: 0.2, passed: false, at: AT })
    expect(revealSolution(failed, l, AT).lessons.owner!.solutionViewed).toBe(true)
    expect(progressError(() => revealSolution(failed, lesson('afterPass'), AT)).text.en).toContain('once you pass')
    expect(progressError(() => revealSolution(failed, lesson('never'), AT)).text.en).toContain('does not show')
  })
})
