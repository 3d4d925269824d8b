/**
 * Where the built web edition is: `dist/web` in the package root, found from this file whether it
 * runs compiled (`dist/app/cli/web/`) or from source (tests).
 *
 * @module
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'playground.js'))) return join(dir, 'dist', 'web')
    const parent = dirname(dir)
    if (parent === dir) return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web')
    dir = parent
  }
}

/** True when `root` holds a built app (index.html). */
export function isBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'))
}
