/**
 * TEMPORARY placeholder (branch step5-player): the host helper writes the real `selectHost.ts`
 * (Electron or browser: isomorphic-git workspaces on lightning-fs, a Storage on IndexedDB). This
 * one exists only so the lesson player runs before the merge: everything lives in localStorage,
 * a workspace's "versions" are JSON snapshots (no git), diff returns nothing. Replace it on merge.
 *
 * (isomorphic-git needs a global `Buffer` in the browser, which no installed package provides —
 * the reason this placeholder avoids it.)
 *
 * @module
 */
import type { Storage } from '../../../shared/storage/storage.ts'
import { quarantinePath } from '../../../shared/storage/storage.ts'
import { attemptMessage, startMessage } from '../../../shared/workspace/attemptMessage.ts'
import type { WorkspaceVersion } from '../../../shared/workspace/workspace.ts'
import type { HostWorkspace, PlaygroundHost } from './host.ts'

const PREFIX = 'playground.placeholder.'
const enc = new TextEncoder()
const dec = new TextDecoder()
const toB64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromB64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

function localStorageStorage(): Storage {
  const key = (path: string) => `${PREFIX}data/${path}`
  return {
    read: async (path) => {
      const v = localStorage.getItem(key(path))
      return v === null ? undefined : fromB64(v)
    },
    writeAtomic: async (path, data) => localStorage.setItem(key(path), toB64(typeof data === 'string' ? enc.encode(data) : data)),
    list: async (prefix) => {
      const out: string[] = []
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!
        if (k.startsWith(`${PREFIX}data/${prefix}`)) out.push(k.slice(`${PREFIX}data/`.length))
      }
      return out.sort()
    },
    quarantine: async (path, reason) => {
      const where = quarantinePath(path, new Date())
      const v = localStorage.getItem(key(path))
      if (v !== null) localStorage.setItem(key(where), v)
      localStorage.setItem(key(`${where}.txt`), toB64(enc.encode(reason)))
      localStorage.removeItem(key(path))
      return where
    },
  }
}

interface Snapshot {
  oid: string
  message: string
  timestamp: string
  files: Record<string, string>
}

function placeholderWorkspace(id: string): HostWorkspace {
  const k = (what: string) => `${PREFIX}ws/${id}/${what}`
  const get = <T>(what: string, fallback: T): T => {
    const v = localStorage.getItem(k(what))
    return v === null ? fallback : (JSON.parse(v) as T)
  }
  const set = (what: string, value: unknown) => localStorage.setItem(k(what), JSON.stringify(value))
  const working = () => get<Record<string, string>>('working', {})
  const commits = () => get<Snapshot[]>('commits', [])
  const commit = (message: string): WorkspaceVersion => {
    const list = commits()
    const snap: Snapshot = { oid: `${Date.now().toString(16)}${list.length.toString(16).padStart(4, '0')}`.padEnd(40, '0'), message: message.split('\n')[0]!, timestamp: new Date().toISOString(), files: working() }
    set('commits', [snap, ...list])
    return { oid: snap.oid, message: snap.message, timestamp: snap.timestamp }
  }
  const find = (oid: string) => {
    const snap = commits().find((c) => c.oid.startsWith(oid))
    if (!snap) throw new Error(`no version ${oid}`)
    return snap
  }
  return {
    id,
    dir: `/workspaces/${id}`,
    isWorkspace: async () => commits().length > 0,
    async init({ lessonId, files = {} }) {
      if (commits().length > 0) return { oid: commits()[0]!.oid, created: false }
      const w = working()
      for (const [p, v] of Object.entries(files)) if (!(p in w)) w[p] = typeof v === 'string' ? v : dec.decode(v)
      set('working', w)
      return { oid: commit(startMessage(lessonId)).oid, created: true }
    },
    commitAttempt: async (summary) => commit(attemptMessage(summary)),
    history: async () => commits().map(({ oid, message, timestamp }) => ({ oid, message, timestamp })),
    diff: async () => [],
    async restore(oid) {
      const snap = find(oid)
      const saved = commit('save before restore')
      set('working', snap.files)
      return { version: commit(`restore ${oid.slice(0, 7)}`), saved }
    },
    readFile: async (path, oid) => {
      const files = oid === undefined ? working() : find(oid).files
      return path in files ? enc.encode(files[path]) : undefined
    },
    listFiles: async (oid) => Object.keys(oid === undefined ? working() : find(oid).files).sort(),
    readWorkingFiles: async () => working(),
    writeWorkingFile: async (path, text) => set('working', { ...working(), [path]: text }),
    async replaceAll(files, message) {
      commit('save before reset')
      set('working', { ...files })
      return commit(message)
    },
  }
}

/** TEMPORARY: see the module comment. */
export function createHost(): PlaygroundHost {
  return {
    kind: 'browser',
    storage: localStorageStorage(),
    openWorkspace: async (id) => placeholderWorkspace(id),
    exposeRpc: () => Promise.reject(new Error('exposeRpc: not in the placeholder host')),
  }
}
