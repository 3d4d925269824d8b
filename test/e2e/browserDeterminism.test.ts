/**
 * Determinism across environments: the same configs, seeds and commands give the same trace
 * hashes (and the same block hashes) in Node and in a Web Worker in Chromium.
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it) or
 * PLAYGROUND_CHROMIUM pointing at a Chromium binary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askWorker, bundleWorker, serveWithCsp, withChromiumPage } from './browserHarness.ts'
import { configFromPreset } from '../../runtime/sim/presets.ts'
import type { DeterminismCase, DeterminismResult } from './fixtures/determinismWorker.ts'
import { runCase } from './fixtures/determinismWorker.ts'

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
  let server: { url: string; close(): void } | undefined
  let browserResults: DeterminismResult[] = []

  beforeAll(async () => {
    server = await serveWithCsp({ '/worker.js': await bundleWorker(new URL('./fixtures/determinismWorker.ts', import.meta.url), 'esm') })
    const reply = await withChromiumPage(server.url, (page) => askWorker<{ ok: boolean; results?: DeterminismResult[]; error?: string }>(page, { url: '/worker.js', module: true }, CASES))
    if (!reply.ok) throw new Error(`worker failed: ${reply.error}`)
    browserResults = reply.results!
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
