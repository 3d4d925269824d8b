import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSenderCheck } from '../../../app/main/ipc/senderCheck.ts'
import { registerValidatedHandler } from '../../../app/main/ipc/validatedIpc.ts'
import { createScopedStorage, createStorageHandlers, storageFolders } from '../../../app/main/storage/confinedStorage.ts'
import { IPC_CHANNELS } from '../../../app/shared/ipc/ipcContract.ts'
import { IpcRequestError } from '../../../app/shared/ipc/ipcErrors.ts'
import { fakeFrame, fakeIpcMain, fakeInvokeEvent, fakeWebContents } from './electronFakes.ts'

let userData: string

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'playground-userdata-'))
})
afterEach(async () => {
  await rm(userData, { recursive: true, force: true })
})

/** The storage handlers registered on a fake ipcMain behind the real sender check. */
function wire() {
  const mainFrame = fakeFrame()
  const webContents = fakeWebContents(mainFrame)
  const ipcMain = fakeIpcMain()
  const checkSender = createSenderCheck(() => ({ webContents }))
  const handlers = createStorageHandlers(createScopedStorage({ userData }))
  registerValidatedHandler(ipcMain, 'storageRead', checkSender, handlers.storageRead)
  registerValidatedHandler(ipcMain, 'storageWriteAtomic', checkSender, handlers.storageWriteAtomic)
  registerValidatedHandler(ipcMain, 'storageList', checkSender, handlers.storageList)
  registerValidatedHandler(ipcMain, 'storageQuarantine', checkSender, handlers.storageQuarantine)
  const event = fakeInvokeEvent(webContents, mainFrame)
  const invoke = (channel: string, request: unknown) => ipcMain.invoke(event, channel, request)
  return { invoke, webContents }
}

describe('confined storage over IPC (real disk)', () => {
  it('keeps data and each workspace in their own folders under userData', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'data' }, path: 'progress.json', data: '{"schemaVersion":1}' })
    await invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'workspace', id: 'hello-chain' }, path: 'contracts/A.sol', data: new Uint8Array([65]) })
    const folders = storageFolders(userData)
    expect(await readFile(join(folders.data, 'progress.json'), 'utf8')).toBe('{"schemaVersion":1}')
    expect(await readFile(join(folders.workspaces, 'hello-chain', 'contracts', 'A.sol'), 'utf8')).toBe('A')
    expect(await invoke(IPC_CHANNELS.storageList, { scope: { kind: 'data' }, prefix: '' })).toEqual(['progress.json'])
    expect(await invoke(IPC_CHANNELS.storageList, { scope: { kind: 'workspace', id: 'hello-chain' }, prefix: '' })).toEqual(['contracts/A.sol'])
    expect(await invoke(IPC_CHANNELS.storageRead, { scope: { kind: 'workspace', id: 'hello-chain' }, path: 'contracts/A.sol' })).toEqual(new Uint8Array([65]))
    expect(await invoke(IPC_CHANNELS.storageRead, { scope: { kind: 'data' }, path: 'missing.json' })).toBeUndefined()
  })

  it('quarantines inside the scope', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'data' }, path: 'progress.json', data: 'not json' })
    const target = (await invoke(IPC_CHANNELS.storageQuarantine, { scope: { kind: 'data' }, path: 'progress.json', reason: 'not JSON' })) as string
    expect(target).toMatch(/^quarantine\/progress\.json\..*\.corrupt$/)
    expect(await readFile(join(storageFolders(userData).data, target), 'utf8')).toBe('not json')
  })

  it('rejects paths that leave the scope, and never touches the disk outside', async () => {
    const { invoke } = wire()
    await writeFile(join(userData, 'Preferences'), 'chromium file')
    for (const path of ['../Preferences', '../../etc/passwd', '/etc/passwd', 'C:/Windows/win.ini', 'a/../../x', 'a\\..\\x', 'a/./b', 'a\0b']) {
      for (const [channel, request] of [
        [IPC_CHANNELS.storageRead, { scope: { kind: 'data' }, path }],
        [IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'data' }, path, data: 'x' }],
        [IPC_CHANNELS.storageRead, { scope: { kind: 'workspace', id: 'w' }, path }],
      ] as const) {
        const error = await invoke(channel, request).catch((e: unknown) => e)
        expect(error, `${channel} ${path}`).toBeInstanceOf(IpcRequestError)
        expect((error as IpcRequestError).code, `${channel} ${path}`).toBe('storage.invalid-path')
      }
    }
    for (const prefix of ['../', '/etc', '..']) {
      await expect(invoke(IPC_CHANNELS.storageList, { scope: { kind: 'data' }, prefix })).rejects.toMatchObject({ code: 'storage.invalid-path' })
    }
    expect(await readFile(join(userData, 'Preferences'), 'utf8')).toBe('chromium file')
  })

  it('rejects workspace ids that are not plain names', async () => {
    const { invoke } = wire()
    for (const id of ['..', '.', '../data', 'a/b', 'a\\b', '', '-x', 'x'.repeat(65), 'C:']) {
      await expect(invoke(IPC_CHANNELS.storageRead, { scope: { kind: 'workspace', id }, path: 'a' }), id).rejects.toMatchObject({ code: 'ipc.invalid-payload' })
    }
    // The scoped storage checks again, for callers inside main that skip the schema.
    const storageFor = createScopedStorage({ userData })
    expect(() => storageFor({ kind: 'workspace', id: '..' })).toThrow(IpcRequestError)
  })

  it('rejects a folder that is a symlink leading out of the scope', async () => {
    const { invoke } = wire()
    const outside = join(userData, 'outside')
    await mkdir(outside)
    await writeFile(join(outside, 'secret.txt'), 'secret')
    await mkdir(storageFolders(userData).data, { recursive: true })
    await symlink(outside, join(storageFolders(userData).data, 'link'))
    await expect(invoke(IPC_CHANNELS.storageRead, { scope: { kind: 'data' }, path: 'link/secret.txt' })).rejects.toMatchObject({ code: 'storage.invalid-path' })
    await expect(invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'data' }, path: 'link/new.txt', data: 'x' })).rejects.toMatchObject({ code: 'storage.invalid-path' })
  })

  it('a workspace cannot see the data folder or another workspace', async () => {
    const { invoke } = wire()
    await invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'data' }, path: 'progress.json', data: '{}' })
    await invoke(IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'workspace', id: 'a' }, path: 'x.sol', data: 'a' })
    expect(await invoke(IPC_CHANNELS.storageList, { scope: { kind: 'workspace', id: 'b' }, prefix: '' })).toEqual([])
    expect(await invoke(IPC_CHANNELS.storageList, { scope: { kind: 'workspace', id: 'a' }, prefix: '' })).toEqual(['x.sol'])
    expect(await invoke(IPC_CHANNELS.storageList, { scope: { kind: 'data' }, prefix: '' })).toEqual(['progress.json'])
  })
})
