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
import type { RelayOutcome, RpcRelayRequestChannel } from '../shared/ipc/rpcRelayIpc.ts'
import type { WorkspaceBridge } from '../shared/ipc/workspaceIpc.ts'

/** The contract's channels, spelled out (a type-only import cannot carry values). */
export const CHANNELS = {
  storageRead: 'playground:storage.read',
  storageWriteAtomic: 'playground:storage.writeAtomic',
  storageList: 'playground:storage.list',
  storageQuarantine: 'playground:storage.quarantine',
  openExternal: 'playground:shell.openExternal',
  appInfo: 'playground:app.info',
  rpcExpose: 'playground:rpc.expose',
  rpcClose: 'playground:rpc.close',
  rpcRespond: 'playground:rpc.respond',
  workspaceIsWorkspace: 'playground:workspace.isWorkspace',
  workspaceInit: 'playground:workspace.init',
  workspaceCommitAttempt: 'playground:workspace.commitAttempt',
  workspaceHistory: 'playground:workspace.history',
  workspaceDiff: 'playground:workspace.diff',
  workspaceRestore: 'playground:workspace.restore',
  workspaceReadFile: 'playground:workspace.readFile',
  workspaceListFiles: 'playground:workspace.listFiles',
  workspaceHasUnsavedChanges: 'playground:workspace.hasUnsavedChanges',
  workspaceWriteFile: 'playground:workspace.writeFile',
  workspaceCommitSnapshot: 'playground:workspace.commitSnapshot',
  workspaceReplaceFiles: 'playground:workspace.replaceFiles',
  workspaceReadWorkingFiles: 'playground:workspace.readWorkingFiles',
} as const satisfies IpcChannels

/** main → renderer: the RPC relay's client requests (the only channel the preload listens on). */
export const RPC_REQUEST_CHANNEL: RpcRelayRequestChannel = 'playground:rpc.request'

/**
 * Listens on one fixed main → renderer channel; returns the function that stops listening. The
 * page's listener gets the payload only, never the IPC event (whose `sender` is ipcRenderer).
 */
export type ListenToMain = (channel: RpcRelayRequestChannel, listener: (payload: unknown) => void) => () => void

/** The global the bridge is exposed as (`window.playground`), checked against the contract. */
export const BRIDGE_KEY: BridgeKey = 'playground'

/** The bridge over an `invoke` function. Arguments are packed into the one request object. */
export function createPlaygroundBridge(invoke: IpcRenderer['invoke'], listen: ListenToMain = () => () => {}): PlaygroundBridge {
  return {
    storage: {
      read: (scope: StorageScope, path: string) => invoke(CHANNELS.storageRead, { scope, path }),
      writeAtomic: (scope: StorageScope, path: string, data: Uint8Array | string) => invoke(CHANNELS.storageWriteAtomic, { scope, path, data }),
      list: (scope: StorageScope, prefix: string) => invoke(CHANNELS.storageList, { scope, prefix }),
      quarantine: (scope: StorageScope, path: string, reason: string) => invoke(CHANNELS.storageQuarantine, { scope, path, reason }),
    },
    openExternal: (url: string, lang?: Lang) => invoke(CHANNELS.openExternal, lang === undefined ? { url } : { url, lang }),
    appInfo: () => invoke(CHANNELS.appInfo),
    // The RPC relay (app/shared/ipc/rpcRelayIpc.ts): main serves 127.0.0.1:port, the page answers.
    rpc: {
      expose: (port: number) => invoke(CHANNELS.rpcExpose, { port }),
      close: () => invoke(CHANNELS.rpcClose),
      onRequest: (listener: (request: unknown) => void) => listen(RPC_REQUEST_CHANNEL, (payload) => listener(payload)),
      respond: (id: number, response: RelayOutcome) => invoke(CHANNELS.rpcRespond, { id, response }),
    },
    workspace: createWorkspaceBridge(invoke),
  }
}

/** `window.playground.workspace`: git workspaces in main; optional arguments are left out when absent. */
function createWorkspaceBridge(invoke: IpcRenderer['invoke']): WorkspaceBridge {
  const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>))
  return {
    isWorkspace: (id) => invoke(CHANNELS.workspaceIsWorkspace, { id }),
    init: (id, { lessonId, files }) => invoke(CHANNELS.workspaceInit, files === undefined ? { id, lessonId } : { id, lessonId, files }),
    commitAttempt: (id, summary) => invoke(CHANNELS.workspaceCommitAttempt, { id, summary }),
    history: (id) => invoke(CHANNELS.workspaceHistory, { id }),
    diff: (id, fromOid, toOid) => invoke(CHANNELS.workspaceDiff, { id, fromOid, ...optional('toOid', toOid) }),
    restore: (id, oid) => invoke(CHANNELS.workspaceRestore, { id, oid }),
    readFile: (id, path, oid) => invoke(CHANNELS.workspaceReadFile, { id, path, ...optional('oid', oid) }),
    listFiles: (id, oid) => invoke(CHANNELS.workspaceListFiles, { id, ...optional('oid', oid) }),
    hasUnsavedChanges: (id) => invoke(CHANNELS.workspaceHasUnsavedChanges, { id }),
    writeFile: (id, path, data) => invoke(CHANNELS.workspaceWriteFile, { id, path, data }),
    commitSnapshot: (id, message) => invoke(CHANNELS.workspaceCommitSnapshot, { id, message }),
    replaceFiles: (id, files, message) => invoke(CHANNELS.workspaceReplaceFiles, { id, files, message }),
    readWorkingFiles: (id) => invoke(CHANNELS.workspaceReadWorkingFiles, { id }),
  }
}

/** Exposes the bridge as `window.playground`. */
export function exposePlaygroundBridge(bridge: Pick<ContextBridge, 'exposeInMainWorld'>, renderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): void {
  // Bound through a closure: the page never gets a reference to ipcRenderer or its methods.
  const listen: ListenToMain = (channel, listener) => {
    const onMessage = (_event: unknown, payload: unknown) => listener(payload)
    renderer.on(channel, onMessage)
    return () => {
      renderer.removeListener(channel, onMessage)
    }
  }
  bridge.exposeInMainWorld(BRIDGE_KEY, createPlaygroundBridge((channel, ...args) => renderer.invoke(channel, ...args), listen))
}

exposePlaygroundBridge(contextBridge, ipcRenderer)
