/**
 * The desktop app put together: scheme registration before `ready`, then — once ready — the
 * permission policy on the default session, the `app://` protocol, the IPC handlers, and the one
 * window. Every Electron API comes in through {@link DesktopAppDeps}, so the wiring itself is
 * tested with fakes (the Electron binary cannot run on the build machines).
 *
 * @module
 */
import { join } from 'node:path'
import type { App, BaseWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, Protocol, Session, Shell } from 'electron'
import { APP_SCHEME } from '../shared/ipc/ipcContract.ts'
import { createAppInfo, systemLang } from './appInfo.ts'
import { createAppProtocolHandler, registerAppScheme } from './appProtocol.ts'
import { createSenderCheck } from './ipc/senderCheck.ts'
import { registerIpcHandlers } from './ipc/validatedIpc.ts'
import type { GuardedWebContents, MainWindowLike } from './mainWindow.ts'
import { createMainWindow, denyAllPermissions, guardNavigation } from './mainWindow.ts'
import { createOpenExternal } from './openExternal.ts'
import type { RelayTarget } from './rpc/rpcRelayHost.ts'
import { createRpcRelayHost } from './rpc/rpcRelayHost.ts'
import { createScopedStorage, createStorageHandlers, storageFolders } from './storage/confinedStorage.ts'
import { createWorkspaceHandlers } from './workspace/workspaceHandlers.ts'

/** The window type the app needs: what the shell uses, plus focus and close handling. */
export interface DesktopWindow extends MainWindowLike {
  on(event: 'closed', listener: () => void): unknown
  isMinimized(): boolean
  restore(): void
  focus(): void
}

export interface DesktopAppDeps {
  app: Pick<App, 'whenReady' | 'on' | 'quit' | 'getPath' | 'requestSingleInstanceLock' | 'getName' | 'getVersion' | 'isPackaged' | 'getPreferredSystemLanguages' | 'getLocale'>
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => DesktopWindow
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>
  ipcMain: Pick<IpcMain, 'handle'>
  session: { defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> }
  shell: Pick<Shell, 'openExternal'>
  dialog: Pick<Dialog, 'showMessageBox'>
  /** The built `dist/` folder: `web/` (the UI) and `preload/preload.cjs` live there. */
  distFolder: string
  /** `process.platform`, `process.versions`. */
  platform: string
  versions: { electron?: string | undefined; chrome?: string | undefined; node: string }
}

export interface DesktopApp {
  /** Resolves once the first window exists (tests await it). */
  ready: Promise<void>
  /** The main window, or undefined before `ready` and after it closed. */
  mainWindow(): DesktopWindow | undefined
}

/**
 * @example
 * import * as electron from 'electron'
 * startDesktopApp({ ...electron, distFolder, platform: process.platform, versions: process.versions })
 */
export function startDesktopApp(deps: DesktopAppDeps): DesktopApp {
  const { app } = deps
  // Privileges can only be given before `ready`.
  registerAppScheme(deps.protocol)
  let mainWindow: DesktopWindow | undefined
  // exposeRpc: JSON-RPC on 127.0.0.1 relayed to the main window's simulator (rpc/rpcRelayHost.ts).
  const rpcRelay = createRpcRelayHost({ getTarget: () => mainWindow?.webContents as unknown as RelayTarget | undefined })

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return { ready: Promise.resolve(), mainWindow: () => undefined }
  }

  const openWindow = (): DesktopWindow => {
    const { window } = createMainWindow({ BrowserWindow: deps.BrowserWindow, preload: join(deps.distFolder, 'preload', 'preload.cjs') })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined
      void rpcRelay.close()
    })
    // A reload or a crashed renderer loses the page's provider: its port must not answer with timeouts.
    const contents = window.webContents as unknown as { on(event: 'did-navigate' | 'render-process-gone', listener: () => void): unknown }
    contents.on('did-navigate', () => void rpcRelay.close())
    contents.on('render-process-gone', () => void rpcRelay.close())
    mainWindow = window
    return window
  }

  // Any web contents created later (a devtools page, a future view) gets the same guard.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents satisfies GuardedWebContents))
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!mainWindow) openWindow()
  })

  const ready = app.whenReady().then(() => {
    denyAllPermissions(deps.session.defaultSession)
    deps.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(deps.distFolder, 'web') }))
    const storageFor = createScopedStorage({ userData: app.getPath('userData') })
    registerIpcHandlers(deps.ipcMain, createSenderCheck(() => mainWindow), {
      ...createStorageHandlers(storageFor),
      openExternal: createOpenExternal({
        shell: deps.shell,
        dialog: deps.dialog,
        // The window is Electron's BrowserWindow (a BaseWindow); the fakes of tests are not.
        getWindow: () => mainWindow as unknown as BaseWindow | undefined,
        defaultLang: () => systemLang(app),
      }),
      appInfo: createAppInfo({ app, versions: deps.versions, platform: deps.platform }),
      ...rpcRelay.handlers,
      ...createWorkspaceHandlers({ folder: storageFolders(app.getPath('userData')).workspaces }),
    })
    openWindow()
  })
  return { ready, mainWindow: () => mainWindow }
}
