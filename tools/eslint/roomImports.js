// @ts-check
/**
 * ESLint rule `local/room-imports`: the import table of DESIGN.md / ARCHITECTURE.md, enforced.
 *
 * Every file belongs to one room (runtime, runtime-node, sandbox, courses-format, courses,
 * app-shared, app-main, app-preload, app-renderer, app-cli, test, tools). A relative import is
 * resolved against the importing file and its target room must be in the importer's allow list;
 * a bare import (package or `node:*`) must match the importer's package allow list.
 *
 * !!! Do not relax these rules. If an import is refused, the code is in the wrong room. !!!
 */
import path from 'node:path'

/** @typedef {{ rooms: string[], packages: RegExp[] }} RoomPolicy */

const NODE_BUILTIN = /^node:/
const ANY = /.*/

/** @type {Record<string, RoomPolicy>} */
export const IMPORT_TABLE = {
  // @scure/bip32 and @scure/bip39: the noble author's audited HD-key and mnemonic modules (dev accounts).
  runtime: { rooms: ['runtime'], packages: [/^@noble\//, /^@scure\/bip3[29](\/wordlists\/english\.js)?$/, /^@ethereumjs\//] },
  // ws: the WebSocket half of the JSON-RPC server; tiny-secp256k1 (libsecp256k1) and hash-wasm
  // (keccak): WASM primitives the Node host injects through ethereumjs's customCrypto hook.
  'runtime-node': {
    rooms: ['runtime', 'runtime-node'],
    packages: [/^@noble\//, /^@scure\/bip3[29](\/wordlists\/english\.js)?$/, /^@ethereumjs\//, /^ws$/, /^tiny-secp256k1$/, /^hash-wasm$/, NODE_BUILTIN],
  },
  // sucrase: strips TypeScript types before a learner's script runs (loaded lazily).
  sandbox: { rooms: ['sandbox', 'runtime'], packages: [/^quickjs-emscripten/, /^viem/, /^@noble\//, /^sucrase$/] },
  // viem: the grading engine encodes and decodes calls with the contract's ABI on the host side
  // (the grader in the isolate passes function names and JSON arguments).
  'courses-format': { rooms: ['courses-format', 'runtime', 'sandbox'], packages: [/^zod/, /^yaml$/, /^viem$/] },
  // Lesson code (grade.ts, starters, solutions) runs inside the sandbox: only what the sandbox
  // resolves — viem's three entry points, the `playground` module, the grader API's types — and
  // files of the same lesson.
  courses: { rooms: ['courses'], packages: [/^viem(\/accounts|\/chains)?$/, /^playground$/, /^@playground\/grader$/] },
  // zod: the IPC contract's payload schemas (validated by main, typed for the preload and renderer).
  'app-shared': { rooms: ['app-shared', 'runtime', 'courses-format'], packages: [/^isomorphic-git/, /^zod/] },
  // app/shared/**/*.node.ts: shared code that needs Node (storage on disk), for the CLI and main.
  'app-shared-node': { rooms: ['app-shared', 'app-shared-node'], packages: [NODE_BUILTIN] },
  'app-main': { rooms: ['app-main', 'app-shared', 'app-shared-node'], packages: [/^electron$/, NODE_BUILTIN] },
  'app-preload': { rooms: ['app-preload', 'app-shared'], packages: [/^electron$/] },
  // The renderer's build tooling, run by Vite in Node at build time (never shipped): the Vite config
  // and the plugin that loads the official pack into the course catalogue.
  'app-renderer-build': {
    rooms: ['app-renderer-build', 'app-renderer', 'courses-format'],
    // esbuild: the Solidity compiler's classic worker is bundled as an IIFE (Vite's workers are modules).
    packages: [/^vite$/, /^@vitejs\/plugin-vue$/, /^esbuild$/, NODE_BUILTIN],
  },
  'app-renderer': {
    rooms: ['app-renderer', 'app-shared', 'courses-format', 'runtime', 'sandbox'],
    // buffer: the Buffer global isomorphic-git expects in the browser (app/renderer/src/host/bufferGlobal.ts).
    packages: [/^vue/, /^pinia/, /^vue-i18n/, /^monaco-editor/, /^@xterm\//, /^echarts/, /^@isomorphic-git\//, /^buffer$/],
  },
  'app-cli': {
    rooms: ['app-cli', 'app-shared', 'app-shared-node', 'courses-format', 'sandbox', 'runtime', 'runtime-node'],
    // ws: the web edition's RPC relay (the page holds the simulator; the server relays JSON-RPC to it).
    packages: [NODE_BUILTIN, /^yaml$/, /^zod/, /^ws$/],
  },
  test: { rooms: ['*'], packages: [ANY] },
  tools: { rooms: ['tools'], packages: [ANY] },
  // bin/: launch shims that load the compiled CLI.
  bin: { rooms: ['dist'], packages: [] },
}

/**
 * @param {string} file absolute path
 * @param {string} root repository root
 * @returns {string | undefined}
 */
export function roomOf(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/')
  if (rel.startsWith('..')) return undefined
  const [top, second] = rel.split('/')
  if (top === 'runtime') return rel.endsWith('.node.ts') ? 'runtime-node' : 'runtime'
  if (top === 'sandbox') return 'sandbox'
  if (top === 'courses') return second === 'format' ? 'courses-format' : 'courses'
  if (rel === 'app/renderer/vite.config.ts' || rel.startsWith('app/renderer/build/')) return 'app-renderer-build'
  if (top === 'app' && second === 'shared' && rel.endsWith('.node.ts')) return 'app-shared-node'
  if (top === 'app' && second) return `app-${second}`
  if (top === 'test') return 'test'
  if (top === 'bin') return 'bin'
  if (top === 'dist') return 'dist'
  if (top === 'tools' || !rel.includes('/')) return 'tools'
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const roomImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the room import table of ARCHITECTURE.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      noRoom: "File '{{file}}' is in no known room: move it (see ARCHITECTURE.md).",
      room: "Room '{{from}}' may not import room '{{to}}' ('{{source}}'). Allowed: {{allowed}}.",
      pkg: "Room '{{from}}' may not import package '{{source}}' (see ARCHITECTURE.md import table).",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd
    const file = context.filename
    const from = roomOf(file, root)
    /** @param {import('estree').Node & { source?: any }} node */
    function check(node) {
      const source = node.source && typeof node.source.value === 'string' ? node.source.value : undefined
      if (source === undefined) return
      if (from === undefined) {
        context.report({ node, messageId: 'noRoom', data: { file } })
        return
      }
      const policy = IMPORT_TABLE[from]
      if (!policy) return
      if (source.startsWith('.')) {
        const target = roomOf(path.resolve(path.dirname(file), source), root)
        if (target === undefined || (!policy.rooms.includes('*') && !policy.rooms.includes(target))) {
          context.report({
            node,
            messageId: 'room',
            data: { from, to: target ?? 'outside', source, allowed: policy.rooms.join(', ') },
          })
        }
        return
      }
      if (!policy.packages.some((re) => re.test(source))) {
        context.report({ node, messageId: 'pkg', data: { from, source } })
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}
