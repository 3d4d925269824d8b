/**
 * The workspace IPC channels (git in main, on the real disk) as an attacker in the renderer would
 * try them: requests from foreign frames, workspace ids that are paths, file paths that climb
 * out, and links inside a workspace that lead out. The real validated handlers and main's real
 * workspace handlers run over a temp `userData`; an `outside` folder next to it must stay as it
 * was.
 */
import { createRpcRelayHost } from '../../app/main/rpc/rpcRelayHost.ts'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fs from 'node:fs'
import git from 'isomorphic-git'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSenderCheck } from '../../app/main/ipc/senderCheck.ts'
import { registerIpcHandlers } from '../../app/main/ipc/validatedIpc.ts'
import { createScopedStorage, createStorageHandlers, storageFolders } from '../../app/main/storage/confinedStorage.ts'
import { createWorkspaceHandlers } from '../../app/main/workspace/workspaceHandlers.ts'
import { IPC_CHANNELS } from '../../app/shared/ipc/ipcContract.ts'
import { WORKSPACE_IPC_CHANNELS } from '../../app/shared/ipc/workspaceIpc.ts'
import { fakeFrame, fakeInvokeEvent, fakeIpcMain, fakeWebContents } from '../app/main/electronFakes.ts'

let base: string
let userData: string
let outside: string
const SECRET = 'outside secret\n'

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'playground-ws-security-'))
  userData = join(base, 'userData')
  outside = join(base, 'outside')
  mkdirSync(userData)
  mkdirSync(outside)
  writeFileSync(join(outside, 'secret.txt'), SECRET)
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

function wire() {
  const mainFrame = fakeFrame()
  const webContents = fakeWebContents(mainFrame)
  const ipcMain = fakeIpcMain()
  registerIpcHandlers(ipcMain, createSenderCheck(() => ({ webContents })), {
    ...createStorageHandlers(createScopedStorage({ userData })),
    openExternal: async () => ({ opened: false }),
    appInfo: () => ({ name: 'n', version: 'v', platform: 'p', versions: { electron: 'e', chrome: 'c', node: 'n' }, lang: 'en', isPackaged: true }),
    // The RPC relay's channels (no window to relay to here).
    ...createRpcRelayHost({ getTarget: () => undefined }).handlers,
    ...createWorkspaceHandlers({ folder: storageFolders(userData).workspaces }),
  })
  const trusted = fakeInvokeEvent(webContents, mainFrame)
  const invoke = (channel: string, request?: unknown) => ipcMain.invoke(trusted, channel, request)
  return { ipcMain, trusted, invoke, webContents, mainFrame }
}

/** A valid request for each workspace channel (so only the sender can be the reason to refuse). */
const VALID: Record<keyof typeof WORKSPACE_IPC_CHANNELS, unknown> = {
  workspaceIsWorkspace: { id: 'w' },
  workspaceInit: { id: 'w', lessonId: 'w', files: { 'a.sol': 'x' } },
  workspaceCommitAttempt: { id: 'w', summary: { attempt: 1, passed: 0, total: 1, lessonId: 'w' } },
  workspaceHistory: { id: 'w' },
  workspaceDiff: { id: 'w', fromOid: 'abcdef0' },
  workspaceRestore: { id: 'w', oid: 'abcdef0' },
  workspaceReadFile: { id: 'w', path: 'a.sol' },
  workspaceListFiles: { id: 'w' },
  workspaceHasUnsavedChanges: { id: 'w' },
  workspaceWriteFile: { id: 'w', path: 'a.sol', data: 'x' },
  workspaceCommitSnapshot: { id: 'w', message: 'm' },
  workspaceReplaceFiles: { id: 'w', files: { 'a.sol': 'x' }, message: 'm' },
  workspaceReadWorkingFiles: { id: 'w' },
}

/** Every file under `dir`, recursively (to prove nothing appeared). */
function tree(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : []
}

describe('workspace IPC: senders', () => {
  it('every workspace channel refuses foreign frames before touching the disk', async () => {
    const { ipcMain, webContents, mainFrame } = wire()
    const foreign = [
      fakeInvokeEvent(webContents, fakeFrame({ url: 'https://evil.example/' })),
      fakeInvokeEvent(webContents, fakeFrame({ url: 'file:///tmp/x.html' })),
      fakeInvokeEvent(webContents, fakeFrame({ url: 'app://evil/index.html' })),
      fakeInvokeEvent(webContents, fakeFrame({ frameTreeNodeId: 5, parent: mainFrame })),
      fakeInvokeEvent(webContents, fakeFrame({ processId: 99 })),
      fakeInvokeEvent(fakeWebContents(), fakeFrame()),
      fakeInvokeEvent(webContents, null),
    ]
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(WORKSPACE_IPC_CHANNELS).sort())
    for (const [key, request] of Object.entries(VALID)) {
      const channel = WORKSPACE_IPC_CHANNELS[key as keyof typeof WORKSPACE_IPC_CHANNELS]
      for (const event of foreign) {
        await expect(ipcMain.invoke(event, channel, request), channel).rejects.toMatchObject({
          code: expect.stringMatching(/^ipc\.(foreign-sender|not-main-frame|unknown-sender)$/),
        })
      }
    }
    expect(tree(userData)).toEqual([])
  })
})

describe('workspace IPC: ids', () => {
  it('refuses ids that are not plain names, on every channel, before touching the disk', async () => {
    const { invoke } = wire()
    const bad = ['..', '.', '../x', 'a/b', 'a\\b', '', 'x'.repeat(65), '.git', '-x', '_x', 'C:', 'a b', 'é', 'a\0', '/etc', 7, null]
    for (const [key, request] of Object.entries(VALID)) {
      const channel = WORKSPACE_IPC_CHANNELS[key as keyof typeof WORKSPACE_IPC_CHANNELS]
      for (const id of bad) {
        await expect(invoke(channel, { ...(request as object), id }), `${channel} ${JSON.stringify(id)}`).rejects.toMatchObject({ code: 'ipc.invalid-payload' })
      }
    }
    expect(tree(userData)).toEqual([])
    expect(tree(outside)).toEqual(['secret.txt'])
  })

  it('accepts the longest valid id and keeps each workspace in its own folder', async () => {
    const { invoke } = wire()
    const long = 'a'.repeat(64)
    await invoke(IPC_CHANNELS.workspaceInit, { id: long, lessonId: 'l', files: { 'a.sol': 'x' } })
    await invoke(IPC_CHANNELS.workspaceInit, { id: 'other', lessonId: 'l', files: { 'b.sol': 'y' } })
    expect(readdirSync(join(userData, 'workspaces')).sort()).toEqual([long, 'other'])
    expect(await invoke(IPC_CHANNELS.workspaceReadWorkingFiles, { id: 'other' })).toEqual({ 'b.sol': 'y' })
  })
})

describe('workspace IPC: paths', () => {
  const BAD_PATHS = ['../x', '../../outside/secret.txt', '../../../outside/secret.txt', 'a/../../x', '/etc/passwd', '/tmp/x', '..\\x', 'a\\..\\..\\x', 'C:/x', 'a\0b', '.git/config', '.git/hooks/post-commit', './a', 'a//b']

  it('refuses traversal, absolute paths, NUL, backslashes and .git in writes, reads and starter files', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.workspaceInit, { id: 'w', lessonId: 'w', files: { 'a.sol': 'x' } })
    const before = tree(join(userData, 'workspaces'))
    for (const path of BAD_PATHS) {
      await expect(invoke(IPC_CHANNELS.workspaceWriteFile, { id: 'w', path, data: 'pwned' }), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
      await expect(invoke(IPC_CHANNELS.workspaceReadFile, { id: 'w', path }), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
      await expect(invoke(IPC_CHANNELS.workspaceReplaceFiles, { id: 'w', files: { [path]: 'pwned' }, message: 'm' }), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
      await expect(invoke(IPC_CHANNELS.workspaceInit, { id: `fresh${BAD_PATHS.indexOf(path)}`, lessonId: 'w', files: { [path]: 'pwned' } }), path).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    }
    expect(tree(outside)).toEqual(['secret.txt'])
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe(SECRET)
    expect(existsSync(join(userData, 'x'))).toBe(false)
    expect(existsSync(join(userData, 'workspaces', 'x'))).toBe(false)
    // The refused starter files left at most empty repositories, never a file of theirs.
    const after = tree(join(userData, 'workspaces')).filter((p) => !/^fresh\d+/.test(p))
    expect(after).toEqual(before)
    expect(await invoke(IPC_CHANNELS.workspaceReadWorkingFiles, { id: 'w' })).toEqual({ 'a.sol': 'x' })
  })

  it('refuses a path through a linked folder that leads outside (write, read, list)', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.workspaceInit, { id: 'w', lessonId: 'w', files: { 'a.sol': 'x' } })
    symlinkSync(outside, join(userData, 'workspaces', 'w', 'escape'))
    await expect(invoke(IPC_CHANNELS.workspaceWriteFile, { id: 'w', path: 'escape/pwned.txt', data: 'pwned' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(invoke(IPC_CHANNELS.workspaceWriteFile, { id: 'w', path: 'escape/secret.txt', data: 'pwned' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(invoke(IPC_CHANNELS.workspaceReadFile, { id: 'w', path: 'escape/secret.txt' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(invoke(IPC_CHANNELS.workspaceReadWorkingFiles, { id: 'w' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    expect(tree(outside)).toEqual(['secret.txt'])
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe(SECRET)
  })

  it('refuses a linked file, and a dangling link a write would follow out', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.workspaceInit, { id: 'w', lessonId: 'w', files: { 'a.sol': 'x' } })
    const dir = join(userData, 'workspaces', 'w')
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'linked.sol'))
    symlinkSync(join(outside, 'created-by-attacker.txt'), join(dir, 'dangling.sol'))
    await expect(invoke(IPC_CHANNELS.workspaceReadFile, { id: 'w', path: 'linked.sol' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(invoke(IPC_CHANNELS.workspaceWriteFile, { id: 'w', path: 'linked.sol', data: 'pwned' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    await expect(invoke(IPC_CHANNELS.workspaceWriteFile, { id: 'w', path: 'dangling.sol', data: 'pwned' })).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    // Committing stores the links as links (their target's name), never the outside content.
    const version = (await invoke(IPC_CHANNELS.workspaceCommitAttempt, { id: 'w', summary: { attempt: 1, passed: 0, total: 1, lessonId: 'w' } })) as { oid: string }
    const stored = (await invoke(IPC_CHANNELS.workspaceReadFile, { id: 'w', path: 'linked.sol', oid: version.oid })) as Uint8Array | undefined
    expect(stored === undefined ? '' : new TextDecoder().decode(stored)).not.toContain(SECRET.trim())
    expect(tree(outside)).toEqual(['secret.txt'])
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe(SECRET)
  })

  it('restore replaces a folder-turned-link with a real folder, writing nothing through it', async () => {
    const { invoke } = wire()
    const start = (await invoke(IPC_CHANNELS.workspaceInit, { id: 'w', lessonId: 'w', files: { 'src/a.sol': 'x' } })) as { oid: string }
    const dir = join(userData, 'workspaces', 'w')
    await rm(join(dir, 'src'), { recursive: true })
    symlinkSync(outside, join(dir, 'src'))
    await invoke(IPC_CHANNELS.workspaceRestore, { id: 'w', oid: start.oid })
    expect(lstatSync(join(dir, 'src')).isDirectory()).toBe(true)
    expect(readFileSync(join(dir, 'src', 'a.sol'), 'utf8')).toBe('x')
    expect(tree(outside)).toEqual(['secret.txt'])
  })

  it('a .git FILE pointing git elsewhere (written through the storage channel) cannot reach outside', async () => {
    const { invoke } = wire()
    // A real repository outside, with one commit.
    const victim = join(outside, 'repo')
    mkdirSync(victim)
    writeFileSync(join(victim, 'mine.txt'), 'private\n')
    await git.init({ fs, dir: victim })
    await git.add({ fs, dir: victim, filepath: 'mine.txt' })
    const author = { name: 'x', email: 'x@x', timestamp: 0, timezoneOffset: 0 }
    await git.commit({ fs, dir: victim, message: 'private commit', author })
    const before = tree(outside)
    // isomorphic-git follows a `.git` file ("gitdir: …") as worktrees and submodules do.
    const write = await invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'workspace', id: 'w' }, path: '.git', data: `gitdir: ${join(victim, '.git')}\n` }).catch((e: unknown) => e)
    expect(write).toMatchObject({ code: 'storage.git-folder' })
    // Refused, or nothing to see: never the outside repository's commits.
    const history = await invoke(IPC_CHANNELS.workspaceHistory, { id: 'w' }).catch((e: unknown) => e)
    expect(JSON.stringify(history)).not.toContain('private commit')
    const attempt = await invoke(IPC_CHANNELS.workspaceCommitAttempt, { id: 'w', summary: { attempt: 1, passed: 0, total: 1, lessonId: 'w' } }).catch((e: unknown) => e)
    expect(attempt).toMatchObject({ code: expect.stringMatching(/^workspace\./) })
    const log = await git.log({ fs, dir: victim })
    expect(log.map((c) => c.commit.message)).toEqual(['private commit\n'])
    expect(tree(outside)).toEqual(before)
  })

  it('keeps the storage channel out of a workspace\'s .git (read, write, list, quarantine)', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.workspaceInit, { id: 'g', lessonId: 'g', files: { 'a.txt': 'a\n' } })
    const scope = { kind: 'workspace', id: 'g' }
    for (const [channel, payload] of [
      [IPC_CHANNELS.storageRead, { scope, path: '.git/config' }],
      [IPC_CHANNELS.storageWriteAtomic, { scope, path: '.git/HEAD', data: 'ref: refs/heads/evil\n' }],
      [IPC_CHANNELS.storageWriteAtomic, { scope, path: '.GIT/config', data: 'x' }],
      [IPC_CHANNELS.storageList, { scope, prefix: '.git' }],
      [IPC_CHANNELS.storageQuarantine, { scope, path: '.git/index', reason: 'x' }],
    ] as const) {
      expect(await invoke(channel, payload).catch((e: unknown) => e)).toMatchObject({ code: 'storage.git-folder' })
    }
    expect(await invoke(IPC_CHANNELS.storageList, { scope, prefix: '' })).toEqual(['a.txt'])
    const history = (await invoke(IPC_CHANNELS.workspaceHistory, { id: 'g' })) as { message: string }[]
    expect(history.map((v) => v.message)).toEqual(['start: g'])
  })
})
