// @ts-check
/**
 * Bundles the libraries a sandboxed script may import — 'viem', 'viem/accounts', 'viem/chains' —
 * into ES module sources the QuickJS isolate evaluates (sandbox/README.md, "Libraries").
 *
 * Layout of dist/sandbox/isolate/:
 * - `viem-core.js`: the one copy of viem's internals (and noble's), minified, ES2020, platform
 *   neutral. It exports three namespace objects, so an account made by 'viem/accounts' is the same
 *   kind of object 'viem' expects (one `BaseError` class, one set of caches).
 * - `viem.js`, `viem-accounts.js`, `viem-chains.js`: facades that import the core under the
 *   internal specifier `viem/_core` and re-export its names.
 * - `manifest.json`: specifier → file, and each file's SHA-256, for the host loader.
 *
 * 'viem/chains' carries only the chains a lesson can mean (hardhat, foundry, localhost, mainnet,
 * sepolia): the full list would triple the bundle, which QuickJS parses on every run.
 *
 * The output is deterministic (no hashes in names, sorted export lists, no timestamps), so a build
 * on another machine gives the same bytes.
 *
 * Run: `node tools/build/bundleIsolateLibraries.js` (copyAssets.js and test/globalSetup.ts call it).
 */
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('../../', import.meta.url))
const outDir = `${root}dist/sandbox/isolate`

/** The chains 'viem/chains' offers inside the isolate. */
export const ISOLATE_CHAINS = ['foundry', 'hardhat', 'localhost', 'mainnet', 'sepolia']

/** The internal specifier of the shared core; facades import it, the host loader serves it. */
export const CORE_SPECIFIER = 'viem/_core'

/**
 * viem's webSocket transport loads `isows` (Node's `ws` behind it) on first use. The isolate has
 * no network: the stub makes that transport fail with viem's own "WebSocket is not available"
 * path instead of bundling a Node socket library.
 * @type {import('esbuild').Plugin}
 */
const noSockets = {
  name: 'no-sockets',
  setup(build) {
    build.onResolve({ filter: /^isows$/ }, () => ({ path: 'isows', namespace: 'isolate-stub' }))
    build.onLoad({ filter: /.*/, namespace: 'isolate-stub' }, () => ({ contents: 'export const WebSocket = undefined', loader: 'js' }))
  },
}

/**
 * noble's secp256k1 precomputes a window-8 table for the base point on the first key or signature
 * (4,224 point additions): ≈ 1 ms natively, ≈ 85 ms in QuickJS, paid again in every run because
 * each run is a fresh isolate. A window of BASE_WINDOW costs a fraction of that once, and each
 * multiplication a few more additions — a better trade when the table never outlives one script.
 * @type {import('esbuild').Plugin}
 */
const smallBaseWindow = {
  name: 'small-base-window',
  setup(build) {
    build.onLoad({ filter: /[\\/]@noble[\\/]curves[\\/]esm[\\/]abstract[\\/]weierstrass\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises')
      const text = await readFile(args.path, 'utf8')
      const patched = text.replace('Point.BASE._setWindowSize(8);', `Point.BASE._setWindowSize(${BASE_WINDOW});`)
      if (!text.includes('Point.BASE._setWindowSize(8);')) throw new Error(`${args.path}: the base-point window line moved; update ${import.meta.url}`)
      return { contents: patched, loader: 'js' }
    })
  },
}

/** The base-point window inside the isolate (see smallBaseWindow). */
export const BASE_WINDOW = 4

/**
 * viem and ox (a viem dependency) each install their own @noble and @scure copies. When both are
 * the same version, ox's imports are sent to viem's copy, so the isolate parses one secp256k1 and
 * one keccak, not two (different versions stay apart).
 * @type {import('esbuild').Plugin}
 */
const dedupeCrypto = {
  name: 'dedupe-crypto',
  setup(build) {
    const viemDir = dirname(require.resolve('viem/package.json'))
    /** @param {string} dir @returns {{ dir: string, json: any } | undefined} */
    const readPackage = (dir) => {
      try {
        return { dir, json: JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) }
      } catch {
        return undefined
      }
    }
    // Synchronous on purpose: esbuild's async `build.resolve` made the output order (and so the
    // minified names) vary from build to build.
    build.onResolve({ filter: /^@(noble|scure)\/[^/]+/ }, (args) => {
      const ox = /[\\/]node_modules[\\/]ox[\\/]/.exec(args.importer)
      if (!ox) return undefined
      const name = /** @type {string} */ (/^@[^/]+\/[^/]+/.exec(args.path)?.[0])
      const ours = readPackage(`${viemDir}/node_modules/${name}`)
      const theirs = readPackage(`${args.importer.slice(0, ox.index)}/node_modules/ox/node_modules/${name}`)
      if (!ours || !theirs || ours.json.version !== theirs.json.version) return undefined
      const subpath = `.${args.path.slice(name.length)}`
      const target = ours.json.exports?.[subpath] ?? ours.json.exports?.[`${subpath}.js`]
      const file = typeof target === 'string' ? target : (target?.import?.default ?? target?.import ?? target?.default)
      if (typeof file !== 'string') return undefined
      // Same flags as esbuild's own resolution of that file (else whichever path reaches it first
      // decides, and the output varies between builds).
      return { path: `${ours.dir}/${file.replace(/^\.\//, '')}`, sideEffects: ours.json.sideEffects !== false }
    })
  },
}

/**
 * @param {{ outDir?: string }} [options]
 * @returns {Promise<{ outDir: string, files: Record<string, number> }>} file → bytes
 */
export async function bundleIsolateLibraries({ outDir: dir = outDir } = {}) {
  const esbuild = require('esbuild')
  const viem = await import('viem')
  const accounts = await import('viem/accounts')
  const viemNames = Object.keys(viem).filter((name) => name !== 'default').sort()
  const accountNames = Object.keys(accounts).filter((name) => name !== 'default').sort()

  const entry = [
    `export * as viem from 'viem'`,
    `export * as accounts from 'viem/accounts'`,
    `import { ${ISOLATE_CHAINS.join(', ')} } from 'viem/chains'`,
    `export const chains = { ${ISOLATE_CHAINS.join(', ')} }`,
  ].join('\n')
  const built = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'viem-core-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    // viem's package.json has "module"/"exports" with an "import" condition; neutral needs these.
    mainFields: ['module', 'main'],
    conditions: ['import', 'module', 'default'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    plugins: [noSockets, dedupeCrypto, smallBaseWindow],
  })
  const core = built.outputFiles[0]?.text
  if (core === undefined) throw new Error('esbuild produced no output')

  /** @param {string} namespace @param {string[]} names */
  const facade = (namespace, names) =>
    `import { ${namespace} as m } from '${CORE_SPECIFIER}';\nexport const { ${names.join(', ')} } = m;\n`
  const files = {
    'viem-core.js': core,
    'viem.js': facade('viem', viemNames),
    'viem-accounts.js': facade('accounts', accountNames),
    'viem-chains.js': facade('chains', ISOLATE_CHAINS),
  }
  const manifest = {
    viem: require('viem/package.json').version,
    modules: { [CORE_SPECIFIER]: 'viem-core.js', viem: 'viem.js', 'viem/accounts': 'viem-accounts.js', 'viem/chains': 'viem-chains.js' },
    sha256: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, createHash('sha256').update(text).digest('hex')])),
  }
  mkdirSync(dir, { recursive: true })
  /** @type {Record<string, number>} */
  const sizes = {}
  // Each file is written aside and renamed: a process reading the bundle while a build runs
  // (tests in parallel) sees the old or the new file, never half of one.
  const writeAtomic = (/** @type {string} */ name, /** @type {string} */ text) => {
    writeFileSync(`${dir}/${name}.${process.pid}.tmp`, text)
    renameSync(`${dir}/${name}.${process.pid}.tmp`, `${dir}/${name}`)
  }
  for (const [name, text] of Object.entries(files)) {
    writeAtomic(name, text)
    sizes[name] = Buffer.byteLength(text)
  }
  writeAtomic('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`)
  return { outDir: dir, files: sizes }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files } = await bundleIsolateLibraries()
  const total = Object.values(files).reduce((a, b) => a + b, 0)
  process.stdout.write(`isolate libraries: ${Object.keys(files).length} files, ${(total / 1024).toFixed(0)} KiB in dist/sandbox/isolate\n`)
}
