/**
 * The Node host's bundled libraries, read from disk: `@openzeppelin/contracts/…` from the pinned
 * package (its LICENSE ships with it) and `hardhat/console.sol` from
 * `runtime/compiler/libraries/hardhat/` (MIT, Nomic Foundation; LICENSE beside it). Paths are
 * checked so an import can never read outside those folders.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LibraryReader } from './compilerTypes.ts'

/** `libraries/` beside this file: in the sources, and in dist/ (copied by tools/build/copyAssets.js). */
function librariesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'libraries')
}

function readInside(root: string, relative: string): string | undefined {
  const full = normalize(join(root, relative))
  if (!full.startsWith(root + sep)) return undefined
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined
}

/**
 * @example
 * nodeLibraryReader()('@openzeppelin/contracts/token/ERC20/ERC20.sol')?.includes('contract ERC20') // true
 */
export function nodeLibraryReader(): LibraryReader {
  const require = createRequire(import.meta.url)
  const ozRoot = dirname(require.resolve('@openzeppelin/contracts/package.json'))
  const hardhatRoot = join(librariesDir(), 'hardhat')
  return (path) => {
    if (path.startsWith('@openzeppelin/contracts/')) return readInside(ozRoot, path.slice('@openzeppelin/contracts/'.length))
    if (path === 'hardhat/console.sol') return readInside(hardhatRoot, 'console.sol')
    return undefined
  }
}
