/**
 * Solidity lessons graded in the browser by the app's own build: Vite builds the renderer (the
 * product config, `app/renderer/vite.config.ts`, with its static-assets plugin) plus a small test
 * page entry (fixtures/appGradingPage.ts) that exposes the product clients; the real web server
 * (`startWebServer`, product CSP as a header) serves the output to Chromium. The page grades with
 * `createGradingClient()` — the Vite-built module worker chunk — which compiles through a nested
 * classic worker (`solc/compilerWorker.js` + `solc/soljson.js` + `solc/libraries.json`) and runs
 * graders in QuickJS (the wasm Vite emitted) with viem from `isolate/`. Every result must equal
 * Node's `gradeLesson` (as the CLI grades) for the same lesson, workspace and seed.
 *
 * Also: the product build alone (no test entry) emits the static assets, the compiler worker is a
 * classic script, and the figures (soljson load + first compile, warm compile, a Solidity lesson
 * graded cold and warm) are printed.
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`) or PLAYGROUND_CHROMIUM.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { parse as parseYaml } from 'yaml'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS } from './browserHarness.ts'
import { nodeGradingEnvironment } from '../../app/cli/lessons/nodeGradingEnvironment.ts'
import type { WebServer } from '../../app/cli/web/staticServer.ts'
import { startWebServer } from '../../app/cli/web/staticServer.ts'
import type { GradeRequest, GradeResult } from '../../courses/format/grading/gradeLesson.ts'
import { gradeLesson } from '../../courses/format/grading/gradeLesson.ts'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import type { CompileResult } from '../../runtime/compiler/compilerTypes.ts'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TRACKS = join(ROOT, 'courses/tracks')
const OUT = join(ROOT, 'test-results/compiler')
// The builds go to the system's temp folder: built JavaScript under the repository would be linted.
const BUILDS = mkdtempSync(join(tmpdir(), 'playground-app-grading-'))
const PRODUCT_OUT = join(BUILDS, 'web-product')
const TEST_OUT = join(BUILDS, 'web-test')
const SEED = 1

interface Case {
  name: string
  request: GradeRequest
  shouldPass: boolean
}

function readFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8')
  }
  return out
}

/** A lesson's workspace: the starter, with an answer folder laid over it (as validateCourse.ts does). */
function caseOf(folder: string, kind: string): Case {
  const dir = join(TRACKS, folder)
  const lesson = parseYaml(readFileSync(join(dir, 'lesson.yaml'), 'utf8')) as { id: string; network: string }
  const starter = readFolder(join(dir, 'starter'))
  const answer = kind === 'starter' ? {} : readFolder(join(dir, kind))
  delete answer.EXPECT_FAIL
  return {
    name: `${lesson.id} (${kind})`,
    request: { lesson: { id: lesson.id, network: lesson.network }, grader: readFileSync(join(dir, 'grade.ts'), 'utf8'), workspace: { ...starter, ...answer }, seed: SEED },
    shouldPass: kind === 'solution' || kind.startsWith('solutions/'),
  }
}

const CASES: Case[] = [
  // The first one is the cold grading (QuickJS, console.sol, soljson all load in the workers).
  caseOf('developer/01-first-contract', 'starter'),
  caseOf('developer/01-first-contract', 'solution'),
  caseOf('developer/01-first-contract', 'solutions/alt-ownable'),
  caseOf('developer/01-first-contract', 'wrong/owner-not-set'),
  // OpenZeppelin imports: the libraries come from solc/libraries.json.
  caseOf('developer/03-erc20-token', 'solutions/alt-openzeppelin'),
  caseOf('developer/03-erc20-token', 'solution'),
  caseOf('developer/03-erc20-token', 'starter'),
  // A viem script beside a contract: the isolates import viem from isolate/.
  caseOf('developer/06-dapp-script', 'solution'),
]
/** Graded twice: the second time is the warm figure. */
const WARM_AGAIN = CASES[1]!

const CONTRACT = 'pragma solidity ^0.8.20;\nimport "@openzeppelin/contracts/token/ERC20/ERC20.sol";\ncontract T is ERC20 {\n  constructor() ERC20("T", "T") { _mint(msg.sender, 1000); }\n}\n'
const BROKEN = 'pragma solidity ^0.8.20;\ncontract B {\n  function f() public { uint x = ; }\n}\n'

interface PageRun {
  coldCompile: { ms: number; result: CompileResult }
  warmCompile: { ms: number; result: CompileResult }
  broken: CompileResult
  version: string
  consoleSol: string
  graded: { ms: number; ok: boolean; result?: GradeResult; error?: string }[]
  again: { ms: number; result: GradeResult }
  /** A compiler client pointed at a script that is not there: the rejection, then a client that works again. */
  dead: { error: string; name: string; recovered: string }
  violations: string[]
}

/** The one request that is meant to fail (the dead-worker check). */
const MISSING_WORKER = 'solc/no-such-worker.js'

/** Every file under `dir`, relative, `/`-separated. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
}

async function viteBuild(outDir: string, extraEntry?: string): Promise<number> {
  rmSync(outDir, { recursive: true, force: true })
  const started = performance.now()
  await build({
    configFile: join(ROOT, 'app/renderer/vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir,
      ...(extraEntry === undefined ? {} : { rollupOptions: { input: { index: join(ROOT, 'app/renderer/index.html'), appGradingPage: extraEntry } } }),
    },
  })
  return performance.now() - started
}

describe('Solidity lessons graded in the Vite-built app (grading worker + nested compiler worker) under the product CSP', () => {
  let server: WebServer | undefined
  let browser: Browser | undefined
  let run: PageRun | undefined
  const problems = { pageErrors: [] as string[], consoleErrors: [] as string[], failedRequests: [] as string[], workerConsoleErrors: [] as string[] }
  const requested: string[] = []
  const figures: string[] = []

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    figures.push(`vite build (product): ${(await viteBuild(PRODUCT_OUT)).toFixed(0)} ms`)
    figures.push(`vite build (product + test page): ${(await viteBuild(TEST_OUT, join(ROOT, 'test/e2e/fixtures/appGradingPage.ts'))).toFixed(0)} ms`)
    const entry = listFiles(join(TEST_OUT, 'assets')).find((f) => /^appGradingPage-.*\.js$/.test(f))
    if (entry === undefined) throw new Error('the test page entry was not built')
    writeFileSync(join(TEST_OUT, 'appGrading.html'), `<!doctype html><meta charset="utf-8"><title>app grading</title><link rel="icon" href="./favicon.svg"><script type="module" src="./assets/${entry}"></script>\n`)

    server = await startWebServer({ root: TEST_OUT, port: 0 })
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PLAYGROUND_CHROMIUM.`)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const page = await browser.newPage()
    page.on('pageerror', (e) => problems.pageErrors.push(e.message))
    page.on('console', (m) => (m.type() === 'error' ? problems.consoleErrors.push(m.text()) : undefined))
    page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`))
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    page.on('response', (r) => (r.status() >= 400 ? problems.failedRequests.push(`${r.url()}: HTTP ${r.status()}`) : undefined))
    page.on('worker', (worker) => worker.on('console', (m) => (m.type() === 'error' ? problems.workerConsoleErrors.push(m.text()) : undefined)))
    await page.goto(new URL('appGrading.html', server.url).href)
    await page.waitForFunction(() => 'playgroundTest' in globalThis)
    run = await page.evaluate(
      async ({ requests, again, contract, broken, missingWorker }) => {
        // Runs in the page: the test's own types have no DOM, so name what is used.
        type Api = {
          createCompilerClient(options?: { url: string }): { compile(r: unknown): Promise<CompileResult>; version(): Promise<string>; consoleSol(): Promise<string>; terminate(): void }
          createGradingClient(): { grade(r: unknown): Promise<GradeResult>; terminate(): void }
          violations: string[]
        }
        const api = (globalThis as unknown as { playgroundTest: Api }).playgroundTest
        const compiler = api.createCompilerClient()
        let t = performance.now()
        const cold = await compiler.compile({ sources: { 'contracts/T.sol': contract } })
        const coldCompile = { ms: performance.now() - t, result: cold }
        t = performance.now()
        const warm = await compiler.compile({ sources: { 'contracts/T.sol': contract.replace('1000', '2000') } })
        const warmCompile = { ms: performance.now() - t, result: warm }
        const brokenResult = await compiler.compile({ sources: { 'contracts/B.sol': broken } })
        const version = await compiler.version()
        const consoleSol = await compiler.consoleSol()
        compiler.terminate()

        const grading = api.createGradingClient()
        const graded: PageRun['graded'] = []
        for (const request of requests) {
          t = performance.now()
          try {
            const result = await grading.grade(request)
            graded.push({ ms: performance.now() - t, ok: true, result })
          } catch (error) {
            graded.push({ ms: performance.now() - t, ok: false, error: String(error) })
          }
        }
        t = performance.now()
        const againResult = await grading.grade(again)
        const againRun = { ms: performance.now() - t, result: againResult }
        grading.terminate()

        // A worker that cannot start: the pending call rejects with the bilingual error (the
        // restart of the same client is unit-tested with a fake worker), and the page compiles
        // on with a client of the real script.
        const missing = api.createCompilerClient({ url: missingWorker })
        const dead = await missing.version().then(
          () => ({ error: 'resolved', name: '' }),
          (e: Error) => ({ error: e.message, name: e.name }),
        )
        const recovered = await api.createCompilerClient().version()
        // Shown on the page for the screenshot: each grading's checks and their statuses.
        const doc = (globalThis as unknown as { document: { createElement(tag: string): { textContent: string }; body: { append(node: unknown): void } } }).document
        const pre = doc.createElement('pre')
        pre.textContent = [`solc ${version}: cold compile ${coldCompile.ms.toFixed(0)} ms, warm ${warmCompile.ms.toFixed(0)} ms`]
          .concat(graded.map((g, i) => `${requests[i]!.lesson.id} #${i}: ${g.ok ? `${g.result!.passed ? 'PASS' : 'FAIL'} ${g.result!.checks.map((c) => `${c.id}=${c.status}`).join(' ')}` : g.error} (${g.ms.toFixed(0)} ms)`))
          .join('\n')
        doc.body.append(pre)
        return { coldCompile, warmCompile, broken: brokenResult, version, consoleSol, graded, again: againRun, dead: { ...dead, recovered }, violations: api.violations }
      },
      { requests: CASES.map((c) => c.request), again: WARM_AGAIN.request, contract: CONTRACT, broken: BROKEN, missingWorker: MISSING_WORKER },
    )
    await page.screenshot({ path: join(OUT, 'appGrading.png') })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(BUILDS, { recursive: true, force: true })
    if (run) {
      figures.push(`browser compiler worker: soljson load + first compile (OpenZeppelin ERC20) ${run.coldCompile.ms.toFixed(0)} ms; warm compile ${run.warmCompile.ms.toFixed(0)} ms`)
      CASES.forEach((c, i) => figures.push(`browser grading ${c.name.padEnd(58)} ${run!.graded[i]!.ms.toFixed(0).padStart(6)} ms${i === 0 ? ' (cold: QuickJS, console.sol, soljson load)' : ''}`))
      figures.push(`browser grading ${`${WARM_AGAIN.name} again`.padEnd(58)} ${run.again.ms.toFixed(0).padStart(6)} ms (warm)`)
    }
    console.log(`figures:\n  ${figures.join('\n  ')}`)
  })

  it('the product build emits the static assets: soljson, a classic compiler worker, the libraries, the isolate bundle', () => {
    const files = listFiles(PRODUCT_OUT)
    for (const f of ['solc/soljson.js', 'solc/compilerWorker.js', 'solc/libraries.json', 'isolate/manifest.json']) expect(files).toContain(f)
    const worker = readFileSync(join(PRODUCT_OUT, 'solc/compilerWorker.js'), 'utf8')
    // Classic: an IIFE, no module syntax at the top level.
    expect(worker).not.toMatch(/^\s*(import|export)\b/m)
    expect(worker).toMatch(/^"use strict";\(\(\)=>\{/)
    expect(worker).toContain('importScripts')
    const soljson = readFileSync(join(PRODUCT_OUT, 'solc/soljson.js'))
    expect(soljson.equals(readFileSync(join(ROOT, 'node_modules/solc/soljson.js')))).toBe(true)
    const libraries = JSON.parse(readFileSync(join(PRODUCT_OUT, 'solc/libraries.json'), 'utf8')) as { files: Record<string, string> }
    const reader = nodeLibraryReader()
    for (const path of ['hardhat/console.sol', '@openzeppelin/contracts/token/ERC20/ERC20.sol', '@openzeppelin/contracts/access/Ownable.sol']) expect(libraries.files[path]).toBe(reader(path))
    const manifest = JSON.parse(readFileSync(join(PRODUCT_OUT, 'isolate/manifest.json'), 'utf8')) as { modules: Record<string, string> }
    for (const file of Object.values(manifest.modules)) expect(files).toContain(`isolate/${file}`)
  })

  it('with a page that uses the grading client, the build has the grading worker chunk and the QuickJS wasm it loads', () => {
    const files = listFiles(TEST_OUT)
    const chunk = files.find((f) => /^assets\/gradingWorker-[\w-]+\.js$/.test(f))
    expect(chunk).toBeDefined()
    // The wasm the worker loads (found through import.meta.url in the QuickJS variant's chunk) was requested and served.
    const wasm = requested.filter((p) => p.endsWith('.wasm'))
    expect(wasm).toHaveLength(1)
    expect(files).toContain(wasm[0]!.slice(1))
    expect(wasm[0]).toMatch(/^\/assets\/emscripten-module-[\w-]+\.wasm$/)
    // Only that one: the other QuickJS variants' wasm files, which nothing loads, are not shipped.
    expect(files.filter((f) => f.endsWith('.wasm'))).toEqual([wasm[0]!.slice(1)])
  })

  it('ran with no page error, console error, failed request or CSP violation', () => {
    // Only the missing worker script of the dead-worker check may fail to load (and be logged).
    const unexpected = (list: string[]) => list.filter((line) => !line.includes(MISSING_WORKER))
    expect({ ...problems, consoleErrors: unexpected(problems.consoleErrors), failedRequests: unexpected(problems.failedRequests) }).toEqual({
      pageErrors: [],
      consoleErrors: [],
      failedRequests: [],
      workerConsoleErrors: [],
    })
    expect(problems.failedRequests).toContainEqual(expect.stringContaining(`${MISSING_WORKER}: HTTP 404`))
    expect(run!.violations).toEqual([])
    // The workers really ran from the build: the classic compiler worker, soljson, the libraries, the isolate bundle.
    for (const path of ['/solc/compilerWorker.js', '/solc/soljson.js', '/solc/libraries.json', '/isolate/manifest.json', '/isolate/viem-core.js']) expect(requested).toContain(path)
  })

  it('the compiler client compiles with the bundled libraries, byte-identical to Node, with diagnostics at the same place', () => {
    const node = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
    expect(run!.version).toBe(node.version)
    expect(run!.coldCompile.result.ok).toBe(true)
    expect(run!.coldCompile.result.artifacts).toEqual(node.compile({ sources: { 'contracts/T.sol': CONTRACT } }).artifacts)
    expect(run!.warmCompile.result.artifacts.map((a) => a.contractName)).toEqual(['T'])
    const pick = (r: CompileResult) => r.diagnostics.map(({ severity, file, line, column, code }) => ({ severity, file, line, column, code }))
    expect(run!.broken.ok).toBe(false)
    expect(pick(run!.broken)).toEqual(pick(node.compile({ sources: { 'contracts/B.sol': BROKEN } })))
    expect(run!.consoleSol).toBe(nodeLibraryReader()('hardhat/console.sol'))
  })

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s: same GradeResult as Node', async (_name, c, i) => {
    const graded = run!.graded[i]!
    if (!graded.ok) throw new Error(`the browser did not grade ${c.name}: ${graded.error}`)
    const inNode = await gradeLesson(await nodeGradingEnvironment(), c.request)
    expect(graded.result).toEqual(inNode)
    expect(inNode.checks.length).toBeGreaterThan(0)
    expect(inNode.error).toBeUndefined()
    expect(inNode.checks.filter((check) => check.status === 'error')).toEqual([])
    expect(inNode.passed).toBe(c.shouldPass)
  })

  it('a compiler worker that cannot start rejects with the bilingual error; the page compiles on with a fresh worker', () => {
    expect(run!.dead.name).toBe('CompilerWorkerError')
    expect(run!.dead.error).toMatch(/솔리디티 컴파일러 작업자.* \/ The Solidity compiler worker stopped/)
    expect(run!.dead.recovered).toBe(run!.version)
  })

  it('the starter fails with per-check statuses and messages, and grading again gives the same result', () => {
    const starter = run!.graded[0]!.result!
    expect(starter.passed).toBe(false)
    expect(starter.checks.some((check) => check.status === 'fail' && check.message.ko.length > 0 && check.message.en.length > 0)).toBe(true)
    expect(run!.again.result).toEqual(run!.graded[1]!.result)
  })
})
