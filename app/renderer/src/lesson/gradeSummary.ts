/**
 * What the Grade panel shows of a GradeResult: the overall line and one row per check with its
 * mark (✓ pass, ✗ fail, ! error) and the message in the learner's language.
 *
 * @module
 */
import type { CheckStatus, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import type { Lang } from '../catalogue/lang.ts'

export interface CheckRow {
  id: string
  title: string
  status: CheckStatus
  mark: '✓' | '✗' | '!'
  message: string
  code: string
}

export interface GradeSummary {
  passed: number
  total: number
  /** 0..100, rounded. */
  percent: number
  lessonPassed: boolean
  rows: CheckRow[]
  /** The engine's own error (the grader did not load, a limit), in the learner's language. */
  error?: string | undefined
}

const MARKS = { pass: '✓', fail: '✗', error: '!' } as const

/**
 * @example
 * summarizeGrade(result, 'ko') // { passed: 2, total: 4, percent: 50, lessonPassed: false, rows: [{ mark: '✓', … }, …] }
 */
export function summarizeGrade(result: GradeResult, lang: Lang): GradeSummary {
  const passed = result.checks.filter((c) => c.status === 'pass').length
  return {
    passed,
    total: result.checks.length,
    percent: Math.round(result.score * 100),
    lessonPassed: result.passed,
    rows: result.checks.map((c) => ({
      id: c.id,
      title: c.title[lang],
      status: c.status,
      mark: MARKS[c.status],
      // A passing check's message often repeats its title: shown once.
      message: c.message[lang] === c.title[lang] ? '' : c.message[lang],
      code: c.message.code,
    })),
    error: result.error ? result.error[lang] : undefined,
  }
}
