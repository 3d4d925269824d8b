/**
 * Browser workspaces on the real lightning-fs over fake-indexeddb (Node): start, autosave,
 * attempts, history, diff, restore, reset to starter, and everything surviving a "reload" (a new
 * lightning-fs instance over the same database).
 */
import 'fake-indexeddb/auto'
import LightningFS from '@isomorphic-git/lightning-fs'
import { describe, expect, it } from 'vitest'
import { createBrowserHost } from '../../../../app/renderer/src/host/browserHost.ts'
import type { LightningFsLike } from '../../../../app/renderer/src/host/browserWorkspaces.ts'
import { createBrowserWorkspaces, WORKSPACES_FOLDER } from '../../../../app/renderer/src/host/browserWorkspaces.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'

// lightning-fs looks for navigator.locks (Chromium has it); Node 20 has no `navigator` at all.
;(globalThis as { navigator?: object }).navigator ??= {}

let dbCount = 0
const freshName = (): string => `ws-test-${++dbCount}`
const lfs = (name: string): LightningFsLike => new LightningFS(name) as unknown as LightningFsLike
const clock = (): (() => Date) => {
  let tick = Date.parse('2026-03-01T10:00:00Z')
  return () => new Date((tick += 60_000))
}
const START = { 'Hello.sol': 'contract Hello {\n}\n', 'test/notes.md': '# notes\n' }

describe('createBrowserWorkspaces (lightning-fs)', () => {
  it('init → autosave → attempt → history → diff → restore → reset, in /workspaces/<id>', async () => {
    const fs = lfs(freshName())
    const ws = createBrowserWorkspaces({ fs, now: clock() }).open('hello-chain')
    expect(ws.id).toBe('hello-chain')
    expect(ws.dir).toBe(`${WORKSPACES_FOLDER}/hello-chain`)
    expect(await ws.isWorkspace()).toBe(false)
    const start = await ws.init({ lessonId: 'hello-chain', files: START })
    expect(start.created).toBe(true)
    expect((await fs.promises.readdir('/workspaces/hello-chain')).sort()).toEqual(['.git', 'Hello.sol', 'test'])

    await ws.writeWorkingFile('Hello.sol', 'contract Hello {\n  uint x;\n}\n')
    await ws.writeWorkingFile('src/deep/Extra.sol', 'contract Extra {}\n')
    expect(await ws.readWorkingFiles()).toEqual({
      'Hello.sol': 'contract Hello {\n  uint x;\n}\n',
      'src/deep/Extra.sol': 'contract Extra {}\n',
      'test/notes.md': '# notes\n',
    })
    const a1 = await ws.commitAttempt({ attempt: 1, passed: 1, total: 2, lessonId: 'hello-chain' })
    expect((await ws.history()).map((v) => v.message)).toEqual(['attempt 1: 1/2 checks', 'start: hello-chain'])
    expect(await ws.diff(start.oid, a1.oid)).toEqual([
      { path: 'Hello.sol', change: 'modified', binary: false, patch: '@@ -1,2 +1,3 @@\n contract Hello {\n+  uint x;\n }\n' },
      { path: 'src/deep/Extra.sol', change: 'added', binary: false, patch: '@@ -0,0 +1,1 @@\n+contract Extra {}\n' },
    ])

    await ws.writeWorkingFile('Hello.sol', 'unsaved\n')
    const { version, saved } = await ws.restore(start.oid)
    expect(saved?.message).toBe('save before restore')
    expect(version.message).toBe(`restore ${start.oid.slice(0, 7)}`)
    expect(await ws.readWorkingFiles()).toEqual(START)
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol', saved!.oid))).toBe('unsaved\n')

    await ws.writeWorkingFile('Hello.sol', 'more work\n')
    const reset = await ws.replaceAll({ 'Hello.sol': 'starter\n' }, 'reset to starter')
    expect(reset.message).toBe('reset to starter')
    expect(await ws.readWorkingFiles()).toEqual({ 'Hello.sol': 'starter\n' })
    expect((await ws.history()).map((v) => v.message)).toEqual([
      'reset to starter',
      'save before restore',
      `restore ${start.oid.slice(0, 7)}`,
      'save before restore',
      'attempt 1: 1/2 checks',
      'start: hello-chain',
    ])
  })

  it('what was typed survives a reload (each change flushed before it resolves, not after the debounce)', async () => {
    const name = freshName()
    const fs = lfs(name)
    const flush = fs.promises.flush.bind(fs.promises)
    let flushed = 0
    fs.promises.flush = async () => {
      await flush()
      flushed++
    }
    const ws = createBrowserWorkspaces({ fs, now: clock() }).open('lesson-1')
    await ws.init({ lessonId: 'lesson-1', files: START })
    await ws.commitAttempt({ attempt: 1, passed: 0, total: 1, lessonId: 'lesson-1' })
    expect(flushed).toBe(2)
    await ws.writeWorkingFile('Hello.sol', 'typed just now\n')
    expect(flushed).toBe(3)
    await ws.writeWorkingFile('new/File.sol', 'new file\n')
    expect(flushed).toBe(4)
    await ws.history()
    await ws.readWorkingFiles()
    expect(flushed).toBe(4)
    // A new page: a new lightning-fs over the same IndexedDB database, right away.
    const reloaded = createBrowserWorkspaces({ fs: lfs(name), now: clock() }).open('lesson-1')
    expect(await reloaded.isWorkspace()).toBe(true)
    expect(await reloaded.readWorkingFiles()).toEqual({ 'Hello.sol': 'typed just now\n', 'new/File.sol': 'new file\n', 'test/notes.md': '# notes\n' })
    expect((await reloaded.history()).map((v) => v.message)).toEqual(['attempt 1: 0/1 checks', 'start: lesson-1'])
    expect(await reloaded.hasUnsavedChanges()).toBe(true)
  })

  it('keeps workspaces apart and refuses bad ids and paths', async () => {
    const workspaces = createBrowserWorkspaces({ fs: lfs(freshName()), now: clock() })
    const a = workspaces.open('a')
    const b = workspaces.open('b')
    expect(workspaces.open('a')).toBe(a)
    await a.init({ lessonId: 'a', files: { 'A.sol': 'a' } })
    await b.init({ lessonId: 'b', files: { 'B.sol': 'b' } })
    expect(await a.readWorkingFiles()).toEqual({ 'A.sol': 'a' })
    expect(await b.readWorkingFiles()).toEqual({ 'B.sol': 'b' })
    for (const id of ['..', '../x', 'a/b', '', 'x'.repeat(65), '.hidden', 'a\0']) {
      expect(() => workspaces.open(id), id).toThrow(expect.objectContaining({ code: 'workspace.invalid-id' }))
    }
    for (const path of ['../b/B.sol', '/workspaces/b/B.sol', '.git/config', 'a\\b', 'x\0y']) {
      await expect(a.writeWorkingFile(path, 'evil'), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    }
    expect(await b.readWorkingFiles()).toEqual({ 'B.sol': 'b' })
  })

  it('runs one workspace’s operations in order: autosaves during a commit are not lost or mixed in', async () => {
    const ws = createBrowserWorkspaces({ fs: lfs(freshName()), now: clock() }).open('race')
    await ws.init({ lessonId: 'race', files: { 'A.sol': '0' } })
    const writes = Array.from({ length: 5 }, (_, i) => ws.writeWorkingFile('A.sol', `${i + 1}`))
    const attempt = ws.commitAttempt({ attempt: 1, passed: 0, total: 1, lessonId: 'race' })
    const later = ws.writeWorkingFile('A.sol', 'after')
    await Promise.all([...writes, attempt, later])
    expect(new TextDecoder().decode(await ws.readFile('A.sol', (await attempt).oid))).toBe('5')
    expect(await ws.readWorkingFiles()).toEqual({ 'A.sol': 'after' })
  })
})

describe('createBrowserHost', () => {
  it('is a browser host: IndexedDB storage for data, lightning-fs workspaces', async () => {
    const host = createBrowserHost({ dataDb: freshName(), workspacesFs: freshName() })
    expect(host.kind).toBe('browser')
    await host.storage.writeAtomic('progress.json', '{"v":1}')
    expect(await readText(host.storage, 'progress.json')).toBe('{"v":1}')
    const ws = await host.openWorkspace('hello-chain')
    await ws.init({ lessonId: 'hello-chain', files: START })
    expect(await ws.readWorkingFiles()).toEqual(START)
    expect(await host.storage.list('')).toEqual(['progress.json'])
    await expect(host.openWorkspace('../escape')).rejects.toMatchObject({ code: 'workspace.invalid-id' })
  })
})
