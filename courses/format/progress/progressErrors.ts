/**
 * Errors of the progress model: a progress file that is not valid, one written by a newer
 * version, and hint or solution requests the lesson's policy does not allow. Each has a stable
 * `code` and its text in Korean and English (`messageKo`, `rendered`).
 *
 * @module
 */
import { BaseError } from '../../../runtime/errors/base.ts'
import type { Bilingual } from '../../../runtime/errors/input.ts'

export type ProgressErrorCode =
  | 'progress.invalid'
  | 'progress.newer-version'
  | 'progress.hint-order'
  | 'progress.hint-unknown'
  | 'progress.solution-locked'

/**
 * @example
 * throw new ProgressError('progress.invalid', { en: 'lessons.a.attempts: expected an integer ≥ 0', ko: '…' })
 */
export class ProgressError extends BaseError {
  override name = 'ProgressError'
  declare readonly code: ProgressErrorCode
  readonly text: Bilingual

  constructor(code: ProgressErrorCode, text: Bilingual, options: { details?: string; cause?: unknown } = {}) {
    super(text.en, { code, details: options.details, cause: options.cause })
    this.text = text
  }

  get messageKo(): string {
    return this.text.ko
  }

  /** `{code, ko, en}` as the CLI's --json output and the app show messages. */
  get rendered(): { code: string; ko: string; en: string } {
    return { code: this.code, ko: this.text.ko, en: this.text.en }
  }
}
