/**
 * TEMPORARY placeholder (branch step5-player): the host helper writes the real `selectHost.ts`
 * (Electron or browser, a Storage on IndexedDB with atomic transactions). This one exists only so
 * the lesson player runs before the merge: a browser host over @isomorphic-git/lightning-fs for
 * both the workspaces and the app data. Its storage writes are NOT atomic. Replace it on merge.
 *
 * @module
 */
import LightningFS from '@isomorphic-git/lightning-fs'
import git from 'isomorphic-git'
import type { Storage } from '../../../shared/storage/storage.ts'
import { quarantinePath } from '../../../shared/storage/storage.ts'
import { openWorkspace } from '../../../shared/workspace/workspace.ts'
import type { WorkspaceFs } from '../../../shared/workspace/workspaceFs.ts'
import { ensureParents, exists, joinPath, listWorkingFiles, pruneEmptyParents, toBytes } from '../../../shared/workspace/workspaceFs.ts'
import type { HostWorkspace, PlaygroundHost } from './host.ts'

const AUTHOR = { name: 'Blockchain Playground learner', email: 'learner@playground.local' }

function placeholderStorage(fs: WorkspaceFs & { promises: { rename(a: string, b: string): Promise<void> } }, root: string): Storage {
  const full = (path: string): string => joinPath(root, path)
  const read = async (path: string): Promise<Uint8Array | undefined> => {
    try {
      return toBytes(await fs.promises.readFile(full(path)))
    } catch {
      return undefined
    }
  }
  const ensureRoot = async (): Promise<void> => {
    if (!(await exists(fs, root))) await fs.promises.mkdir(root)
  }
  return {
    read,
    async writeAtomic(path, data) {
      await ensureRoot()
      await ensureParents(fs, root, path)
      await fs.promises.writeFile(full(path), toBytes(data))
    },
    async list(prefix) {
      if (!(await exists(fs, root))) return []
      return (await listWorkingFiles(fs, root)).filter((p) => p.startsWith(prefix))
    },
    async quarantine(path, reason) {
      const where = quarantinePath(path, new Date())
      await ensureParents(fs, root, where)
      await fs.promises.rename(full(path), full(where))
      await fs.promises.writeFile(full(`${where}.txt`), toBytes(reason))
      return where
    },
  }
}

/** TEMPORARY: see the module comment. */
export function createHost(): PlaygroundHost {
  const lfs = new LightningFS('playground-placeholder')
  const fs = lfs as unknown as WorkspaceFs & { promises: { rename(a: string, b: string): Promise<void> } }
  return {
    kind: 'browser',
    storage: placeholderStorage(fs, '/data'),
    async openWorkspace(id): Promise<HostWorkspace> {
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new RangeError(`openWorkspace: invalid id "${id}"`)
      const dir = `/workspaces/${id}`
      const workspace = openWorkspace({ fs, dir })
      const base = { fs, dir }
      const commitAll = async (message: string) => {
        for (const [filepath, head, work, stage] of await git.statusMatrix(base)) {
          if (work === 0) {
            if (head !== 0 || stage !== 0) await git.remove({ ...base, filepath })
          } else if (head !== 1 || work !== 1 || stage !== 1) await git.add({ ...base, filepath, force: true })
        }
        const author = { ...AUTHOR, timestamp: Math.floor(Date.now() / 1000), timezoneOffset: 0 }
        const oid = await git.commit({ ...base, message, author, committer: author })
        return { oid, message, timestamp: new Date(author.timestamp * 1000).toISOString() }
      }
      return Object.assign(Object.create(null) as object, workspace, {
        id,
        async readWorkingFiles() {
          const out: Record<string, string> = {}
          for (const path of await listWorkingFiles(fs, dir)) out[path] = new TextDecoder().decode(toBytes(await fs.promises.readFile(joinPath(dir, path))))
          return out
        },
        async writeWorkingFile(path: string, text: string) {
          await ensureParents(fs, dir, path)
          await fs.promises.writeFile(joinPath(dir, path), toBytes(text))
        },
        async replaceAll(files: Record<string, string>, message: string) {
          const dirty = (await git.statusMatrix(base)).some(([, h, w, s]) => h !== 1 || w !== 1 || s !== 1)
          if (dirty) await commitAll('save before reset')
          for (const path of await listWorkingFiles(fs, dir)) {
            if (path in files) continue
            await fs.promises.unlink(joinPath(dir, path))
            await pruneEmptyParents(fs, dir, path)
          }
          for (const [path, text] of Object.entries(files)) {
            await ensureParents(fs, dir, path)
            await fs.promises.writeFile(joinPath(dir, path), toBytes(text))
          }
          return commitAll(message)
        },
      }) as HostWorkspace
    },
    exposeRpc() {
      return Promise.reject(new Error('exposeRpc: not in the placeholder host'))
    },
  }
}
