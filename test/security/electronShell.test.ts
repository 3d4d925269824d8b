/**
 * The Electron shell's security properties (DESIGN.md "Security", Electron's checklist), checked
 * without the Electron binary (it cannot be downloaded on the build machines): the window options,
 * the preload as it ships (bundled to CommonJS, evaluated with a fake `electron`), the API surface
 * it exposes, IPC refusing foreign senders and paths outside the confined folders, and a scan of
 * main's sources for what must never appear.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../app/main/appProtocol.ts'
import { createSenderCheck } from '../../app/main/ipc/senderCheck.ts'
import { registerIpcHandlers } from '../../app/main/ipc/validatedIpc.ts'
import { guardNavigation, mainWindowOptions } from '../../app/main/mainWindow.ts'
import { createOpenExternal } from '../../app/main/openExternal.ts'
import { createScopedStorage, createStorageHandlers, storageFolders } from '../../app/main/storage/confinedStorage.ts'
import { createWorkspaceHandlers } from '../../app/main/workspace/workspaceHandlers.ts'
import { IPC_CHANNELS } from '../../app/shared/ipc/ipcContract.ts'
import { createRpcRelayHost } from '../../app/main/rpc/rpcRelayHost.ts'
import { fakeFrame, fakeInvokeEvent, fakeIpcMain, fakeWebContents } from '../app/main/electronFakes.ts'

const root = new URL('../../', import.meta.url)
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"

/** The preload exactly as the build produces it (see app/preload/preload.ts). */
async function bundlePreload(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('app/preload/preload.ts', root).pathname],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

describe('window options', () => {
  it('contextIsolation, sandbox, no nodeIntegration, webSecurity: all explicit', () => {
    const prefs = mainWindowOptions('/p.cjs').webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      preload: '/p.cjs',
    })
    for (const key of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'allowRunningInsecureContent', 'webviewTag', 'spellcheck']) {
      expect(Object.hasOwn(prefs ?? {}, key), key).toBe(true)
    }
  })
})

describe('the shipped preload (CommonJS bundle)', () => {
  let code: string
  beforeAll(async () => {
    code = await bundlePreload()
  })

  it('requires nothing but electron and contains no ESM import', () => {
    const requires = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect([...new Set(requires)]).toEqual(['electron'])
    expect(code).not.toMatch(/^\s*import\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
  })

  it('exposes exactly the named functions, never ipcRenderer', async () => {
    const exposed: Record<string, unknown> = {}
    const calls: unknown[][] = []
    const ipcRenderer = { invoke: async (...args: unknown[]) => calls.push(args), on() {}, send() {}, sendSync() {} }
    const fakeRequire = (name: string): unknown => {
      if (name !== 'electron') throw new Error(`the sandboxed preload may not require ${name}`)
      return { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer }
    }
    const module = { exports: {} }
    new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports)

    expect(Object.keys(exposed)).toEqual(['playground'])
    const api = exposed.playground as Record<string, unknown> & { storage: Record<string, unknown>; rpc: Record<string, unknown>; workspace: Record<string, unknown> }
    const names = [
      ...Object.entries(api).filter(([, v]) => typeof v === 'function').map(([k]) => k),
      ...Object.entries(api.storage).map(([k, v]) => `storage.${k}:${typeof v}`),
      ...Object.entries(api.rpc).map(([k, v]) => `rpc.${k}:${typeof v}`),
      ...Object.entries(api.workspace).map(([k, v]) => `workspace.${k}:${typeof v}`),
    ].sort()
    expect(names).toMatchInlineSnapshot(`
      [
        "appInfo",
        "openExternal",
        "rpc.close:function",
        "rpc.expose:function",
        "rpc.onRequest:function",
        "rpc.respond:function",
        "storage.list:function",
        "storage.quarantine:function",
        "storage.read:function",
        "storage.writeAtomic:function",
        "workspace.commitAttempt:function",
        "workspace.commitSnapshot:function",
        "workspace.diff:function",
        "workspace.hasUnsavedChanges:function",
        "workspace.history:function",
        "workspace.init:function",
        "workspace.isWorkspace:function",
        "workspace.listFiles:function",
        "workspace.readFile:function",
        "workspace.readWorkingFiles:function",
        "workspace.replaceFiles:function",
        "workspace.restore:function",
        "workspace.writeFile:function",
      ]
    `)
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'openExternal', 'rpc', 'storage', 'workspace'])
    const reachable: unknown[] = []
    const walk = (v: unknown) => {
      reachable.push(v)
      if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(api)
    expect(reachable).not.toContain(ipcRenderer)
    expect(reachable).not.toContain(ipcRenderer.invoke)

    await (api.appInfo as () => Promise<unknown>)()
    expect(calls).toEqual([[IPC_CHANNELS.appInfo]])
  })
})

describe('IPC', () => {
  let userData: string
  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'playground-security-'))
  })
  afterAll(async () => {
    await rm(userData, { recursive: true, force: true })
  })

  function wire() {
    const mainFrame = fakeFrame()
    const webContents = fakeWebContents(mainFrame)
    const ipcMain = fakeIpcMain()
    const opened: string[] = []
    registerIpcHandlers(ipcMain, createSenderCheck(() => ({ webContents })), {
      ...createStorageHandlers(createScopedStorage({ userData })),
      ...createWorkspaceHandlers({ folder: storageFolders(userData).workspaces }),
      openExternal: createOpenExternal({
        shell: { openExternal: async (url: string) => void opened.push(url) },
        dialog: { showMessageBox: async () => ({ response: 1, checkboxChecked: false }) },
        getWindow: () => undefined,
        defaultLang: () => 'en',
      }),
      appInfo: () => ({ name: 'n', version: 'v', platform: 'p', versions: { electron: 'e', chrome: 'c', node: 'n' }, lang: 'en', isPackaged: true }),
      ...createRpcRelayHost({ getTarget: () => undefined }).handlers,
    })
    return { ipcMain, trusted: fakeInvokeEvent(webContents, mainFrame), webContents, mainFrame, opened }
  }

  it('every channel refuses a foreign sender frame', async () => {
    const { ipcMain, webContents, mainFrame } = wire()
    const foreign = [
      fakeInvokeEvent(webContents, fakeFrame({ url: 'https://evil.example/' })),
      fakeInvokeEvent(webContents, fakeFrame({ url: 'file:///tmp/x.html' })),
      fakeInvokeEvent(webContents, fakeFrame({ frameTreeNodeId: 5, parent: mainFrame })),
      fakeInvokeEvent(fakeWebContents(), fakeFrame()),
      fakeInvokeEvent(webContents, null),
    ]
    for (const channel of Object.values(IPC_CHANNELS)) {
      for (const event of foreign) {
        await expect(ipcMain.invoke(event, channel, { scope: { kind: 'data' }, path: 'a', prefix: '', url: 'https://a.b/' }), channel).rejects.toMatchObject({
          code: expect.stringMatching(/^ipc\.(foreign-sender|not-main-frame|unknown-sender)$/),
        })
      }
    }
  })

  it('refuses paths outside the data and workspace folders', async () => {
    const { ipcMain, trusted } = wire()
    for (const path of ['../x', '../../.bashrc', '/etc/passwd', 'a/../../b', '..\\x', 'C:/x']) {
      await expect(ipcMain.invoke(trusted, IPC_CHANNELS.storageWriteAtomic, { scope: { kind: 'workspace', id: 'w' }, path, data: 'x' }), path).rejects.toMatchObject({
        code: 'storage.invalid-path',
      })
      await expect(ipcMain.invoke(trusted, IPC_CHANNELS.storageRead, { scope: { kind: 'data' }, path }), path).rejects.toMatchObject({ code: 'storage.invalid-path' })
    }
    await expect(ipcMain.invoke(trusted, IPC_CHANNELS.storageRead, { scope: { kind: 'workspace', id: '..' }, path: 'data/progress.json' })).rejects.toMatchObject({
      code: 'ipc.invalid-payload',
    })
    expect(await readdir(userData)).toEqual([])
  })

  it('openExternal opens https only (after the dialog), refuses http:, file:, javascript:', async () => {
    const { ipcMain, trusted, opened } = wire()
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(ipcMain.invoke(trusted, IPC_CHANNELS.openExternal, { url })).rejects.toMatchObject({ code: 'ipc.external-url-refused' })
    }
    expect(await ipcMain.invoke(trusted, IPC_CHANNELS.openExternal, { url: 'https://ethereum.org/' })).toEqual({ opened: true })
    expect(opened).toEqual(['https://ethereum.org/'])
  })
})

describe('navigation, protocol', () => {
  it('navigation away and new windows are denied', () => {
    const contents = fakeWebContents()
    guardNavigation(contents)
    expect(contents.emitNavigation('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.emitNavigation('will-redirect', 'http://127.0.0.1:8545/')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })

  it('app:// responses carry the exact CSP, traversal is refused', async () => {
    const handler = createAppProtocolHandler({ root: join(tmpdir(), 'playground-no-such-web-root') })
    const missing = await handler(new Request('app://playground/index.html'))
    expect(missing.headers.get('content-security-policy')).toBe(CSP)
    const traversal = await handler(new Request('app://playground/..%2f..%2fetc%2fpasswd'))
    expect(traversal.status).toBe(403)
    expect(traversal.headers.get('content-security-policy')).toBe(CSP)
  })
})

describe("main's sources", () => {
  it('use ipcMain.handle only, never file://, never weaken a web preference', async () => {
    const folder = new URL('app/main/', root)
    const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      const source = await readFile(new URL(file, folder), 'utf8')
      expect(source, file).not.toMatch(/ipcMain\.on\(|ipcMain\.once\(|\.handleOnce\(/)
      expect(source, file).not.toMatch(/loadFile\(|['"]file:\/\//)
      expect(source, file).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|enableBlinkFeatures|allowRunningInsecureContent:\s*true|bypassCSP:\s*true/)
    }
  })
})
