/**
 * The Storage interface (app/shared/storage) in the browser, on IndexedDB: one object store of
 * files keyed by path. Every write is ONE readwrite transaction, so a reload or a crash in the
 * middle leaves the old bytes or the new ones, never a mix; a quarantine (copy, reason, delete)
 * is one transaction too, so a damaged file is never both gone and not yet set aside.
 *
 * Transactions ask for `durability: 'strict'` (the data is flushed before `complete` fires):
 * progress is small and written rarely, and "nothing a learner did is lost" matters more than
 * the milliseconds.
 *
 * The IndexedDB types are written out structurally ({@link IdbFactoryLike}) instead of naming the
 * DOM's: the same file is type-checked by the tests, which see Node's types and not the DOM's.
 *
 * @module
 */
import type { Storage } from '../../../shared/storage/storage.ts'
import { quarantinePath } from '../../../shared/storage/storage.ts'
import { StorageIoError } from '../../../shared/storage/storageErrors.ts'
import { checkStoragePath, checkStoragePrefix } from '../../../shared/storage/storagePath.ts'

/** The object store that holds the files (key: the storage path, value: the bytes). */
export const FILES_STORE = 'files'
/** The schema version of the database: bump it (with an upgrade step) when the layout changes. */
export const STORAGE_DB_VERSION = 1
/** The default database: the app's data (progress, settings). */
export const DEFAULT_STORAGE_DB = 'blockchain-playground-data'

interface IdbRequestLike<T> {
  result: T
  error: unknown
  onsuccess: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
}
interface IdbObjectStoreLike {
  get(key: string): IdbRequestLike<unknown>
  getKey(key: string): IdbRequestLike<unknown>
  getAllKeys(): IdbRequestLike<unknown[]>
  put(value: unknown, key: string): IdbRequestLike<unknown>
  delete(key: string): IdbRequestLike<unknown>
}
interface IdbTransactionLike {
  objectStore(name: string): IdbObjectStoreLike
  error: unknown
  oncomplete: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onabort: ((event: unknown) => void) | null
  abort(): void
}
interface IdbDatabaseLike {
  transaction(store: string, mode: 'readonly' | 'readwrite', options?: { durability?: 'strict' | 'relaxed' | 'default' }): IdbTransactionLike
  createObjectStore(name: string): unknown
  objectStoreNames: { contains(name: string): boolean }
  onversionchange: ((event: unknown) => void) | null
  close(): void
}
interface IdbOpenRequestLike extends IdbRequestLike<IdbDatabaseLike> {
  onupgradeneeded: ((event: unknown) => void) | null
  onblocked: ((event: unknown) => void) | null
}
/** The part of the browser's `indexedDB` (an `IDBFactory`) the storage uses. */
export interface IdbFactoryLike {
  open(name: string, version?: number): IdbOpenRequestLike
}

export interface IndexedDbStorageOptions {
  /** The database name (default {@link DEFAULT_STORAGE_DB}). */
  name?: string | undefined
  /** The IndexedDB factory (default: the global `indexedDB`); tests pass fake-indexeddb's. */
  indexedDB?: IdbFactoryLike | undefined
  /** The clock for quarantine names (default: the real time). */
  now?: (() => Date) | undefined
}

export interface IndexedDbStorage extends Storage {
  /** Closes the database connection (a later call opens it again). */
  close(): void
}

/**
 * @example
 * const storage = createIndexedDbStorage({ name: 'blockchain-playground-data' })
 * await storage.writeAtomic('progress.json', JSON.stringify(progress))
 * await storage.list('') // ['progress.json']
 */
export function createIndexedDbStorage(options: IndexedDbStorageOptions = {}): IndexedDbStorage {
  const name = options.name ?? DEFAULT_STORAGE_DB
  const now = options.now ?? (() => new Date())
  let opening: Promise<IdbDatabaseLike> | undefined

  function factory(): IdbFactoryLike {
    const found = options.indexedDB ?? (globalThis as { indexedDB?: IdbFactoryLike }).indexedDB
    if (!found) throw new Error('this browser has no IndexedDB (a private window may turn it off) / 이 브라우저에는 IndexedDB가 없습니다(사생활 보호 창에서는 꺼져 있을 수 있습니다)')
    return found
  }

  function database(): Promise<IdbDatabaseLike> {
    opening ??= new Promise<IdbDatabaseLike>((resolve, reject) => {
      const request = factory().open(name, STORAGE_DB_VERSION)
      request.onupgradeneeded = () => {
        const db = request.result
        if (!db.objectStoreNames.contains(FILES_STORE)) db.createObjectStore(FILES_STORE)
      }
      request.onsuccess = () => {
        const db = request.result
        // Another tab upgrading the schema: let it, and reopen on the next call here.
        db.onversionchange = () => {
          db.close()
          opening = undefined
        }
        resolve(db)
      }
      request.onerror = () => reject(request.error)
      request.onblocked = () => reject(new Error('another tab of the app holds an older version of the database open: close it and reload / 앱의 다른 탭이 이전 버전의 데이터베이스를 열고 있습니다: 그 탭을 닫고 새로고침하세요'))
    }).catch((error: unknown) => {
      opening = undefined
      throw error
    })
    return opening
  }

  /**
   * Runs `work` in one transaction and resolves with its value once the transaction has
   * COMPLETED (committed), not merely when the last request succeeded.
   */
  async function inTransaction<T>(mode: 'readonly' | 'readwrite', work: (store: IdbObjectStoreLike, abort: (error: unknown) => void) => Promise<T>): Promise<T> {
    const db = await database()
    const tx = db.transaction(FILES_STORE, mode, mode === 'readwrite' ? { durability: 'strict' } : undefined)
    let failure: unknown
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(failure ?? tx.error)
      tx.onabort = () => reject(failure ?? tx.error ?? new Error('the transaction was aborted'))
    })
    const abort = (error: unknown): void => {
      failure = error
      tx.abort()
    }
    let value: T
    try {
      value = await work(tx.objectStore(FILES_STORE), abort)
    } catch (error) {
      if (failure === undefined) abort(error)
      await done.catch(() => undefined)
      throw error
    }
    await done
    return value
  }

  return {
    async read(path) {
      checkStoragePath(path)
      try {
        const value = await inTransaction('readonly', (store) => request(store.get(path)))
        return value === undefined ? undefined : toBytes(value)
      } catch (error) {
        throw new StorageIoError('read', path, error)
      }
    },

    async writeAtomic(path, data) {
      checkStoragePath(path)
      // A copy: the caller may reuse its buffer once this returns (and structured clone of a
      // view into a larger buffer would store the whole buffer).
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data.slice()
      try {
        await inTransaction('readwrite', (store) => request(store.put(bytes, path)))
      } catch (error) {
        throw new StorageIoError('write', path, error)
      }
    },

    async list(prefix) {
      checkStoragePrefix(prefix)
      try {
        const keys = await inTransaction('readonly', (store) => request(store.getAllKeys()))
        return keys.filter((k): k is string => typeof k === 'string' && k.startsWith(prefix)).sort()
      } catch (error) {
        throw new StorageIoError('list', prefix || '.', error)
      }
    },

    async quarantine(path, reason) {
      checkStoragePath(path)
      const at = now()
      try {
        return await inTransaction('readwrite', async (store, abort) => {
          const value = await request(store.get(path))
          if (value === undefined) {
            const missing = new Error('no such file')
            abort(missing)
            throw missing
          }
          let n = 0
          while ((await request(store.getKey(quarantinePath(path, at, n)))) !== undefined) n++
          const target = quarantinePath(path, at, n)
          store.put(toBytes(value), target)
          store.put(new TextEncoder().encode(`${reason}\n`), `${target}.txt`)
          store.delete(path)
          return target
        })
      } catch (error) {
        throw new StorageIoError('quarantine', path, error)
      }
    },

    close() {
      const pending = opening
      opening = undefined
      void pending?.then((db) => db.close()).catch(() => undefined)
    },
  }
}

/** A request's result as a promise. */
function request<T>(req: IdbRequestLike<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

/** Stored values are Uint8Arrays; an ArrayBuffer (another writer) is accepted too. */
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value)
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0))
  throw new Error(`the stored value is not bytes (${Object.prototype.toString.call(value)})`)
}
