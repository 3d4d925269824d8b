/**
 * Reads a progress value (already JSON-parsed): older schema versions go through the migration
 * chain, a newer one is refused with its own error (an older app must not rewrite a file it
 * does not understand), and anything invalid names the field at fault.
 *
 * @module
 */
import { readExpectation } from '../schemaParts.ts'
import { ProgressError } from './progressErrors.ts'
import type { Progress } from './progressSchema.ts'
import { PROGRESS_SCHEMA_VERSION, progressSchema } from './progressSchema.ts'

/**
 * `MIGRATIONS[n]` turns a version-n file into version n+1. Empty while there is only version 1;
 * version 2 adds `MIGRATIONS[1]` and bumps PROGRESS_SCHEMA_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {}

/**
 * Runs `migrations` from `data.schemaVersion` up to `target`, one version at a time.
 *
 * @example
 * migrateProgress({ schemaVersion: 1, lessons: {} }, { 1: (old) => ({ ...old, settings: {} }) }, 2) // { schemaVersion: 2, lessons: {}, settings: {} }
 */
export function migrateProgress(data: Record<string, unknown>, migrations = MIGRATIONS, target = PROGRESS_SCHEMA_VERSION): Record<string, unknown> {
  for (let v = Number(data.schemaVersion); v < target; v++) {
    const migrate = migrations[v]
    // A missing step is a bug in this code, not in the learner's file.
    if (!migrate) throw new Error(`no progress migration from schema version ${v}`)
    data = { ...migrate(data), schemaVersion: v + 1 }
  }
  return data
}

/**
 * @example
 * parseProgress(JSON.parse(text)) // Progress, or throws ProgressError
 */
export function parseProgress(value: unknown, migrations = MIGRATIONS): Progress {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProgressError('progress.invalid', { en: 'The progress file is not a JSON object.', ko: '진행 기록 파일이 JSON 객체가 아닙니다.' })
  }
  const data = value as Record<string, unknown>
  const version = data.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProgressError('progress.invalid', {
      en: `The progress file has no valid schemaVersion (got ${JSON.stringify(version) ?? 'nothing'}).`,
      ko: `진행 기록 파일에 올바른 schemaVersion이 없습니다(받은 값: ${JSON.stringify(version) ?? '없음'}).`,
    })
  }
  if (version > PROGRESS_SCHEMA_VERSION) {
    throw new ProgressError('progress.newer-version', {
      en: `The progress file has schema version ${version}, newer than this version of Blockchain Playground understands (${PROGRESS_SCHEMA_VERSION}). Update the app.`,
      ko: `진행 기록 파일의 스키마 버전 ${version}은(는) 이 버전의 블록체인 놀이터가 아는 버전(${PROGRESS_SCHEMA_VERSION})보다 새롭습니다. 앱을 업데이트하세요.`,
    })
  }
  const result = progressSchema.safeParse(migrateProgress(data, migrations))
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)'
  const expected = readExpectation(issue.message) ?? { en: issue.message, ko: issue.message }
  throw new ProgressError(
    'progress.invalid',
    { en: `The progress file is not valid: ${field}: expected ${expected.en}.`, ko: `진행 기록 파일이 올바르지 않습니다: ${field}: ${expected.ko}이(가) 필요합니다.` },
    { details: `${result.error.issues.length} problem(s)` },
  )
}
