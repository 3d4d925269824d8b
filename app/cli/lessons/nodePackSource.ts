/**
 * A course pack on disk, read through courses/format's `PackSource`: every path is resolved
 * inside the pack's root folder (a path that climbs out, or a symlink pointing out, reads as
 * absent), because a third-party pack is untrusted.
 *
 * @module
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { PackEntry, PackSource } from '../../../courses/format/packSource.ts'
import { normalizePath } from '../../../courses/format/packSource.ts'

/**
 * @example
 * const source = createNodePackSource('courses')
 * await source.readText('course.yaml')
 */
export function createNodePackSource(root: string): PackSource {
  const base = realpathSync(resolve(root))
  const inside = (path: string): string | undefined => {
    const target = resolve(base, normalizePath(path))
    let real: string
    try {
      real = realpathSync(target)
    } catch {
      return undefined
    }
    const rel = relative(base, real)
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) ? real : undefined
  }
  return {
    async readText(path) {
      const file = inside(path)
      if (file === undefined) return undefined
      try {
        return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined
      } catch {
        return undefined
      }
    },
    async list(dir) {
      const folder = inside(dir)
      if (folder === undefined) return []
      try {
        return readdirSync(folder, { withFileTypes: true })
          .filter((d) => d.isFile() || d.isDirectory() || d.isSymbolicLink())
          .map((d): PackEntry => {
            const kind = d.isSymbolicLink() ? (statSync(`${folder}${sep}${d.name}`, { throwIfNoEntry: false })?.isDirectory() ? 'dir' : 'file') : d.isDirectory() ? 'dir' : 'file'
            return { name: d.name, kind }
          })
      } catch {
        return []
      }
    },
  }
}
