/**
 * A Storage kept in memory: for tests, and for the browser until the IndexedDB one exists.
 * Environment-neutral (no Node, no DOM). Writes copy the bytes, so a caller mutating its buffer
 * afterwards cannot change what was "written".
 *
 * @module
 */
import type { Storage } from './storage.ts'
import { quarantinePath } from './storage.ts'
import { StorageIoError } from './storageErrors.ts'
import { checkStoragePath, checkStoragePrefix } from './storagePath.ts'

export interface MemoryStorageOptions {
  /** Initial files (path → text or bytes). */
  files?: Record<string, string | Uint8Array> | undefined
  /** The clock for quarantine names (default: the real time). */
  now?: (() => Date) | undefined
}

export interface MemoryStorage extends Storage {
  /** A copy of every file, for assertions. */
  snapshot(): Map<string, Uint8Array>
}

/**
 * @example
 * const storage = createMemoryStorage({ files: { 'progress.json': '{}' } })
 * await storage.writeAtomic('a/b.txt', 'hello')
 * await storage.list('a/') // ['a/b.txt']
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  const files = new Map<string, Uint8Array>()
  const now = options.now ?? (() => new Date())
  const toBytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data.slice())
  for (const [path, data] of Object.entries(options.files ?? {})) files.set(checkStoragePath(path), toBytes(data))
  return {
    async read(path) {
      const bytes = files.get(checkStoragePath(path))
      return bytes?.slice()
    },
    async writeAtomic(path, data) {
      files.set(checkStoragePath(path), toBytes(data))
    },
    async list(prefix) {
      checkStoragePrefix(prefix)
      return [...files.keys()].filter((p) => p.startsWith(prefix)).sort()
    },
    async quarantine(path, reason) {
      const bytes = files.get(checkStoragePath(path))
      if (bytes === undefined) throw new StorageIoError('quarantine', path, new Error('no such file'))
      const at = now()
      let n = 0
      while (files.has(quarantinePath(path, at, n))) n++
      const target = quarantinePath(path, at, n)
      files.set(target, bytes)
      files.set(`${target}.txt`, toBytes(`${reason}\n`))
      files.delete(path)
      return target
    },
    snapshot() {
      return new Map([...files].map(([k, v]) => [k, v.slice()]))
    },
  }
}
