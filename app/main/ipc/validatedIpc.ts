/**
 * The one way main answers the renderer: `ipcMain.handle` on a channel of the contract
 * (app/shared/ipc), behind the sender check and the zod schema of the request. Nothing is ever
 * registered with `ipcMain.on`. A refusal or failure rejects the renderer's `invoke` with a
 * `[code] English | 한국어` message (see `parseIpcErrorMessage`).
 *
 * @module
 */
import type { IpcMain } from 'electron'
import type { IpcChannelKey, IpcResponse, ValidIpcRequest } from '../../shared/ipc/ipcContract.ts'
import { IPC_CHANNELS, parseIpcRequest } from '../../shared/ipc/ipcContract.ts'
import { IpcRequestError } from '../../shared/ipc/ipcErrors.ts'
import type { SenderCheck, SenderEvent } from './senderCheck.ts'

/** The validated request of channel `K`. */
export type ValidRequest<K extends IpcChannelKey> = ValidIpcRequest<K>

export type IpcHandler<K extends IpcChannelKey> = (request: ValidRequest<K>) => Promise<IpcResponse<K>> | IpcResponse<K>

/** Every channel's handler: registering leaves none out. */
export type IpcHandlers = { [K in IpcChannelKey]: IpcHandler<K> }

/**
 * Registers one handler. The listener checks the sender, refuses extra arguments, parses the one
 * argument with the channel's schema, and only then calls `handler`.
 */
export function registerValidatedHandler<K extends IpcChannelKey>(ipcMain: Pick<IpcMain, 'handle'>, key: K, checkSender: SenderCheck, handler: IpcHandler<K>): void {
  const channel = IPC_CHANNELS[key]
  ipcMain.handle(channel, async (event: SenderEvent, ...args: unknown[]) => {
    checkSender(event)
    if (args.length > 1) {
      throw new IpcRequestError('ipc.invalid-payload', {
        en: `${channel} takes one argument, got ${args.length}.`,
        ko: `${channel}은(는) 인자를 하나만 받는데 ${args.length}개를 받았습니다.`,
      })
    }
    const parsed = parseIpcRequest(key, args[0])
    if (!parsed.ok) {
      const issues = parsed.issues.join('; ')
      throw new IpcRequestError('ipc.invalid-payload', {
        en: `Invalid request on ${channel}: ${issues}.`,
        ko: `${channel} 요청이 올바르지 않습니다: ${issues}.`,
      })
    }
    try {
      return await handler(parsed.request)
    } catch (error) {
      throw toIpcError(error)
    }
  })
}

/** Registers the handler of every channel of the contract. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, checkSender: SenderCheck, handlers: IpcHandlers): void {
  for (const key of Object.keys(IPC_CHANNELS) as IpcChannelKey[]) {
    registerValidatedHandler(ipcMain, key, checkSender, handlers[key] as IpcHandler<typeof key>)
  }
}

/** Any error as an {@link IpcRequestError}, keeping the code and Korean text of ours. */
export function toIpcError(error: unknown): IpcRequestError {
  if (error instanceof IpcRequestError) return error
  const e = error as { code?: unknown; shortMessage?: unknown; message?: unknown; messageKo?: unknown } | null
  const code = typeof e?.code === 'string' && e.code.includes('.') ? e.code : 'ipc.failed'
  const en = typeof e?.shortMessage === 'string' ? e.shortMessage : typeof e?.message === 'string' ? e.message : String(error)
  const ko = typeof e?.messageKo === 'string' ? e.messageKo : `요청을 처리하지 못했습니다: ${en}`
  return new IpcRequestError(code, { en, ko }, error)
}
