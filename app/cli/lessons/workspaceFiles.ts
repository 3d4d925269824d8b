/**
 * Reads a learner's workspace folder for grading: every text file, by '/'-separated relative
 * path, leaving out `.git` and `node_modules`, binary files and files over 1 MiB (a grader
 * never needs them, and a stray video must not stall grading).
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])
const MAX_FILE_BYTES = 1 << 20

/**
 * @example
 * readWorkspaceFiles('/home/me/lesson1') // { 'Counter.sol': '…', 'scripts/app.ts': '…' }
 */
export function readWorkspaceFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path)
        continue
      }
      if (!entry.isFile()) continue
      const full = join(dir, path)
      if (statSync(full).size > MAX_FILE_BYTES) continue
      const bytes = readFileSync(full)
      if (bytes.includes(0)) continue
      out[path] = bytes.toString('utf8')
    }
  }
  walk('')
  return out
}
