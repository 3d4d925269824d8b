/**
 * Who may call main (Electron security checklist #17): only the main frame of the main window,
 * showing a page of the app itself (`app://playground/`). A subframe, another window, a page that
 * navigated elsewhere, or a frame that is already gone is refused before any handler runs.
 *
 * @module
 */
import type { IpcMainInvokeEvent } from 'electron'
import { IpcRequestError } from '../../shared/ipc/ipcErrors.ts'
import type { FrameLike } from '../mainWindow.ts'
import { isAppURL } from '../mainWindow.ts'

/** The parts of the invoke event the check reads. */
export type SenderEvent = { senderFrame: FrameLike | null; sender: unknown }

type Assert<T extends true> = T
/** Compile-time proof that Electron's invoke event fits {@link SenderEvent}. @internal */
export type ElectronInvokeEventFits = Assert<IpcMainInvokeEvent extends SenderEvent ? true : false>

/** The window whose main frame may call (undefined before it exists or after it closed). */
export type TrustedWindow = { webContents: { mainFrame: FrameLike } } | undefined

/** Throws {@link IpcRequestError} unless `event` comes from the trusted window's main frame. */
export type SenderCheck = (event: SenderEvent) => void

/**
 * @example
 * const checkSender = createSenderCheck(() => mainWindow)
 */
export function createSenderCheck(getWindow: () => TrustedWindow): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (frame === null || frame === undefined) {
      throw new IpcRequestError('ipc.unknown-sender', {
        en: 'The request came from a frame that is gone or unknown; it was refused.',
        ko: '사라졌거나 알 수 없는 프레임에서 온 요청이라 거부했습니다.',
      })
    }
    if (!isAppURL(frame.url)) {
      throw new IpcRequestError('ipc.foreign-sender', {
        en: `The request came from ${JSON.stringify(frame.url)}, not from the app (app://playground/); it was refused.`,
        ko: `요청이 앱(app://playground/)이 아닌 ${JSON.stringify(frame.url)}에서 와서 거부했습니다.`,
      })
    }
    const window = getWindow()
    const main = window?.webContents.mainFrame
    if (
      window === undefined ||
      main === undefined ||
      event.sender !== window.webContents ||
      frame.parent !== null ||
      frame.processId !== main.processId ||
      frame.frameTreeNodeId !== main.frameTreeNodeId
    ) {
      throw new IpcRequestError('ipc.not-main-frame', {
        en: "The request did not come from the main window's top frame; it was refused.",
        ko: '요청이 메인 창의 최상위 프레임에서 오지 않아 거부했습니다.',
      })
    }
  }
}
