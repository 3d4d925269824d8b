import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, IPC_CHANNELS, IPC_SCHEMAS, MAX_WRITE_BYTES, storageScopeSchema, workspaceIdSchema } from '../../../../app/shared/ipc/ipcContract.ts'
import { WORKSPACE_IPC_CHANNELS } from '../../../../app/shared/ipc/workspaceIpc.ts'
import { formatIpcErrorMessage, IpcRequestError, parseIpcErrorMessage } from '../../../../app/shared/ipc/ipcErrors.ts'

describe('IPC contract', () => {
  it('channel names are fixed and namespaced', () => {
    expect(IPC_CHANNELS).toEqual({
      storageRead: 'playground:storage.read',
      storageWriteAtomic: 'playground:storage.writeAtomic',
      storageList: 'playground:storage.list',
      storageQuarantine: 'playground:storage.quarantine',
      openExternal: 'playground:shell.openExternal',
      appInfo: 'playground:app.info',
      rpcExpose: 'playground:rpc.expose',
      rpcClose: 'playground:rpc.close',
      rpcRespond: 'playground:rpc.respond',
      ...WORKSPACE_IPC_CHANNELS,
    })
    for (const channel of Object.values(WORKSPACE_IPC_CHANNELS)) expect(channel).toMatch(/^playground:workspace\.[A-Za-z]+$/)
    expect(Object.keys(IPC_SCHEMAS).sort()).toEqual(Object.keys(IPC_CHANNELS).sort())
    expect(APP_ORIGIN).toBe('app://playground')
  })

  it('workspace ids are plain names', () => {
    for (const id of ['hello-chain', 'A1', 'project_2']) expect(workspaceIdSchema.safeParse(id).success, id).toBe(true)
    for (const id of ['', '.', '..', '-a', '_a', 'a/b', 'a\\b', 'a.b', 'a b', 'ㄱ', 'x'.repeat(65)]) expect(workspaceIdSchema.safeParse(id).success, id).toBe(false)
  })

  it('scopes are data or one workspace, nothing else', () => {
    expect(storageScopeSchema.safeParse({ kind: 'data' }).success).toBe(true)
    expect(storageScopeSchema.safeParse({ kind: 'workspace', id: 'w' }).success).toBe(true)
    expect(storageScopeSchema.safeParse({ kind: 'data', root: '/' }).success).toBe(false)
    expect(storageScopeSchema.safeParse({ kind: 'userData' }).success).toBe(false)
  })

  it('caps the size of writes', () => {
    const write = IPC_SCHEMAS.storageWriteAtomic.request
    expect(write.safeParse({ scope: { kind: 'data' }, path: 'a', data: new Uint8Array(MAX_WRITE_BYTES) }).success).toBe(true)
    expect(write.safeParse({ scope: { kind: 'data' }, path: 'a', data: new Uint8Array(MAX_WRITE_BYTES + 1) }).success).toBe(false)
  })

  it('responses validate what main sends', () => {
    expect(IPC_SCHEMAS.storageRead.response.safeParse(undefined).success).toBe(true)
    expect(IPC_SCHEMAS.storageRead.response.safeParse(new Uint8Array(2)).success).toBe(true)
    expect(IPC_SCHEMAS.storageRead.response.safeParse('text').success).toBe(false)
    expect(IPC_SCHEMAS.openExternal.response.safeParse({ opened: true }).success).toBe(true)
  })
})

describe('IPC errors', () => {
  it('round-trip through the one-line message Electron forwards', () => {
    const error = new IpcRequestError('ipc.foreign-sender', { en: 'Refused\nfrom x | y', ko: '거부했습니다' })
    expect(error.message).toBe('[ipc.foreign-sender] Refused from x / y | 거부했습니다')
    expect(parseIpcErrorMessage(`Error invoking remote method 'playground:app.info': Error: ${error.message}`)).toEqual({
      code: 'ipc.foreign-sender',
      en: 'Refused from x / y',
      ko: '거부했습니다',
    })
    expect(parseIpcErrorMessage('some other error')).toBeUndefined()
    expect(formatIpcErrorMessage('a.b', { en: 'e', ko: 'k' })).toBe('[a.b] e | k')
  })
})
