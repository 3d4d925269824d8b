/**
 * Workspaces in the browser: app/shared's git workspace library over
 * `@isomorphic-git/lightning-fs` (a file system kept in IndexedDB), one folder per workspace id
 * under `/workspaces/<id>`. Each change is flushed to IndexedDB before it resolves, so a reload or
 * a closed tab keeps what the learner typed.
 *
 * @module
 */
// First: isomorphic-git needs a Buffer global in the browser.
import './bufferGlobal.ts'
import LightningFS from '@isomorphic-git/lightning-fs'
import { openWorkspace } from '../../../shared/workspace/workspace.ts'
import type { WorkspaceFs } from '../../../shared/workspace/workspaceFs.ts'
import { checkWorkspaceId } from '../../../shared/workspace/workspaceId.ts'
import type { HostWorkspace } from './host.ts'
import { createHostWorkspace } from './hostWorkspace.ts'

/** The default lightning-fs name (its IndexedDB database): every workspace of the app. */
export const DEFAULT_WORKSPACES_FS = 'blockchain-playground-workspaces'
/** The folder workspaces live in, inside that file system. */
export const WORKSPACES_FOLDER = '/workspaces'

/** What the workspaces need of lightning-fs: the promise API and its superblock flush. */
export type LightningFsLike = WorkspaceFs & { promises: WorkspaceFs['promises'] & { flush(): Promise<void> } }

export interface BrowserWorkspacesOptions {
  /** The lightning-fs name (default {@link DEFAULT_WORKSPACES_FS}). */
  name?: string | undefined
  /** A file system to use instead (tests; another page's instance). */
  fs?: LightningFsLike | undefined
  /** Clock for commit times (default: the real time). */
  now?: (() => Date) | undefined
}

export interface BrowserWorkspaces {
  /** The file system under the workspaces. */
  readonly fs: LightningFsLike
  /** Opens (does not start) workspace `id`; throws `workspace.invalid-id` for a bad id. */
  open(id: string): HostWorkspace
}

/**
 * @example
 * const workspaces = createBrowserWorkspaces()
 * const ws = workspaces.open('hello-chain')
 * await ws.init({ lessonId: 'hello-chain', files: starterFiles })
 */
export function createBrowserWorkspaces(options: BrowserWorkspacesOptions = {}): BrowserWorkspaces {
  const fs = options.fs ?? (new LightningFS(options.name ?? DEFAULT_WORKSPACES_FS) as unknown as LightningFsLike)
  // One host workspace per id, so the per-workspace queue covers every caller of this page.
  const open = new Map<string, HostWorkspace>()
  return {
    fs,
    open(id) {
      checkWorkspaceId(id)
      let ws = open.get(id)
      if (!ws) {
        const workspace = openWorkspace({ fs, dir: `${WORKSPACES_FOLDER}/${id}`, now: options.now })
        ws = createHostWorkspace({ id, workspace, persist: () => fs.promises.flush() })
        open.set(id, ws)
      }
      return ws
    },
  }
}
