/**
 * Errors of the workspace library, with a stable `code` and the text in Korean and English.
 *
 * @module
 */
import { BaseError } from '../../../runtime/errors/base.ts'
import type { Bilingual } from '../../../runtime/errors/input.ts'

export type WorkspaceErrorCode = 'workspace.not-a-workspace' | 'workspace.unknown-version' | 'workspace.invalid-path' | 'workspace.invalid-message' | 'workspace.invalid-id'

/**
 * @example
 * throw new WorkspaceError('workspace.unknown-version', { en: 'No saved version "abc".', ko: '저장된 버전 "abc"이(가) 없습니다.' })
 */
export class WorkspaceError extends BaseError {
  override name = 'WorkspaceError'
  declare readonly code: WorkspaceErrorCode
  readonly text: Bilingual

  constructor(code: WorkspaceErrorCode, text: Bilingual, cause?: unknown) {
    super(text.en, { code, cause, details: cause instanceof Error ? cause.message : undefined })
    this.text = text
  }

  get messageKo(): string {
    return this.text.ko
  }

  get rendered(): { code: string; ko: string; en: string } {
    return { code: this.code, ko: this.text.ko, en: this.text.en }
  }
}
