/**
 * A {@link HostWorkspace} from app/shared's git {@link Workspace}: the working-copy methods the
 * renderer needs (read all files as text, autosave one file, replace everything), with every
 * operation of one workspace run one after another — an autosave landing while a grading
 * attempt commits would otherwise race git's status walk — and a `persist` step after each
 * change (the browser flushes lightning-fs's directory tree to IndexedDB right away instead of
 * after its 500 ms debounce, so a reload just after typing loses nothing).
 *
 * @module
 */
import type { Workspace } from '../../../shared/workspace/workspace.ts'
import { readWorkingText } from '../../../shared/workspace/workspace.ts'
import type { HostWorkspace } from './host.ts'

export interface HostWorkspaceOptions {
  /** The workspace id (already checked by the caller). */
  id: string
  workspace: Workspace
  /** Runs after every operation that changes files or history. */
  persist?: (() => Promise<void>) | undefined
}

/**
 * @example
 * const ws = createHostWorkspace({ id: 'hello-chain', workspace: openWorkspace({ fs, dir }), persist: () => fs.promises.flush() })
 * await ws.writeWorkingFile('Hello.sol', source)
 */
export function createHostWorkspace(options: HostWorkspaceOptions): HostWorkspace {
  const { id, workspace } = options
  const persist = options.persist ?? (async () => undefined)
  let tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every earlier one of this workspace (whatever their outcome). */
  function queued<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
  /** A change: queued, then persisted even when it failed half way (keep what was written). */
  function changing<T>(task: () => Promise<T>): Promise<T> {
    return queued(async () => {
      try {
        return await task()
      } finally {
        await persist()
      }
    })
  }

  return {
    id,
    dir: workspace.dir,
    isWorkspace: () => queued(() => workspace.isWorkspace()),
    init: (o) => changing(() => workspace.init(o)),
    commitAttempt: (summary) => changing(() => workspace.commitAttempt(summary)),
    history: () => queued(() => workspace.history()),
    diff: (fromOid, toOid) => queued(() => workspace.diff(fromOid, toOid)),
    restore: (oid) => changing(() => workspace.restore(oid)),
    readFile: (path, oid) => queued(() => workspace.readFile(path, oid)),
    listFiles: (oid) => queued(() => workspace.listFiles(oid)),
    hasUnsavedChanges: () => queued(() => workspace.hasUnsavedChanges()),
    writeFile: (path, data) => changing(() => workspace.writeFile(path, data)),
    commitSnapshot: (message) => changing(() => workspace.commitSnapshot(message)),
    replaceFiles: (files, message) => changing(() => workspace.replaceFiles(files, message)),
    readWorkingFiles: () => queued(() => readWorkingText(workspace)),
    writeWorkingFile: (path, text) => changing(() => workspace.writeFile(path, text)),
    replaceAll: (files, message) => changing(async () => (await workspace.replaceFiles(files, message)).version),
  }
}
