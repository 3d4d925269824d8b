/**
 * The browser's Storage on IndexedDB (fake-indexeddb in Node): the shared contract, the data
 * surviving a new connection (a reload), one transaction per write and per quarantine (an
 * aborted one leaves nothing half done), and errors that say what failed.
 */
import { IDBDatabase, IDBFactory } from 'fake-indexeddb'
import { describe, expect, it, vi } from 'vitest'
import { createIndexedDbStorage, FILES_STORE } from '../../../../app/renderer/src/host/indexedDbStorage.ts'
import type { IdbFactoryLike } from '../../../../app/renderer/src/host/indexedDbStorage.ts'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'
import { StorageIoError } from '../../../../app/shared/storage/storageErrors.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'
import { FIXED_NOW, storageContract } from './storageContract.ts'

const freshFactory = (): IdbFactoryLike => new IDBFactory() as unknown as IdbFactoryLike

storageContract('createIndexedDbStorage', (now) => createIndexedDbStorage({ indexedDB: freshFactory(), now }))
storageContract('createMemoryStorage', (now) => createMemoryStorage({ now }))

describe('createIndexedDbStorage', () => {
  it('keeps the data across connections (a page reload) and apart from other databases', async () => {
    const indexedDB = freshFactory()
    const first = createIndexedDbStorage({ indexedDB, name: 'app-data' })
    await first.writeAtomic('progress.json', '{"v":1}')
    first.close()
    const again = createIndexedDbStorage({ indexedDB, name: 'app-data' })
    expect(await readText(again, 'progress.json')).toBe('{"v":1}')
    const other = createIndexedDbStorage({ indexedDB, name: 'other' })
    expect(await other.list('')).toEqual([])
  })

  it('a write is one transaction in strict durability, committed before it resolves', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction')
    try {
      const s = createIndexedDbStorage({ indexedDB: freshFactory() })
      await s.writeAtomic('a', 'x')
      await s.read('a')
      await s.quarantine('a', 'r')
      // (The upgrade's own 'versionchange' transaction is IndexedDB's, not ours.)
      const calls = spy.mock.calls as unknown as Array<[string, string, { durability?: string } | undefined]>
      const ours = calls.filter(([, mode]) => mode !== 'versionchange')
      expect(ours.map(([store, mode, options]) => [store, mode, options?.durability])).toEqual([
        [FILES_STORE, 'readwrite', 'strict'],
        [FILES_STORE, 'readonly', undefined],
        [FILES_STORE, 'readwrite', 'strict'],
      ])
    } finally {
      spy.mockRestore()
    }
  })

  it('a failed quarantine changes nothing (the transaction is aborted as a whole)', async () => {
    const indexedDB = freshFactory()
    const s = createIndexedDbStorage({ indexedDB, now: FIXED_NOW })
    await s.writeAtomic('progress.json', '{bad')
    // A reason that cannot be encoded makes the second put of the transaction throw.
    const bad = { toString: () => { throw new Error('reason exploded') } } as unknown as string
    await expect(s.quarantine('progress.json', bad)).rejects.toBeInstanceOf(StorageIoError)
    expect(await s.list('')).toEqual(['progress.json'])
    expect(await readText(s, 'progress.json')).toBe('{bad')
  })

  it('stored values that are not bytes are reported as a read error, not returned', async () => {
    const indexedDB = freshFactory()
    const s = createIndexedDbStorage({ indexedDB, name: 'mixed' })
    await s.writeAtomic('ok', 'fine')
    s.close()
    // Another writer put a string under a key.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('mixed', 1)
      req.onsuccess = () => {
        const tx = req.result.transaction(FILES_STORE, 'readwrite')
        tx.objectStore(FILES_STORE).put('text, not bytes', 'weird')
        tx.oncomplete = () => {
          req.result.close()
          resolve()
        }
        tx.onerror = () => reject(tx.error)
      }
      req.onerror = () => reject(req.error)
    })
    const again = createIndexedDbStorage({ indexedDB, name: 'mixed' })
    const error = await again.read('weird').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageIoError)
    expect((error as StorageIoError).code).toBe('storage.read-failed')
    expect((error as StorageIoError).messageKo).toContain('읽을 수 없습니다')
    expect(await readText(again, 'ok')).toBe('fine')
  })

  it('says clearly when there is no IndexedDB at all', async () => {
    expect('indexedDB' in globalThis).toBe(false)
    const s = createIndexedDbStorage({ indexedDB: undefined, name: 'x' })
    const error = await s.read('a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageIoError)
    expect((error as StorageIoError).details).toMatch(/no IndexedDB.*IndexedDB가 없습니다/)
  })
})
