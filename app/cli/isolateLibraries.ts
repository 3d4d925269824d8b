/**
 * The Node {@link LibraryLoader} of the sandbox: serves 'viem', 'viem/accounts', 'viem/chains'
 * (and their shared core) from the bundle `tools/build/bundleIsolateLibraries.js` writes to
 * `dist/sandbox/isolate/`. Files are read on the first import of each and kept in memory for the
 * life of the process; each is checked against the manifest's SHA-256, so a half-written or
 * edited bundle fails with `sandbox.library` instead of running as something else.
 *
 * The bundle is found from this file's own location: `app/cli/` when tests run the sources,
 * `dist/app/cli/` when the built CLI runs.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { LibraryLoader } from '../../sandbox/moduleGraph.ts'

interface Manifest {
  viem: string
  modules: Record<string, string>
  sha256: Record<string, string>
}

/** Where the bundle is, seen from the sources and from the compiled CLI (first that exists wins). */
const CANDIDATE_DIRS = ['../../dist/sandbox/isolate/', '../../sandbox/isolate/']

/**
 * The folder holding the isolate bundle, or undefined when it was never built.
 *
 * @example
 * isolateLibrariesDir() // '/…/blockchain-playground/dist/sandbox/isolate/'
 */
export function isolateLibrariesDir(): string | undefined {
  for (const candidate of CANDIDATE_DIRS) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(`${dir}manifest.json`)) return dir
  }
  return undefined
}

let shared: LibraryLoader | undefined

/**
 * The process-wide loader (its cache is shared by every sandbox of the process).
 *
 * @example
 * const sandbox = createSandbox({ libraries: nodeIsolateLibraries() })
 * await sandbox.run(`import { keccak256 } from 'viem'\nexport default keccak256('0x')`)
 */
export function nodeIsolateLibraries(): LibraryLoader {
  shared ??= createNodeIsolateLibraries()
  return shared
}

/** A loader with its own cache, reading from `dir` (default: {@link isolateLibrariesDir}). */
export function createNodeIsolateLibraries(dir: string | undefined = isolateLibrariesDir()): LibraryLoader {
  let manifest: Promise<Manifest> | undefined
  const texts = new Map<string, Promise<string>>()

  const readManifest = (): Promise<Manifest> => {
    manifest ??= (async () => {
      if (dir === undefined) throw new Error('the isolate bundle is not built (dist/sandbox/isolate/manifest.json is missing)')
      return JSON.parse(await readFile(`${dir}manifest.json`, 'utf8')) as Manifest
    })()
    return manifest
  }

  return {
    async load(specifier) {
      const { modules, sha256 } = await readManifest()
      const file = Object.hasOwn(modules, specifier) ? modules[specifier] : undefined
      if (file === undefined) return undefined
      let text = texts.get(file)
      if (!text) {
        text = readFile(`${dir}${file}`, 'utf8').then((source) => {
          const digest = createHash('sha256').update(source).digest('hex')
          if (digest !== sha256[file]) throw new Error(`${file} does not match the bundle manifest`)
          return source
        })
        // A failed read is not cached: the next import retries.
        text.catch(() => texts.delete(file))
        texts.set(file, text)
      }
      return text
    },
  }
}
