/**
 * Storage paths are relative and '/'-separated in every implementation (disk, IndexedDB,
 * memory), so the same caller code works everywhere and no path can reach outside the root.
 *
 * @module
 */
import { InvalidStoragePathError } from './storageErrors.ts'

/**
 * Returns `path` if it is a safe relative storage path; throws {@link InvalidStoragePathError}
 * naming the path and the rule it breaks otherwise.
 *
 * @example
 * checkStoragePath('lessons/intro.json') // 'lessons/intro.json'
 * checkStoragePath('../etc/passwd')      // throws InvalidStoragePathError
 */
export function checkStoragePath(path: string): string {
  const fail = (en: string, ko: string): never => {
    throw new InvalidStoragePathError(path, { en, ko })
  }
  if (typeof path !== 'string' || path.length === 0) fail('it is empty', '비어 있습니다')
  if (path.includes('\0')) fail('it contains a NUL character', 'NUL 문자가 들어 있습니다')
  if (path.includes('\\')) fail('use "/" to separate folders, not "\\"', '폴더 구분에는 "\\"가 아니라 "/"를 쓰세요')
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) fail('it must be relative, not absolute', '절대 경로가 아니라 상대 경로여야 합니다')
  for (const part of path.split('/')) {
    if (part === '..') fail('it climbs out of the storage with ".."', '".."로 저장소 바깥을 가리킵니다')
    if (part === '.' || part === '') fail('it has an empty or "." segment', '비어 있거나 "."인 구간이 있습니다')
  }
  return path
}

/**
 * Checks a `list` prefix: '' (everything) or a safe path, optionally ending in '/'.
 *
 * @example
 * checkStoragePrefix('quarantine/') // 'quarantine/'
 */
export function checkStoragePrefix(prefix: string): string {
  if (prefix === '') return prefix
  checkStoragePath(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix)
  return prefix
}

/** The last segment of a storage path. */
export function storageBaseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
