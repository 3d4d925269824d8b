/**
 * Commit messages of a learner's workspace. The subject line is what history shows, so it is
 * short and fixed in form ("attempt 3: 4/5 checks"); the lesson id goes in the body, where
 * tools (an instructor's gradebook) can still find it.
 *
 * @module
 */

export interface AttemptSummary {
  /** 1-based attempt number. */
  attempt: number
  /** Checks passed. */
  passed: number
  /** Checks in total. */
  total: number
  lessonId: string
}

/**
 * @example
 * attemptMessage({ attempt: 3, passed: 4, total: 5, lessonId: 'hello-chain' }) // 'attempt 3: 4/5 checks\n\nlesson: hello-chain\n'
 */
export function attemptMessage({ attempt, passed, total, lessonId }: AttemptSummary): string {
  return `attempt ${attempt}: ${passed}/${total} checks\n\nlesson: ${lessonId}\n`
}

/**
 * @example
 * startMessage('hello-chain') // 'start: hello-chain\n'
 */
export function startMessage(lessonId: string): string {
  return `start: ${lessonId}\n`
}

/**
 * @example
 * restoreMessage('0123456789abcdef…') // 'restore 0123456\n'
 */
export function restoreMessage(oid: string): string {
  return `restore ${oid.slice(0, 7)}\n`
}

/** Message of the commit that keeps unsaved changes before a restore overwrites them. */
export const SAVE_BEFORE_RESTORE_MESSAGE = 'save before restore\n'
