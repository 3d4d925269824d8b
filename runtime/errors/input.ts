/**
 * Errors for bad input to the simulator: configuration, commands and queries. Each names the
 * field at fault and, where there is a closed set, the valid choices — so the CLI can print one
 * clear line and the app can highlight the field.
 *
 * @module
 */
import { BaseError } from './base.ts'

/** A field of a config, command or query has a wrong value. */
export class InvalidFieldError extends BaseError {
  override name = 'InvalidFieldError'
  readonly field: string
  readonly expected: string
  readonly choices: readonly string[] | undefined

  /**
   * @example
   * new InvalidFieldError({ field: 'config.nodes', expected: 'an integer ≥ 1', got: -3 })
   */
  constructor({
    field,
    expected,
    got,
    choices,
  }: {
    field: string
    expected: string
    got: unknown
    choices?: readonly string[] | undefined
  }) {
    const shown = typeof got === 'string' ? JSON.stringify(got) : safeShow(got)
    super(`Invalid ${field}: expected ${expected}, got ${shown}.`, {
      code: 'input.invalid-field',
      metaMessages: choices ? [`Valid choices: ${choices.join(', ')}`] : undefined,
    })
    this.field = field
    this.expected = expected
    this.choices = choices
  }
}

/** A command cannot be applied in the current state (e.g. restarting a node that is running). */
export class CommandRejectedError extends BaseError {
  override name = 'CommandRejectedError'
  constructor(command: string, reason: string) {
    super(`Command "${command}" rejected: ${reason}`, { code: 'command.rejected' })
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
