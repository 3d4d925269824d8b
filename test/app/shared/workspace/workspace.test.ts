import fs from 'node:fs'
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace, WORKSPACE_AUTHOR } from '../../../../app/shared/workspace/workspace.ts'
import type { Workspace } from '../../../../app/shared/workspace/workspace.ts'
import { WorkspaceError } from '../../../../app/shared/workspace/workspaceErrors.ts'

let dir: string
let ws: Workspace
let tick: number
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'playground-ws-')), 'lessons', 'hello')
  tick = Date.parse('2026-03-01T10:00:00Z')
  // Each commit one minute later: deterministic oids and timestamps.
  ws = openWorkspace({ fs, dir, now: () => new Date((tick += 60_000)) })
})
afterEach(() => rmSync(join(dir, '..', '..'), { recursive: true, force: true }))

const text = (path: string): string => readFileSync(join(dir, path), 'utf8')
const START = { 'Hello.sol': 'contract Hello {\n}\n', 'test/notes.md': '# notes\n' }

describe('openWorkspace', () => {
  it('init creates the folder, writes the starter files and commits "start: <lesson>"', async () => {
    expect(await ws.isWorkspace()).toBe(false)
    const { oid, created } = await ws.init({ lessonId: 'hello-chain', files: START })
    expect(created).toBe(true)
    expect(await ws.isWorkspace()).toBe(true)
    expect(text('Hello.sol')).toBe(START['Hello.sol'])
    const history = await ws.history()
    expect(history).toEqual([{ oid, message: 'start: hello-chain', timestamp: '2026-03-01T10:01:00.000Z' }])
    const [entry] = await git.log({ fs, dir })
    expect(entry!.commit.author).toMatchObject({ ...WORKSPACE_AUTHOR, timezoneOffset: 0 })
    expect(await ws.listFiles(oid)).toEqual(['Hello.sol', 'test/notes.md'])
  })

  it('init never overwrites the learner: an existing workspace is left as it is', async () => {
    const first = await ws.init({ lessonId: 'hello-chain', files: START })
    writeFileSync(join(dir, 'Hello.sol'), 'my work')
    const again = await ws.init({ lessonId: 'hello-chain', files: START })
    expect(again).toEqual({ oid: first.oid, created: false })
    expect(text('Hello.sol')).toBe('my work')
    expect(await ws.history()).toHaveLength(1)
  })

  it('init keeps files already in a folder that is not yet a workspace', async () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'Hello.sol'), 'already here')
    await ws.init({ lessonId: 'hello-chain', files: START })
    expect(text('Hello.sol')).toBe('already here')
    expect(await ws.listFiles((await ws.history())[0]!.oid)).toEqual(['Hello.sol', 'test/notes.md'])
  })

  it('commitAttempt commits additions, edits and deletions with "attempt N: P/T checks"', async () => {
    await ws.init({ lessonId: 'hello-chain', files: START })
    writeFileSync(join(dir, 'Hello.sol'), 'contract Hello {\n  uint x;\n}\n')
    writeFileSync(join(dir, 'Extra.sol'), 'contract Extra {}\n')
    unlinkSync(join(dir, 'test/notes.md'))
    const v = await ws.commitAttempt({ attempt: 1, passed: 4, total: 5, lessonId: 'hello-chain' })
    expect(v.message).toBe('attempt 1: 4/5 checks')
    expect(await ws.listFiles(v.oid)).toEqual(['Extra.sol', 'Hello.sol'])
    const [entry] = await git.log({ fs, dir, depth: 1 })
    expect(entry!.commit.message).toBe('attempt 1: 4/5 checks\n\nlesson: hello-chain\n')
    const matrix = await git.statusMatrix({ fs, dir })
    expect(matrix.every(([, h, w, s]) => h === 1 && w === 1 && s === 1)).toBe(true)
  })

  it('commits an attempt even when nothing changed (every attempt shows in history)', async () => {
    await ws.init({ lessonId: 'hello-chain', files: START })
    await ws.commitAttempt({ attempt: 1, passed: 0, total: 5, lessonId: 'hello-chain' })
    await ws.commitAttempt({ attempt: 2, passed: 0, total: 5, lessonId: 'hello-chain' })
    expect((await ws.history()).map((h) => h.message)).toEqual(['attempt 2: 0/5 checks', 'attempt 1: 0/5 checks', 'start: hello-chain'])
  })

  it('ignores nothing but .git: files a .gitignore names are committed too', async () => {
    await ws.init({ lessonId: 'l', files: { '.gitignore': '*.log\nbuild/\n' } })
    mkdirSync(join(dir, 'build'))
    writeFileSync(join(dir, 'build/out.json'), '{}')
    writeFileSync(join(dir, 'debug.log'), 'x')
    const v = await ws.commitAttempt({ attempt: 1, passed: 1, total: 1, lessonId: 'l' })
    expect(await ws.listFiles(v.oid)).toEqual(['.gitignore', 'build/out.json', 'debug.log'])
  })

  it('diff shows per-file changes between versions and against the working files', async () => {
    const start = await ws.init({ lessonId: 'l', files: START })
    writeFileSync(join(dir, 'Hello.sol'), 'contract Hello {\n  uint x;\n}\n')
    writeFileSync(join(dir, 'bin.dat'), new Uint8Array([0, 1, 2]))
    unlinkSync(join(dir, 'test/notes.md'))
    const a1 = await ws.commitAttempt({ attempt: 1, passed: 1, total: 2, lessonId: 'l' })
    expect(await ws.diff(start.oid, a1.oid)).toEqual([
      { path: 'Hello.sol', change: 'modified', binary: false, patch: '@@ -1,2 +1,3 @@\n contract Hello {\n+  uint x;\n }\n' },
      { path: 'bin.dat', change: 'added', binary: true, patch: '' },
      { path: 'test/notes.md', change: 'removed', binary: false, patch: '@@ -1,1 +0,0 @@\n-# notes\n' },
    ])
    expect(await ws.diff(a1.oid)).toEqual([])
    writeFileSync(join(dir, 'New.sol'), 'x\n')
    expect(await ws.diff(a1.oid.slice(0, 7))).toEqual([{ path: 'New.sol', change: 'added', binary: false, patch: '@@ -0,0 +1,1 @@\n+x\n' }])
  })

  it('restore brings an old version back as a new commit, saving unsaved changes first', async () => {
    const start = await ws.init({ lessonId: 'l', files: START })
    writeFileSync(join(dir, 'Hello.sol'), 'attempt one\n')
    mkdirSync(join(dir, 'more/deep'), { recursive: true })
    writeFileSync(join(dir, 'more/deep/x.sol'), 'x\n')
    await ws.commitAttempt({ attempt: 1, passed: 1, total: 2, lessonId: 'l' })
    writeFileSync(join(dir, 'Hello.sol'), 'unsaved edit\n')
    const { version, saved } = await ws.restore(start.oid)
    expect(saved?.message).toBe('save before restore')
    expect(version.message).toBe(`restore ${start.oid.slice(0, 7)}`)
    expect(text('Hello.sol')).toBe(START['Hello.sol'])
    expect(text('test/notes.md')).toBe(START['test/notes.md'])
    expect(existsSync(join(dir, 'more'))).toBe(false)
    expect(await ws.listFiles()).toEqual(['Hello.sol', 'test/notes.md'])
    // Nothing lost: the unsaved edit is in history.
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol', saved!.oid))).toBe('unsaved edit\n')
    expect((await ws.history()).map((h) => h.message)).toEqual([`restore ${start.oid.slice(0, 7)}`, 'save before restore', 'attempt 1: 1/2 checks', 'start: l'])
    expect(await ws.diff(start.oid, version.oid)).toEqual([])
  })

  it('restore of the current version with no changes adds only the restore commit', async () => {
    const start = await ws.init({ lessonId: 'l', files: START })
    const { saved } = await ws.restore(start.oid)
    expect(saved).toBeUndefined()
    expect(await ws.history()).toHaveLength(2)
  })

  it('readFile and listFiles read now or at a version', async () => {
    const start = await ws.init({ lessonId: 'l', files: START })
    writeFileSync(join(dir, 'Hello.sol'), 'changed')
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol'))).toBe('changed')
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol', start.oid))).toBe(START['Hello.sol'])
    expect(await ws.readFile('missing.sol')).toBeUndefined()
    expect(await ws.readFile('missing.sol', start.oid)).toBeUndefined()
    expect(await ws.listFiles()).toEqual(['Hello.sol', 'test/notes.md'])
  })

  it('gives specific errors: not a workspace, unknown version, bad path', async () => {
    const notYet = await ws.commitAttempt({ attempt: 1, passed: 0, total: 1, lessonId: 'l' }).catch((e: unknown) => e)
    expect(notYet).toBeInstanceOf(WorkspaceError)
    expect((notYet as WorkspaceError).code).toBe('workspace.not-a-workspace')
    expect((notYet as WorkspaceError).messageKo).toContain(dir)
    await ws.init({ lessonId: 'l', files: START })
    for (const oid of ['deadbeef', 'not-an-oid', '']) {
      const e = await ws.restore(oid).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(WorkspaceError)
      expect((e as WorkspaceError).code).toBe('workspace.unknown-version')
      expect((e as WorkspaceError).rendered.en).toContain(`"${oid}"`)
    }
    await expect(ws.readFile('../etc/passwd')).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(ws.readFile('.git/config')).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(ws.init({ lessonId: 'x', files: { '../escape': 'x' } })).resolves.toMatchObject({ created: false })
  })

  it('refuses starter files outside the workspace', async () => {
    await expect(ws.init({ lessonId: 'x', files: { '../escape.txt': 'x' } })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    expect(existsSync(join(dir, '..', 'escape.txt'))).toBe(false)
  })

  it('gives the same commit ids for the same inputs and clock (deterministic)', async () => {
    const a = await ws.init({ lessonId: 'l', files: START })
    const dir2 = join(dir, '..', 'lesson2')
    let tick2 = Date.parse('2026-03-01T10:00:00Z')
    const ws2 = openWorkspace({ fs, dir: dir2, now: () => new Date((tick2 += 60_000)) })
    const b = await ws2.init({ lessonId: 'l', files: START })
    expect(b.oid).toBe(a.oid)
  })
})
