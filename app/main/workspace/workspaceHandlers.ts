/**
 * The workspace channels of the IPC contract (app/shared/ipc/workspaceIpc.ts), handled in main:
 * app/shared's git workspace library with Node's `fs`, confined to `<workspaces>/<id>`
 * ({@link createConfinedWorkspaceFs}), one folder per workspace id. The id is checked by the
 * request schema and again here; paths by the library and by the confined fs. Operations on one
 * workspace run one after another (an autosave landing during a commit would race git's status
 * walk).
 *
 * @module
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { WorkspaceIpcChannelKey } from '../../shared/ipc/workspaceIpc.ts'
import type { Workspace } from '../../shared/workspace/workspace.ts'
import { openWorkspace, readWorkingText } from '../../shared/workspace/workspace.ts'
import { checkWorkspaceId } from '../../shared/workspace/workspaceId.ts'
import type { IpcHandlers } from '../ipc/validatedIpc.ts'
import type { ConfinedFsBackend } from './confinedWorkspaceFs.ts'
import { createConfinedWorkspaceFs } from './confinedWorkspaceFs.ts'

export interface WorkspaceHandlersOptions {
  /** The folder all workspaces live in: `<userData>/workspaces` (see `storageFolders`). */
  folder: string
  /** Clock for commit times (default: the real time). */
  now?: (() => Date) | undefined
  /** The file system (default: `node:fs/promises`). */
  fs?: (ConfinedFsBackend & { mkdir: typeof mkdir }) | undefined
}

export type WorkspaceHandlers = Pick<IpcHandlers, WorkspaceIpcChannelKey>

/**
 * @example
 * registerIpcHandlers(ipcMain, checkSender, { ...createWorkspaceHandlers({ folder: storageFolders(userData).workspaces }), … })
 */
export function createWorkspaceHandlers(options: WorkspaceHandlersOptions): WorkspaceHandlers {
  const backend = options.fs
  const open = new Map<string, { workspace: Workspace; root: string; tail: Promise<unknown> }>()

  /** Runs `task` on workspace `id` after every earlier task on it. */
  function run<T>(id: string, task: (workspace: Workspace, root: string) => Promise<T>): Promise<T> {
    try {
      checkWorkspaceId(id)
    } catch (error) {
      return Promise.reject(error)
    }
    let entry = open.get(id)
    if (!entry) {
      const root = join(options.folder, id)
      const fs = backend ? createConfinedWorkspaceFs(root, backend) : createConfinedWorkspaceFs(root)
      entry = { workspace: openWorkspace({ fs, dir: root, now: options.now }), root, tail: Promise.resolve() }
      open.set(id, entry)
    }
    const { workspace, root } = entry
    const result = entry.tail.then(
      () => task(workspace, root),
      () => task(workspace, root),
    )
    entry.tail = result.catch(() => undefined)
    return result
  }

  return {
    workspaceIsWorkspace: ({ id }) => run(id, (ws) => ws.isWorkspace()),
    workspaceInit: ({ id, lessonId, files }) =>
      run(id, async (ws, root) => {
        // main makes the folder itself: the confined fs refuses anything above it.
        await (backend?.mkdir ?? mkdir)(root, { recursive: true })
        return ws.init({ lessonId, files })
      }),
    workspaceCommitAttempt: ({ id, summary }) => run(id, (ws) => ws.commitAttempt(summary)),
    workspaceHistory: ({ id }) => run(id, (ws) => ws.history()),
    workspaceDiff: ({ id, fromOid, toOid }) => run(id, (ws) => ws.diff(fromOid, toOid)),
    workspaceRestore: ({ id, oid }) => run(id, (ws) => ws.restore(oid)),
    workspaceReadFile: ({ id, path, oid }) => run(id, (ws) => ws.readFile(path, oid)),
    workspaceListFiles: ({ id, oid }) => run(id, (ws) => ws.listFiles(oid)),
    workspaceHasUnsavedChanges: ({ id }) => run(id, (ws) => ws.hasUnsavedChanges()),
    workspaceWriteFile: ({ id, path, data }) => run(id, (ws) => ws.writeFile(path, data)),
    workspaceCommitSnapshot: ({ id, message }) => run(id, (ws) => ws.commitSnapshot(message)),
    workspaceReplaceFiles: ({ id, files, message }) => run(id, (ws) => ws.replaceFiles(files, message)),
    workspaceReadWorkingFiles: ({ id }) => run(id, (ws) => readWorkingText(ws)),
  }
}
