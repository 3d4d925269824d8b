/**
 * Why the solution is locked, as a message key of `player.solutionLocked` (pure).
 *
 * @module
 */
import type { SolutionState } from '../../../../courses/format/progress/hintLadder.ts'

export type SolutionLockKey = 'afterPass' | 'afterFailedAttempt' | 'never'

/**
 * @example
 * lockedKey('after-pass') // 'afterPass'
 * lockedKey('available') // undefined
 */
export function lockedKey(state: SolutionState): SolutionLockKey | undefined {
  switch (state) {
    case 'after-pass':
      return 'afterPass'
    case 'after-failed-attempt':
      return 'afterFailedAttempt'
    case 'never':
      return 'never'
    case 'available':
      return undefined
  }
}
