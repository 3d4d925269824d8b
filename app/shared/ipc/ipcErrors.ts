/**
 * Errors of IPC requests. `ipcMain.handle` passes only an error's message to the renderer, so the
 * message carries everything in one parseable line: `[code] English | 한국어`. The renderer's
 * Electron host turns it back into `{code, en, ko}` with {@link parseIpcErrorMessage}.
 *
 * @module
 */
import { BaseError } from '../../../runtime/errors/base.ts'

export type IpcErrorCode =
  | 'ipc.unknown-sender'
  | 'ipc.foreign-sender'
  | 'ipc.not-main-frame'
  | 'ipc.invalid-payload'
  | 'ipc.external-url-refused'
  | 'ipc.failed'
  | (string & {})

/** A refused or failed IPC request, with its text in English and Korean. */
export class IpcRequestError extends BaseError {
  override name = 'IpcRequestError'
  readonly en: string
  readonly ko: string

  /**
   * @example
   * new IpcRequestError('ipc.invalid-payload', { en: 'path: expected a string', ko: 'path: 문자열이어야 합니다' })
   */
  constructor(code: IpcErrorCode, text: { en: string; ko: string }, cause?: unknown) {
    super(formatIpcErrorMessage(code, text), { code, cause })
    this.en = text.en
    this.ko = text.ko
  }

  get messageKo(): string {
    return this.ko
  }
}

/** `[code] en | ko`, one line (newlines in either text become spaces). */
export function formatIpcErrorMessage(code: string, text: { en: string; ko: string }): string {
  const flat = (s: string): string => s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '/')
  return `[${code}] ${flat(text.en)} | ${flat(text.ko)}`
}

/**
 * Recovers `{code, en, ko}` from a rejected `ipcRenderer.invoke` (Electron prefixes the message
 * with "Error invoking remote method '…': Error: "), or undefined for any other message.
 *
 * @example
 * parseIpcErrorMessage("Error invoking remote method 'x': Error: [ipc.failed] Boom | 실패") // { code: 'ipc.failed', en: 'Boom', ko: '실패' }
 */
export function parseIpcErrorMessage(message: string): { code: string; en: string; ko: string } | undefined {
  const match = /\[([A-Za-z0-9._-]+)\] ([^|]*) \| (.*)$/.exec(message)
  if (!match) return undefined
  return { code: match[1] ?? '', en: (match[2] ?? '').trim(), ko: (match[3] ?? '').trim() }
}
