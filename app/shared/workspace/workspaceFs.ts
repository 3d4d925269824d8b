/**
 * The file system the workspace runs on: the promise half of Node's `fs` in the CLI and
 * Electron, `@isomorphic-git/lightning-fs` in the browser. Only what isomorphic-git and this
 * library need; folders are created one level at a time because lightning-fs has no
 * `recursive` option.
 *
 * @module
 */

export interface WorkspaceStat {
  isDirectory(): boolean
  isFile(): boolean
  isSymbolicLink(): boolean
}

/** A promise-style fs client (isomorphic-git's `PromiseFsClient`). */
export interface WorkspaceFs {
  promises: {
    readFile(path: string): Promise<Uint8Array | string>
    writeFile(path: string, data: Uint8Array): Promise<void>
    unlink(path: string): Promise<void>
    readdir(path: string): Promise<string[]>
    mkdir(path: string): Promise<unknown>
    rmdir(path: string): Promise<void>
    stat(path: string): Promise<WorkspaceStat>
    lstat(path: string): Promise<WorkspaceStat>
    readlink?: ((path: string) => Promise<unknown>) | undefined
    symlink?: ((target: string, path: string) => Promise<void>) | undefined
    chmod?: ((path: string, mode: number) => Promise<void>) | undefined
  }
}

/** `dir` + a '/'-separated relative path. */
export function joinPath(dir: string, rel: string): string {
  return `${dir.replace(/[/\\]+$/, '')}/${rel}`
}

/** Whether `path` exists (a link counts, wherever it points); errors other than "missing" are thrown, not taken for "no". */
export async function exists(fs: WorkspaceFs, path: string): Promise<boolean> {
  try {
    await fs.promises.lstat(path)
    return true
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code === 'ENOENT' || code === 'ENOTDIR') return false
    throw error
  }
}

/** Creates `dir/rel`'s parent folders, one level at a time. */
export async function ensureParents(fs: WorkspaceFs, dir: string, rel: string): Promise<void> {
  const parts = rel.split('/').slice(0, -1)
  let current = dir.replace(/[/\\]+$/, '')
  for (const part of parts) {
    current = `${current}/${part}`
    if (!(await exists(fs, current))) await fs.promises.mkdir(current)
  }
}

/**
 * Every file under `dir` (relative, '/'-separated, sorted), skipping `.git` only: whatever else
 * the learner writes is their work.
 *
 * @example
 * await listWorkingFiles(fs, '/work/lesson') // ['contracts/Token.sol', 'notes.md']
 */
export async function listWorkingFiles(fs: WorkspaceFs, dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (rel: string): Promise<void> => {
    const names = await fs.promises.readdir(rel ? joinPath(dir, rel) : dir)
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name
      if (path === '.git') continue
      const stat = await fs.promises.lstat(joinPath(dir, path))
      if (stat.isDirectory()) await walk(path)
      else out.push(path)
    }
  }
  await walk('')
  return out.sort()
}

/** Removes now-empty parent folders of `rel` (git does not track empty folders either). */
export async function pruneEmptyParents(fs: WorkspaceFs, dir: string, rel: string): Promise<void> {
  const parts = rel.split('/').slice(0, -1)
  while (parts.length > 0) {
    const folder = joinPath(dir, parts.join('/'))
    if ((await fs.promises.readdir(folder)).length > 0) return
    await fs.promises.rmdir(folder)
    parts.pop()
  }
}

export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data
}
