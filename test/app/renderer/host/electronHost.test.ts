/**
 * The Electron host end to end without Electron: the renderer's host → the preload's bridge
 * (the real `createPlaygroundBridge`) → a fake ipcMain that clones values and errors the way
 * Electron does → the real validated handlers (sender check + zod) → main's real storage and
 * workspace handlers on a temp folder on disk.
 */
import { createRpcRelayHost } from '../../../../app/main/rpc/rpcRelayHost.ts'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSenderCheck } from '../../../../app/main/ipc/senderCheck.ts'
import { registerIpcHandlers } from '../../../../app/main/ipc/validatedIpc.ts'
import { createScopedStorage, createStorageHandlers, storageFolders } from '../../../../app/main/storage/confinedStorage.ts'
import { createWorkspaceHandlers } from '../../../../app/main/workspace/workspaceHandlers.ts'
import { createElectronHost, fromIpcError } from '../../../../app/renderer/src/host/electronHost.ts'
import { createHost } from '../../../../app/renderer/src/host/selectHost.ts'
import type { PlaygroundBridge } from '../../../../app/shared/ipc/ipcContract.ts'
import { IpcRequestError } from '../../../../app/shared/ipc/ipcErrors.ts'
import { InvalidStoragePathError, StorageIoError } from '../../../../app/shared/storage/storageErrors.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'
import { WorkspaceError } from '../../../../app/shared/workspace/workspaceErrors.ts'
import { fakeFrame, fakeInvokeEvent, fakeIpcMain, fakeWebContents } from '../../main/electronFakes.ts'

vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: () => undefined }, ipcRenderer: { invoke: async () => undefined } }))
const { createPlaygroundBridge } = await import('../../../../app/preload/preload.ts')

let userData: string
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'playground-electron-host-'))
})
afterEach(async () => {
  await rm(userData, { recursive: true, force: true })
})

/** The bridge over the real main handlers; invoke behaves like Electron's (clones, wraps errors). */
function wireBridge(): { bridge: PlaygroundBridge; calls: string[] } {
  const mainFrame = fakeFrame()
  const webContents = fakeWebContents(mainFrame)
  const ipcMain = fakeIpcMain()
  let tick = Date.parse('2026-03-01T10:00:00Z')
  registerIpcHandlers(ipcMain, createSenderCheck(() => ({ webContents })), {
    ...createStorageHandlers(createScopedStorage({ userData })),
    openExternal: async () => ({ opened: false }),
    appInfo: () => ({ name: 'n', version: 'v', platform: 'p', versions: { electron: 'e', chrome: 'c', node: 'n' }, lang: 'en', isPackaged: true }),
    // The RPC relay's channels (no window to relay to here).
    ...createRpcRelayHost({ getTarget: () => undefined }).handlers,
    ...createWorkspaceHandlers({ folder: storageFolders(userData).workspaces, now: () => new Date((tick += 60_000)) }),
  })
  const event = fakeInvokeEvent(webContents, mainFrame)
  const calls: string[] = []
  const invoke = async (channel: string, ...args: unknown[]): Promise<never> => {
    calls.push(channel)
    try {
      return structuredClone(await ipcMain.invoke(event, channel, ...structuredClone(args))) as never
    } catch (error) {
      // What ipcRenderer.invoke rejects with: only the message survives, prefixed.
      throw new Error(`Error invoking remote method '${channel}': Error: ${(error as Error).message}`)
    }
  }
  return { bridge: createPlaygroundBridge(invoke as never), calls }
}

const START = { 'Hello.sol': 'contract Hello {\n}\n', 'test/notes.md': '# notes\n' }

describe('createElectronHost over the real main handlers', () => {
  it('stores the app data in <userData>/data through the data scope', async () => {
    const { bridge } = wireBridge()
    const host = createElectronHost(bridge)
    expect(host.kind).toBe('electron')
    await host.storage.writeAtomic('progress.json', '{"v":1}')
    expect(readFileSync(join(userData, 'data', 'progress.json'), 'utf8')).toBe('{"v":1}')
    expect(await readText(host.storage, 'progress.json')).toBe('{"v":1}')
    expect(await host.storage.list('')).toEqual(['progress.json'])
    const moved = await host.storage.quarantine('progress.json', 'bad')
    expect(moved).toMatch(/^quarantine\/progress\.json\..*\.corrupt$/)
    expect(await host.storage.read('progress.json')).toBeUndefined()
  })

  it('storage paths are refused with the same errors as every Storage, before any IPC', async () => {
    const { bridge, calls } = wireBridge()
    const host = createElectronHost(bridge)
    await expect(host.storage.read('../x')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(host.storage.writeAtomic('/etc/passwd', 'x')).rejects.toBeInstanceOf(InvalidStoragePathError)
    await expect(host.storage.quarantine('missing.json', 'r')).rejects.toBeInstanceOf(StorageIoError)
    expect(calls).toEqual(['playground:storage.quarantine'])
  })

  it('init → autosave → attempt → history → diff → restore → reset, all on the real disk', async () => {
    const { bridge } = wireBridge()
    const host = createElectronHost(bridge)
    const ws = await host.openWorkspace('hello-chain')
    const dir = join(userData, 'workspaces', 'hello-chain')
    expect(await ws.isWorkspace()).toBe(false)
    const start = await ws.init({ lessonId: 'hello-chain', files: START })
    expect(start.created).toBe(true)
    expect(existsSync(join(dir, '.git'))).toBe(true)
    expect(readFileSync(join(dir, 'Hello.sol'), 'utf8')).toBe(START['Hello.sol'])

    await ws.writeWorkingFile('Hello.sol', 'contract Hello {\n  uint x;\n}\n')
    await ws.writeWorkingFile('src/deep/Extra.sol', 'contract Extra {}\n')
    expect(readFileSync(join(dir, 'src/deep/Extra.sol'), 'utf8')).toBe('contract Extra {}\n')
    expect(await ws.hasUnsavedChanges()).toBe(true)
    expect(await ws.readWorkingFiles()).toEqual({ 'Hello.sol': 'contract Hello {\n  uint x;\n}\n', 'src/deep/Extra.sol': 'contract Extra {}\n', 'test/notes.md': '# notes\n' })
    const a1 = await ws.commitAttempt({ attempt: 1, passed: 1, total: 2, lessonId: 'hello-chain' })
    expect(a1.message).toBe('attempt 1: 1/2 checks')
    expect((await ws.history()).map((v) => v.message)).toEqual(['attempt 1: 1/2 checks', 'start: hello-chain'])
    expect(await ws.diff(start.oid, a1.oid)).toEqual([
      { path: 'Hello.sol', change: 'modified', binary: false, patch: '@@ -1,2 +1,3 @@\n contract Hello {\n+  uint x;\n }\n' },
      { path: 'src/deep/Extra.sol', change: 'added', binary: false, patch: '@@ -0,0 +1,1 @@\n+contract Extra {}\n' },
    ])
    expect(await ws.listFiles(start.oid)).toEqual(['Hello.sol', 'test/notes.md'])
    expect(new TextDecoder().decode(await ws.readFile('Hello.sol', start.oid))).toBe(START['Hello.sol'])
    expect(await ws.readFile('nope.sol')).toBeUndefined()

    await ws.writeWorkingFile('Hello.sol', 'unsaved\n')
    const { version, saved } = await ws.restore(start.oid.slice(0, 8))
    expect(saved?.message).toBe('save before restore')
    expect(version.message).toBe(`restore ${start.oid.slice(0, 7)}`)
    expect(await ws.readWorkingFiles()).toEqual(START)
    expect(existsSync(join(dir, 'src'))).toBe(false)

    const reset = await ws.replaceAll({ 'Hello.sol': 'starter\n' }, 'reset to starter')
    expect(reset.message).toBe('reset to starter')
    expect(await ws.listFiles()).toEqual(['Hello.sol'])
    const snap = await ws.commitSnapshot('checkpoint')
    expect((await ws.history())[0]).toEqual(snap)
    const bytes = new Uint8Array([0, 1, 2, 255])
    await ws.writeFile('bin.dat', bytes)
    expect(await ws.readFile('bin.dat')).toEqual(bytes)
  })

  it('errors come back with their code and both languages', async () => {
    const { bridge } = wireBridge()
    const ws = await createElectronHost(bridge).openWorkspace('w')
    const notYet = await ws.commitAttempt({ attempt: 1, passed: 0, total: 1, lessonId: 'w' }).catch((e: unknown) => e)
    expect(notYet).toBeInstanceOf(WorkspaceError)
    expect((notYet as WorkspaceError).code).toBe('workspace.not-a-workspace')
    expect((notYet as WorkspaceError).messageKo).toContain('레슨 작업 폴더가 아닙니다')
    await ws.init({ lessonId: 'w', files: START })
    await expect(ws.restore('deadbeef')).rejects.toMatchObject({ code: 'workspace.unknown-version' })
    await expect(ws.writeWorkingFile('../escape', 'x')).rejects.toMatchObject({ code: 'workspace.invalid-path' })
    const invalid = await ws.commitAttempt({ attempt: 0, passed: 0, total: 1, lessonId: 'w' }).catch((e: unknown) => e)
    expect(invalid).toBeInstanceOf(IpcRequestError)
    expect((invalid as IpcRequestError).code).toBe('ipc.invalid-payload')
    expect((invalid as IpcRequestError).ko).toContain('올바르지 않습니다')
    expect(existsSync(join(userData, 'workspaces', 'escape'))).toBe(false)
  })

  it('refuses bad workspace ids in the renderer already', async () => {
    const { bridge, calls } = wireBridge()
    const host = createElectronHost(bridge)
    for (const id of ['..', '../x', 'a/b', '', 'x'.repeat(65)]) await expect(host.openWorkspace(id), id).rejects.toMatchObject({ code: 'workspace.invalid-id' })
    expect(calls).toEqual([])
  })

  it('fromIpcError passes through what is not main’s message', () => {
    const plain = new Error('the bridge is gone')
    expect(fromIpcError(plain)).toBe(plain)
    expect(fromIpcError(new Error("Error invoking remote method 'x': Error: [ipc.failed] Boom | 실패"))).toMatchObject({ code: 'ipc.failed', en: 'Boom', ko: '실패' })
  })
})

describe('createHost', () => {
  it('is the Electron host when the bridge is on window.playground, the browser host otherwise', () => {
    const { bridge } = wireBridge()
    expect(createHost({ playground: bridge }).kind).toBe('electron')
    expect(createHost({}).kind).toBe('browser')
    expect(createHost().kind).toBe('browser')
  })
})
