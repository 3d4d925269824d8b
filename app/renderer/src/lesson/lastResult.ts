/**
 * The last grading result of each lesson, kept beside the progress (`results/<lesson>.json` in the
 * host's Storage), so a reload shows the checks of the last attempt instead of an empty panel —
 * what Exercism and Rustlings users expect. It is a convenience copy: the attempts themselves are in
 * the workspace's history and the progress file. A file that cannot be read as a result is moved to
 * quarantine (never silently dropped) and the panel starts empty.
 *
 * @module
 */
import type { CheckResult, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import type { Storage } from '../../../shared/storage/storage.ts'

/** What is kept: the result, which attempt it was, how long it took, when. */
export interface LastResult {
  version: 1
  result: GradeResult
  attempt: number | undefined
  ms: number
  /** ISO-8601 time of the grading. */
  at: string
}

const pathOf = (lessonId: string): string => `results/${lessonId}.json`

const isText = (v: unknown): v is { ko: string; en: string } =>
  typeof v === 'object' && v !== null && typeof (v as { ko?: unknown }).ko === 'string' && typeof (v as { en?: unknown }).en === 'string'

function isCheck(v: unknown): v is CheckResult {
  if (typeof v !== 'object' || v === null) return false
  const c = v as Record<string, unknown>
  return typeof c.id === 'string' && isText(c.title) && (c.status === 'pass' || c.status === 'fail' || c.status === 'error') && isText(c.message) && typeof (c.message as { code?: unknown }).code === 'string'
}

/** Whether `v` is a {@link LastResult} of lesson `lessonId` (checked field by field: the file is data from disk). */
export function isLastResult(v: unknown, lessonId: string): v is LastResult {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  const result = r.result as Record<string, unknown> | undefined
  return (
    r.version === 1 &&
    typeof r.ms === 'number' &&
    typeof r.at === 'string' &&
    (r.attempt === undefined || (typeof r.attempt === 'number' && Number.isInteger(r.attempt))) &&
    typeof result === 'object' &&
    result !== null &&
    result.lesson === lessonId &&
    typeof result.score === 'number' &&
    typeof result.passed === 'boolean' &&
    Array.isArray(result.checks) &&
    result.checks.every(isCheck) &&
    (result.error === undefined || isText(result.error))
  )
}

/**
 * @example
 * await saveLastResult(host.storage, 'hash-functions', { version: 1, result, attempt: 2, ms: 180, at: new Date().toISOString() })
 */
export async function saveLastResult(storage: Storage, lessonId: string, last: LastResult): Promise<void> {
  await storage.writeAtomic(pathOf(lessonId), JSON.stringify(last))
}

/**
 * The lesson's last result, or undefined when there is none yet or the file was unusable (then it
 * is quarantined with the reason).
 *
 * @example
 * const last = await loadLastResult(host.storage, 'hash-functions')
 * last?.result.checks.length
 */
export async function loadLastResult(storage: Storage, lessonId: string): Promise<LastResult | undefined> {
  const bytes = await storage.read(pathOf(lessonId))
  if (bytes === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes))
  } catch (error) {
    await storage.quarantine(pathOf(lessonId), `not JSON: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
  if (!isLastResult(parsed, lessonId)) {
    await storage.quarantine(pathOf(lessonId), `not a grading result of lesson ${lessonId}`)
    return undefined
  }
  return parsed
}
