/**
 * Storage for the renderer, confined to two kinds of folder: the app's data folder (progress,
 * settings) and one folder per workspace. Both live under Electron's `userData` but apart from
 * Chromium's own files there (cookies, caches, preferences), which the renderer must never reach:
 *
 *   <userData>/data/                 scope { kind: 'data' }
 *   <userData>/workspaces/<id>/      scope { kind: 'workspace', id }
 *
 * The workspace id is a plain name (checked by the IPC schema and again here); the path inside a
 * scope is checked by the disk storage (no '..', no absolute path, no symlink leading out).
 *
 * @module
 */
import { join } from 'node:path'
import type { StorageScope } from '../../shared/ipc/ipcContract.ts'
import { workspaceIdSchema } from '../../shared/ipc/ipcContract.ts'
import { IpcRequestError } from '../../shared/ipc/ipcErrors.ts'
import type { Storage } from '../../shared/storage/storage.ts'
import type { IpcHandlers } from '../ipc/validatedIpc.ts'
import { createNodeStorage } from '../../shared/storage/nodeStorage.node.ts'

export interface StorageFoldersOptions {
  /** Electron's `app.getPath('userData')`. */
  userData: string
  /** Makes the storage of one root (default: the disk storage). */
  createStorage?: ((root: string) => Storage) | undefined
}

/** The folders of {@link StorageFoldersOptions} for a given `userData`. */
export function storageFolders(userData: string): { data: string; workspaces: string } {
  return { data: join(userData, 'data'), workspaces: join(userData, 'workspaces') }
}

/**
 * The Storage of each scope, made once per root.
 *
 * @example
 * const storageFor = createScopedStorage({ userData: app.getPath('userData') })
 * await storageFor({ kind: 'data' }).read('progress.json')
 */
export function createScopedStorage(options: StorageFoldersOptions): (scope: StorageScope) => Storage {
  const folders = storageFolders(options.userData)
  const create = options.createStorage ?? ((root: string) => createNodeStorage({ root }))
  const cache = new Map<string, Storage>()
  return (scope) => {
    let root: string
    if (scope.kind === 'data') root = folders.data
    else {
      if (!workspaceIdSchema.safeParse(scope.id).success) {
        throw new IpcRequestError('storage.invalid-workspace', {
          en: `Invalid workspace id ${JSON.stringify(scope.id)}: use 1–64 letters, digits, "-" or "_".`,
          ko: `작업 공간 이름 ${JSON.stringify(scope.id)}이(가) 올바르지 않습니다: 영문자, 숫자, "-", "_"로 1~64자여야 합니다.`,
        })
      }
      root = join(folders.workspaces, scope.id)
    }
    let storage = cache.get(root)
    if (!storage) {
      storage = create(root)
      cache.set(root, storage)
    }
    return storage
  }
}

/** Whether `path` (relative, '/'-separated) is inside a workspace's `.git` folder (or is it). */
function isGitPath(path: string): boolean {
  const first = path.split('/', 1)[0]!
  return first.toLowerCase() === '.git'
}

/**
 * A workspace's `.git` belongs to main's workspace handlers (app/main/workspace): a renderer that
 * wrote there through plain storage could corrupt the learner's history, so it is refused.
 */
function refuseGitPath(scope: StorageScope, path: string): void {
  if (scope.kind === 'workspace' && isGitPath(path)) {
    throw new IpcRequestError('storage.git-folder', {
      en: `${JSON.stringify(path)} is inside the workspace's .git folder, which only the workspace's own operations (attempts, history, restore) may change.`,
      ko: `${JSON.stringify(path)}은(는) 작업 공간의 .git 폴더 안에 있습니다. 이 폴더는 작업 공간 기능(채점 기록, 기록 보기, 되돌리기)만 바꿀 수 있습니다.`,
    })
  }
}

/** The four storage handlers of the IPC contract over scoped storage. */
export function createStorageHandlers(storageFor: (scope: StorageScope) => Storage): Pick<IpcHandlers, 'storageRead' | 'storageWriteAtomic' | 'storageList' | 'storageQuarantine'> {
  return {
    storageRead: ({ scope, path }) => (refuseGitPath(scope, path), storageFor(scope).read(path)),
    storageWriteAtomic: ({ scope, path, data }) => (refuseGitPath(scope, path), storageFor(scope).writeAtomic(path, data)),
    storageList: async ({ scope, prefix }) => {
      refuseGitPath(scope, prefix)
      const paths = await storageFor(scope).list(prefix)
      return scope.kind === 'workspace' ? paths.filter((path) => !isGitPath(path)) : paths
    },
    storageQuarantine: ({ scope, path, reason }) => (refuseGitPath(scope, path), storageFor(scope).quarantine(path, reason)),
  }
}
