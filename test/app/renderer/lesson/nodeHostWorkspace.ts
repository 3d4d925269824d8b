/** A HostWorkspace for tests: app/shared's real git workspace on a temporary folder, plus the working-copy calls the host adds. */
import fs from 'node:fs'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import git from 'isomorphic-git'
import type { HostWorkspace } from '../../../../app/renderer/src/host/host.ts'
import { openWorkspace } from '../../../../app/shared/workspace/workspace.ts'
import { listWorkingFiles } from '../../../../app/shared/workspace/workspaceFs.ts'

export function tempHostWorkspace(id: string): { workspace: HostWorkspace; dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'player-'))
  const inner = openWorkspace({ fs, dir })
  const workspace: HostWorkspace = {
    ...inner,
    dir,
    id,
    isWorkspace: () => inner.isWorkspace(),
    init: (o) => inner.init(o),
    commitAttempt: (s) => inner.commitAttempt(s),
    history: () => inner.history(),
    diff: (a, b) => inner.diff(a, b),
    restore: (oid) => inner.restore(oid),
    readFile: (p, oid) => inner.readFile(p, oid),
    listFiles: (oid) => inner.listFiles(oid),
    async readWorkingFiles() {
      const out: Record<string, string> = {}
      for (const p of await listWorkingFiles(fs, dir)) out[p] = readFileSync(path.join(dir, p), 'utf8')
      return out
    },
    async writeWorkingFile(p, text) {
      writeFileSync(path.join(dir, p), text)
    },
    async replaceAll(files, message) {
      // The host's contract: the present is committed first, then the files are replaced and committed.
      const commitAll = async (msg: string) => {
        for (const [filepath, head, work] of await git.statusMatrix({ fs, dir })) {
          if (work === 0 && head === 1) await git.remove({ fs, dir, filepath })
          else if (work !== 0) await git.add({ fs, dir, filepath })
        }
        const author = { name: 't', email: 't@t', timestamp: 1, timezoneOffset: 0 }
        return { oid: await git.commit({ fs, dir, message: msg, author }), message: msg, timestamp: new Date(1000).toISOString() }
      }
      await commitAll('save before reset')
      for (const p of await listWorkingFiles(fs, dir)) if (!(p in files)) rmSync(path.join(dir, p))
      for (const [p, text] of Object.entries(files)) writeFileSync(path.join(dir, p), text)
      return commitAll(message)
    },
  }
  return { workspace, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
