/**
 * The EVM is deterministic across environments too: the same signed transactions at the same
 * simulated times give the same trace hash, block hashes and state roots in Node and in a
 * Chromium Web Worker (under the product CSP) — for consensus networks, with a byzantine producer,
 * and for the dev chain.
 */
import { bytesToHex } from '@ethereumjs/util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askWorker, bundleWorker, serveWithCsp, withChromiumPage } from './browserHarness.ts'
import { deriveDevAccounts } from '../../runtime/exec/evm/devAccounts.ts'
import { createEvmCommon } from '../../runtime/exec/evm/evmCommon.ts'
import { deployData, signedTx, transferData } from '../runtime/exec/evm/evmTestKit.ts'
import type { EvmCase, EvmResult } from './fixtures/evmDeterminismWorker.ts'
import { runEvmCase } from './fixtures/evmDeterminismWorker.ts'

const common = createEvmCommon()
const accounts = deriveDevAccounts({ count: 4 })
const raw = (tx: ReturnType<typeof signedTx>) => bytesToHex(tx.serialize()) as `0x${string}`
const TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3'

/** A deployment, token transfers and plain payments from three senders. */
function workload(spacingUs: number): EvmCase['submissions'] {
  const out: EvmCase['submissions'] = [{ raw: raw(signedTx(common, accounts[0]!.privateKey, { nonce: 0n, data: deployData(10_000n) })), atUs: 0, node: 0 }]
  for (let i = 1; i <= 6; i++) {
    out.push({ raw: raw(signedTx(common, accounts[0]!.privateKey, { nonce: BigInt(i), to: TOKEN, data: transferData(accounts[3]!.address, BigInt(i)), gasLimit: 100_000n })), atUs: i * spacingUs, node: i % 3 })
    out.push({ raw: raw(signedTx(common, accounts[1]!.privateKey, { nonce: BigInt(i - 1), to: accounts[2]!.address, value: BigInt(i), gasLimit: 21_000n })), atUs: i * spacingUs, node: (i + 1) % 3 })
  }
  return out
}

const CASES: EvmCase[] = [
  { name: 'bft, 4 validators, one minting itself coins', kind: 'network', preset: 'bft', seed: 2, overrides: { nodes: 4, byzantine: [{ node: 1, strategy: 'invalid-blocks' }] }, submissions: workload(700_000), untilUs: 20_000_000 },
  { name: 'pos, 4 validators', kind: 'network', preset: 'pos', seed: 3, overrides: { nodes: 4 }, submissions: workload(1_500_000), untilUs: 40_000_000 },
  { name: 'pow-lan, 5 miners', kind: 'network', preset: 'pow-lan', seed: 4, overrides: { nodes: 5 }, submissions: workload(2_000_000), untilUs: 120_000_000 },
  { name: 'dev chain', kind: 'dev', submissions: workload(0) },
]

describe('EVM determinism: Node and a browser Web Worker agree', () => {
  let server: { url: string; close(): void } | undefined
  let browserResults: EvmResult[] = []

  beforeAll(async () => {
    server = await serveWithCsp({ '/worker.js': await bundleWorker(new URL('./fixtures/evmDeterminismWorker.ts', import.meta.url), 'esm') })
    const reply = await withChromiumPage(server.url, (page) => askWorker<{ ok: boolean; results?: EvmResult[]; error?: string }>(page, { url: '/worker.js', module: true }, CASES))
    if (!reply.ok) throw new Error(`worker failed: ${reply.error}`)
    browserResults = reply.results!
  }, 180_000)

  afterAll(() => {
    server?.close()
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const inBrowser = browserResults.find((r) => r.name === c.name)!
    const inNode = await runEvmCase(c)
    expect(inBrowser.heads.length).toBeGreaterThan(0)
    expect(inBrowser).toEqual(inNode)
    // Something ran: the honest nodes' chains carry (nearly) every transaction sent.
    expect(Math.max(...inNode.mined)).toBeGreaterThanOrEqual(c.submissions.length - 2)
  })

  it('the cases differ from each other (the comparison can fail)', () => {
    expect(new Set(browserResults.map((r) => r.heads[0])).size).toBe(CASES.length)
  })
})
