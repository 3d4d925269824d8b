import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'
import { InvalidStoragePathError, StorageIoError } from '../../../../app/shared/storage/storageErrors.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'

const fixed = (): Date => new Date('2026-01-02T03:04:05.000Z')

describe('createMemoryStorage', () => {
  it('reads what was written, undefined for a missing file', async () => {
    const s = createMemoryStorage()
    expect(await s.read('x.json')).toBeUndefined()
    await s.writeAtomic('x.json', 'héllo')
    expect(await readText(s, 'x.json')).toBe('héllo')
    await s.writeAtomic('x.json', new Uint8Array([1, 2]))
    expect(await s.read('x.json')).toEqual(new Uint8Array([1, 2]))
  })

  it('copies bytes on write and on read', async () => {
    const s = createMemoryStorage()
    const data = new Uint8Array([1, 2, 3])
    await s.writeAtomic('b', data)
    data[0] = 9
    const read = (await s.read('b'))!
    read[1] = 9
    expect(await s.read('b')).toEqual(new Uint8Array([1, 2, 3]))
  })

  it('lists by prefix, sorted', async () => {
    const s = createMemoryStorage({ files: { 'b.json': '1', 'a/x': '2', 'a/y': '3', 'ab': '4' } })
    expect(await s.list('')).toEqual(['a/x', 'a/y', 'ab', 'b.json'])
    expect(await s.list('a/')).toEqual(['a/x', 'a/y'])
  })

  it('quarantines: moves the file, keeps the reason, never overwrites an earlier copy', async () => {
    const s = createMemoryStorage({ files: { 'progress.json': '{bad' }, now: fixed })
    const first = await s.quarantine('progress.json', 'not JSON')
    expect(first).toBe('quarantine/progress.json.2026-01-02T03-04-05-000Z.corrupt')
    expect(await s.read('progress.json')).toBeUndefined()
    expect(await readText(s, first)).toBe('{bad')
    expect(await readText(s, `${first}.txt`)).toBe('not JSON\n')
    await s.writeAtomic('progress.json', '{worse')
    const second = await s.quarantine('progress.json', 'again')
    expect(second).not.toBe(first)
    expect(await readText(s, first)).toBe('{bad')
    expect(await readText(s, second)).toBe('{worse')
  })

  it('refuses unsafe paths in every operation', async () => {
    const s = createMemoryStorage()
    await expect(s.read('../x')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(s.writeAtomic('/abs', 'x')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(s.list('../')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(s.quarantine('a\0b', 'r')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(s.quarantine('missing.json', 'r')).rejects.toBeInstanceOf(StorageIoError)
  })
})
