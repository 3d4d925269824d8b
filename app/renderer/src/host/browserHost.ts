/**
 * The host of the web edition: the app's data in IndexedDB ({@link createIndexedDbStorage}, one
 * transaction per write), workspaces as git repositories on lightning-fs
 * ({@link createBrowserWorkspaces}), and JSON-RPC exposed through the `playground web` server,
 * which relays 127.0.0.1:`port` to this page over a WebSocket.
 *
 * @module
 */
import { exposeRpcOverWebSocket } from './browserRpcRelay.ts'
import type { PlaygroundHost } from './host.ts'
import type { BrowserWorkspaces } from './browserWorkspaces.ts'
import { createBrowserWorkspaces } from './browserWorkspaces.ts'
import type { IdbFactoryLike } from './indexedDbStorage.ts'
import { createIndexedDbStorage, DEFAULT_STORAGE_DB } from './indexedDbStorage.ts'

export interface BrowserHostOptions {
  /** The IndexedDB database of the app's data (default {@link DEFAULT_STORAGE_DB}). */
  dataDb?: string | undefined
  /** The lightning-fs name of the workspaces (default: `blockchain-playground-workspaces`). */
  workspacesFs?: string | undefined
  /** The IndexedDB factory for the data (default: the global `indexedDB`). */
  indexedDB?: IdbFactoryLike | undefined
  /** Workspaces to use instead of making them (tests). */
  workspaces?: BrowserWorkspaces | undefined
  /** Where the `playground web` server is (default: this page's origin). */
  rpcBaseUrl?: string | undefined
}

/**
 * @example
 * const host = createBrowserHost()
 * const ws = await host.openWorkspace('hello-chain')
 * await ws.init({ lessonId: 'hello-chain', files })
 */
export function createBrowserHost(options: BrowserHostOptions = {}): PlaygroundHost {
  const storage = createIndexedDbStorage({ name: options.dataDb ?? DEFAULT_STORAGE_DB, indexedDB: options.indexedDB })
  // Made on first use: lightning-fs opens its database when constructed.
  let workspaces = options.workspaces
  return {
    kind: 'browser',
    storage,
    async openWorkspace(id) {
      workspaces ??= createBrowserWorkspaces({ name: options.workspacesFs })
      return workspaces.open(id)
    },
    exposeRpc({ port, provider }) {
      return exposeRpcOverWebSocket(options.rpcBaseUrl === undefined ? { port, provider } : { port, provider, baseUrl: options.rpcBaseUrl })
    },
  }
}
