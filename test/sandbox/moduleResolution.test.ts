/**
 * What a script may import: the learner's workspace `files` (TypeScript transpiled, positions
 * mapped back to the learner's line and column), host `modules`, and nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSandbox } from '../../sandbox/createSandbox.ts'
import { decodeMappings, isTranspilerLoaded, originalPosition } from '../../sandbox/transpile.ts'
import { normalizeFilePath, resolveSpecifier, scanImports } from '../../sandbox/moduleGraph.ts'
import { quickjsDiscardCount } from '../../sandbox/quickjsModule.ts'
import { errorOf, valueOf } from './helpers.ts'

afterEach(() => {
  expect(quickjsDiscardCount()).toBe(0)
})

const where = (error: { code: string; details?: string | undefined; file: string | undefined; line: number | undefined; column: number | undefined }) => [
  error.code,
  error.details,
  error.file,
  error.line,
  error.column,
]

describe('TypeScript', () => {
  const sandbox = createSandbox()

  it('sucrase is loaded on the first .ts file only (runs before any other test of this file)', async () => {
    valueOf(await sandbox.run("export default 'plain'"))
    valueOf(await createSandbox({ files: { 'a.js': 'export const a = 1' } }).run("import { a } from './a.js'\nexport default a"))
    expect(isTranspilerLoaded()).toBe(false)
    valueOf(await sandbox.run('export default 1 as number', { filename: 'x.ts' }))
    expect(isTranspilerLoaded()).toBe(true)
  })

  it('erases types, import type, interfaces; keeps enums and modern syntax', async () => {
    const value = valueOf(
      await sandbox.run(
        `import type { Nothing } from './does-not-exist'
        interface Point { x: number; y?: number }
        enum Color { Red, Green = 5 }
        type Pair<T> = [T, T]
        class Box<T> { #secret = 1; constructor(public readonly value: T) {} get peek(): number { return this.#secret } }
        const p: Point = { x: Color.Green }
        const pair: Pair<string> = ['a', 'b']
        const maybe = (p as Point).y ?? 'none'
        export default [p.x, pair.join(''), maybe, new Box<number>(4).value, new Box('z').peek, Color[5]] satisfies unknown[]`,
        { filename: 'mine.ts' },
      ),
    )
    expect(value).toEqual([5, 'ab', 'none', 4, 1, 'Green'])
  })

  it('a runtime error reports the .ts file, line and the learner column (not the transpiled one)', async () => {
    const source = 'const a: number = 1; const b: Record<string, number> = {}\nconst c: string = "x"; throw new Error("top")'
    const error = errorOf(await sandbox.run(source, { filename: 'mine.ts' }))
    // `throw new Error(` → QuickJS points at the call's parenthesis: column 39 in the learner's line
    // (the transpiled line is 8 characters shorter).
    expect(where(error)).toEqual(['sandbox.script-error', 'Error: top', 'mine.ts', 2, 39])
    expect(source.split('\n')[1]!.indexOf('(') + 1).toBe(39)
    expect(error.message).toContain('mine.ts, line 2, column 39')
    expect(error.messageKo).toContain('mine.ts 2행 39열')
  })

  it('a TypeScript syntax error (sucrase) and a JavaScript one (QuickJS) name file, line and column', async () => {
    expect(where(errorOf(await sandbox.run('const ok = 1\nlet y: = 2', { filename: 'scripts/a.ts' })))).toEqual([
      'sandbox.script-error',
      'SyntaxError: Unexpected token',
      'scripts/a.ts',
      2,
      8,
    ])
    expect(where(errorOf(await sandbox.run('const ok = 1\nlet x = ;')))).toEqual([
      'sandbox.script-error',
      "SyntaxError: unexpected token in expression: ';'",
      'main.js',
      2,
      9,
    ])
  })
})

describe('workspace files', () => {
  const files = {
    'lib/util.ts': 'export function twice(n: number): number {\n  if (n < 0) { const why: string = "negative"; throw new RangeError(why) }\n  return n * 2\n}\n',
    'lib/index.ts': "export { twice } from './util'\nexport const name: string = 'lib'\n",
    'lib/plain.js': "import { twice } from './util.js'\nexport const four = twice(2)\n",
    'lib/broken.ts': 'export const x: number = 1\nexport let y: = 2\n',
    'lib/broken.js': 'export const x = 1\nexport let y = ;\n',
    'config.json': '{"a": 1}',
    'scripts/deep/run.ts': "import { name } from '../../lib'\nexport default name",
  }
  const sandbox = createSandbox({ files })

  it('relative imports resolve like a bundler: no extension, .js → .ts, folder index, ../ inside the workspace', async () => {
    const value = valueOf(
      await sandbox.run(
        `import { twice } from './lib/util'
        import { twice as again, name } from './lib'
        import { four } from './lib/plain.js'
        import deep from './scripts/deep/run.ts'
        const lazy = await import('./lib/util.js')
        export default [twice(3), again(4), name, four, deep, lazy.twice === twice]`,
        { filename: 'mine.ts' },
      ),
    )
    expect(value).toEqual([6, 8, 'lib', 4, 'lib', true])
  })

  it('an error thrown in an imported file reports that file and its learner position', async () => {
    const error = errorOf(await sandbox.run("import { twice } from './lib/util'\ntwice(-1)", { filename: 'mine.ts' }))
    expect(where(error)).toEqual(['sandbox.script-error', 'RangeError: negative', 'lib/util.ts', 2, 68])
    expect(files['lib/util.ts'].split('\n')[1]!.indexOf('RangeError(') + 'RangeError'.length + 1).toBe(68)
  })

  it('a syntax error in an imported file names that file', async () => {
    expect(where(errorOf(await sandbox.run("import { x } from './lib/broken.ts'\nexport default x", { filename: 'mine.ts' })))).toEqual([
      'sandbox.script-error',
      'SyntaxError: Unexpected token',
      'lib/broken.ts',
      2,
      15,
    ])
    const js = errorOf(await sandbox.run("import { x } from './lib/broken.js'\nexport default x"))
    expect([js.file, js.line, js.details]).toEqual(['lib/broken.js', 2, "SyntaxError: unexpected token in expression: ';'"])
  })

  it('refuses what is not a workspace script: missing files, data files, paths leaving the workspace, computed imports', async () => {
    for (const [specifier, name] of [
      ['./missing', 'missing'],
      ['./config.json', 'config.json'],
      ['../../etc/passwd', '../../etc/passwd'],
      ['/etc/passwd', '/etc/passwd'],
      ['./lib/../../outside.ts', './lib/../../outside.ts'],
      ['lib/util.ts', 'lib/util.ts'],
    ]) {
      const error = errorOf(await sandbox.run(`import * as m from '${specifier}'\nexport default Object.keys(m)`))
      expect([specifier, error.code, error.details]).toEqual([specifier, 'sandbox.import', name])
    }
    // A computed specifier cannot be prepared ahead, so it is refused even for a real file.
    const computed = errorOf(await sandbox.run("const where = './lib/' + 'util.ts'\nexport default (await import(where)).twice(1)"))
    expect([computed.code, computed.details]).toEqual(['sandbox.import', 'lib/util.ts'])
  })

  it('the entry may live in a folder; relative imports start from there', async () => {
    expect(valueOf(await sandbox.run("import { twice } from './util.ts'\nexport default twice(5)", { filename: 'lib/sub/../entry.ts' }))).toBe(10)
  })

  it('refuses options that would reach outside the workspace', () => {
    expect(() => createSandbox({ files: { '../secret.ts': '' } })).toThrow(/files/)
    expect(() => createSandbox({ files: { '/etc/passwd': '' } })).toThrow(/files/)
    expect(() => createSandbox({ modules: { './local': '' } })).toThrow(/modules/)
    expect(() => createSandbox({ files: { 'x.js': '' }, modules: { 'x.js': '' } })).toThrow(/modules/)
    expect(() => createSandbox({ libraries: {} as never })).toThrow(/libraries/)
    expect(() => createSandbox({ limits: { sourceBytes: 0 } })).toThrow(/sourceBytes/)
    return expect(createSandbox().run('1', { filename: '../up.ts' })).rejects.toThrow(/filename/)
  })
})

describe('libraries', () => {
  it('a loader that never answers ends at the wall-clock backstop', async () => {
    const sandbox = createSandbox({ limits: { wallMs: 50 }, libraries: { load: () => new Promise<string | undefined>(() => {}) } })
    expect(errorOf(await sandbox.run("import 'viem'")).code).toBe('sandbox.wall')
  })

  it('a loader is asked only for imported bare specifiers; its source may import other library modules', async () => {
    const asked: string[] = []
    const sources: Record<string, string> = { lib: "export { inner } from 'lib/_inner'\nexport const outer = 'outer'", 'lib/_inner': 'export const inner = typeof TextEncoder' }
    const sandbox = createSandbox({
      libraries: {
        load: async (specifier) => {
          asked.push(specifier)
          return sources[specifier]
        },
      },
    })
    expect(valueOf(await sandbox.run("import { outer, inner } from 'lib'\nexport default [outer, inner]"))).toEqual(['outer', 'function'])
    expect(asked).toEqual(['lib', 'lib/_inner'])
    asked.length = 0
    valueOf(await sandbox.run('export default 1'))
    expect(asked).toEqual([])
  })
})

describe('host modules', () => {
  it('serve a bare specifier; they see capabilities and may import each other', async () => {
    const sandbox = createSandbox({
      capabilities: { __hostAdd: (a, b) => Number(a) + Number(b) },
      modules: {
        playground: "import { base } from 'playground/base'\nexport const add = (a, b) => __hostAdd(a, b) + base\nexport default 'pg'",
        'playground/base': 'export const base = 100',
      },
    })
    const value = valueOf(await sandbox.run("import pg, { add } from 'playground'\nimport * as ns from 'playground'\nexport default [pg, add(1, 2), Object.isFrozen(ns)]", { filename: 'main.ts' }))
    expect(value).toEqual(['pg', 103, false])
  })

  it('an unknown specifier is still refused, and the refusal sticks when caught', async () => {
    const sandbox = createSandbox({ modules: { playground: 'export const x = 1' } })
    const error = errorOf(await sandbox.run("try { await import('viem') } catch {}\nexport default 1"))
    expect([error.code, error.details]).toEqual(['sandbox.import', 'viem'])
  })
})

describe('capability errors carry code and data', () => {
  it('a numeric or string code and JSON data cross; the stack and other properties do not', async () => {
    const rpcError = Object.assign(new Error('execution reverted: no'), { code: 3, data: '0x08c379a0', secret: { host: true } })
    const sandbox = createSandbox({
      capabilities: {
        rpc: async () => {
          throw rpcError
        },
        named: () => {
          throw Object.assign(new Error('named'), { code: 'E_NAMED', data: { nested: [1, { __proto__: null, deep: 'yes' }] } })
        },
        odd: () => {
          throw Object.assign(new Error('odd'), { code: { not: 'allowed' }, data: 10n })
        },
      },
    })
    const value = valueOf(
      await sandbox.run(`
        const out = []
        try { await rpc() } catch (e) { out.push([e.name, e.message, e.code, e.data, 'secret' in e, /node_modules|\\/work\\//.test(String(e.stack))]) }
        try { named() } catch (e) { out.push([e.code, e.data]) }
        try { odd() } catch (e) { out.push(['code' in e, 'data' in e]) }
        export default out
      `),
    )
    expect(value).toEqual([
      ['CapabilityError', 'execution reverted: no', 3, '0x08c379a0', false, false],
      ['E_NAMED', { nested: [1, { deep: 'yes' }] }],
      [false, false],
    ])
  })
})

describe('module graph helpers', () => {
  it('normalizeFilePath keeps paths inside the workspace', () => {
    expect(normalizeFilePath('./lib//a/../b.ts')).toBe('lib/b.ts')
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', '', 'C:/x', 'a\\b']) expect(normalizeFilePath(bad)).toBeUndefined()
  })

  it('resolveSpecifier tries extensions and index files, only for learner files', () => {
    const files = new Map([['lib/util.ts', ''], ['lib/index.js', ''], ['a.js', '']])
    const context = { isLearner: (name: string) => files.has(name) || name === 'main.ts', files }
    expect(resolveSpecifier('main.ts', './lib/util', context)).toBe('lib/util.ts')
    expect(resolveSpecifier('main.ts', './lib/util.js', context)).toBe('lib/util.ts')
    expect(resolveSpecifier('main.ts', './lib', context)).toBe('lib/index.js')
    expect(resolveSpecifier('lib/util.ts', '../a', context)).toBe('a.js')
    expect(resolveSpecifier('main.ts', 'viem', context)).toBe('viem')
    expect(resolveSpecifier('playground', './lib/util', context)).toBe('lib/util')
  })

  it('scanImports finds static, re-export and literal dynamic imports, minified or not', () => {
    expect(scanImports(`import a from './a'\nimport{b as c}from"b"\nexport * from './c'\nexport { d } from "d"\nimport './e'\nconst f = await import( 'f' )\nimport(name)`)).toEqual(['./a', 'b', './c', 'd', './e', 'f'])
  })

  it('originalPosition maps through sucrase-style mappings', () => {
    // generated line 0: col 0 → (0, 0); col 6 → (0, 14)
    const map = decodeMappings('AAAA,MAAc')
    expect(originalPosition(map, 1, 9)).toEqual({ line: 1, column: 17 })
    expect(originalPosition(map, 1, undefined)).toEqual({ line: 1, column: undefined })
    expect(originalPosition(undefined, 3, 4)).toEqual({ line: 3, column: 4 })
  })
})
