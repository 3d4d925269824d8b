/**
 * The progress file: per lesson its status, attempts, best score, hints used and timestamps,
 * under a schema version so a newer app can migrate an older file and an older app refuses a
 * newer one instead of garbling it. Environment-neutral: storing it is the host's job
 * (app/shared/progress).
 *
 * Timestamps are ISO-8601 texts passed in by the caller (the model has no clock).
 *
 * @module
 */
import { z } from 'zod'
import { expectation } from '../schemaParts.ts'

/** The version this code writes. Bump it together with a migration in parseProgress.ts. */
export const PROGRESS_SCHEMA_VERSION = 1

const timestamp = z.iso.datetime({ offset: true, ...expectation('an ISO-8601 date and time', 'ISO-8601 날짜와 시각') })
const count = z.number(expectation('a whole number ≥ 0', '0 이상의 정수')).int(expectation('a whole number ≥ 0', '0 이상의 정수')).min(0, expectation('a whole number ≥ 0', '0 이상의 정수'))

export const lessonProgressSchema = z.strictObject({
  status: z.enum(['started', 'passed'], expectation('"started" or "passed"', '"started" 또는 "passed"')),
  attempts: count,
  /** The best share of checks passed, 0..1. */
  bestScore: z.number(expectation('a number from 0 to 1', '0부터 1까지의 수')).min(0, expectation('a number from 0 to 1', '0부터 1까지의 수')).max(1, expectation('a number from 0 to 1', '0부터 1까지의 수')),
  /** The highest hint tier revealed (1-based); 0 = none. */
  hintsUsed: count,
  solutionViewed: z.boolean(expectation('true or false', 'true 또는 false')),
  startedAt: timestamp,
  lastAttemptAt: timestamp.optional(),
  passedAt: timestamp.optional(),
})

export const progressSchema = z.strictObject({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION, expectation(`schema version ${PROGRESS_SCHEMA_VERSION}`, `스키마 버전 ${PROGRESS_SCHEMA_VERSION}`)),
  lessons: z.record(z.string().min(1, expectation('a lesson id', '레슨 id')), lessonProgressSchema),
})

export type LessonProgress = z.infer<typeof lessonProgressSchema>
export type Progress = z.infer<typeof progressSchema>

/**
 * A progress with no lesson started.
 *
 * @example
 * emptyProgress() // { schemaVersion: 1, lessons: {} }
 */
export function emptyProgress(): Progress {
  return { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons: {} }
}
