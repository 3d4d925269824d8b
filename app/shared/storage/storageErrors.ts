/**
 * Errors of the Storage interface. Each carries its text in Korean and English and a stable
 * `code`, so the CLI prints one line and the app can show it as it is.
 *
 * @module
 */
import { BaseError } from '../../../runtime/errors/base.ts'

/** A storage path that would leave the storage root or cannot name a file. */
export class InvalidStoragePathError extends BaseError {
  override name = 'InvalidStoragePathError'
  readonly path: string
  readonly reason: { en: string; ko: string }

  /**
   * @example
   * new InvalidStoragePathError('../x', { en: 'it climbs out with ".."', ko: '".."로 바깥으로 나갑니다' })
   */
  constructor(path: string, reason: { en: string; ko: string }) {
    super(`Invalid storage path ${JSON.stringify(path)}: ${reason.en}.`, { code: 'storage.invalid-path' })
    this.path = path
    this.reason = reason
  }

  get messageKo(): string {
    return `저장소 경로 ${JSON.stringify(this.path)}이(가) 올바르지 않습니다: ${this.reason.ko}.`
  }
}

/** Reading, writing or moving a stored file failed (disk full, permissions, …). */
export class StorageIoError extends BaseError {
  override name = 'StorageIoError'
  readonly path: string
  readonly operation: 'read' | 'write' | 'list' | 'quarantine'

  /**
   * @example
   * new StorageIoError('write', 'progress.json', error)
   */
  constructor(operation: 'read' | 'write' | 'list' | 'quarantine', path: string, cause: unknown) {
    const details = cause instanceof Error ? cause.message : String(cause)
    super(`Cannot ${operation} ${JSON.stringify(path)} in the storage.`, { code: `storage.${operation}-failed`, details, cause })
    this.path = path
    this.operation = operation
  }

  get messageKo(): string {
    const verb = { read: '읽을', write: '쓸', list: '나열할', quarantine: '격리할' }[this.operation]
    return `저장소의 ${JSON.stringify(this.path)}을(를) ${verb} 수 없습니다.${this.details ? ` (${this.details})` : ''}`
  }
}
