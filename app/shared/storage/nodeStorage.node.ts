/**
 * The Storage interface on disk, rooted at one folder (the user's data folder). A write goes to a
 * temp file in the same folder, is fsync'ed, then renamed over the target: rename within one
 * folder is atomic on every OS we ship to, so a crash leaves the old file or the new one, never
 * half of each. Paths that would leave the root — by '..' or through a symlinked folder — are
 * refused.
 *
 * @module
 */
import * as fsPromises from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import type { Storage } from './storage.ts'
import { QUARANTINE_FOLDER, quarantinePath } from './storage.ts'
import { InvalidStoragePathError, StorageIoError } from './storageErrors.ts'
import { checkStoragePath, checkStoragePrefix } from './storagePath.ts'

/** The parts of `node:fs/promises` the storage uses (injectable so tests can make them fail). */
export type NodeStorageFs = Pick<typeof fsPromises, 'open' | 'rename' | 'mkdir' | 'readFile' | 'readdir' | 'realpath' | 'unlink' | 'writeFile'>

export interface NodeStorageOptions {
  /** The folder everything lives in; created on the first write. */
  root: string
  /** Clock for quarantine names (default: the real time). */
  now?: (() => Date) | undefined
  fs?: NodeStorageFs | undefined
}

/**
 * @example
 * const storage = createNodeStorage({ root: dataFolder() })
 * await storage.writeAtomic('progress.json', JSON.stringify(progress))
 */
export function createNodeStorage(options: NodeStorageOptions): Storage {
  const { root } = options
  const fs = options.fs ?? fsPromises
  const now = options.now ?? (() => new Date())

  /** Refuses a folder that resolves (through symlinks) outside the root. */
  async function checkInsideRoot(path: string, folder: string): Promise<void> {
    const [realRoot, realFolder] = await Promise.all([fs.realpath(root), fs.realpath(folder)])
    const rel = relative(realRoot, realFolder)
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InvalidStoragePathError(path, { en: 'a folder on the way is a link that leads outside the storage', ko: '경로 중간의 폴더가 저장소 바깥을 가리키는 링크입니다' })
    }
  }

  async function readFileInRoot(path: string): Promise<Uint8Array | undefined> {
    const full = join(root, checkStoragePath(path))
    try {
      await checkInsideRoot(path, dirname(full))
      const real = await fs.realpath(full)
      await checkInsideRoot(path, dirname(real))
      return new Uint8Array(await fs.readFile(real))
    } catch (error) {
      if (isMissing(error)) return undefined
      if (error instanceof InvalidStoragePathError) throw error
      throw new StorageIoError('read', path, error)
    }
  }

  async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
    const full = join(root, checkStoragePath(path))
    const folder = dirname(full)
    const temp = join(folder, `.${full.slice(folder.length + 1)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`)
    try {
      await fs.mkdir(folder, { recursive: true })
      await checkInsideRoot(path, folder)
      const handle = await fs.open(temp, 'wx')
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(temp, full)
      await syncFolder(fs, folder)
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined)
      if (error instanceof InvalidStoragePathError) throw error
      throw new StorageIoError('write', path, error)
    }
  }

  async function list(prefix: string): Promise<string[]> {
    checkStoragePrefix(prefix)
    const out: string[] = []
    const walk = async (folder: string, rel: string): Promise<void> => {
      let entries
      try {
        entries = await fs.readdir(folder, { withFileTypes: true })
      } catch (error) {
        if (isMissing(error)) return
        throw new StorageIoError('list', rel || '.', error)
      }
      for (const entry of entries) {
        const path = rel ? `${rel}/${entry.name}` : entry.name
        // Temp files of writes in flight (or of a crash) are not stored files.
        if (entry.name.startsWith('.') && entry.name.includes('.tmp-')) continue
        if (entry.isDirectory()) {
          if (prefix.startsWith(`${path}/`) || `${path}/`.startsWith(prefix)) await walk(join(folder, entry.name), path)
        } else if (entry.isFile() && path.startsWith(prefix)) out.push(path)
      }
    }
    await walk(root, '')
    return out.sort()
  }

  async function quarantine(path: string, reason: string): Promise<string> {
    const bytes = await readFileInRoot(path)
    if (bytes === undefined) throw new StorageIoError('quarantine', path, new Error('no such file'))
    const at = now()
    const existing = new Set(await list(`${QUARANTINE_FOLDER}/`))
    let n = 0
    while (existing.has(quarantinePath(path, at, n))) n++
    const target = quarantinePath(path, at, n)
    try {
      await fs.mkdir(dirname(join(root, target)), { recursive: true })
      await checkInsideRoot(target, dirname(join(root, target)))
      // A rename keeps the bytes exactly as they were found: nothing to re-write, nothing lost.
      await fs.rename(join(root, path), join(root, target))
    } catch (error) {
      if (error instanceof InvalidStoragePathError) throw error
      throw new StorageIoError('quarantine', path, error)
    }
    await writeAtomic(`${target}.txt`, `${reason}\n`)
    return target
  }

  return { read: readFileInRoot, writeAtomic, list, quarantine }
}

/**
 * Makes the rename itself durable. Windows cannot open a folder for fsync; there the rename
 * is already journaled by NTFS, so it is skipped.
 */
async function syncFolder(fs: NodeStorageFs, folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // Some file systems (e.g. certain network mounts) refuse fsync on folders; the data itself is synced.
  } finally {
    await handle.close()
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
