/**
 * Errors of a course pack. Every problem the loader finds is one `PackError` naming the file
 * (relative to the pack root), the field (a dotted path such as `hints[1].ko`, absent for
 * problems about a whole file or folder), what was expected (Korean and English) and what was
 * found. The loader collects all of them in one run; `PackInvalidError` carries the list.
 *
 * @module
 */
import { BaseError } from '../../runtime/errors/base.ts'
import type { Bilingual } from '../../runtime/errors/input.ts'

export type { Bilingual }

/** Stable codes of pack problems. */
export type PackErrorCode =
  | 'pack.yaml'
  | 'pack.schema'
  | 'pack.missing-file'
  | 'pack.layout'
  | 'pack.duplicate-id'
  | 'pack.duplicate-order'

export interface PackErrorParameters {
  code: PackErrorCode
  /** The file or folder at fault, relative to the pack root ('/'-separated). */
  file: string
  /** Dotted path of the field at fault, e.g. `hints[1].ko`. */
  field?: string | undefined
  expected: Bilingual
  /** What was found, already rendered (e.g. `"abc"`, `nothing`). */
  got: string
  /** Closed set of valid values, when there is one. */
  choices?: readonly string[] | undefined
  /** 1-based position in the file, when known (YAML files). */
  line?: number | undefined
  column?: number | undefined
}

/** One problem in a course pack. */
export class PackError extends BaseError {
  override name = 'PackError'
  declare readonly code: PackErrorCode
  readonly file: string
  readonly field: string | undefined
  readonly expected: Bilingual
  readonly got: string
  readonly choices: readonly string[] | undefined
  readonly line: number | undefined
  readonly column: number | undefined

  /**
   * @example
   * new PackError({ code: 'pack.schema', file: 'tracks/beginner/01-hello/lesson.yaml', field: 'minutes',
   *   expected: { en: 'an integer from 1 to 240', ko: '1부터 240까지의 정수' }, got: '500' })
   */
  constructor(parameters: PackErrorParameters) {
    const where = locate(parameters)
    super(`${where}: expected ${parameters.expected.en}, got ${parameters.got}.`, {
      code: parameters.code,
      metaMessages: parameters.choices ? [`Valid choices: ${parameters.choices.join(', ')}`] : undefined,
    })
    this.file = parameters.file
    this.field = parameters.field
    this.expected = parameters.expected
    this.got = parameters.got
    this.choices = parameters.choices
    this.line = parameters.line
    this.column = parameters.column
  }

  /** The same message in Korean. */
  get messageKo(): string {
    const choices = this.choices ? ` 가능한 값: ${this.choices.join(', ')}` : ''
    return `${locate(this)}: ${this.expected.ko}이(가) 필요하지만 ${this.got}을(를) 받았습니다.${choices}`
  }
}

function locate(p: { file: string; field?: string | undefined; line?: number | undefined; column?: number | undefined }): string {
  const position = p.line === undefined ? '' : p.column === undefined ? `:${p.line}` : `:${p.line}:${p.column}`
  return p.field === undefined ? `${p.file}${position}` : `${p.file}${position} (${p.field})`
}

/** A pack with one or more problems; `problems` lists every one of them. */
export class PackInvalidError extends BaseError {
  override name = 'PackInvalidError'
  readonly problems: readonly PackError[]

  constructor(problems: readonly PackError[]) {
    super(`The course pack has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, {
      code: 'pack.invalid',
      metaMessages: problems.map((p) => `- ${p.shortMessage}`),
    })
    this.problems = problems
  }

  get messageKo(): string {
    return [`코스 팩에 문제가 ${this.problems.length}개 있습니다.`, ...this.problems.map((p) => `- ${p.messageKo}`)].join('\n')
  }
}

/** Renders a found value for `got`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  try {
    const text = JSON.stringify(value)
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    return String(value)
  }
}
