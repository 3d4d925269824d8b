/**
 * Errors for bad input to the simulator: configuration, commands and queries. Each names the
 * field at fault and, where there is a closed set, the valid choices — so the CLI can print one
 * clear line and the app can highlight the field.
 *
 * @module
 */
import { BaseError } from './base.ts'

/** A user-facing text in both languages. */
export interface Bilingual {
  en: string
  ko: string
}

/** A field of a config, command or query has a wrong value. */
export class InvalidFieldError extends BaseError {
  override name = 'InvalidFieldError'
  readonly field: string
  readonly expected: Bilingual
  readonly got: string
  readonly choices: readonly string[] | undefined

  /**
   * @example
   * new InvalidFieldError({ field: 'config.nodes', expected: { en: 'an integer ≥ 1', ko: '1 이상의 정수' }, got: -3 })
   */
  constructor({
    field,
    expected,
    got,
    choices,
    gotText,
  }: {
    field: string
    expected: Bilingual | string
    got: unknown
    choices?: readonly string[] | undefined
    /** The offending value already rendered (used when re-addressing an error). */
    gotText?: string | undefined
  }) {
    const shown = gotText ?? (typeof got === 'string' ? JSON.stringify(got) : safeShow(got))
    const exp = typeof expected === 'string' ? { en: expected, ko: expected } : expected
    super(`Invalid ${field}: expected ${exp.en}, got ${shown}.`, {
      code: 'input.invalid-field',
      metaMessages: choices ? [`Valid choices: ${choices.join(', ')}`] : undefined,
    })
    this.field = field
    this.expected = exp
    this.got = shown
    this.choices = choices
  }

  /** The same error about another field name (e.g. `command.node` → `faults[2].node`). */
  renamed(field: string): InvalidFieldError {
    return new InvalidFieldError({ field, expected: this.expected, got: undefined, gotText: this.got, choices: this.choices })
  }

  /** The same message in Korean. */
  get messageKo(): string {
    const choices = this.choices ? ` 가능한 값: ${this.choices.join(', ')}` : ''
    return `잘못된 ${this.field}: ${this.expected.ko}이(가) 필요하지만 ${this.got}을(를) 받았습니다.${choices}`
  }
}

/** A command cannot be applied in the current state (e.g. restarting a node that is running). */
export class CommandRejectedError extends BaseError {
  override name = 'CommandRejectedError'
  readonly reason: Bilingual
  constructor(command: string, reason: Bilingual) {
    super(`Command "${command}" rejected: ${reason.en}`, { code: 'command.rejected' })
    this.reason = reason
  }

  get messageKo(): string {
    return this.reason.ko
  }
}

function safeShow(value: unknown): string {
  try {
    const text = JSON.stringify(value)
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    return String(value)
  }
}
