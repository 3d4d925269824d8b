/**
 * Determinism across environments: the same configs, seeds and commands give the same trace
 * hashes (and the same block hashes) in Node and in a Web Worker in Chromium.
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it) or
 * PLAYGROUND_CHROMIUM pointing at a Chromium binary.
 */
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configFromPreset } from '../../runtime/sim/presets.ts'
import type { DeterminismCase, DeterminismResult } from './fixtures/determinismWorker.ts'
import { runCase } from './fixtures/determinismWorker.ts'

const CHROMIUM = process.env.PLAYGROUND_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']

const lan = configFromPreset('pow-lan', 31)

/** A fixed list of scheduled commands touching every command type and strategy. */
function scheduledChaos(): unknown[] {
  const S = 1_000_000
  const types = [
    (t: number) => ({ type: 'crash', node: 2, atUs: t }),
    (t: number) => ({ type: 'restart', node: 2, atUs: t }),
    (t: number) => ({ type: 'partition', groups: [[0, 1, 2], [3, 4]], atUs: t }),
    (t: number) => ({ type: 'heal', atUs: t }),
    (t: number) => ({ type: 'set-link-fault', fault: { drop: 0.2, duplicate: 0.2, delayMs: 20 }, atUs: t }),
    (t: number) => ({ type: 'set-link-fault', fault: null, atUs: t }),
    (t: number) => ({ type: 'set-byzantine', node: 1, strategy: 'selfish-mining', atUs: t }),
    (t: number) => ({ type: 'set-byzantine', node: 3, strategy: 'invalid-blocks', atUs: t }),
    (t: number) => ({ type: 'set-byzantine', node: 4, strategy: 'double-spend', atUs: t }),
    (t: number) => ({ type: 'set-byzantine', node: 3, strategy: 'honest', atUs: t }),
    (t: number) => ({ type: 'set-byzantine', node: 0, strategy: 'withholding', atUs: t }),
    (t: number) => ({ type: 'tamper', node: 5, block: 3, data: 'x', atUs: t }),
    (t: number) => ({ type: 'add-node', atUs: t }),
    (t: number) => ({ type: 'mine', node: 5, atUs: t }),
  ]
  return Array.from({ length: 42 }, (_, i) => types[(i * 5) % types.length]!((i + 1) * 20 * S))
}

const CASES: DeterminismCase[] = [
  { name: 'bitcoin-2019, 300 nodes, 8 blocks', config: configFromPreset('bitcoin-2019', 7, { nodes: 300 }), commands: [], stopAtHeight: 8 },
  {
    name: 'pow-lan with faults and commands',
    config: lan,
    commands: [
      { type: 'set-link-fault', fault: { drop: 0.1, duplicate: 0.1, delayMs: 3 } },
      { type: 'crash', node: 3, atUs: 30_000_000 },
      { type: 'partition', groups: [[0, 1, 2], [4, 5, 6, 7]], atUs: 60_000_000 },
      { type: 'restart', node: 3, atUs: 200_000_000 },
      { type: 'heal', atUs: 400_000_000 },
      { type: 'mine', node: 5 },
      { type: 'add-node' },
    ],
    untilUs: 900_000_000,
  },
  {
    name: 'real proof of work (double SHA-256 nonces)',
    config: { ...lan, protocol: { ...lan.protocol, nonceBits: 8 } },
    commands: [],
    stopAtHeight: 6,
  },
  {
    name: 'scheduled chaos: every command type and strategy',
    config: configFromPreset('pow-lan', 32, { nodes: 6 }),
    commands: scheduledChaos(),
    untilUs: 1_200_000_000,
  },
  {
    name: 'wan, small world, retargeting',
    config: configFromPreset('pow-wan-100', 3, { nodes: 60 }),
    commands: [],
    stopAtHeight: 30,
  },
  {
    name: 'tendermint with an equivocator, workload, faults and clock skew',
    config: { ...configFromPreset('bft', 4, { nodes: 7 }), workload: { ratePerSec: 50, txBytes: 250, senders: 100, feeMin: 1, feeMax: 100, gossipIntervalMs: 100 }, byzantine: [{ node: 6, strategy: 'equivocation' }] },
    commands: [
      { type: 'crash', node: 2, atUs: 5_000_000 },
      { type: 'restart', node: 2, atUs: 15_000_000 },
      { type: 'partition', groups: [[0, 1, 2], [3, 4, 5, 6]], atUs: 20_000_000 },
      { type: 'heal', atUs: 30_000_000 },
      { type: 'set-clock-skew', node: 1, driftPpm: 200_000, atUs: 32_000_000 },
      { type: 'submit-tx', node: 3, fee: 7, atUs: 33_000_000 },
    ],
    untilUs: 60_000_000,
  },
  {
    name: 'raft consortium, leader crash',
    config: configFromPreset('raft-consortium', 5, { workload: { ratePerSec: 100, txBytes: 250, senders: 100, feeMin: 1, feeMax: 100, gossipIntervalMs: 100 } }),
    commands: [{ type: 'crash', node: 0, atUs: 20_000_000 }, { type: 'crash', node: 20, atUs: 40_000_000 }],
    untilUs: 60_000_000,
  },
  {
    name: 'pos with an equivocator and a partition',
    config: { ...configFromPreset('pos', 6, { nodes: 10 }), workload: undefined, byzantine: [{ node: 9, strategy: 'equivocation' }] },
    commands: [{ type: 'partition', groups: [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], atUs: 40_000_000 }, { type: 'heal', atUs: 80_000_000 }],
    untilUs: 160_000_000,
  },
  {
    name: 'poa',
    config: configFromPreset('poa', 7),
    commands: [{ type: 'crash', node: 1, atUs: 3_000_000 }],
    untilUs: 30_000_000,
  },
]

describe('determinism: Node and a browser Web Worker agree', () => {
  let server: ReturnType<typeof createServer> | undefined
  let browserResults: DeterminismResult[] = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PLAYGROUND_CHROMIUM.`)
    }
    const entry = fileURLToPath(new URL('./fixtures/determinismWorker.ts', import.meta.url))
    const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false })
    const files: Record<string, string> = {
      '/worker.js': out.outputFiles[0]!.text,
      '/index.html': '<!doctype html><meta charset="utf-8"><title>determinism</title>',
    }
    server = createServer((req, res) => {
      const body = files[req.url ?? '']
      if (body === undefined) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, {
        'content-type': req.url!.endsWith('.js') ? 'text/javascript' : 'text/html',
        // The product's CSP (DESIGN.md, Security): the runtime must work under it.
        'content-security-policy':
          "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      })
      res.end(body)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      await page.goto(`http://127.0.0.1:${port}/index.html`)
      const reply = await page.evaluate(
        (cases) =>
          new Promise<{ ok: boolean; results?: DeterminismResult[]; error?: string }>((resolve) => {
            // Runs in the page: the test's own types have no DOM, so name the Worker API used.
            type PageWorker = {
              onmessage: (e: { data: { ok: boolean; results?: DeterminismResult[]; error?: string } }) => void
              onerror: (e: { message: string }) => void
              postMessage: (data: unknown) => void
            }
            const PageWorkerCtor = (globalThis as unknown as { Worker: new (url: string, options: { type: 'module' }) => PageWorker }).Worker
            const worker = new PageWorkerCtor('/worker.js', { type: 'module' })
            worker.onmessage = (e) => resolve(e.data)
            worker.onerror = (e) => resolve({ ok: false, error: e.message })
            worker.postMessage(cases)
          }),
        CASES,
      )
      if (!reply.ok) throw new Error(`worker failed: ${reply.error}`)
      browserResults = reply.results!
    } finally {
      await browser.close()
    }
  }, 120_000)

  afterAll(() => {
    server?.close()
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const inBrowser = browserResults.find((r) => r.name === c.name)!
    const inNode = runCase(c)
    expect(inBrowser.events).toBeGreaterThan(100)
    expect(inBrowser.traceHash).toBe(inNode.traceHash)
    expect(inBrowser.events).toBe(inNode.events)
    expect(inBrowser.heads).toEqual(inNode.heads)
  })

  it('the cases differ from each other (the comparison can fail)', () => {
    expect(new Set(browserResults.map((r) => r.traceHash)).size).toBe(CASES.length)
  })
})
