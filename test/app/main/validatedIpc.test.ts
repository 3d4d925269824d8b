import { describe, expect, it, vi } from 'vitest'
import { createSenderCheck } from '../../../app/main/ipc/senderCheck.ts'
import type { IpcHandlers } from '../../../app/main/ipc/validatedIpc.ts'
import { registerIpcHandlers, registerValidatedHandler, toIpcError } from '../../../app/main/ipc/validatedIpc.ts'
import type { WorkspaceHandlers } from '../../../app/main/workspace/workspaceHandlers.ts'
import { IPC_CHANNELS } from '../../../app/shared/ipc/ipcContract.ts'
import { WORKSPACE_IPC_CHANNELS } from '../../../app/shared/ipc/workspaceIpc.ts'
import { IpcRequestError, parseIpcErrorMessage } from '../../../app/shared/ipc/ipcErrors.ts'
import { InvalidStoragePathError } from '../../../app/shared/storage/storageErrors.ts'
import { fakeFrame, fakeIpcMain, fakeInvokeEvent, fakeWebContents } from './electronFakes.ts'

function setup() {
  const mainFrame = fakeFrame()
  const webContents = fakeWebContents(mainFrame)
  const window = { webContents }
  const checkSender = createSenderCheck(() => window)
  const ipcMain = fakeIpcMain()
  const handlers: IpcHandlers = {
    storageRead: vi.fn(async () => new Uint8Array([1, 2, 3])),
    storageWriteAtomic: vi.fn(async () => undefined),
    storageList: vi.fn(async () => ['a.json']),
    storageQuarantine: vi.fn(async () => 'quarantine/a.json.x.corrupt'),
    openExternal: vi.fn(async () => ({ opened: false })),
    appInfo: vi.fn(() => ({ name: 'n', version: '0', platform: 'linux', versions: { electron: '45', chrome: 'c', node: '22' }, lang: 'en' as const, isPackaged: false })),
    rpcExpose: vi.fn(async () => ({ url: 'http://127.0.0.1:8545', port: 8545 })),
    rpcClose: vi.fn(async () => undefined),
    rpcRespond: vi.fn(() => undefined),
    // The workspace channels (app/shared/ipc/workspaceIpc.ts): stubs here, the real ones in workspaceHandlers.test.ts.
    ...(Object.fromEntries(Object.keys(WORKSPACE_IPC_CHANNELS).map((key) => [key, vi.fn(async () => undefined)])) as unknown as WorkspaceHandlers),
  }
  registerIpcHandlers(ipcMain, checkSender, handlers)
  const trusted = fakeInvokeEvent(webContents, mainFrame)
  return { mainFrame, webContents, ipcMain, handlers, trusted }
}

describe('IPC registration', () => {
  it('registers exactly the contract channels, with handle (the fake has no `on`)', () => {
    const { ipcMain } = setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort())
    expect(ipcMain).not.toHaveProperty('on')
  })

  it('passes a valid request from the main frame to the handler', async () => {
    const { ipcMain, handlers, trusted } = setup()
    const bytes = await ipcMain.invoke(trusted, IPC_CHANNELS.storageRead, { scope: { kind: 'data' }, path: 'progress.json' })
    expect(bytes).toEqual(new Uint8Array([1, 2, 3]))
    expect(handlers.storageRead).toHaveBeenCalledWith({ scope: { kind: 'data' }, path: 'progress.json' })
    expect(await ipcMain.invoke(trusted, IPC_CHANNELS.appInfo)).toMatchObject({ name: 'n' })
  })
})

describe('sender check', () => {
  const request = { scope: { kind: 'data' }, path: 'progress.json' }

  async function expectRefused(event: unknown, code: string) {
    const { ipcMain, handlers } = setup()
    const error = await ipcMain.invoke(event, IPC_CHANNELS.storageRead, request).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(IpcRequestError)
    expect((error as IpcRequestError).code).toBe(code)
    expect(handlers.storageRead).not.toHaveBeenCalled()
    return error as IpcRequestError
  }

  it('refuses a frame showing a foreign page', async () => {
    const { webContents } = setup()
    const error = await expectRefused(fakeInvokeEvent(webContents, fakeFrame({ url: 'https://evil.example/' })), 'ipc.foreign-sender')
    expect(error.message).toContain('https://evil.example/')
    expect(parseIpcErrorMessage(`Error invoking remote method 'x': Error: ${error.message}`)?.ko).toContain('거부')
  })

  it('refuses file://, another app:// host, and a frame that is gone', async () => {
    const { webContents } = setup()
    await expectRefused(fakeInvokeEvent(webContents, fakeFrame({ url: 'file:///index.html' })), 'ipc.foreign-sender')
    await expectRefused(fakeInvokeEvent(webContents, fakeFrame({ url: 'app://evil/index.html' })), 'ipc.foreign-sender')
    await expectRefused(fakeInvokeEvent(webContents, null), 'ipc.unknown-sender')
  })

  it('refuses an app:// subframe, another process, and another web contents', async () => {
    const { webContents, mainFrame } = setup()
    await expectRefused(fakeInvokeEvent(webContents, fakeFrame({ frameTreeNodeId: 2, parent: mainFrame })), 'ipc.not-main-frame')
    await expectRefused(fakeInvokeEvent(webContents, fakeFrame({ parent: mainFrame })), 'ipc.not-main-frame')
    await expectRefused(fakeInvokeEvent(webContents, fakeFrame({ processId: 99 })), 'ipc.not-main-frame')
    await expectRefused(fakeInvokeEvent(fakeWebContents(), fakeFrame()), 'ipc.not-main-frame')
  })

  it('refuses everything while there is no window', async () => {
    const ipcMain = fakeIpcMain()
    const handler = vi.fn()
    registerValidatedHandler(ipcMain, 'appInfo', createSenderCheck(() => undefined), handler)
    await expect(ipcMain.invoke(fakeInvokeEvent({}, fakeFrame()), IPC_CHANNELS.appInfo)).rejects.toMatchObject({ code: 'ipc.not-main-frame' })
    expect(handler).not.toHaveBeenCalled()
  })
})

describe('payload validation', () => {
  it('refuses invalid payloads before the handler runs, naming the field', async () => {
    const { ipcMain, handlers, trusted } = setup()
    const bad: [string, unknown[]][] = [
      [IPC_CHANNELS.storageRead, [{ scope: { kind: 'data' } }]],
      [IPC_CHANNELS.storageRead, [{ scope: { kind: 'data' }, path: 42 }]],
      [IPC_CHANNELS.storageRead, [{ scope: { kind: 'root' }, path: 'x' }]],
      [IPC_CHANNELS.storageRead, [{ scope: { kind: 'workspace', id: '../x' }, path: 'x' }]],
      [IPC_CHANNELS.storageRead, [{ scope: { kind: 'data' }, path: 'x', extra: true }]],
      [IPC_CHANNELS.storageRead, [{ scope: { kind: 'data' }, path: 'x' }, 'second argument']],
      [IPC_CHANNELS.storageWriteAtomic, [{ scope: { kind: 'data' }, path: 'x', data: { not: 'bytes' } }]],
      [IPC_CHANNELS.storageList, ['']],
      [IPC_CHANNELS.openExternal, [{ url: 'https://x.org', lang: 'fr' }]],
      [IPC_CHANNELS.openExternal, ['https://x.org']],
      [IPC_CHANNELS.appInfo, [{}]],
    ]
    for (const [channel, args] of bad) {
      await expect(ipcMain.invoke(trusted, channel, ...args), `${channel} ${JSON.stringify(args)}`).rejects.toMatchObject({ code: 'ipc.invalid-payload' })
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled()
  })

  it('names the channel and field in both languages', async () => {
    const { ipcMain, trusted } = setup()
    const error = (await ipcMain.invoke(trusted, IPC_CHANNELS.storageRead, { scope: { kind: 'data' }, path: 7 }).catch((e: unknown) => e)) as IpcRequestError
    expect(error.en).toContain('playground:storage.read')
    expect(error.en).toContain('path')
    expect(error.ko).toContain('요청이 올바르지 않습니다')
  })

  it('accepts bytes and strings for writes', async () => {
    const { ipcMain, handlers, trusted } = setup()
    await ipcMain.invoke(trusted, IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'workspace', id: 'hello-chain' }, path: 'a.sol', data: 'contract A {}' })
    await ipcMain.invoke(trusted, IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'data' }, path: 'b.bin', data: new Uint8Array([1]) })
    expect(handlers.storageWriteAtomic).toHaveBeenCalledTimes(2)
  })
})

describe('errors across IPC', () => {
  it('keeps our code and Korean text', () => {
    const error = toIpcError(new InvalidStoragePathError('../x', { en: 'it climbs', ko: '올라갑니다' }))
    expect(error.code).toBe('storage.invalid-path')
    expect(parseIpcErrorMessage(error.message)).toEqual({ code: 'storage.invalid-path', en: 'Invalid storage path "../x": it climbs.', ko: '저장소 경로 "../x"이(가) 올바르지 않습니다: 올라갑니다.' })
  })

  it('wraps foreign errors as ipc.failed', () => {
    const error = toIpcError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
    expect(error.code).toBe('ipc.failed')
    expect(error.en).toContain('EACCES')
  })
})
