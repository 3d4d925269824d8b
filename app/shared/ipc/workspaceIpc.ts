/**
 * The workspace half of the IPC contract: a learner's workspaces are git repositories on the real
 * disk, and every git operation runs in Electron main (app/main/workspace) on
 * `<userData>/workspaces/<id>`. One channel per operation of app/shared's `Workspace`, each with
 * the zod schema of its request and response; registered in {@link IPC_CHANNELS} and
 * {@link IPC_SCHEMAS} (ipcContract.ts) like every other channel.
 *
 * Only values cross: the workspace id (checked with {@link WORKSPACE_ID_PATTERN}), relative paths
 * (checked again by the workspace library: no '..', no absolute path, no NUL, no '\\', not in
 * `.git`; and by main's confined fs: no link leading out), commit ids, texts and bytes.
 * This file imports nothing of ipcContract.ts at run time (ipcContract imports it).
 *
 * @module
 */
import { z } from 'zod'
import type { AttemptSummary } from '../workspace/attemptMessage.ts'
import type { FileChange, WorkspaceVersion } from '../workspace/workspace.ts'
import { WORKSPACE_ID_PATTERN } from '../workspace/workspaceId.ts'

/** Channel names (`playground:workspace.*`), keyed like the bridge's functions. */
export const WORKSPACE_IPC_CHANNELS = {
  workspaceIsWorkspace: 'playground:workspace.isWorkspace',
  workspaceInit: 'playground:workspace.init',
  workspaceCommitAttempt: 'playground:workspace.commitAttempt',
  workspaceHistory: 'playground:workspace.history',
  workspaceDiff: 'playground:workspace.diff',
  workspaceRestore: 'playground:workspace.restore',
  workspaceReadFile: 'playground:workspace.readFile',
  workspaceListFiles: 'playground:workspace.listFiles',
  workspaceHasUnsavedChanges: 'playground:workspace.hasUnsavedChanges',
  workspaceWriteFile: 'playground:workspace.writeFile',
  workspaceCommitSnapshot: 'playground:workspace.commitSnapshot',
  workspaceReplaceFiles: 'playground:workspace.replaceFiles',
  workspaceReadWorkingFiles: 'playground:workspace.readWorkingFiles',
} as const

export type WorkspaceIpcChannelKey = keyof typeof WORKSPACE_IPC_CHANNELS

/** Largest file, and largest set of files, one request may carry (lesson files are kilobytes). */
export const MAX_WORKSPACE_BYTES = 16 * 1024 * 1024
/** Most files one request may carry (a lesson has a handful; a project a few hundred). */
export const MAX_WORKSPACE_FILES = 2000

const idSchema = z.string().regex(WORKSPACE_ID_PATTERN, 'a workspace id is 1–64 letters, digits, "-" or "_"')
const pathSchema = z.string().min(1).max(1024)
const oidSchema = z.string().min(1).max(64)
const messageSchema = z.string().min(1).max(4096)
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)')
const fileDataSchema = z.union([
  z.string().max(MAX_WORKSPACE_BYTES),
  bytesSchema.refine((d) => d.byteLength <= MAX_WORKSPACE_BYTES, `at most ${MAX_WORKSPACE_BYTES} bytes`),
])
const filesSchema = z
  .record(pathSchema, fileDataSchema)
  .refine((files) => Object.keys(files).length <= MAX_WORKSPACE_FILES, `at most ${MAX_WORKSPACE_FILES} files`)
  .refine(
    (files) => Object.values(files).reduce((sum, d) => sum + (typeof d === 'string' ? d.length : d.byteLength), 0) <= MAX_WORKSPACE_BYTES,
    `at most ${MAX_WORKSPACE_BYTES} bytes in all`,
  )

const versionSchema = z.object({ oid: z.string(), message: z.string(), timestamp: z.string() }).strict()
const fileChangeSchema = z
  .object({ path: z.string(), change: z.enum(['added', 'removed', 'modified']), binary: z.boolean(), patch: z.string() })
  .strict()
const savedVersionSchema = z.object({ version: versionSchema, saved: versionSchema.optional() }).strict()
const summarySchema = z
  .object({ attempt: z.number().int().min(1), passed: z.number().int().min(0), total: z.number().int().min(0), lessonId: z.string().min(1).max(200) })
  .strict()

const byId = z.object({ id: idSchema }).strict()

/** Request and response schema of each workspace channel. */
export const WORKSPACE_IPC_SCHEMAS = {
  workspaceIsWorkspace: { request: byId, response: z.boolean() },
  workspaceInit: {
    request: z.object({ id: idSchema, lessonId: z.string().min(1).max(200), files: filesSchema.optional() }).strict(),
    response: z.object({ oid: z.string(), created: z.boolean() }).strict(),
  },
  workspaceCommitAttempt: { request: z.object({ id: idSchema, summary: summarySchema }).strict(), response: versionSchema },
  workspaceHistory: { request: byId, response: z.array(versionSchema) },
  workspaceDiff: { request: z.object({ id: idSchema, fromOid: oidSchema, toOid: oidSchema.optional() }).strict(), response: z.array(fileChangeSchema) },
  workspaceRestore: { request: z.object({ id: idSchema, oid: oidSchema }).strict(), response: savedVersionSchema },
  workspaceReadFile: { request: z.object({ id: idSchema, path: pathSchema, oid: oidSchema.optional() }).strict(), response: bytesSchema.optional() },
  workspaceListFiles: { request: z.object({ id: idSchema, oid: oidSchema.optional() }).strict(), response: z.array(z.string()) },
  workspaceHasUnsavedChanges: { request: byId, response: z.boolean() },
  workspaceWriteFile: { request: z.object({ id: idSchema, path: pathSchema, data: fileDataSchema }).strict(), response: z.void() },
  workspaceCommitSnapshot: { request: z.object({ id: idSchema, message: messageSchema }).strict(), response: versionSchema },
  workspaceReplaceFiles: { request: z.object({ id: idSchema, files: filesSchema, message: messageSchema }).strict(), response: savedVersionSchema },
  workspaceReadWorkingFiles: { request: byId, response: z.record(z.string(), z.string()) },
} as const satisfies Record<WorkspaceIpcChannelKey, { request: z.ZodType; response: z.ZodType }>

/**
 * `window.playground.workspace`: the preload's functions, one `invoke` each. Every call names the
 * workspace by id; main opens `<userData>/workspaces/<id>`.
 */
export interface WorkspaceBridge {
  isWorkspace(id: string): Promise<boolean>
  init(id: string, options: { lessonId: string; files?: Record<string, string | Uint8Array> | undefined }): Promise<{ oid: string; created: boolean }>
  commitAttempt(id: string, summary: AttemptSummary): Promise<WorkspaceVersion>
  history(id: string): Promise<WorkspaceVersion[]>
  diff(id: string, fromOid: string, toOid?: string): Promise<FileChange[]>
  restore(id: string, oid: string): Promise<{ version: WorkspaceVersion; saved?: WorkspaceVersion | undefined }>
  readFile(id: string, path: string, oid?: string): Promise<Uint8Array | undefined>
  listFiles(id: string, oid?: string): Promise<string[]>
  hasUnsavedChanges(id: string): Promise<boolean>
  writeFile(id: string, path: string, data: string | Uint8Array): Promise<void>
  commitSnapshot(id: string, message: string): Promise<WorkspaceVersion>
  replaceFiles(id: string, files: Record<string, string | Uint8Array>, message: string): Promise<{ version: WorkspaceVersion; saved?: WorkspaceVersion | undefined }>
  readWorkingFiles(id: string): Promise<Record<string, string>>
}
