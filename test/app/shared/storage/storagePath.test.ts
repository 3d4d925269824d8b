import { describe, expect, it } from 'vitest'
import { InvalidStoragePathError } from '../../../../app/shared/storage/storageErrors.ts'
import { checkStoragePath, checkStoragePrefix } from '../../../../app/shared/storage/storagePath.ts'
import { quarantinePath } from '../../../../app/shared/storage/storage.ts'

function rejection(path: string): InvalidStoragePathError {
  try {
    checkStoragePath(path)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidStoragePathError)
    return error as InvalidStoragePathError
  }
  throw new Error(`accepted ${JSON.stringify(path)}`)
}

describe('checkStoragePath', () => {
  it('accepts relative forward-slash paths', () => {
    expect(checkStoragePath('progress.json')).toBe('progress.json')
    expect(checkStoragePath('a/b/c.json')).toBe('a/b/c.json')
    expect(checkStoragePath('.hidden')).toBe('.hidden')
    expect(checkStoragePath('a..b')).toBe('a..b')
  })

  it.each([
    ['', 'empty'],
    ['../x', '..'],
    ['a/../../x', '..'],
    ['..', '..'],
    ['/etc/passwd', 'relative'],
    ['C:/Windows', 'relative'],
    ['c:x', 'relative'],
    ['a\\..\\b', '"/"'],
    ['a\0b', 'NUL'],
    ['a//b', 'empty or "."'],
    ['./a', 'empty or "."'],
    ['a/', 'empty or "."'],
  ])('refuses %j with a specific error naming the path', (path, words) => {
    const e = rejection(path)
    expect(e.code).toBe('storage.invalid-path')
    expect(e.path).toBe(path)
    expect(e.shortMessage).toContain(JSON.stringify(path))
    expect(e.shortMessage).toContain(words)
    expect(e.messageKo).toMatch(/[\uac00-\ud7a3]/)
  })

  it('checks list prefixes ("" and a trailing "/" allowed)', () => {
    expect(checkStoragePrefix('')).toBe('')
    expect(checkStoragePrefix('quarantine/')).toBe('quarantine/')
    expect(() => checkStoragePrefix('../')).toThrow(InvalidStoragePathError)
  })

  it('names quarantined files with a file-name-safe timestamp', () => {
    const at = new Date('2026-01-02T03:04:05.678Z')
    expect(quarantinePath('sub/progress.json', at)).toBe('quarantine/progress.json.2026-01-02T03-04-05-678Z.corrupt')
    expect(quarantinePath('progress.json', at, 2)).toBe('quarantine/progress.json.2026-01-02T03-04-05-678Z-2.corrupt')
  })
})
