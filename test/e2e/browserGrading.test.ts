/**
 * The same grading engine runs in Node and in a browser worker: official lessons graded by
 * `gradeLesson` inside a module Web Worker in Chromium, under the product CSP, give exactly the
 * GradeResult the Node host (`nodeGradingEnvironment`, as the CLI grades) gives for the same lesson,
 * workspace and seed — for the solution, the starter, the alternative solutions and the wrong
 * answers of a dev-chain script lesson, a lesson whose scripts import viem in the isolate, two
 * simulator-preset lessons, a quiz, and a Solidity lesson (compiled in a nested classic worker,
 * `solc/compilerWorker.js`, built as the app's build builds it: app/renderer/build/staticAssets.ts).
 *
 * The worker is `app/renderer/workers/gradingWorker.ts` (with a CSP watch around it:
 * browserGradingWorkerEntry.ts), bundled by esbuild. It loads QuickJS's WebAssembly
 * (`emscripten-module.wasm`, found next to the worker script through `import.meta.url`: served
 * here as `application/wasm`, so `script-src 'wasm-unsafe-eval'` is what lets it compile) and
 * fetches the viem bundle for the isolates from `/isolate/` (dist/sandbox/isolate, built by the
 * global setup).
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`) or PLAYGROUND_CHROMIUM.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRODUCT_CSP, bundleWorker, withChromiumPage } from './browserHarness.ts'
import { nodeGradingEnvironment } from '../../app/cli/lessons/nodeGradingEnvironment.ts'
import { CONTENT_SECURITY_POLICY } from '../../app/shared/web/contentSecurityPolicy.ts'
import { contentTypeOf } from '../../app/shared/web/contentTypes.ts'
import type { GradingWorkerReply, GradingWorkerRequest } from '../../app/renderer/workers/gradingWorker.ts'
import { compilerWorkerScript, librariesJson } from '../../app/renderer/build/staticAssets.ts'
import type { GradeResult } from '../../courses/format/grading/gradeLesson.ts'
import { gradeLesson } from '../../courses/format/grading/gradeLesson.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TRACKS = join(ROOT, 'courses/tracks')
const ISOLATE = join(ROOT, 'dist/sandbox/isolate')

/** A dev chain and a learner script, viem inside the isolate, a simulator preset, a quiz, a Solidity contract. */
const LESSONS = ['beginner/01-hash-functions', 'beginner/07-merkle-trees', 'beginner/04-distributed-ledger', 'beginner/08-pow-forks', 'beginner/10-public-vs-permissioned', 'developer/01-first-contract']
const SEED = 1

interface Case {
  name: string
  request: GradingWorkerRequest & { id: string }
  shouldPass: boolean
}

/** Every file under `dir`, by path relative to it. */
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

function casesOf(folder: string): Case[] {
  const dir = join(TRACKS, folder)
  const lesson = parseYaml(readFileSync(join(dir, 'lesson.yaml'), 'utf8')) as { id: string; network: string }
  const grader = readFileSync(join(dir, 'grade.ts'), 'utf8')
  const starter = readFolder(join(dir, 'starter'))
  const answers = (parent: string) => (existsSync(join(dir, parent)) ? readdirSync(join(dir, parent)).sort().map((name) => `${parent}/${name}`) : [])
  // The solution and the starter, then the pack's other right answers (solutions/alt-*) and its
  // wrong ones (wrong/*). An answer folder is laid over the starter (as validateCourse.ts does).
  const workspaces: [string, Record<string, string>][] = [
    ['solution', { ...starter, ...readFolder(join(dir, 'solution')) }],
    ['starter', starter],
    ...[...answers('solutions'), ...answers('wrong')].map((folder): [string, Record<string, string>] => {
      const files = readFolder(join(dir, folder))
      delete files.EXPECT_FAIL
      return [folder, { ...starter, ...files }]
    }),
  ]
  return workspaces.map(([kind, workspace]) => ({
    name: `${lesson.id} (${kind}, ${lesson.network})`,
    request: { id: `${lesson.id}/${kind}`, lesson: { id: lesson.id, network: lesson.network }, grader, workspace, seed: SEED },
    shouldPass: kind === 'solution' || kind.startsWith('solutions/'),
  }))
}

const CASES = LESSONS.flatMap(casesOf)

/** Serves `files` (URL path → body) on 127.0.0.1 with the product CSP and the app's content types. */
async function serveApp(files: Record<string, string | Buffer>): Promise<{ url: string; requested: string[]; close(): void }> {
  const requested: string[] = []
  const all: Record<string, string | Buffer> = { '/index.html': '<!doctype html><meta charset="utf-8"><title>grading</title>', '/favicon.ico': '', ...files }
  const server = createServer((req, res) => {
    const path = req.url ?? ''
    requested.push(path)
    const body = Object.hasOwn(all, path) ? all[path] : undefined
    if (body === undefined) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': contentTypeOf(path), 'content-security-policy': PRODUCT_CSP })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requested, close: () => server.close() }
}

/** The QuickJS variant the sandbox loads (RELEASE_SYNC), resolved as the bundle resolves it. */
function quickjsWasm(): Buffer {
  const require = createRequire(join(ROOT, 'node_modules/quickjs-emscripten/package.json'))
  const variantDir = dirname(require.resolve('@jitl/quickjs-wasmfile-release-sync/package.json'))
  return readFileSync(join(variantDir, 'dist/emscripten-module.wasm'))
}

interface BrowserRun {
  replies: GradingWorkerReply[]
  violations: string[]
  workerErrors: string[]
  probe: string
  probeViolations: string[]
}

describe('grading: the same engine in Node and in a browser worker', () => {
  let server: Awaited<ReturnType<typeof serveApp>> | undefined
  let browser: BrowserRun | undefined
  const workerConsoleErrors: string[] = []
  const nodeMs = new Map<string, number>()

  beforeAll(async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(PRODUCT_CSP)
    if (!existsSync(join(ISOLATE, 'manifest.json'))) execFileSync(process.execPath, ['tools/build/bundleIsolateLibraries.js'], { cwd: ROOT, stdio: 'inherit' })
    const manifest = JSON.parse(readFileSync(join(ISOLATE, 'manifest.json'), 'utf8')) as { modules: Record<string, string> }
    const isolateFiles: Record<string, Buffer> = { '/isolate/manifest.json': readFileSync(join(ISOLATE, 'manifest.json')) }
    for (const file of Object.values(manifest.modules)) isolateFiles[`/isolate/${file}`] = readFileSync(join(ISOLATE, file))
    server = await serveApp({
      '/gradingWorker.js': await bundleWorker(new URL('./browserGradingWorkerEntry.ts', import.meta.url), 'esm'),
      '/emscripten-module.wasm': quickjsWasm(),
      // The grading worker's default compiler URL is solc/compilerWorker.js next to it.
      '/solc/compilerWorker.js': await compilerWorkerScript(ROOT),
      '/solc/libraries.json': librariesJson(ROOT),
      '/solc/soljson.js': readFileSync(createRequire(import.meta.url).resolve('solc/soljson.js')),
      ...isolateFiles,
    })
    browser = await withChromiumPage(server.url, async (page) => {
      page.on('worker', (worker) => worker.on('console', (m) => (m.type() === 'error' ? workerConsoleErrors.push(m.text()) : undefined)))
      return page.evaluate(
        ({ requests }) =>
          new Promise<BrowserRun>((resolve) => {
            // Runs in the page: the test's own types have no DOM, so name the APIs used.
            type PageWorker = {
              addEventListener(type: 'message', listener: (e: { data: Record<string, unknown> }) => void): void
              addEventListener(type: 'error', listener: (e: { message: string }) => void): void
              postMessage(d: unknown): void
              terminate(): void
            }
            const page = globalThis as unknown as {
              Worker: new (url: string, options: { type: 'module' }) => PageWorker
              document: { addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void }
            }
            const run: BrowserRun = { replies: [], violations: [], workerErrors: [], probe: '', probeViolations: [] }
            page.document.addEventListener('securitypolicyviolation', (e) => run.violations.push(`page: ${e.violatedDirective} blocked ${e.blockedURI}`))
            const worker = new page.Worker('/gradingWorker.js', { type: 'module' })
            let probing = false
            const finish = () => {
              worker.terminate()
              resolve(run)
            }
            worker.addEventListener('error', (e) => {
              run.workerErrors.push(e.message)
              finish()
            })
            worker.addEventListener('message', (e) => {
              const data = e.data
              if (typeof data.cspViolation === 'string') {
                ;(probing ? run.probeViolations : run.violations).push(data.cspViolation)
                if (probing && run.probe !== '') finish()
                return
              }
              if (typeof data.probe === 'string') {
                run.probe = data.probe
                // Its violation event may come before or after this reply: give it time to arrive.
                setTimeout(finish, 500)
                return
              }
              // The product worker answers the probe too (an error reply: not a grading request).
              if (probing) return
              run.replies.push(data as unknown as GradingWorkerReply)
              const next = requests[run.replies.length]
              if (next !== undefined) worker.postMessage(next)
              else {
                probing = true
                worker.postMessage({ probeCsp: true })
              }
            })
            worker.postMessage(requests[0])
          }),
        { requests: CASES.map((c) => c.request) },
      )
    })
  }, 600_000)

  afterAll(() => {
    server?.close()
    const lines = CASES.map((c) => {
      const inBrowser = browser?.replies.find((r) => r.id === c.request.id)?.ms
      const inNode = nodeMs.get(c.request.id)
      const ms = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(0)} ms`)
      return `  ${c.name.padEnd(60)} browser ${ms(inBrowser).padStart(9)}   node ${ms(inNode).padStart(9)}`
    })
    console.log(`grading times (browser worker vs Node; the first browser grading loads QuickJS and viem):\n${lines.join('\n')}`)
  })

  it('the worker ran under the product CSP with no violation, worker error or console error', () => {
    expect(browser!.workerErrors).toEqual([])
    expect(browser!.violations).toEqual([])
    expect(workerConsoleErrors).toEqual([])
    expect(browser!.replies.map((r) => r.id)).toEqual(CASES.map((c) => c.request.id))
  })

  it('QuickJS compiled its wasm from the server, and the isolates imported viem through the library loader', () => {
    const requested = new Set(server!.requested)
    expect(requested).toContain('/emscripten-module.wasm')
    expect(requested).toContain('/isolate/manifest.json')
    // merkle-trees' learner scripts import viem (`viem.js` re-exports the shared core).
    expect(requested).toContain('/isolate/viem.js')
    expect(requested).toContain('/isolate/viem-core.js')
    // The nested compiler worker, its libraries and solc.
    for (const path of ['/solc/compilerWorker.js', '/solc/libraries.json', '/solc/soljson.js']) expect(requested).toContain(path)
    // Fetched once each, then cached by the loader.
    expect(server!.requested.filter((p) => p === '/isolate/viem-core.js')).toHaveLength(1)
  })

  it('the CSP watch is not blind: eval in the worker is refused and reported', () => {
    expect(browser!.probe).toMatch(/^refused: .*Content Security Policy/)
    expect(browser!.probeViolations).toEqual([expect.stringMatching(/^script-src blocked eval/)])
  })

  it('the results differ from answer to answer (the comparison can fail)', () => {
    // Right answers give the solution's result; each starter and wrong answer gives its own.
    const text = (id: string) => {
      const reply = browser!.replies.find((r) => r.id === id)
      return reply?.ok === true ? JSON.stringify(reply.result) : undefined
    }
    const failing = CASES.filter((c) => !c.shouldPass).map((c) => text(c.request.id))
    expect(new Set(failing).size).toBe(failing.length)
    for (const c of CASES) expect(text(c.request.id) === text(`${c.request.lesson.id}/solution`)).toBe(c.shouldPass)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s: same GradeResult as Node', async (_name, c) => {
    const reply = browser!.replies.find((r) => r.id === c.request.id)
    if (reply === undefined || !reply.ok) throw new Error(`the worker did not grade ${c.request.id}: ${JSON.stringify(reply)}`)
    const environment = await nodeGradingEnvironment()
    const started = performance.now()
    const inNode: GradeResult = await gradeLesson(environment, c.request)
    nodeMs.set(c.request.id, performance.now() - started)
    expect(reply.result).toEqual(inNode)
    // Something was graded: checks ran, none stopped on an engine error, right answers pass, the starter and wrong answers do not.
    expect(inNode.checks.length).toBeGreaterThan(0)
    expect(inNode.error).toBeUndefined()
    expect(inNode.passed).toBe(c.shouldPass)
    const counts = { pass: 0, fail: 0, error: 0 }
    for (const check of reply.result.checks) counts[check.status]++
    console.log(`${c.name}: ${JSON.stringify(counts)} score ${reply.result.score.toFixed(2)}`)
  })
})
