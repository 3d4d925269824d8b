/**
 * A mistake in how the command was called (unknown flag, bad value): printed as one line in the
 * user's language, exit code 2, no stack trace.
 *
 * @module
 */
import type { RenderedMessage } from '../shared/messages.ts'

export class UsageError extends Error {
  override name = 'UsageError'
  readonly rendered: RenderedMessage
  constructor(rendered: RenderedMessage) {
    super(rendered.en)
    this.rendered = rendered
  }
}
