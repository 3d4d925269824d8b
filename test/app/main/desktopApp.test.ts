import type { AddressInfo } from 'node:net'
import { connect, createServer } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { APP_SCHEME_PRIVILEGES } from '../../../app/main/appProtocol.ts'
import { startDesktopApp } from '../../../app/main/desktopApp.ts'
import { mainWindowOptions } from '../../../app/main/mainWindow.ts'
import { IPC_CHANNELS } from '../../../app/shared/ipc/ipcContract.ts'
import type { Listener } from './electronFakes.ts'
import { fakeBrowserWindowClass, fakeInvokeEvent, fakeIpcMain, fakeSession, fakeWebContents } from './electronFakes.ts'

function fakeElectron(options: { lock?: boolean } = {}) {
  const order: string[] = []
  let resolveReady: () => void = () => undefined
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))
  const appListeners = new Map<string, Listener>()
  const app = {
    whenReady: vi.fn(() => readyPromise),
    // Electron's `on` returns the app itself (`this`); the fake's return value is never used.
    on: vi.fn((event: string, listener: Listener): never => {
      appListeners.set(event, listener)
      return app as never
    }),
    quit: vi.fn(),
    getPath: vi.fn((name: string) => `/home/u/.config/Blockchain Playground${name === 'userData' ? '' : `/${name}`}`),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    getName: () => 'Blockchain Playground',
    getVersion: () => '0.1.0',
    isPackaged: false,
    getPreferredSystemLanguages: () => ['ko-KR', 'en-US'],
    getLocale: () => 'ko',
  }
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string) => order.push(`handle:${scheme}`)),
  }
  const { FakeBrowserWindow, instances } = fakeBrowserWindowClass()
  const defaultSession = fakeSession()
  const ipcMain = fakeIpcMain()
  const deps = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    ipcMain,
    session: { defaultSession },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
    distFolder: '/opt/playground/dist',
    platform: 'linux',
    versions: { electron: '45.6.1', chrome: '140', node: '22.20.0' },
  }
  return { deps, order, resolveReady: () => resolveReady(), appListeners, instances, ipcMain, defaultSession, protocol, app }
}

describe('startDesktopApp', () => {
  it('registers the scheme before ready; protocol, permissions, IPC and window after', async () => {
    const f = fakeElectron()
    const desktop = startDesktopApp(f.deps)
    expect(f.order).toEqual(['registerSchemesAsPrivileged'])
    expect(f.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES])
    expect(f.instances).toHaveLength(0)
    expect(f.ipcMain.handlers.size).toBe(0)

    f.resolveReady()
    await desktop.ready
    expect(f.order).toEqual(['registerSchemesAsPrivileged', 'handle:app'])
    expect(f.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(f.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce()
    expect([...f.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort())
    expect(f.instances).toHaveLength(1)
    const window = f.instances[0]
    expect(window?.options).toEqual(mainWindowOptions('/opt/playground/dist/preload/preload.cjs'))
    expect(window?.loadedURL).toBe('app://playground/index.html')
    expect(desktop.mainWindow()).toBe(window)
  })

  it('answers appInfo from the main frame only, with the system language', async () => {
    const f = fakeElectron()
    const desktop = startDesktopApp(f.deps)
    f.resolveReady()
    await desktop.ready
    const window = f.instances[0]
    if (!window) throw new Error('no window')
    const trusted = fakeInvokeEvent(window.webContents, window.webContents.mainFrame)
    expect(await f.ipcMain.invoke(trusted, IPC_CHANNELS.appInfo)).toEqual({
      name: 'Blockchain Playground',
      version: '0.1.0',
      platform: 'linux',
      versions: { electron: '45.6.1', chrome: '140', node: '22.20.0' },
      lang: 'ko',
      isPackaged: false,
    })
    const foreign = fakeInvokeEvent(fakeWebContents(), { ...window.webContents.mainFrame, url: 'https://evil.example/' })
    await expect(f.ipcMain.invoke(foreign, IPC_CHANNELS.appInfo)).rejects.toMatchObject({ code: 'ipc.foreign-sender' })
  })

  it('guards every web contents created later', () => {
    const f = fakeElectron()
    startDesktopApp(f.deps)
    const contents = fakeWebContents()
    f.appListeners.get('web-contents-created')?.({}, contents)
    expect(contents.emitNavigation('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })

  it('forgets the window when it closes, reopens on activate, quits when all close (not on macOS)', async () => {
    const f = fakeElectron()
    const desktop = startDesktopApp(f.deps)
    f.resolveReady()
    await desktop.ready
    f.instances[0]?.onListeners.get('closed')?.()
    expect(desktop.mainWindow()).toBeUndefined()
    f.appListeners.get('activate')?.()
    expect(f.instances).toHaveLength(2)
    f.appListeners.get('window-all-closed')?.()
    expect(f.app.quit).toHaveBeenCalledOnce()

    const mac = fakeElectron()
    startDesktopApp({ ...mac.deps, platform: 'darwin' })
    mac.appListeners.get('window-all-closed')?.()
    expect(mac.app.quit).not.toHaveBeenCalled()
  })

  it('a second instance quits and focuses the first one instead', async () => {
    const second = fakeElectron({ lock: false })
    const desktop = startDesktopApp(second.deps)
    await desktop.ready
    expect(second.app.quit).toHaveBeenCalledOnce()
    expect(second.app.whenReady).not.toHaveBeenCalled()

    const first = fakeElectron()
    const app = startDesktopApp(first.deps)
    first.resolveReady()
    await app.ready
    first.appListeners.get('second-instance')?.()
    expect(first.instances[0]?.focus).toHaveBeenCalledOnce()
  })

  it('relays exposeRpc to the main window and closes the port on reload, renderer crash and window close', async () => {
    const f = fakeElectron()
    const desktop = startDesktopApp(f.deps)
    f.resolveReady()
    await desktop.ready
    const window = f.instances[0]
    if (!window) throw new Error('no window')
    const sent: unknown[][] = []
    Object.assign(window.webContents, { send: (...args: unknown[]) => sent.push(args) })
    const trusted = fakeInvokeEvent(window.webContents, window.webContents.mainFrame)
    // Port 0 is below the allowed range: main refuses it before listening.
    await expect(f.ipcMain.invoke(trusted, IPC_CHANNELS.rpcExpose, { port: 0 })).rejects.toMatchObject({ code: 'rpc-relay.port-invalid' })
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port
        probe.close(() => resolve(p))
      })
    })
    const exposed = (await f.ipcMain.invoke(trusted, IPC_CHANNELS.rpcExpose, { port: free })) as { url: string; port: number }
    expect(exposed).toEqual({ url: `http://127.0.0.1:${free}`, port: free })
    const answer = fetch(exposed.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}' })
    while (sent.length === 0) await new Promise((r) => setTimeout(r, 5))
    expect(sent[0]).toEqual(['playground:rpc.request', { id: 1, method: 'eth_chainId' }])
    await f.ipcMain.invoke(trusted, IPC_CHANNELS.rpcRespond, { id: 1, response: { result: '0x7a69' } })
    expect(await (await answer).json()).toEqual({ jsonrpc: '2.0', id: 1, result: '0x7a69' })
    const closesOn = async (trigger: () => void) => {
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const p = (probe.address() as AddressInfo).port
          probe.close(() => resolve(p))
        })
      })
      await f.ipcMain.invoke(trusted, IPC_CHANNELS.rpcExpose, { port })
      expect(await listening(port)).toBe(true)
      trigger()
      const end = Date.now() + 5000
      while ((await listening(port)) && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
      return !(await listening(port))
    }
    const listening = (port: number) =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1')
        socket.once('connect', () => {
          socket.destroy()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      })
    const fire = (event: string) => () => window.webContents.listeners.get(event)?.forEach((l) => l())
    expect(await closesOn(fire('did-navigate'))).toBe(true) // reloaded: the provider is gone
    expect(await closesOn(fire('render-process-gone'))).toBe(true)
    expect(await closesOn(() => window.onListeners.get('closed')?.())).toBe(true)
    expect(await listening(free)).toBe(false)
  })
})

