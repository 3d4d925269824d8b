/**
 * Main's workspace handlers and the confined fs under them, called directly (the IPC layer is
 * covered by test/security/workspaceIpc.test.ts and the Electron host's tests): one folder per
 * id, folders made by main, operations of one workspace in order, ids checked again here.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConfinedWorkspaceFs } from '../../../app/main/workspace/confinedWorkspaceFs.ts'
import { createWorkspaceHandlers } from '../../../app/main/workspace/workspaceHandlers.ts'

let base: string
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'playground-ws-handlers-'))
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const clock = (): (() => Date) => {
  let tick = Date.parse('2026-03-01T10:00:00Z')
  return () => new Date((tick += 60_000))
}

describe('createWorkspaceHandlers', () => {
  it('makes <folder>/<id> on init (and its parents), one repository per id', async () => {
    const folder = join(base, 'not', 'yet', 'workspaces')
    const h = createWorkspaceHandlers({ folder, now: clock() })
    expect(await h.workspaceIsWorkspace({ id: 'a' })).toBe(false)
    const a = await h.workspaceInit({ id: 'a', lessonId: 'a', files: { 'A.sol': 'a' } })
    expect(a.created).toBe(true)
    await h.workspaceInit({ id: 'b', lessonId: 'b', files: { 'B.sol': 'b' } })
    expect(readFileSync(join(folder, 'a', 'A.sol'), 'utf8')).toBe('a')
    expect(await h.workspaceReadWorkingFiles({ id: 'b' })).toEqual({ 'B.sol': 'b' })
    expect((await h.workspaceHistory({ id: 'a' })).map((v) => v.message)).toEqual(['start: a'])
  })

  it('runs one workspace’s requests in arrival order', async () => {
    const h = createWorkspaceHandlers({ folder: base, now: clock() })
    await h.workspaceInit({ id: 'w', lessonId: 'w', files: { 'A.sol': '0' } })
    const writes = [1, 2, 3].map((n) => h.workspaceWriteFile({ id: 'w', path: 'A.sol', data: String(n) }))
    const attempt = h.workspaceCommitAttempt({ id: 'w', summary: { attempt: 1, passed: 0, total: 1, lessonId: 'w' } })
    const after = h.workspaceWriteFile({ id: 'w', path: 'A.sol', data: 'after' })
    await Promise.all([...writes, attempt, after])
    const committed = await h.workspaceReadFile({ id: 'w', path: 'A.sol', oid: (await attempt).oid })
    expect(new TextDecoder().decode(committed)).toBe('3')
    expect(await h.workspaceHasUnsavedChanges({ id: 'w' })).toBe(true)
  })

  it('checks the id again even when called without the IPC schema', async () => {
    const h = createWorkspaceHandlers({ folder: join(base, 'workspaces') })
    for (const id of ['..', '../x', 'a/b', '']) {
      await expect(h.workspaceInit({ id, lessonId: 'x' }), id).rejects.toMatchObject({ code: 'workspace.invalid-id' })
    }
  })
})

describe('createConfinedWorkspaceFs', () => {
  it('reads and writes inside the root, passes options through, refuses paths outside', async () => {
    const root = join(base, 'root')
    mkdirSync(root)
    const fs = createConfinedWorkspaceFs(root)
    await fs.promises.writeFile(join(root, 'a.txt'), new TextEncoder().encode('hi'))
    expect(await (fs.promises.readFile as (p: string, o: unknown) => Promise<unknown>)(join(root, 'a.txt'), { encoding: 'utf8' })).toBe('hi')
    expect(await fs.promises.readFile(join(root, 'a.txt'))).toEqual(new TextEncoder().encode('hi'))
    for (const path of [join(root, '..', 'x'), base, '/etc/passwd', `${root}-sibling/x`, `${root}/a\0b`]) {
      await expect(fs.promises.readFile(path), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
      await expect(fs.promises.writeFile(path, new Uint8Array()), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
      await expect(fs.promises.lstat(path), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    }
    await expect(fs.promises.symlink!('/etc', join(root, 'l'))).rejects.toMatchObject({ code: 'workspace.invalid-path' })
  })

  it('lets a link that stays inside work, refuses one that leads out', async () => {
    const root = join(base, 'root')
    mkdirSync(join(root, 'real'), { recursive: true })
    mkdirSync(join(base, 'out'))
    writeFileSync(join(root, 'real', 'f.txt'), 'inside')
    writeFileSync(join(base, 'out', 'f.txt'), 'outside')
    symlinkSync(join(root, 'real'), join(root, 'inner'))
    symlinkSync(join(base, 'out'), join(root, 'outer'))
    const fs = createConfinedWorkspaceFs(root)
    expect(new TextDecoder().decode(await fs.promises.readFile(join(root, 'inner', 'f.txt')) as Uint8Array)).toBe('inside')
    await expect(fs.promises.readFile(join(root, 'outer', 'f.txt'))).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(fs.promises.readdir(join(root, 'outer'))).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    // The link itself (not its target) may be looked at and removed.
    expect((await fs.promises.lstat(join(root, 'outer'))).isSymbolicLink()).toBe(true)
    await fs.promises.unlink(join(root, 'outer'))
    expect(readFileSync(join(base, 'out', 'f.txt'), 'utf8')).toBe('outside')
  })
})
