/**
 * The IPC contract between Electron main and the preload: channel names, and the zod schema of
 * every request and response. Environment-neutral (no `electron`, no Node, no DOM), so main, the
 * preload (types only: a sandboxed preload cannot import our files) and tests share one truth.
 *
 * Rules (DESIGN.md "Security"): `ipcRenderer.invoke` / `ipcMain.handle` only; one argument per
 * request (an object, or nothing); main validates the sender frame and the payload before any
 * handler runs.
 *
 * @module
 */
import { z } from 'zod'
import type { RpcRelayBridge } from './rpcRelayIpc.ts'
import { RPC_RELAY_IPC_CHANNELS, RPC_RELAY_IPC_SCHEMAS } from './rpcRelayIpc.ts'
import { WORKSPACE_ID_PATTERN } from '../workspace/workspaceId.ts'
import type { WorkspaceBridge } from './workspaceIpc.ts'
import { WORKSPACE_IPC_CHANNELS, WORKSPACE_IPC_SCHEMAS } from './workspaceIpc.ts'

/** Channel names, namespaced `playground:` (VS Code's `vscode:` convention). */
export const IPC_CHANNELS = {
  storageRead: 'playground:storage.read',
  storageWriteAtomic: 'playground:storage.writeAtomic',
  storageList: 'playground:storage.list',
  storageQuarantine: 'playground:storage.quarantine',
  openExternal: 'playground:shell.openExternal',
  appInfo: 'playground:app.info',
  ...RPC_RELAY_IPC_CHANNELS,
  ...WORKSPACE_IPC_CHANNELS,
} as const

export type IpcChannels = typeof IPC_CHANNELS
export type IpcChannelKey = keyof IpcChannels
export type IpcChannel = IpcChannels[IpcChannelKey]

/** The desktop app's origin: production assets are served from `app://playground/`. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'playground'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Largest file the renderer may write through IPC (progress and lesson files are kilobytes). */
export const MAX_WRITE_BYTES = 16 * 1024 * 1024

/**
 * A workspace id names one folder under the app's workspaces folder: letters, digits, '-' and
 * '_' (lesson ids and project names), so it can never be '..', a path or a drive.
 */
export const workspaceIdSchema = z.string().regex(WORKSPACE_ID_PATTERN, 'a workspace id is 1–64 letters, digits, "-" or "_"')

/** Which confined folder a storage request is about: the app's data, or one workspace. */
export const storageScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('data') }).strict(),
  z.object({ kind: z.literal('workspace'), id: workspaceIdSchema }).strict(),
])
export type StorageScope = z.infer<typeof storageScopeSchema>

/**
 * A storage path as the Storage interface takes it (checked again, with bilingual messages, by
 * `checkStoragePath` in the storage itself). Here only its outer shape: a bounded string.
 */
const storagePathSchema = z.string().min(1).max(1024)

export const storageReadRequestSchema = z.object({ scope: storageScopeSchema, path: storagePathSchema }).strict()
/** Any Uint8Array (whatever its buffer), as structured clone delivers bytes across IPC. */
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)')

export const storageReadResponseSchema = bytesSchema.optional()

export const storageWriteAtomicRequestSchema = z
  .object({
    scope: storageScopeSchema,
    path: storagePathSchema,
    data: z.union([z.string().max(MAX_WRITE_BYTES), bytesSchema.refine((d) => d.byteLength <= MAX_WRITE_BYTES, `at most ${MAX_WRITE_BYTES} bytes`)]),
  })
  .strict()
export const storageWriteAtomicResponseSchema = z.void()

export const storageListRequestSchema = z.object({ scope: storageScopeSchema, prefix: z.string().max(1024) }).strict()
export const storageListResponseSchema = z.array(z.string())

export const storageQuarantineRequestSchema = z.object({ scope: storageScopeSchema, path: storagePathSchema, reason: z.string().max(4096) }).strict()
export const storageQuarantineResponseSchema = z.string()

export const langSchema = z.enum(['ko', 'en'])

/** Opens an https link in the user's browser after they confirm (in `lang`, default: the system's). */
export const openExternalRequestSchema = z.object({ url: z.string().max(2048), lang: langSchema.optional() }).strict()
export const openExternalResponseSchema = z.object({ opened: z.boolean() }).strict()

export const appInfoRequestSchema = z.undefined()
export const appInfoResponseSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    versions: z.object({ electron: z.string(), chrome: z.string(), node: z.string() }).strict(),
    /** The system's language, as the app's default (ko when the OS prefers Korean). */
    lang: langSchema,
    isPackaged: z.boolean(),
  })
  .strict()

/** Request and response schema of each channel, keyed like {@link IPC_CHANNELS}. */
export const IPC_SCHEMAS = {
  storageRead: { request: storageReadRequestSchema, response: storageReadResponseSchema },
  storageWriteAtomic: { request: storageWriteAtomicRequestSchema, response: storageWriteAtomicResponseSchema },
  storageList: { request: storageListRequestSchema, response: storageListResponseSchema },
  storageQuarantine: { request: storageQuarantineRequestSchema, response: storageQuarantineResponseSchema },
  openExternal: { request: openExternalRequestSchema, response: openExternalResponseSchema },
  appInfo: { request: appInfoRequestSchema, response: appInfoResponseSchema },
  ...RPC_RELAY_IPC_SCHEMAS,
  ...WORKSPACE_IPC_SCHEMAS,
} as const satisfies Record<IpcChannelKey, { request: z.ZodType; response: z.ZodType }>

export type IpcRequest<K extends IpcChannelKey> = z.input<(typeof IPC_SCHEMAS)[K]['request']>
/** A request of channel `K` after validation. */
export type ValidIpcRequest<K extends IpcChannelKey> = z.output<(typeof IPC_SCHEMAS)[K]['request']>
export type IpcResponse<K extends IpcChannelKey> = z.output<(typeof IPC_SCHEMAS)[K]['response']>
export type AppInfo = IpcResponse<'appInfo'>
export type Lang = z.infer<typeof langSchema>

/**
 * Validates the one argument of a request on channel `key`: the request, or the problems as
 * `field: message` lines (so main needs no schema library of its own).
 *
 * @example
 * parseIpcRequest('storageRead', { scope: { kind: 'data' }, path: 7 }) // { ok: false, issues: ['path: Invalid input: expected string, received number'] }
 */
export function parseIpcRequest<K extends IpcChannelKey>(key: K, value: unknown): { ok: true; request: ValidIpcRequest<K> } | { ok: false; issues: string[] } {
  const schema = IPC_SCHEMAS[key].request as unknown as z.ZodType<ValidIpcRequest<K>>
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, request: parsed.data }
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`) }
}

/**
 * What the preload exposes on `window.playground` (the renderer's Electron host uses it). Every
 * function makes one `ipcRenderer.invoke` on a fixed channel.
 */
export interface PlaygroundBridge {
  storage: {
    read(scope: StorageScope, path: string): Promise<Uint8Array | undefined>
    writeAtomic(scope: StorageScope, path: string, data: Uint8Array | string): Promise<void>
    list(scope: StorageScope, prefix: string): Promise<string[]>
    quarantine(scope: StorageScope, path: string, reason: string): Promise<string>
  }
  openExternal(url: string, lang?: Lang): Promise<IpcResponse<'openExternal'>>
  appInfo(): Promise<AppInfo>
  /** The RPC relay (rpcRelayIpc.ts). */
  rpc: RpcRelayBridge
  /** Git workspaces on the real disk (app/shared/ipc/workspaceIpc.ts). */
  workspace: WorkspaceBridge
}

/** The global name the bridge is exposed under (`window.playground`). */
export const BRIDGE_KEY = 'playground'
export type BridgeKey = typeof BRIDGE_KEY
