/**
 * The Storage contract (app/shared/storage/storage.ts) as a reusable suite: any implementation
 * (memory, disk, IndexedDB) must pass it. `make` gets a fixed clock for quarantine names.
 */
import { describe, expect, it } from 'vitest'
import type { Storage } from '../../../../app/shared/storage/storage.ts'
import { InvalidStoragePathError, StorageIoError } from '../../../../app/shared/storage/storageErrors.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'

export const FIXED_NOW = (): Date => new Date('2026-01-02T03:04:05.000Z')

export function storageContract(label: string, make: (now: () => Date) => Promise<Storage> | Storage): void {
  describe(`${label}: the Storage contract`, () => {
    it('reads what was written (text and bytes), undefined for a missing file', async () => {
      const s = await make(FIXED_NOW)
      expect(await s.read('x.json')).toBeUndefined()
      await s.writeAtomic('x.json', 'héllo 안녕')
      expect(await readText(s, 'x.json')).toBe('héllo 안녕')
      await s.writeAtomic('x.json', new Uint8Array([1, 2, 0, 255]))
      expect(await s.read('x.json')).toEqual(new Uint8Array([1, 2, 0, 255]))
    })

    it('copies bytes on write and on read; a view stores only its own bytes', async () => {
      const s = await make(FIXED_NOW)
      const data = new Uint8Array([1, 2, 3])
      await s.writeAtomic('b', data)
      data[0] = 9
      const read = (await s.read('b'))!
      read[1] = 9
      expect(await s.read('b')).toEqual(new Uint8Array([1, 2, 3]))
      const big = new Uint8Array([7, 8, 9, 10, 11])
      await s.writeAtomic('view', big.subarray(1, 3))
      expect(await s.read('view')).toEqual(new Uint8Array([8, 9]))
    })

    it('lists by prefix, sorted', async () => {
      const s = await make(FIXED_NOW)
      for (const [p, t] of Object.entries({ 'b.json': '1', 'a/y': '3', 'a/x': '2', ab: '4', 'a/deep/z': '5' })) await s.writeAtomic(p, t)
      expect(await s.list('')).toEqual(['a/deep/z', 'a/x', 'a/y', 'ab', 'b.json'])
      expect(await s.list('a/')).toEqual(['a/deep/z', 'a/x', 'a/y'])
      expect(await s.list('nothing/')).toEqual([])
    })

    it('quarantines: moves the file, keeps the reason, never overwrites an earlier copy', async () => {
      const s = await make(FIXED_NOW)
      await s.writeAtomic('progress.json', '{bad')
      const first = await s.quarantine('progress.json', 'not JSON')
      expect(first).toBe('quarantine/progress.json.2026-01-02T03-04-05-000Z.corrupt')
      expect(await s.read('progress.json')).toBeUndefined()
      expect(await readText(s, first)).toBe('{bad')
      expect(await readText(s, `${first}.txt`)).toBe('not JSON\n')
      await s.writeAtomic('progress.json', '{worse')
      const second = await s.quarantine('progress.json', 'again')
      expect(second).toBe('quarantine/progress.json.2026-01-02T03-04-05-000Z-1.corrupt')
      expect(await readText(s, first)).toBe('{bad')
      expect(await readText(s, second)).toBe('{worse')
      expect(await s.list('quarantine/')).toEqual([first, `${first}.txt`, second, `${second}.txt`].sort())
    })

    it('refuses unsafe paths in every operation, and quarantine of a missing file', async () => {
      const s = await make(FIXED_NOW)
      for (const bad of ['../x', '/abs', 'a\0b', 'a\\b', 'a//b', './a', '', 'C:/x']) {
        await expect(s.read(bad), bad).rejects.toBeInstanceOf(InvalidStoragePathError)
        await expect(s.writeAtomic(bad, 'x'), bad).rejects.toBeInstanceOf(InvalidStoragePathError)
        await expect(s.quarantine(bad, 'r'), bad).rejects.toBeInstanceOf(InvalidStoragePathError)
      }
      await expect(s.list('../')).rejects.toBeInstanceOf(InvalidStoragePathError)
      await expect(s.quarantine('missing.json', 'r')).rejects.toBeInstanceOf(StorageIoError)
      expect(await s.list('')).toEqual([])
    })
  })
}
