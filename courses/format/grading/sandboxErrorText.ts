/**
 * A sandbox error as one line per language for a grading message: the sandbox's own message, plus
 * its details and position when the message does not already carry them (a script error's
 * message names the error and where it happened; a limit or a refused import may add details).
 *
 * @module
 */
import type { SandboxError } from '../../../sandbox/sandboxErrors.ts'

/**
 * @example
 * sandboxErrorText(run.error, 'mine.ts') // { ko: '스크립트에서 Error 오류가 …', en: 'The script threw Error: … (mine.ts, line 8, column 9)' }
 */
export function sandboxErrorText(e: SandboxError, file: string): { ko: string; en: string } {
  const where = e.line === undefined || e.code === 'sandbox.script-error' ? '' : ` (${e.file ?? file}:${e.line}${e.column === undefined ? '' : `:${e.column}`})`
  const details = e.details === undefined || e.messages.en.includes(e.details) ? '' : ` ${e.details}`
  return { ko: `${e.messages.ko}${details}${where}`, en: `${e.messages.en}${details}${where}` }
}
