/**
 * The host interface: everything the renderer needs from the machine it runs on, with two
 * implementations — Electron (the preload bridge, IPC to main, files on the real disk) and the
 * browser (IndexedDB through @isomorphic-git/lightning-fs). Components and stores use only this,
 * so the same renderer runs in both.
 *
 * @module
 */
import type { Storage } from '../../../shared/storage/storage.ts'
import type { Workspace, WorkspaceVersion } from '../../../shared/workspace/workspace.ts'

/** A learner's workspace as the renderer sees it: app/shared's git workspace plus the working copy. */
export interface HostWorkspace extends Workspace {
  /** The workspace id (a lesson id or a project name: letters, digits, '-', '_'). */
  readonly id: string
  /** The working copy's files as text (path → text), `.git` excluded. */
  readWorkingFiles(): Promise<Record<string, string>>
  /** Autosave: writes one file of the working copy now (no commit). */
  writeWorkingFile(path: string, text: string): Promise<void>
  /**
   * Makes the working copy exactly `files` and commits `message` ("reset to starter"), after
   * committing any unsaved changes first: going back never destroys the present.
   */
  replaceAll(files: Record<string, string>, message: string): Promise<WorkspaceVersion>
}

/** The minimal EIP-1193 shape the RPC relay forwards to. */
export interface RequestProvider {
  request(args: { method: string; params?: unknown }): Promise<unknown>
}

/** A JSON-RPC endpoint on 127.0.0.1 that relays to a provider inside the app. */
export interface RpcExposure {
  /** e.g. `http://127.0.0.1:8545` */
  readonly url: string
  close(): Promise<void>
}

export interface PlaygroundHost {
  readonly kind: 'browser' | 'electron'
  /** The app's data (progress.json, settings): atomic writes, quarantine. */
  readonly storage: Storage
  /** Opens (not starts) workspace `id`; `init` on it starts a lesson. */
  openWorkspace(id: string): Promise<HostWorkspace>
  /**
   * Serves JSON-RPC on 127.0.0.1:`port` relayed to `provider` (web edition: through the
   * `playground web` server over a WebSocket; Electron: main's HTTP server over IPC), so
   * MetaMask, viem, ethers or Hardhat outside the app reach the simulator inside it.
   */
  exposeRpc(options: { port: number; provider: RequestProvider }): Promise<RpcExposure>
}
