/**
 * The one window of the desktop app and the policies on its web contents. Electron's APIs are
 * injected (`BrowserWindow`, the window's `webContents`, the session), so tests pass fakes and
 * `main.ts` passes the real module.
 *
 * Electron security checklist (reference/style-anchors.md §11): #2–#4, #6, #8–#11 by the window
 * options, all set explicitly even where Electron's default already agrees; #13 and #14 by
 * {@link guardNavigation}; #5 by {@link denyAllPermissions}; #18 by loading `app://`.
 *
 * @module
 */
import type { BrowserWindowConstructorOptions, Session, WebFrameMain } from 'electron'
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../shared/ipc/ipcContract.ts'

/** The page the window opens: the web edition's entry, from the `app://` protocol. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The window's options. Every security-relevant web preference is spelled out: a future
 * Electron default change, or a copied snippet, must not silently weaken them.
 */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Blockchain Playground',
    // Shown once the first paint is ready, so the user never sees a white flash.
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  }
}

/** True for a URL of the app itself (`app://playground/…`), compared parsed, never by prefix. */
export function isAppURL(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** What a navigation event carries (Electron's `Event<WebContentsWillNavigateEventParams>` and kin). */
export interface NavigationEvent {
  url: string
  preventDefault(): void
}

/** The parts of `webContents` the navigation guard uses (Electron's `WebContents` fits). */
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Denies every navigation and redirect that leaves `app://playground/`, every new window
 * (`window.open`, `target=_blank`: external links go through the `openExternal` request, which
 * asks the user first), and every `<webview>` attach.
 */
export function guardNavigation(webContents: GuardedWebContents): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppURL(event.url)) event.preventDefault()
  }
  webContents.on('will-navigate', (event) => refuseForeign(event))
  webContents.on('will-redirect', (event) => refuseForeign(event))
  webContents.on('will-frame-navigate', (event) => refuseForeign(event))
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The parts of a session the permission policy uses. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>

/**
 * The app needs no permission (camera, notifications, clipboard reads, HID, …): every request is
 * answered "no", every check returns false, every device is refused.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

export interface CreateMainWindowDeps<W extends MainWindowLike> {
  /** Electron's `BrowserWindow` class (or a fake). */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W
  /** Absolute path of the bundled preload (`dist/preload/preload.cjs`). */
  preload: string
  /** What to load; `APP_ENTRY_URL` in production. */
  url?: string | undefined
}

/** The frame facts the IPC sender check compares (Electron's `WebFrameMain` fits). */
export type FrameLike = Pick<WebFrameMain, 'url' | 'processId' | 'frameTreeNodeId'> & { parent: unknown }

/** The parts of a `BrowserWindow` the shell uses (Electron's `BrowserWindow` fits). */
export interface MainWindowLike {
  loadURL(url: string): Promise<void>
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
  webContents: GuardedWebContents & { session: PermissionSession; mainFrame: FrameLike }
}

/**
 * Creates the main window with the options above, guards its navigation, denies its session's
 * permissions, and loads the app.
 *
 * @example
 * const win = createMainWindow({ BrowserWindow, preload: join(dist, 'preload/preload.cjs') })
 */
export function createMainWindow<W extends MainWindowLike>(deps: CreateMainWindowDeps<W>): { window: W; loaded: Promise<void> } {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preload))
  guardNavigation(window.webContents)
  denyAllPermissions(window.webContents.session)
  window.once('ready-to-show', () => window.show())
  const loaded = window.loadURL(deps.url ?? APP_ENTRY_URL)
  return { window, loaded }
}
