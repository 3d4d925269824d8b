/**
 * Where the official course pack (`courses/` with its course.yaml) is: the package root, found
 * from this file whether it runs compiled (`dist/app/cli/lessons/`) or from source (tests).
 *
 * @module
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function officialPackDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'courses', 'course.yaml')) && existsSync(join(dir, 'package.json'))) return join(dir, 'courses')
    const parent = dirname(dir)
    if (parent === dir) throw new Error('the official course pack (courses/course.yaml) was not found above the CLI')
    dir = parent
  }
}
