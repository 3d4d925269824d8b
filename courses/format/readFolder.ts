/**
 * Reads a folder of a course pack, recursively, as path → text.
 *
 * @module
 */
import type { PackSource } from './packSource.ts'
import { joinPath } from './packSource.ts'

/**
 * Every file under `dir`, recursively, as paths relative to `dir`.
 * @example
 * await readFolder(source, 'tracks/beginner/01-hash-functions/starter') // { 'hash.ts': '…' }
 */
export async function readFolder(source: PackSource, dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await source.list(joinPath(dir, relative))) {
      const path = joinPath(relative, entry.name)
      if (entry.kind === 'dir') await walk(path)
      else {
        const text = await source.readText(joinPath(dir, path))
        if (text !== undefined) out[path] = text
      }
    }
  }
  await walk('')
  return out
}

