/**
 * Read-only access to a course pack's files, injected into the loader so courses/format runs
 * anywhere (Node, a browser worker, the sandbox host). Paths are '/'-separated and relative to
 * the pack root; the root itself is `''`. A Node implementation belongs to a Node room (app/cli);
 * `createMemoryPackSource` here serves tests and the browser.
 *
 * @module
 */

export interface PackEntry {
  name: string
  kind: 'file' | 'dir'
}

export interface PackSource {
  /** A file's text, or undefined if there is no such file. */
  readText(path: string): Promise<string | undefined>
  /** The entries of a folder (any order), or `[]` if there is no such folder. */
  list(dir: string): Promise<PackEntry[]>
}

/** Joins path parts with '/', skipping empty parts. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/')
}

/** Drops a leading `./` or `/` and trailing slashes: `'./a/b/'` → `'a/b'`, `'.'` → `''`. */
export function normalizePath(path: string): string {
  let p = path.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '')
  if (p === '.') p = ''
  return p
}

/**
 * A pack held in memory: `files` maps paths ('/'-separated, relative to the root) to contents;
 * folders exist implicitly (as in git, there are no empty folders).
 * @example
 * const source = createMemoryPackSource({ 'course.yaml': 'id: demo\n...' })
 * await source.list('') // [{ name: 'course.yaml', kind: 'file' }]
 */
export function createMemoryPackSource(files: Record<string, string>): PackSource {
  const contents = new Map<string, string>()
  for (const [path, text] of Object.entries(files)) contents.set(normalizePath(path), text)
  return {
    async readText(path) {
      return contents.get(normalizePath(path))
    },
    async list(dir) {
      const prefix = normalizePath(dir)
      const entries = new Map<string, PackEntry['kind']>()
      for (const path of contents.keys()) {
        if (prefix !== '' && !path.startsWith(`${prefix}/`)) continue
        const rest = prefix === '' ? path : path.slice(prefix.length + 1)
        const slash = rest.indexOf('/')
        if (slash === -1) entries.set(rest, 'file')
        else entries.set(rest.slice(0, slash), 'dir')
      }
      return [...entries].map(([name, kind]) => ({ name, kind }))
    },
  }
}
