/**
 * The workspace library's additions for the app's hosts: autosave of one file (writeFile), a
 * commit with the host's own message (commitSnapshot), and replaceFiles ("reset to starter"),
 * which saves unsaved work first so going back never destroys the present.
 */
import fs from 'node:fs'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../../app/shared/workspace/workspace.ts'
import type { Workspace } from '../../../../app/shared/workspace/workspace.ts'

let dir: string
let ws: Workspace
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'playground-wc-')), 'ws')
  let tick = Date.parse('2026-03-01T10:00:00Z')
  ws = openWorkspace({ fs, dir, now: () => new Date((tick += 60_000)) })
})
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

const text = (path: string): string => readFileSync(join(dir, path), 'utf8')
const START = { 'Hello.sol': 'contract Hello {}\n', 'docs/notes.md': '# notes\n' }

describe('workspace: writeFile, hasUnsavedChanges, commitSnapshot, replaceFiles', () => {
  it('writeFile writes (creating folders) without committing; hasUnsavedChanges sees it', async () => {
    await ws.init({ lessonId: 'l', files: START })
    expect(await ws.hasUnsavedChanges()).toBe(false)
    await ws.writeFile('src/deep/A.sol', 'contract A {}\n')
    expect(text('src/deep/A.sol')).toBe('contract A {}\n')
    expect(await ws.hasUnsavedChanges()).toBe(true)
    expect(await ws.history()).toHaveLength(1)
    await ws.writeFile('Hello.sol', new Uint8Array([104, 105]))
    expect(text('Hello.sol')).toBe('hi')
  })

  it('writeFile refuses paths outside the workspace and inside .git', async () => {
    await ws.init({ lessonId: 'l', files: START })
    for (const bad of ['../x', '/etc/x', '.git/config', 'a/../../x', 'a\\b', 'a\0b', '']) {
      await expect(ws.writeFile(bad, 'x'), bad).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    }
    expect(existsSync(join(dir, '..', 'x'))).toBe(false)
  })

  it('commitSnapshot commits everything with the given message; an empty message is refused', async () => {
    await expect(ws.commitSnapshot('autosave')).rejects.toMatchObject({ code: 'workspace.not-a-workspace' })
    await ws.init({ lessonId: 'l', files: START })
    await ws.writeFile('Hello.sol', 'edited\n')
    const v = await ws.commitSnapshot('checkpoint\n\nbody')
    expect(v.message).toBe('checkpoint')
    expect(await ws.hasUnsavedChanges()).toBe(false)
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol', v.oid))).toBe('edited\n')
    await expect(ws.commitSnapshot('  ')).rejects.toMatchObject({ code: 'workspace.invalid-message' })
  })

  it('replaceFiles saves unsaved work, makes the files exactly the given ones, and commits', async () => {
    await ws.init({ lessonId: 'l', files: START })
    await ws.writeFile('Hello.sol', 'my unsaved work\n')
    await ws.writeFile('extra/Mine.sol', 'mine\n')
    const { version, saved } = await ws.replaceFiles({ 'Hello.sol': 'contract Hello {}\n', 'new/File.txt': 'n\n' }, 'reset to starter')
    expect(saved?.message).toBe('save before restore')
    expect(version.message).toBe('reset to starter')
    expect(await ws.listFiles()).toEqual(['Hello.sol', 'new/File.txt'])
    expect(existsSync(join(dir, 'extra'))).toBe(false)
    expect(existsSync(join(dir, 'docs'))).toBe(false)
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol', saved!.oid))).toBe('my unsaved work\n')
    expect(await ws.listFiles(version.oid)).toEqual(['Hello.sol', 'new/File.txt'])
    expect((await ws.history()).map((h) => h.message)).toEqual(['reset to starter', 'save before restore', 'start: l'])
  })

  it('replaceFiles with nothing unsaved adds one commit; refuses bad paths before changing anything', async () => {
    await ws.init({ lessonId: 'l', files: START })
    const { saved } = await ws.replaceFiles(START, 'reset')
    expect(saved).toBeUndefined()
    expect(await ws.history()).toHaveLength(2)
    writeFileSync(join(dir, 'Hello.sol'), 'keep me')
    await expect(ws.replaceFiles({ '../evil': 'x' }, 'reset')).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(ws.replaceFiles({ '.git/HEAD': 'x' }, 'reset')).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    expect(text('Hello.sol')).toBe('keep me')
    expect(await ws.history()).toHaveLength(2)
  })
})
