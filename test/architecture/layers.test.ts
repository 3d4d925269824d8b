/**
 * The layer rules of DESIGN.md ("Import rules") are enforced, not just written down: the lint
 * rules reject wall clock, randomness, timers, host globals and forbidden imports in the rooms
 * that may not use them, and runtime/'s tsconfig cannot even see DOM or Node globals.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

let eslint: ESLint | undefined

interface Problem {
  ruleId: string | null
  message: string
}

async function lint(relPath: string, code: string): Promise<Problem[]> {
  eslint ??= new ESLint({ cwd: repoRoot })
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, relPath) })
  expect(result).toBeDefined()
  return result!.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }))
}

const ruleIds = (problems: readonly Problem[]): (string | null)[] => problems.map((p) => p.ruleId)

const RUNTIME_FILE = 'runtime/sim/virtual.ts'

describe('lint: runtime/ stays deterministic and host-free', () => {
  it.each([
    ['Date.now()', 'export const t = Date.now()\n', 'no-restricted-properties', 'Date.now'],
    ['Math.random()', 'export const r = Math.random()\n', 'no-restricted-properties', 'Math.random'],
    ['new Date()', 'export const d = new Date()\n', 'no-restricted-syntax', 'wall clock'],
    ['setTimeout(...)', 'setTimeout(() => {}, 10)\n', 'no-restricted-globals', 'setTimeout'],
    ['setInterval(...)', 'setInterval(() => {}, 10)\n', 'no-restricted-globals', 'setInterval'],
    ['performance.now()', 'export const t = performance.now()\n', 'no-restricted-globals', 'performance'],
    ['process.env', 'export const e = process.env\n', 'no-restricted-globals', 'process'],
    ['Buffer', "export const b = Buffer.from('x')\n", 'no-restricted-globals', 'Buffer'],
    ['window', 'export const w = window\n', 'no-restricted-globals', 'window'],
    ['crypto', 'export const c = crypto.getRandomValues(new Uint8Array(4))\n', 'no-restricted-globals', 'crypto'],
    ['Date() without new', 'export const d = Date()\n', 'no-restricted-syntax', 'wall clock'],
    ['globalThis.setTimeout', 'globalThis.setTimeout(() => {}, 1)\n', 'no-restricted-syntax', 'globalThis'],
    ['globalThis.performance', 'export const p = globalThis.performance\n', 'no-restricted-syntax', 'globalThis'],
  ])('reports %s', async (_name, code, ruleId, mentions) => {
    const problems = await lint(RUNTIME_FILE, code)
    expect(ruleIds(problems)).toEqual([ruleId])
    expect(problems[0]!.message).toContain(mentions)
  })

  it("reports importing 'node:fs'", async () => {
    const problems = await lint(RUNTIME_FILE, "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
    expect(problems[0]!.message).toContain("Room 'runtime' may not import package 'node:fs'")
  })

  it("reports a dynamic import('node:fs')", async () => {
    const problems = await lint(RUNTIME_FILE, "export const fs = import('node:fs')\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
  })

  it('reports importing the CLI (another room) from runtime/', async () => {
    const problems = await lint(RUNTIME_FILE, "import { main } from '../../app/cli/main.ts'\nexport const m = main\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
    expect(problems[0]!.message).toContain("Room 'runtime' may not import room 'app-cli'")
  })

  it('reports re-exporting another room from runtime/', async () => {
    const problems = await lint(RUNTIME_FILE, "export * from '../../app/shared/messages.ts'\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
  })

  it('reports importing a package outside the allow list', async () => {
    const problems = await lint(RUNTIME_FILE, "import { z } from 'zod'\nexport const s = z\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
  })

  it('reports globalThis.Date.now() and new globalThis.Date()', async () => {
    expect(ruleIds(await lint(RUNTIME_FILE, 'export const t = globalThis.Date.now()\n'))).toContain('no-restricted-syntax')
    expect(ruleIds(await lint(RUNTIME_FILE, 'export const d = new globalThis.Date()\n'))).toContain('no-restricted-syntax')
  })

  it('reports nothing for a clean runtime snippet', async () => {
    const code = [
      "import { sha256 } from '@noble/hashes/sha2.js'",
      "import { createRandomStreams } from './prng.ts'",
      '',
      'export function draw(seed: number): number {',
      '  const rng = createRandomStreams(seed)',
      '  const digest = sha256(new TextEncoder().encode(String(seed)))',
      '  const when = new Uint8Array(digest)',
      '  return rng.nextExponential(0, 1) + when.length + Math.floor(1.5)',
      '}',
      '',
    ].join('\n')
    expect(await lint(RUNTIME_FILE, code)).toEqual([])
  })

  it('the same wall-clock code is fine outside runtime/ (app/cli is a driver)', async () => {
    expect(await lint('app/cli/virtual.ts', 'export const t = Date.now() + Math.random() + performance.now()\n')).toEqual([])
  })
})

describe('lint: runtime/**/*.node.ts is the host edge', () => {
  const NODE_FILE = 'runtime/rpc/server.node.ts'

  it("may import 'node:http' and runtime", async () => {
    const code = "import { createServer } from 'node:http'\nimport { createNetwork } from '../sim/network.ts'\nexport const s = [createServer, createNetwork]\n"
    expect(await lint(NODE_FILE, code)).toEqual([])
  })

  it('still may not use Math.random', async () => {
    const problems = await lint(NODE_FILE, 'export const r = Math.random()\n')
    expect(ruleIds(problems)).toEqual(['no-restricted-properties'])
    expect(problems[0]!.message).toContain('Math.random')
  })

  it('may use the wall clock and timers: it paces simulated time (a driver, DESIGN.md)', async () => {
    expect(await lint(NODE_FILE, 'export const t = Date.now()\nsetTimeout(() => {}, 1)\n')).toEqual([])
  })

  it('may not import the app', async () => {
    const problems = await lint(NODE_FILE, "import { main } from '../../app/cli/main.ts'\nexport const m = main\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
  })
})

describe('lint: app rooms import only what the table allows', () => {
  it('app/cli may import runtime and node:fs', async () => {
    const code = [
      "import { readFileSync } from 'node:fs'",
      "import { createNetwork } from '../../runtime/sim/network.ts'",
      "import { formatMessage } from '../shared/messages.ts'",
      'export const a = [readFileSync, createNetwork, formatMessage]',
      '',
    ].join('\n')
    expect(await lint('app/cli/virtual.ts', code)).toEqual([])
  })

  it('app/main may not import runtime', async () => {
    const problems = await lint(
      'app/main/virtual.ts',
      "import { createNetwork } from '../../runtime/sim/network.ts'\nexport const a = createNetwork\n",
    )
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
    expect(problems[0]!.message).toContain("Room 'app-main' may not import room 'runtime'")
  })

  it('app/main may import app/shared and node:*', async () => {
    const code = "import { readFileSync } from 'node:fs'\nimport { formatMessage } from '../shared/messages.ts'\nexport const a = [readFileSync, formatMessage]\n"
    expect(await lint('app/main/virtual.ts', code)).toEqual([])
  })

  it('app/preload may not import node:fs', async () => {
    const problems = await lint('app/preload/virtual.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
    expect(problems[0]!.message).toContain("Room 'app-preload' may not import package 'node:fs'")
  })

  it('app/shared may not import the CLI', async () => {
    const problems = await lint('app/shared/virtual.ts', "import { main } from '../cli/main.ts'\nexport const a = main\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
  })

  it('a file in no room is reported', async () => {
    const problems = await lint('stray/deep/file.ts', "import { x } from './y.ts'\nexport const a = x\n")
    expect(ruleIds(problems)).toEqual(['local/room-imports'])
    expect(problems[0]!.message).toContain('is in no known room')
  })
})

describe('TypeScript: runtime/ cannot see DOM or Node globals', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  /** Type-checks `source` with runtime/tsconfig.json's settings (and its ambient globals.d.ts). */
  function typecheck(source: string): { status: number | null; output: string } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-layers-'))
    dirs.push(dir)
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
    writeFileSync(path.join(dir, 'probe.ts'), source)
    const tsconfig = {
      extends: path.join(repoRoot, 'runtime', 'tsconfig.json'),
      compilerOptions: {
        rootDir: dir,
        noEmit: true,
        composite: false,
        incremental: false,
        declaration: false,
        tsBuildInfoFile: null,
      },
      // runtime/tsconfig.json includes its globals.d.ts through "**/*.ts"; keep it in view.
      include: [path.join(dir, 'probe.ts'), path.join(repoRoot, 'runtime', 'globals.d.ts')],
    }
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    })
    if (r.error) throw r.error
    return { status: r.status, output: r.stdout + r.stderr }
  }

  it('window, document, process, Buffer and setTimeout do not compile', () => {
    const names = ['window', 'document', 'process', 'Buffer', 'setTimeout'] as const
    const { status, output } = typecheck(names.map((n, i) => `export const v${i} = ${n}\n`).join(''))
    expect(status).not.toBe(0)
    const lines = output.split('\n').filter((l) => /error TS\d+/.test(l))
    names.forEach((name, i) => {
      const line = lines.find((l) => l.includes(`probe.ts(${i + 1},`))
      expect(line, `no error for ${name}`).toBeDefined()
      expect(line).toMatch(/error TS(2304|2580|2582|2584|2591|2592|2593)\b/)
      expect(line).toContain(`Cannot find name '${name}'`)
    })
    // Nothing else went wrong (the probe itself is valid TypeScript).
    expect(lines).toHaveLength(names.length)
  })

  it('console, TextEncoder/TextDecoder and queueMicrotask compile', () => {
    const source = [
      "const bytes: Uint8Array = new TextEncoder().encode('playground')",
      'const text: string = new TextDecoder().decode(bytes)',
      'queueMicrotask(() => console.log(text))',
      'console.warn(bytes.length)',
      'export {}',
      '',
    ].join('\n')
    const { status, output } = typecheck(source)
    expect(output).toBe('')
    expect(status).toBe(0)
  })
})

describe('ARCHITECTURE.md', () => {
  it('exists at the repo root and names every room of the import table', async () => {
    const file = path.join(repoRoot, 'ARCHITECTURE.md')
    expect(existsSync(file), 'ARCHITECTURE.md is missing at the repository root').toBe(true)
    const text = readFileSync(file, 'utf8')
    const mod = (await import(pathToFileURL(path.join(repoRoot, 'tools/eslint/roomImports.js')).href)) as {
      IMPORT_TABLE: Record<string, unknown>
    }
    const rooms = Object.keys(mod.IMPORT_TABLE)
    expect(rooms).toContain('runtime')
    expect(rooms).toContain('app-cli')
    const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    for (const room of rooms) {
      // A room is named by its key (`app-cli`) or by its folder (`app/cli`); runtime-node is
      // the `*.node.ts` files of runtime/.
      const spellings = [room, room.replace('-', '/')]
      if (room === 'runtime-node') spellings.push('.node.ts')
      const named = spellings.some((s) => new RegExp(`(^|[^\\w-])${escape(s)}($|[^\\w-])`, 'm').test(text))
      expect(named, `ARCHITECTURE.md does not name room '${room}'`).toBe(true)
    }
  })
})
