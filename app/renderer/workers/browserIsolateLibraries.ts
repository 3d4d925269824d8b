/**
 * The browser {@link LibraryLoader} of the sandbox: serves 'viem', 'viem/accounts', 'viem/chains'
 * (and their shared core) from the bundle `tools/build/bundleIsolateLibraries.js` writes to
 * `dist/sandbox/isolate/`, fetched from a base URL next to the app (same origin, so the CSP's
 * `connect-src 'self'` allows it). The browser twin of `app/cli/isolateLibraries.ts`.
 *
 * `manifest.json` maps each specifier to a file and records each file's SHA-256; a file is fetched
 * on the first import of it, checked against that digest (a stale cache or a half-deployed bundle
 * fails with `sandbox.library` instead of running as something else) and kept for the life of the
 * loader. A failed fetch is not cached: the next import retries.
 *
 * @module
 */
import { sha256, toHex } from '../../../runtime/crypto/sha256.ts'
import type { LibraryLoader } from '../../../sandbox/createSandbox.ts'

interface Manifest {
  viem: string
  modules: Record<string, string>
  sha256: Record<string, string>
}

export interface BrowserIsolateLibrariesOptions {
  /** The folder holding `manifest.json` and the bundle files (absolute, ending with `/`). */
  baseUrl: string | URL
  /** The fetch to use (default: the global one). */
  fetch?: ((url: string) => Promise<Response>) | undefined
}

/**
 * @example
 * const libraries = createBrowserIsolateLibraries({ baseUrl: new URL('./isolate/', import.meta.url) })
 * const sandbox = createSandbox({ libraries })
 * await sandbox.run(`import { keccak256 } from 'viem'\nexport default keccak256('0x')`)
 */
export function createBrowserIsolateLibraries(options: BrowserIsolateLibrariesOptions): LibraryLoader {
  const base = new URL(String(options.baseUrl))
  if (!base.pathname.endsWith('/')) base.pathname += '/'
  const get = options.fetch ?? ((url: string) => fetch(url))
  let manifest: Promise<Manifest> | undefined
  const texts = new Map<string, Promise<string>>()

  const fetchOk = async (file: string): Promise<Response> => {
    const url = new URL(file, base).href
    const response = await get(url)
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} (is the isolate bundle built and served?)`)
    return response
  }

  const readManifest = (): Promise<Manifest> => {
    manifest ??= fetchOk('manifest.json')
      .then((r) => r.json() as Promise<Manifest>)
      .catch((error: unknown) => {
        manifest = undefined
        throw error
      })
    return manifest
  }

  return {
    async load(specifier) {
      const { modules, sha256: digests } = await readManifest()
      const file = Object.hasOwn(modules, specifier) ? modules[specifier] : undefined
      if (file === undefined) return undefined
      let text = texts.get(file)
      if (!text) {
        text = fetchOk(file).then(async (response) => {
          const bytes = new Uint8Array(await response.arrayBuffer())
          if ((await digestHex(bytes)) !== digests[file]) throw new Error(`${file} does not match the bundle manifest`)
          return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        })
        text.catch(() => texts.delete(file))
        texts.set(file, text)
      }
      return text
    },
  }
}

/** SHA-256 in hex: WebCrypto where the context has it (secure contexts), @noble/hashes otherwise. */
async function digestHex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (subtle !== undefined) return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)))
  return toHex(sha256(bytes))
}
