/**
 * The one error base class of the project, after viem's `BaseError`: a short message for people,
 * optional details and meta lines, a stable machine `code`, and a `cause` chain.
 *
 * User mistakes (a bad command, an unknown preset) are `BaseError`s with a code the CLI and the
 * app translate to Korean and English; bugs are plain `Error`s.
 *
 * @module
 */

export interface BaseErrorParameters {
  /** Extra lines shown under the short message (e.g. the valid choices). */
  metaMessages?: string[] | undefined
  /** Technical detail (e.g. the underlying error's message). */
  details?: string | undefined
  cause?: unknown
  /** Stable identifier, e.g. `config.invalid`. */
  code?: string | undefined
}

/**
 * @example
 * throw new BaseError('Unknown preset "x".', { code: 'preset.unknown', metaMessages: ['Valid: a, b'] })
 */
export class BaseError extends Error {
  override name = 'BaseError'
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: string[] | undefined
  readonly code: string

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const lines = [shortMessage]
    if (parameters.metaMessages?.length) lines.push('', ...parameters.metaMessages)
    if (parameters.details) lines.push('', `Details: ${parameters.details}`)
    super(lines.join('\n'), parameters.cause === undefined ? undefined : { cause: parameters.cause })
    this.shortMessage = shortMessage
    this.details = parameters.details
    this.metaMessages = parameters.metaMessages
    this.code = parameters.code ?? 'error'
  }

  /** Follows the `cause` chain; returns the first error for which `fn` is true (or the last). */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walkCause(this, fn)
  }
}

function walkCause(error: unknown, fn?: (error: unknown) => boolean): unknown {
  while (error instanceof Error && error.cause !== undefined) {
    if (fn?.(error)) return error
    error = error.cause
  }
  return fn && !fn(error) ? undefined : error
}
