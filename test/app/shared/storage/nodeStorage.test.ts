import * as fsPromises from 'node:fs/promises'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createNodeStorage } from '../../../../app/shared/storage/nodeStorage.node.ts'
import type { NodeStorageFs } from '../../../../app/shared/storage/nodeStorage.node.ts'
import { InvalidStoragePathError, StorageIoError } from '../../../../app/shared/storage/storageErrors.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'

let root: string
let outside: string
beforeEach(() => {
  const base = mkdtempSync(join(tmpdir(), 'playground-storage-'))
  root = join(base, 'data')
  outside = join(base, 'outside')
  mkdirSync(root)
  mkdirSync(outside)
})
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }))

const fixed = (): Date => new Date('2026-01-02T03:04:05.000Z')

describe('createNodeStorage', () => {
  it('writes, reads and overwrites files (creating folders), no temp files left', async () => {
    const s = createNodeStorage({ root })
    expect(await s.read('progress.json')).toBeUndefined()
    await s.writeAtomic('progress.json', '{"a":1}')
    await s.writeAtomic('deep/er/file.bin', new Uint8Array([0, 1, 2]))
    await s.writeAtomic('progress.json', '{"a":2}')
    expect(await readText(s, 'progress.json')).toBe('{"a":2}')
    expect(await s.read('deep/er/file.bin')).toEqual(new Uint8Array([0, 1, 2]))
    expect(readdirSync(root).sort()).toEqual(['deep', 'progress.json'])
    expect(await s.list('')).toEqual(['deep/er/file.bin', 'progress.json'])
    expect(await s.list('deep/')).toEqual(['deep/er/file.bin'])
    expect(await s.list('nothing/')).toEqual([])
  })

  it('creates the root folder on the first write', async () => {
    const s = createNodeStorage({ root: join(root, 'new', 'folder') })
    expect(await s.list('')).toEqual([])
    await s.writeAtomic('x', 'y')
    expect(readFileSync(join(root, 'new', 'folder', 'x'), 'utf8')).toBe('y')
  })

  it('crash safety: a write that fails before the rename leaves the old content and no temp file', async () => {
    const failingRename: NodeStorageFs = { ...fsPromises, rename: async () => Promise.reject(Object.assign(new Error('power cut'), { code: 'EIO' })) }
    await createNodeStorage({ root }).writeAtomic('progress.json', 'old')
    const s = createNodeStorage({ root, fs: failingRename })
    const error = await s.writeAtomic('progress.json', 'new').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageIoError)
    expect((error as StorageIoError).code).toBe('storage.write-failed')
    expect((error as StorageIoError).details).toContain('power cut')
    expect((error as StorageIoError).messageKo).toContain('progress.json')
    expect(readFileSync(join(root, 'progress.json'), 'utf8')).toBe('old')
    expect(readdirSync(root)).toEqual(['progress.json'])
  })

  it('crash safety: a failure in the middle of writing the data leaves the old content', async () => {
    await createNodeStorage({ root }).writeAtomic('progress.json', 'old')
    const failingWrite: NodeStorageFs = {
      ...fsPromises,
      open: (async (path: string, flags: string) => {
        const handle = await fsPromises.open(path, flags)
        return Object.assign(Object.create(handle) as fsPromises.FileHandle, {
          writeFile: async (data: string | Uint8Array) => {
            await handle.writeFile(typeof data === 'string' ? data.slice(0, 2) : data.slice(0, 2))
            throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
          },
          close: () => handle.close(),
        })
      }) as NodeStorageFs['open'],
    }
    await expect(createNodeStorage({ root, fs: failingWrite }).writeAtomic('progress.json', 'new content')).rejects.toBeInstanceOf(StorageIoError)
    expect(readFileSync(join(root, 'progress.json'), 'utf8')).toBe('old')
    expect(readdirSync(root)).toEqual(['progress.json'])
  })

  it('refuses traversal and absolute paths before touching the disk', async () => {
    const s = createNodeStorage({ root })
    for (const path of ['../outside/x', 'a/../../x', '/etc/passwd', 'a\\b', 'a\0b']) {
      await expect(s.writeAtomic(path, 'x')).rejects.toBeInstanceOf(InvalidStoragePathError)
      await expect(s.read(path)).rejects.toBeInstanceOf(InvalidStoragePathError)
    }
    expect(readdirSync(outside)).toEqual([])
  })

  it.skipIf(process.platform === 'win32')('refuses paths that leave the root through a symlinked folder or file', async () => {
    symlinkSync(outside, join(root, 'link'))
    writeFileSync(join(outside, 'secret'), 'top secret')
    symlinkSync(join(outside, 'secret'), join(root, 'file-link'))
    const s = createNodeStorage({ root })
    await expect(s.writeAtomic('link/x', 'x')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(s.read('link/secret')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(s.read('file-link')).rejects.toBeInstanceOf(InvalidStoragePathError)
    expect(readdirSync(outside)).toEqual(['secret'])
  })

  it('quarantines a file to quarantine/<name>.<timestamp>.corrupt with the reason beside it', async () => {
    const s = createNodeStorage({ root, now: fixed })
    await s.writeAtomic('progress.json', '{broken')
    const where = await s.quarantine('progress.json', 'not valid JSON')
    expect(where).toBe('quarantine/progress.json.2026-01-02T03-04-05-000Z.corrupt')
    expect(existsSync(join(root, 'progress.json'))).toBe(false)
    expect(readFileSync(join(root, where), 'utf8')).toBe('{broken')
    expect(readFileSync(join(root, `${where}.txt`), 'utf8')).toBe('not valid JSON\n')
    await s.writeAtomic('progress.json', '{again')
    const second = await s.quarantine('progress.json', 'again')
    expect(second).toBe('quarantine/progress.json.2026-01-02T03-04-05-000Z-1.corrupt')
    expect(await s.list('quarantine/')).toHaveLength(4)
  })

  it('quarantine of a missing file is an error naming it', async () => {
    const error = await createNodeStorage({ root }).quarantine('nope.json', 'r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageIoError)
    expect((error as StorageIoError).shortMessage).toContain('nope.json')
  })

  it('ignores temp files left by a crash when listing', async () => {
    writeFileSync(join(root, '.progress.json.tmp-123-abc'), 'half')
    const s = createNodeStorage({ root })
    await s.writeAtomic('progress.json', 'whole')
    expect(await s.list('')).toEqual(['progress.json'])
  })
})
