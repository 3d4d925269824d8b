/**
 * The preload of the main window: `window.playground`, a few named functions, each one
 * `ipcRenderer.invoke` on a fixed channel. Never `ipcRenderer` itself, never a channel chosen by
 * the page, never an Electron object (Electron security checklist #20).
 *
 * ┌───────────────────────────────────────────────────────────────────────────────────────────┐
 * │ Trust boundary. A sandboxed preload cannot import our files at run time: this file's only  │
 * │ imports are `electron` and types, and it is bundled to CommonJS                            │
 * │ (dist/preload/preload.cjs). The channel names are written out here and checked against the │
 * │ contract (app/shared/ipc) by the compiler (`satisfies`) and by test/app/preload.           │
 * └───────────────────────────────────────────────────────────────────────────────────────────┘
 *
 * @module
 */
import type { ContextBridge, IpcRenderer } from 'electron'
import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeKey, IpcChannels, Lang, PlaygroundBridge, StorageScope } from '../shared/ipc/ipcContract.ts'

/** The contract's channels, spelled out (a type-only import cannot carry values). */
export const CHANNELS = {
  storageRead: 'playground:storage.read',
  storageWriteAtomic: 'playground:storage.writeAtomic',
  storageList: 'playground:storage.list',
  storageQuarantine: 'playground:storage.quarantine',
  openExternal: 'playground:shell.openExternal',
  appInfo: 'playground:app.info',
} as const satisfies IpcChannels

/** The global the bridge is exposed as (`window.playground`), checked against the contract. */
export const BRIDGE_KEY: BridgeKey = 'playground'

/** The bridge over an `invoke` function. Arguments are packed into the one request object. */
export function createPlaygroundBridge(invoke: IpcRenderer['invoke']): PlaygroundBridge {
  return {
    storage: {
      read: (scope: StorageScope, path: string) => invoke(CHANNELS.storageRead, { scope, path }),
      writeAtomic: (scope: StorageScope, path: string, data: Uint8Array | string) => invoke(CHANNELS.storageWriteAtomic, { scope, path, data }),
      list: (scope: StorageScope, prefix: string) => invoke(CHANNELS.storageList, { scope, prefix }),
      quarantine: (scope: StorageScope, path: string, reason: string) => invoke(CHANNELS.storageQuarantine, { scope, path, reason }),
    },
    openExternal: (url: string, lang?: Lang) => invoke(CHANNELS.openExternal, lang === undefined ? { url } : { url, lang }),
    appInfo: () => invoke(CHANNELS.appInfo),
  }
}

/** Exposes the bridge as `window.playground`. */
export function exposePlaygroundBridge(bridge: Pick<ContextBridge, 'exposeInMainWorld'>, renderer: Pick<IpcRenderer, 'invoke'>): void {
  // Bound through a closure: the page never gets a reference to ipcRenderer or its methods.
  bridge.exposeInMainWorld(BRIDGE_KEY, createPlaygroundBridge((channel, ...args) => renderer.invoke(channel, ...args)))
}

exposePlaygroundBridge(contextBridge, ipcRenderer)
