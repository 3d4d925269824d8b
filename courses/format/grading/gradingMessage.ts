/**
 * A grading message: a stable code and the text in Korean and English (the CLI's and the app's
 * `{code, ko, en}`). `LearnerFailure` is what the host throws when the learner's work caused a
 * problem (their contract does not compile, a call reverts, a function is missing): the check
 * fails with this message. Any other error is the platform's or the grader's, and the check
 * *errors* instead.
 *
 * @module
 */

export interface GradingMessage {
  code: string
  ko: string
  en: string
}

/** A failure caused by the learner's work, with the words to show them. */
export class LearnerFailure extends Error {
  override readonly name = 'LearnerFailure'
  readonly failure: GradingMessage
  /** What a revert said, for `t.reverts`. */
  readonly revert: Record<string, unknown> | undefined

  constructor(failure: GradingMessage, revert?: Record<string, unknown>) {
    super(failure.en)
    this.failure = failure
    this.revert = revert
  }
}

export function learnerFailure(code: string, ko: string, en: string, revert?: Record<string, unknown>): LearnerFailure {
  return new LearnerFailure({ code, ko, en }, revert)
}
