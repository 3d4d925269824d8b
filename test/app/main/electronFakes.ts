/**
 * Fakes of the Electron APIs the shell uses (the Electron binary cannot run on the build
 * machines). Each records what the code under test did with it.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { vi } from 'vitest'

export type Listener = (...args: unknown[]) => unknown

/** A web contents that records its listeners and window-open handler. */
export function fakeWebContents(mainFrame = fakeFrame()) {
  const listeners = new Map<string, Listener[]>()
  const session = fakeSession()
  const contents = {
    listeners,
    session,
    mainFrame,
    windowOpenHandler: undefined as undefined | ((details: { url: string }) => unknown),
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      contents.windowOpenHandler = handler
    }),
    /** Fires `event` like Electron does; returns whether a listener called preventDefault. */
    emitNavigation(event: string, url: string): boolean {
      let prevented = false
      for (const listener of listeners.get(event) ?? []) {
        listener({ url, preventDefault: () => (prevented = true) }, url)
      }
      return prevented
    },
  }
  return contents
}

export function fakeSession() {
  const session = {
    requestHandler: undefined as undefined | ((...args: unknown[]) => void),
    checkHandler: undefined as undefined | ((...args: unknown[]) => boolean),
    deviceHandler: undefined as undefined | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler: vi.fn((handler: (...args: unknown[]) => void) => {
      session.requestHandler = handler
    }),
    setPermissionCheckHandler: vi.fn((handler: (...args: unknown[]) => boolean) => {
      session.checkHandler = handler
    }),
    setDevicePermissionHandler: vi.fn((handler: (...args: unknown[]) => boolean) => {
      session.deviceHandler = handler
    }),
  }
  return session
}

export interface FakeFrame {
  url: string
  processId: number
  frameTreeNodeId: number
  parent: FakeFrame | null
}

export function fakeFrame(overrides: Partial<FakeFrame> = {}): FakeFrame {
  return { url: 'app://playground/index.html', processId: 7, frameTreeNodeId: 1, parent: null, ...overrides }
}

/** A BrowserWindow class whose instances record their options and loaded URL. */
export function fakeBrowserWindowClass() {
  const instances: FakeWindow[] = []
  class FakeBrowserWindow {
    options: unknown
    webContents = fakeWebContents()
    loadedURL: string | undefined
    onceListeners = new Map<string, Listener>()
    onListeners = new Map<string, Listener>()
    shown = false
    constructor(options: unknown) {
      this.options = options
      instances.push(this)
    }
    loadURL = vi.fn(async (url: string) => {
      this.loadedURL = url
    })
    once = vi.fn((event: string, listener: Listener) => {
      this.onceListeners.set(event, listener)
      return this
    })
    on = vi.fn((event: string, listener: Listener) => {
      this.onListeners.set(event, listener)
      return this
    })
    show = vi.fn(() => {
      this.shown = true
    })
    isMinimized = vi.fn(() => false)
    restore = vi.fn()
    focus = vi.fn()
  }
  type FakeWindow = FakeBrowserWindow
  return { FakeBrowserWindow, instances }
}

/** An ipcMain with `handle` only (no `on`): registering anything else would throw. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  return {
    handlers,
    handle: vi.fn((channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown)
    }),
    /** Calls a channel's handler as `ipcRenderer.invoke` would. */
    async invoke(event: unknown, channel: string, ...args: unknown[]): Promise<unknown> {
      const handler = handlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      return handler(event, ...args)
    },
  }
}

/** An invoke event from `frame` of `sender`. */
export function fakeInvokeEvent(sender: unknown, frame: FakeFrame | null) {
  return { sender, senderFrame: frame, frameId: frame?.frameTreeNodeId ?? 0, processId: frame?.processId ?? 0 }
}
