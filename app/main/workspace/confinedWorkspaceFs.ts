/**
 * Node's `fs` for one workspace folder, confined to it: the git library (app/shared/workspace)
 * runs in main on the real disk, and no path it is given — whatever the renderer sent, whatever
 * links the folder holds — may read or write outside `<userData>/workspaces/<id>`.
 *
 * Every operation resolves its path and refuses one that is not inside the root. Operations that
 * follow links (read, write, stat, readdir) also resolve the real path (through every symlink)
 * and refuse one that lands outside — including a dangling link, which a write would follow to
 * create a file outside. Operations on the entry itself (lstat, unlink, rmdir, mkdir, readlink)
 * check the real path of its folder. `symlink` always refuses: the library never makes links,
 * and a link is the one thing that could later lead a write outside.
 *
 * @module
 */
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { WorkspaceFs } from '../../shared/workspace/workspaceFs.ts'
import { WorkspaceError } from '../../shared/workspace/workspaceErrors.ts'

/** The parts of `node:fs/promises` used (injectable for tests). */
export type ConfinedFsBackend = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'unlink' | 'readdir' | 'mkdir' | 'rmdir' | 'stat' | 'lstat' | 'readlink' | 'realpath'>

/**
 * @example
 * const fs = createConfinedWorkspaceFs('/home/ada/.config/Blockchain Playground/workspaces/hello-chain')
 * const ws = openWorkspace({ fs, dir: root })
 */
export function createConfinedWorkspaceFs(root: string, backend: ConfinedFsBackend = nodeFs): WorkspaceFs {
  const absRoot = resolve(root)

  const outside = (path: string, how: 'path' | 'link'): WorkspaceError =>
    new WorkspaceError(
      'workspace.invalid-path',
      how === 'path'
        ? { en: `"${path}" is outside the workspace folder; it was refused.`, ko: `"${path}"은(는) 작업 폴더 바깥이라 거부했습니다.` }
        : {
            en: `"${path}" goes through a link that leads outside the workspace folder; it was refused. Remove the link from the workspace.`,
            ko: `"${path}"은(는) 작업 폴더 바깥을 가리키는 링크를 거쳐 거부했습니다. 작업 폴더에서 그 링크를 지우세요.`,
          },
    )

  /** The real path of `path`, or of its nearest existing ancestor plus the rest. */
  async function realpathOfExisting(path: string): Promise<string> {
    try {
      return await backend.realpath(path)
    } catch (error) {
      if (!isMissing(error)) throw error
      const parent = dirname(path)
      if (parent === path) return path
      return join(await realpathOfExisting(parent), basename(path))
    }
  }

  /** Resolves `path`, refusing anything outside the root (lexically, then through links). */
  async function confine(path: string, follow: boolean): Promise<string> {
    if (typeof path !== 'string' || path.includes('\0')) throw outside(String(path), 'path')
    const abs = resolve(path)
    if (!isInside(absRoot, abs)) throw outside(path, 'path')
    const realRoot = await realpathOfExisting(absRoot)
    let real: string
    if (follow) {
      try {
        real = await backend.realpath(abs)
      } catch (error) {
        if (!isMissing(error)) throw error
        // Missing — unless it is a dangling link, which a write would follow wherever it points.
        const entry = await backend.lstat(abs).catch(() => undefined)
        if (entry?.isSymbolicLink()) throw outside(path, 'link')
        real = await realpathOfExisting(abs)
      }
    } else {
      real = join(await realpathOfExisting(dirname(abs)), basename(abs))
    }
    if (!isInside(realRoot, real)) throw outside(path, 'link')
    return abs
  }

  return {
    promises: {
      // isomorphic-git passes options (`{ encoding: 'utf8' }`, a file mode): they go through as given.
      readFile: async (path: string, options?: Parameters<typeof nodeFs.readFile>[1]) => {
        const data = await backend.readFile(await confine(path, true), options)
        return typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      },
      writeFile: async (path: string, data: Uint8Array | string, options?: Parameters<typeof nodeFs.writeFile>[2]) => backend.writeFile(await confine(path, true), data, options),
      unlink: async (path) => backend.unlink(await confine(path, false)),
      readdir: async (path) => backend.readdir(await confine(path, true)),
      mkdir: async (path: string, options?: Parameters<typeof nodeFs.mkdir>[1]) => backend.mkdir(await confine(path, false), options),
      rmdir: async (path) => backend.rmdir(await confine(path, false)),
      stat: async (path) => backend.stat(await confine(path, true)),
      lstat: async (path) => backend.lstat(await confine(path, false)),
      readlink: async (path) => backend.readlink(await confine(path, false)),
      symlink: async (_target, path) => {
        throw new WorkspaceError('workspace.invalid-path', {
          en: `"${path}": the app does not create links in a workspace.`,
          ko: `"${path}": 앱은 작업 폴더에 링크를 만들지 않습니다.`,
        })
      },
    },
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
