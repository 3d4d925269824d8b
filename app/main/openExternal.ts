/**
 * External links (Electron security checklist #15): only `https:` URLs, without credentials, and
 * only after the user said yes in a dialog naming the exact address. Everything else (`http:`,
 * `file:`, `javascript:`, custom schemes, unparsable text) is refused without asking.
 *
 * @module
 */
import type { BaseWindow, Dialog, MessageBoxOptions, Shell } from 'electron'
import type { Lang } from '../shared/ipc/ipcContract.ts'
import { IpcRequestError } from '../shared/ipc/ipcErrors.ts'

export interface OpenExternalDeps {
  shell: Pick<Shell, 'openExternal'>
  dialog: Pick<Dialog, 'showMessageBox'>
  /** The window the dialog belongs to (modal), if any. */
  getWindow: () => BaseWindow | undefined
  /** The app's language when the request names none. */
  defaultLang: () => Lang
}

const TEXT = {
  en: {
    title: 'Open in your browser?',
    message: 'Blockchain Playground wants to open this address in your web browser:',
    detail: 'Only continue if you trust it.',
    open: 'Open',
    cancel: 'Cancel',
  },
  ko: {
    title: '브라우저에서 열까요?',
    message: '블록체인 놀이터가 이 주소를 웹 브라우저에서 열려고 합니다:',
    detail: '믿을 수 있는 주소일 때만 계속하세요.',
    open: '열기',
    cancel: '취소',
  },
} as const

/** The https URL in `url`, normalised, or throws {@link IpcRequestError} (`ipc.external-url-refused`). */
export function checkExternalURL(url: string): URL {
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (parsed === undefined || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') {
    throw new IpcRequestError('ipc.external-url-refused', {
      en: `Only https:// addresses without a user name or password can be opened outside the app; ${JSON.stringify(url)} was refused.`,
      ko: `앱 밖에서는 사용자 이름이나 비밀번호가 없는 https:// 주소만 열 수 있습니다. ${JSON.stringify(url)}은(는) 거부했습니다.`,
    })
  }
  return parsed
}

/** The dialog shown before opening `href`. The safe answer (Cancel) is the default. */
export function confirmDialogOptions(href: string, lang: Lang): MessageBoxOptions {
  const t = TEXT[lang]
  return {
    type: 'question',
    title: t.title,
    message: t.message,
    detail: `${href}\n\n${t.detail}`,
    buttons: [t.cancel, t.open],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  }
}

/**
 * @example
 * const openExternal = createOpenExternal({ shell, dialog, getWindow: () => win, defaultLang: () => 'ko' })
 * await openExternal({ url: 'https://ethereum.org' }) // { opened: true } once the user clicked Open
 */
export function createOpenExternal(deps: OpenExternalDeps): (request: { url: string; lang?: Lang | undefined }) => Promise<{ opened: boolean }> {
  return async ({ url, lang }) => {
    const href = checkExternalURL(url).href
    const options = confirmDialogOptions(href, lang ?? deps.defaultLang())
    const window = deps.getWindow()
    const { response } = window ? await deps.dialog.showMessageBox(window, options) : await deps.dialog.showMessageBox(options)
    if (response !== 1) return { opened: false }
    await deps.shell.openExternal(href)
    return { opened: true }
  }
}
