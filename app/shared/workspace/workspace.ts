/**
 * A learner's workspace is a git repository (isomorphic-git over an injected fs), so no attempt
 * is ever lost: each grading commits everything ("attempt 3: 4/5 checks"), even when nothing
 * changed (the attempt still happened and history should show it, as Rustlings/Exercism users
 * expect); history lists the versions, diff shows what changed, and restore brings back an old
 * version as a *new* commit after saving any unsaved changes — going back never destroys the
 * present.
 *
 * Nothing the learner writes is ignored (not even files a `.gitignore` names): only `.git`.
 *
 * @module
 */
import git from 'isomorphic-git'
import { checkStoragePath } from '../storage/storagePath.ts'
import { attemptMessage, restoreMessage, SAVE_BEFORE_RESTORE_MESSAGE, startMessage } from './attemptMessage.ts'
import type { AttemptSummary } from './attemptMessage.ts'
import { unifiedDiff } from './lineDiff.ts'
import { WorkspaceError } from './workspaceErrors.ts'
import type { WorkspaceFs } from './workspaceFs.ts'
import { ensureParents, exists, joinPath, listWorkingFiles, pruneEmptyParents, toBytes } from './workspaceFs.ts'

/** The author of every commit: the workspace is one learner's, on their own machine. */
export const WORKSPACE_AUTHOR = { name: 'Blockchain Playground learner', email: 'learner@playground.local' } as const

export interface WorkspaceOptions {
  fs: WorkspaceFs
  /** The workspace folder (its `.git` lives inside). */
  dir: string
  /** Clock for commit times (default: the real time); tests pass a fixed one. */
  now?: (() => Date) | undefined
}

export interface WorkspaceVersion {
  oid: string
  /** The subject line, e.g. "attempt 3: 4/5 checks". */
  message: string
  /** ISO-8601 commit time. */
  timestamp: string
}

export interface FileChange {
  path: string
  change: 'added' | 'removed' | 'modified'
  /** True when either side has a NUL byte: no line diff then. */
  binary: boolean
  /** Unified-diff hunks ('' for binary files). */
  patch: string
}

export interface Workspace {
  readonly dir: string
  /** Whether `dir` already holds a workspace repository. */
  isWorkspace(): Promise<boolean>
  /**
   * Makes `dir` a workspace: writes `files` that do not exist yet (never overwrites the
   * learner's), then commits "start: <lessonId>". On an existing workspace, changes nothing and
   * returns its current version.
   */
  init(options: { lessonId: string; files?: Record<string, string | Uint8Array> | undefined }): Promise<{ oid: string; created: boolean }>
  /** Commits every change (additions, edits, deletions) as "attempt N: P/T checks". */
  commitAttempt(summary: AttemptSummary): Promise<WorkspaceVersion>
  /** Versions, newest first. */
  history(): Promise<WorkspaceVersion[]>
  /** Changes from version `fromOid` to `toOid` (default: the files as they are now). */
  diff(fromOid: string, toOid?: string): Promise<FileChange[]>
  /** Makes the files those of `oid` and commits "restore <short oid>" (after saving unsaved changes). */
  restore(oid: string): Promise<{ version: WorkspaceVersion; saved: WorkspaceVersion | undefined }>
  /** A file's bytes now, or at version `oid`; undefined when it does not exist there. */
  readFile(path: string, oid?: string): Promise<Uint8Array | undefined>
  /** The files now (sorted), or at version `oid`. */
  listFiles(oid?: string): Promise<string[]>
  /** Whether the files differ from the last saved version (anything to commit). */
  hasUnsavedChanges(): Promise<boolean>
  /** Writes one file of the working copy (creating its folders), without committing: autosave. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>
  /** Commits every change as `message` (even when nothing changed, like an attempt). */
  commitSnapshot(message: string): Promise<WorkspaceVersion>
  /**
   * Makes the files exactly `files` (others removed) and commits `message` ("reset to starter"),
   * after committing unsaved changes first, as {@link Workspace.restore} does.
   */
  replaceFiles(files: Record<string, string | Uint8Array>, message: string): Promise<{ version: WorkspaceVersion; saved: WorkspaceVersion | undefined }>
}

/**
 * @example
 * import fs from 'node:fs'
 * const ws = openWorkspace({ fs, dir: '/home/ada/lessons/hello-chain' })
 * await ws.init({ lessonId: 'hello-chain', files: { 'Hello.sol': starter } })
 * await ws.commitAttempt({ attempt: 1, passed: 4, total: 5, lessonId: 'hello-chain' })
 */
export function openWorkspace(options: WorkspaceOptions): Workspace {
  const { fs, dir } = options
  const now = options.now ?? (() => new Date())
  const cache = {}
  const base = { fs, dir, cache }

  async function requireWorkspace(): Promise<void> {
    if (!(await exists(fs, joinPath(dir, '.git')))) {
      throw new WorkspaceError('workspace.not-a-workspace', {
        en: `${dir} is not a lesson workspace yet (no saved versions): start the lesson first.`,
        ko: `${dir}은(는) 아직 레슨 작업 폴더가 아닙니다(저장된 버전 없음): 먼저 레슨을 시작하세요.`,
      })
    }
  }

  async function isDirty(): Promise<boolean> {
    const rows = await git.statusMatrix({ ...base, ignored: true, filter: notGitDir })
    return rows.some(([, head, work, stage]) => head !== 1 || work !== 1 || stage !== 1)
  }

  async function commitAll(message: string): Promise<WorkspaceVersion> {
    const rows = await git.statusMatrix({ ...base, ignored: true, filter: notGitDir })
    for (const [filepath, head, work, stage] of rows) {
      if (work === 0) {
        if (head !== 0 || stage !== 0) await git.remove({ ...base, filepath })
      } else if (head !== 1 || work !== 1 || stage !== 1) {
        await git.add({ ...base, filepath, force: true })
      }
    }
    const at = now()
    const author = { ...WORKSPACE_AUTHOR, timestamp: Math.floor(at.getTime() / 1000), timezoneOffset: 0 }
    const oid = await git.commit({ ...base, message, author, committer: author })
    return { oid, message: message.split('\n')[0]!, timestamp: new Date(author.timestamp * 1000).toISOString() }
  }

  /** A full commit oid from a full or abbreviated one; a specific error otherwise. */
  async function resolveVersion(oid: string): Promise<string> {
    await requireWorkspace()
    const unknown = (cause?: unknown): WorkspaceError =>
      new WorkspaceError(
        'workspace.unknown-version',
        { en: `There is no saved version "${oid}" in ${dir}. See the history for the versions there are.`, ko: `${dir}에 저장된 버전 "${oid}"이(가) 없습니다. 기록에서 있는 버전을 확인하세요.` },
        cause,
      )
    if (!/^[0-9a-f]{4,40}$/i.test(oid)) throw unknown()
    try {
      const full = await git.expandOid({ ...base, oid: oid.toLowerCase() })
      await git.readCommit({ ...base, oid: full })
      return full
    } catch (error) {
      throw unknown(error)
    }
  }

  function checkPath(path: string): string {
    try {
      checkStoragePath(path)
    } catch (error) {
      throw new WorkspaceError('workspace.invalid-path', { en: `Invalid workspace path "${path}".`, ko: `작업 폴더 경로 "${path}"이(가) 올바르지 않습니다.` }, error)
    }
    if (path === '.git' || path.startsWith('.git/')) {
      throw new WorkspaceError('workspace.invalid-path', { en: `"${path}" is inside .git, not the learner's files.`, ko: `"${path}"은(는) 학습자 파일이 아니라 .git 안에 있습니다.` })
    }
    return path
  }

  async function filesAt(oid: string): Promise<Map<string, Uint8Array>> {
    const files = new Map<string, Uint8Array>()
    for (const filepath of await git.listFiles({ ...base, ref: oid })) {
      const { blob } = await git.readBlob({ ...base, oid, filepath })
      files.set(filepath, blob)
    }
    return files
  }

  async function workingFiles(): Promise<Map<string, Uint8Array>> {
    const files = new Map<string, Uint8Array>()
    for (const path of await listWorkingFiles(fs, dir)) files.set(path, toBytes(await fs.promises.readFile(joinPath(dir, path))))
    return files
  }

  /** Makes the working copy exactly `target`, touching only files that differ. */
  async function makeWorkingCopy(target: Map<string, Uint8Array>): Promise<void> {
    for (const path of await listWorkingFiles(fs, dir)) {
      if (target.has(path)) continue
      await fs.promises.unlink(joinPath(dir, path))
      await pruneEmptyParents(fs, dir, path)
    }
    for (const [path, bytes] of target) {
      const fullPath = joinPath(dir, path)
      if (await exists(fs, fullPath)) {
        if (sameBytes(toBytes(await fs.promises.readFile(fullPath)), bytes)) continue
      } else await ensureParents(fs, dir, path)
      await fs.promises.writeFile(fullPath, bytes)
    }
  }

  return {
    dir,
    async isWorkspace() {
      return exists(fs, joinPath(dir, '.git'))
    },

    async init({ lessonId, files = {} }) {
      if (await exists(fs, joinPath(dir, '.git'))) {
        try {
          return { oid: await git.resolveRef({ ...base, ref: 'HEAD' }), created: false }
        } catch {
          // An empty repository (no commit yet, e.g. a crash during init): finish the init below.
        }
      } else {
        // isomorphic-git creates `dir` and any missing parents along with `.git`.
        await git.init({ ...base, defaultBranch: 'main' })
      }
      for (const [path, data] of Object.entries(files)) {
        const full = joinPath(dir, checkPath(path))
        if (await exists(fs, full)) continue
        await ensureParents(fs, dir, path)
        await fs.promises.writeFile(full, toBytes(data))
      }
      const version = await commitAll(startMessage(lessonId))
      return { oid: version.oid, created: true }
    },

    async commitAttempt(summary) {
      await requireWorkspace()
      return commitAll(attemptMessage(summary))
    },

    async history() {
      await requireWorkspace()
      let commits
      try {
        commits = await git.log({ ...base })
      } catch {
        return []
      }
      return commits.map((c) => ({
        oid: c.oid,
        message: c.commit.message.split('\n')[0]!,
        timestamp: new Date(c.commit.author.timestamp * 1000).toISOString(),
      }))
    },

    async diff(fromOid, toOid) {
      const from = await filesAt(await resolveVersion(fromOid))
      const to = toOid === undefined ? await workingFiles() : await filesAt(await resolveVersion(toOid))
      const paths = [...new Set([...from.keys(), ...to.keys()])].sort()
      const changes: FileChange[] = []
      for (const path of paths) {
        const a = from.get(path)
        const b = to.get(path)
        if (a && b && sameBytes(a, b)) continue
        const binary = (a !== undefined && a.includes(0)) || (b !== undefined && b.includes(0))
        const decode = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '')
        changes.push({
          path,
          change: a === undefined ? 'added' : b === undefined ? 'removed' : 'modified',
          binary,
          patch: binary ? '' : unifiedDiff(decode(a), decode(b)),
        })
      }
      return changes
    },

    async restore(oid) {
      const full = await resolveVersion(oid)
      const saved = (await isDirty()) ? await commitAll(SAVE_BEFORE_RESTORE_MESSAGE) : undefined
      await makeWorkingCopy(await filesAt(full))
      return { version: await commitAll(restoreMessage(full)), saved }
    },

    async readFile(path, oid) {
      checkPath(path)
      if (oid === undefined) {
        const full = joinPath(dir, path)
        if (!(await exists(fs, full))) return undefined
        return toBytes(await fs.promises.readFile(full))
      }
      const commit = await resolveVersion(oid)
      try {
        return (await git.readBlob({ ...base, oid: commit, filepath: path })).blob
      } catch {
        return undefined
      }
    },

    async listFiles(oid) {
      if (oid === undefined) return listWorkingFiles(fs, dir)
      return [...(await filesAt(await resolveVersion(oid))).keys()].sort()
    },

    async hasUnsavedChanges() {
      await requireWorkspace()
      return isDirty()
    },

    async writeFile(path, data) {
      checkPath(path)
      await ensureParents(fs, dir, path)
      await fs.promises.writeFile(joinPath(dir, path), toBytes(data))
    },

    async commitSnapshot(message) {
      await requireWorkspace()
      return commitAll(checkMessage(message))
    },

    async replaceFiles(files, message) {
      await requireWorkspace()
      checkMessage(message)
      const target = new Map<string, Uint8Array>()
      for (const [path, data] of Object.entries(files)) target.set(checkPath(path), toBytes(data))
      const saved = (await isDirty()) ? await commitAll(SAVE_BEFORE_RESTORE_MESSAGE) : undefined
      await makeWorkingCopy(target)
      return { version: await commitAll(message), saved }
    },
  }
}

/** A commit message must say something: an empty subject would show as a blank line in history. */
function checkMessage(message: string): string {
  if (typeof message !== 'string' || message.trim() === '') {
    throw new WorkspaceError('workspace.invalid-message', { en: 'A saved version needs a message (it was empty).', ko: '저장할 버전에는 메시지가 필요합니다(비어 있었습니다).' })
  }
  return message
}

/** `ignored: true` makes statusMatrix walk `.git` itself: keep it out. */
function notGitDir(filepath: string): boolean {
  return filepath !== '.git' && !filepath.startsWith('.git/')
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Every working file as text (path → UTF-8 text; `.git` excluded): what an editor shows.
 * Bytes that are not UTF-8 become U+FFFD.
 *
 * @example
 * await readWorkingText(ws) // { 'Hello.sol': 'contract Hello {}\n' }
 */
export async function readWorkingText(workspace: Pick<Workspace, 'listFiles' | 'readFile'>): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const decoder = new TextDecoder()
  for (const path of await workspace.listFiles()) {
    const bytes = await workspace.readFile(path)
    if (bytes !== undefined) out[path] = decoder.decode(bytes)
  }
  return out
}
