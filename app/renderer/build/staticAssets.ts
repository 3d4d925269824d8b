/**
 * A Vite plugin that adds to the build the files the workers load at run time, which no module
 * imports and Vite therefore would not emit:
 *
 * - `solc/soljson.js`: solc itself (the `solc` package's emscripten build), loaded by the compiler
 *   worker with `importScripts`;
 * - `solc/compilerWorker.js`: `app/renderer/workers/compilerWorker.ts` bundled by esbuild as an
 *   IIFE — a *classic* worker script, since only classic workers can `importScripts` (a Vite
 *   worker chunk is an ES module);
 * - `solc/libraries.json`: the bundled Solidity libraries by import path — every `.sol` of the
 *   pinned `@openzeppelin/contracts` and the vendored `hardhat/console.sol` (what
 *   `runtime/compiler/librariesNode.node.ts` reads from disk in Node), with their licences;
 * - `isolate/*`: the viem bundle for the QuickJS isolates (`dist/sandbox/isolate`, built by
 *   `tools/build/bundleIsolateLibraries.js`; built here first when it is missing).
 *
 * It also drops WebAssembly files no script refers to: quickjs-emscripten names every variant's
 * wasm through `new URL(…, import.meta.url)`, so Vite emits all four (≈ 4 MB) although the
 * sandbox loads one (RELEASE_SYNC) and the others' chunks are tree-shaken away.
 *
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { build } from 'esbuild'

export interface StaticAssetsOptions {
  /** The repository root (absolute, ending with `/`). */
  repo: string
}

/** The part of Rollup's plugin context the plugin uses. */
interface EmitContext {
  emitFile(file: { type: 'asset'; fileName: string; source: string | Uint8Array }): string
}

/** The part of Rollup's output bundle the plugin reads. */
type OutputBundle = Record<string, { type: 'chunk'; code: string } | { type: 'asset'; source: string | Uint8Array }>

/** Removes `.wasm` assets whose file name no script of the bundle mentions. Returns what it removed. */
export function dropUnreferencedWasm(bundle: OutputBundle): string[] {
  const scripts: string[] = []
  for (const [fileName, output] of Object.entries(bundle)) {
    if (output.type === 'chunk') scripts.push(output.code)
    else if (/\.m?js$/.test(fileName)) scripts.push(typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source))
  }
  const dropped: string[] = []
  for (const fileName of Object.keys(bundle)) {
    if (!fileName.endsWith('.wasm')) continue
    const name = fileName.slice(fileName.lastIndexOf('/') + 1)
    if (scripts.some((code) => code.includes(name))) continue
    delete bundle[fileName]
    dropped.push(fileName)
  }
  return dropped
}

/** Every file under `dir` ending with `ext`, by path relative to it (`/`-separated, sorted). */
function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) out.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
  }
  return out.sort()
}

/**
 * The bundled Solidity libraries as `libraries.json` text.
 *
 * @example
 * JSON.parse(librariesJson('/repo/')).files['hardhat/console.sol'].includes('library console') // true
 */
export function librariesJson(repo: string): string {
  const require = createRequire(join(repo, 'package.json'))
  const ozRoot = dirname(require.resolve('@openzeppelin/contracts/package.json'))
  const hardhatRoot = join(repo, 'runtime/compiler/libraries/hardhat')
  const files: Record<string, string> = {}
  for (const path of filesUnder(ozRoot, '.sol')) files[`@openzeppelin/contracts/${path}`] = readFileSync(join(ozRoot, path), 'utf8')
  files['hardhat/console.sol'] = readFileSync(join(hardhatRoot, 'console.sol'), 'utf8')
  // The package ships no LICENSE file; its package.json names the licence (every file also
  // carries its SPDX line). console.sol's MIT text is vendored beside it.
  const oz = JSON.parse(readFileSync(join(ozRoot, 'package.json'), 'utf8')) as { version: string; license: string }
  const licenses = {
    '@openzeppelin/contracts': `@openzeppelin/contracts ${oz.version}: ${oz.license} (OpenZeppelin)`,
    hardhat: readFileSync(join(hardhatRoot, 'LICENSE'), 'utf8'),
  }
  return JSON.stringify({ files, licenses })
}

/**
 * The compiler worker as a classic script (IIFE, no `import` statement).
 *
 * @example
 * const script = await compilerWorkerScript('/repo/')
 */
export async function compilerWorkerScript(repo: string): Promise<string> {
  const out = await build({
    entryPoints: [join(repo, 'app/renderer/workers/compilerWorker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  })
  return out.outputFiles[0]!.text
}

/** The isolate bundle's folder, built first when its manifest is missing. */
function isolateDir(repo: string): string {
  const dir = join(repo, 'dist/sandbox/isolate')
  if (!existsSync(join(dir, 'manifest.json'))) execFileSync(process.execPath, [join(repo, 'tools/build/bundleIsolateLibraries.js')], { cwd: repo, stdio: 'inherit' })
  return dir
}

/**
 * The Vite plugin (structurally typed: only the hooks it uses).
 *
 * @example
 * plugins: [staticAssets({ repo }), vue()]
 */
export function staticAssets(options: StaticAssetsOptions): {
  name: string
  apply: 'build'
  generateBundle(this: EmitContext, options: unknown, bundle: OutputBundle): Promise<void>
} {
  const { repo } = options
  return {
    name: 'playground-static-assets',
    apply: 'build',
    async generateBundle(_options, bundle) {
      dropUnreferencedWasm(bundle)
      const require = createRequire(join(repo, 'package.json'))
      this.emitFile({ type: 'asset', fileName: 'solc/soljson.js', source: readFileSync(require.resolve('solc/soljson.js')) })
      this.emitFile({ type: 'asset', fileName: 'solc/compilerWorker.js', source: await compilerWorkerScript(repo) })
      this.emitFile({ type: 'asset', fileName: 'solc/libraries.json', source: librariesJson(repo) })
      const isolate = isolateDir(repo)
      for (const file of readdirSync(isolate).sort()) this.emitFile({ type: 'asset', fileName: `isolate/${file}`, source: readFileSync(join(isolate, file)) })
    },
  }
}
