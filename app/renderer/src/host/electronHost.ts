/**
 * The host of the desktop app: everything through the preload's bridge (`window.playground`).
 * The app's data is the Storage of scope `{kind: 'data'}` (main writes it to
 * `<userData>/data/`, temp + fsync + rename); workspaces are git repositories that main keeps
 * on the real disk in `<userData>/workspaces/<id>` (bridge.workspace.*, one IPC call per
 * operation); JSON-RPC is served by main and relayed over IPC.
 *
 * Main rejects a refused or failed request with a `[code] English | 한국어` message; here it
 * becomes an error again with that code and both texts (a WorkspaceError for `workspace.*`
 * codes, a StorageIoError around it for storage), so the UI treats both hosts alike.
 *
 * @module
 */
import type { PlaygroundBridge } from '../../../shared/ipc/ipcContract.ts'
import { IpcRequestError, parseIpcErrorMessage } from '../../../shared/ipc/ipcErrors.ts'
import type { Storage } from '../../../shared/storage/storage.ts'
import { InvalidStoragePathError, StorageIoError } from '../../../shared/storage/storageErrors.ts'
import { checkStoragePath, checkStoragePrefix } from '../../../shared/storage/storagePath.ts'
import { checkWorkspaceId } from '../../../shared/workspace/workspaceId.ts'
import type { WorkspaceErrorCode } from '../../../shared/workspace/workspaceErrors.ts'
import { WorkspaceError } from '../../../shared/workspace/workspaceErrors.ts'
import { exposeRpcOverIpc } from './electronRpcRelay.ts'
import type { HostWorkspace, PlaygroundHost } from './host.ts'

const DATA = { kind: 'data' } as const

/**
 * @example
 * const bridge = (window as unknown as { playground: PlaygroundBridge }).playground
 * const host = createElectronHost(bridge)
 * await host.storage.read('progress.json')
 */
export function createElectronHost(bridge: PlaygroundBridge): PlaygroundHost {
  return {
    kind: 'electron',
    storage: createBridgeStorage(bridge),
    async openWorkspace(id) {
      return createBridgeWorkspace(bridge, checkWorkspaceId(id))
    },
    exposeRpc: (options) => exposeRpcOverIpc(bridge, options),
  }
}

/** The Storage of scope `{kind: 'data'}`: paths checked here first (the same errors as every Storage), then by main. */
function createBridgeStorage(bridge: PlaygroundBridge): Storage {
  const storageError = (operation: 'read' | 'write' | 'list' | 'quarantine', path: string) => (error: unknown) => {
    const remote = fromIpcError(error)
    if (remote instanceof IpcRequestError && remote.code === 'storage.invalid-path') throw new InvalidStoragePathError(path, { en: remote.en, ko: remote.ko })
    throw new StorageIoError(operation, path, remote)
  }
  return {
    read: async (path) => bridge.storage.read(DATA, checkStoragePath(path)).catch(storageError('read', path)),
    writeAtomic: async (path, data) => bridge.storage.writeAtomic(DATA, checkStoragePath(path), data).catch(storageError('write', path)),
    list: async (prefix) => bridge.storage.list(DATA, checkStoragePrefix(prefix)).catch(storageError('list', prefix || '.')),
    quarantine: async (path, reason) => bridge.storage.quarantine(DATA, checkStoragePath(path), reason).catch(storageError('quarantine', path)),
  }
}

/** A workspace whose every operation runs in main (which keeps them in order per workspace). */
function createBridgeWorkspace(bridge: PlaygroundBridge, id: string): HostWorkspace {
  const ws = bridge.workspace
  const call = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      throw fromIpcError(error)
    })
  return {
    id,
    dir: `workspaces/${id}`,
    isWorkspace: () => call(ws.isWorkspace(id)),
    init: (options) => call(ws.init(id, options)),
    commitAttempt: (summary) => call(ws.commitAttempt(id, summary)),
    history: () => call(ws.history(id)),
    diff: (fromOid, toOid) => call(ws.diff(id, fromOid, toOid)),
    restore: async (oid) => {
      const { version, saved } = await call(ws.restore(id, oid))
      return { version, saved }
    },
    readFile: (path, oid) => call(ws.readFile(id, path, oid)),
    listFiles: (oid) => call(ws.listFiles(id, oid)),
    hasUnsavedChanges: () => call(ws.hasUnsavedChanges(id)),
    writeFile: (path, data) => call(ws.writeFile(id, path, data)),
    commitSnapshot: (message) => call(ws.commitSnapshot(id, message)),
    replaceFiles: async (files, message) => {
      const { version, saved } = await call(ws.replaceFiles(id, files, message))
      return { version, saved }
    },
    readWorkingFiles: () => call(ws.readWorkingFiles(id)),
    writeWorkingFile: (path, text) => call(ws.writeFile(id, path, text)),
    replaceAll: async (files, message) => (await call(ws.replaceFiles(id, files, message))).version,
  }
}

/**
 * The error main meant, from a rejected `invoke`: a {@link WorkspaceError} for `workspace.*`
 * codes, an {@link IpcRequestError} with the code and both texts otherwise; anything that is not
 * main's message (the bridge itself failed) is returned as it is.
 *
 * @example
 * fromIpcError(new Error("Error invoking remote method 'x': Error: [workspace.unknown-version] No version | 버전 없음")) // WorkspaceError
 */
export function fromIpcError(error: unknown): unknown {
  if (error instanceof WorkspaceError || error instanceof IpcRequestError) return error
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined
  const parsed = message === undefined ? undefined : parseIpcErrorMessage(message)
  if (!parsed) return error
  const text = { en: parsed.en, ko: parsed.ko }
  if (parsed.code.startsWith('workspace.')) return new WorkspaceError(parsed.code as WorkspaceErrorCode, text, error)
  return new IpcRequestError(parsed.code, text, error)
}
