/**
 * A workspace id names one folder of the app's workspaces (a lesson id or a project name):
 * letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters — so it
 * can never be '..', a path, a drive or a hidden name. The IPC schemas (app/shared/ipc) and the
 * browser host check ids with this one rule.
 *
 * @module
 */
import { WorkspaceError } from './workspaceErrors.ts'

export const WORKSPACE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/**
 * Returns `id` if it is a valid workspace id; throws a bilingual {@link WorkspaceError}
 * (`workspace.invalid-id`) naming it otherwise.
 *
 * @example
 * checkWorkspaceId('hello-chain') // 'hello-chain'
 * checkWorkspaceId('../x')        // throws WorkspaceError
 */
export function checkWorkspaceId(id: string): string {
  if (typeof id === 'string' && WORKSPACE_ID_PATTERN.test(id)) return id
  const shown = typeof id === 'string' ? JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id) : String(id)
  throw new WorkspaceError('workspace.invalid-id', {
    en: `Invalid workspace id ${shown}: use 1–64 letters, digits, "-" or "_", starting with a letter or digit.`,
    ko: `작업 공간 이름 ${shown}이(가) 올바르지 않습니다: 영문자나 숫자로 시작하는 1~64자의 영문자, 숫자, "-", "_"를 쓰세요.`,
  })
}
