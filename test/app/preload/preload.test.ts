import { describe, expect, it, vi } from 'vitest'
import type { PlaygroundBridge } from '../../../app/shared/ipc/ipcContract.ts'
import { BRIDGE_KEY as CONTRACT_BRIDGE_KEY, IPC_CHANNELS } from '../../../app/shared/ipc/ipcContract.ts'

// The real `electron` module cannot load here (no binary): the preload gets a fake.
const exposed = vi.hoisted(() => ({ key: undefined as string | undefined, api: undefined as unknown }))
const invoke = vi.hoisted(() => vi.fn(async (..._args: unknown[]) => 'answer'))
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key
      exposed.api = api
    },
  },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}))

const { BRIDGE_KEY, CHANNELS } = await import('../../../app/preload/preload.ts')

/** 'storage.read', 'appInfo', … : every function reachable from `api`. */
function surface(api: unknown, prefix = ''): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(api as Record<string, unknown>)) {
    if (typeof value === 'function') out.push(`${prefix}${key}`)
    else if (value && typeof value === 'object') out.push(...surface(value, `${prefix}${key}.`))
    else out.push(`${prefix}${key}:${typeof value}`)
  }
  return out.sort()
}

describe('preload', () => {
  it('exposes window.playground on import', () => {
    expect(exposed.key).toBe('playground')
    expect(BRIDGE_KEY).toBe(CONTRACT_BRIDGE_KEY)
  })

  it('exposes exactly these functions and nothing else', () => {
    expect(surface(exposed.api)).toEqual([
      'appInfo',
      'openExternal',
      'rpc.close',
      'rpc.expose',
      'rpc.onRequest',
      'rpc.respond',
      'storage.list',
      'storage.quarantine',
      'storage.read',
      'storage.writeAtomic',
      'workspace.commitAttempt',
      'workspace.commitSnapshot',
      'workspace.diff',
      'workspace.hasUnsavedChanges',
      'workspace.history',
      'workspace.init',
      'workspace.isWorkspace',
      'workspace.listFiles',
      'workspace.readFile',
      'workspace.readWorkingFiles',
      'workspace.replaceFiles',
      'workspace.restore',
      'workspace.writeFile',
    ])
  })

  it('never hands out ipcRenderer or its methods', () => {
    const values = JSON.stringify(surface(exposed.api))
    expect(values).not.toMatch(/ipcRenderer|invoke|send|on\b/)
    const all: unknown[] = []
    const walk = (v: unknown) => {
      all.push(v)
      if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(exposed.api)
    expect(all).not.toContain(invoke)
  })

  it('spells the channels exactly as the contract does', () => {
    expect(CHANNELS).toEqual(IPC_CHANNELS)
  })

  it('each function invokes its fixed channel with one request object', async () => {
    invoke.mockClear()
    const api = exposed.api as PlaygroundBridge
    const scope = { kind: 'workspace' as const, id: 'hello-chain' }
    await api.storage.read(scope, 'a.sol')
    await api.storage.writeAtomic(scope, 'a.sol', 'x')
    await api.storage.list({ kind: 'data' }, '')
    await api.storage.quarantine({ kind: 'data' }, 'progress.json', 'bad')
    await api.openExternal('https://ethereum.org/')
    await api.openExternal('https://ethereum.org/', 'ko')
    expect(await api.appInfo()).toBe('answer')
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.storageRead, { scope, path: 'a.sol' }],
      [IPC_CHANNELS.storageWriteAtomic, { scope, path: 'a.sol', data: 'x' }],
      [IPC_CHANNELS.storageList, { scope: { kind: 'data' }, prefix: '' }],
      [IPC_CHANNELS.storageQuarantine, { scope: { kind: 'data' }, path: 'progress.json', reason: 'bad' }],
      [IPC_CHANNELS.openExternal, { url: 'https://ethereum.org/' }],
      [IPC_CHANNELS.openExternal, { url: 'https://ethereum.org/', lang: 'ko' }],
      [IPC_CHANNELS.appInfo],
    ])
  })

  it('workspace functions invoke their fixed channels with one request object, leaving out absent options', async () => {
    invoke.mockClear()
    const ws = (exposed.api as PlaygroundBridge).workspace
    const summary = { attempt: 1, passed: 1, total: 2, lessonId: 'l' }
    await ws.isWorkspace('l')
    await ws.init('l', { lessonId: 'l' })
    await ws.init('l', { lessonId: 'l', files: { 'a.sol': 'x' } })
    await ws.commitAttempt('l', summary)
    await ws.history('l')
    await ws.diff('l', 'abc1234')
    await ws.diff('l', 'abc1234', 'def5678')
    await ws.restore('l', 'abc1234')
    await ws.readFile('l', 'a.sol')
    await ws.readFile('l', 'a.sol', 'abc1234')
    await ws.listFiles('l')
    await ws.listFiles('l', 'abc1234')
    await ws.hasUnsavedChanges('l')
    await ws.writeFile('l', 'a.sol', 'y')
    await ws.commitSnapshot('l', 'm')
    await ws.replaceFiles('l', { 'a.sol': 'z' }, 'reset')
    await ws.readWorkingFiles('l')
    const c = IPC_CHANNELS
    expect(invoke.mock.calls).toEqual([
      [c.workspaceIsWorkspace, { id: 'l' }],
      [c.workspaceInit, { id: 'l', lessonId: 'l' }],
      [c.workspaceInit, { id: 'l', lessonId: 'l', files: { 'a.sol': 'x' } }],
      [c.workspaceCommitAttempt, { id: 'l', summary }],
      [c.workspaceHistory, { id: 'l' }],
      [c.workspaceDiff, { id: 'l', fromOid: 'abc1234' }],
      [c.workspaceDiff, { id: 'l', fromOid: 'abc1234', toOid: 'def5678' }],
      [c.workspaceRestore, { id: 'l', oid: 'abc1234' }],
      [c.workspaceReadFile, { id: 'l', path: 'a.sol' }],
      [c.workspaceReadFile, { id: 'l', path: 'a.sol', oid: 'abc1234' }],
      [c.workspaceListFiles, { id: 'l' }],
      [c.workspaceListFiles, { id: 'l', oid: 'abc1234' }],
      [c.workspaceHasUnsavedChanges, { id: 'l' }],
      [c.workspaceWriteFile, { id: 'l', path: 'a.sol', data: 'y' }],
      [c.workspaceCommitSnapshot, { id: 'l', message: 'm' }],
      [c.workspaceReplaceFiles, { id: 'l', files: { 'a.sol': 'z' }, message: 'reset' }],
      [c.workspaceReadWorkingFiles, { id: 'l' }],
    ])
    for (const [, request] of invoke.mock.calls) expect(Object.values(request as object)).not.toContain(undefined)
  })
})
