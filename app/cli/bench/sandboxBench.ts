/**
 * The sandbox benchmark (`playground bench sandbox`): what a learner waits for when a script runs.
 *
 * - trivial run: `createSandbox` + `export default 1`, cold (QuickJS's wasm loaded) and warm
 *   (median; target ≤ 100 ms);
 * - a TypeScript script (types, enum, a workspace import): cold (sucrase loaded) and warm;
 * - a run that imports viem: cold (bundle read and checked) and warm (QuickJS parses ≈ 0.6 MB on
 *   every run: each run is a fresh isolate);
 * - inside the isolate: keccak256 of 32 bytes, the first local account (secp256k1 base table) and
 *   a transaction signature, timed by a host clock capability;
 * - a viem transfer script against the dev chain: a local account signs in the isolate, sends
 *   raw, waits for the receipt.
 *
 * Figures, no assertions.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'
import { median } from '../../../runtime/metrics/percentile.ts'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'
import { createSandbox, type SandboxResult } from '../../../sandbox/createSandbox.ts'
import type { JsonValue } from '../../../sandbox/jsonValue.ts'
import { nodeIsolateLibraries } from '../isolateLibraries.ts'

/** Warm start of a trivial run, ms (the target). */
export const WARM_START_TARGET_MS = 100

export interface SandboxFigures {
  trivial: { coldMs: number; warmMs: number }
  typescript: { coldMs: number; warmMs: number }
  viemImport: { coldMs: number; warmMs: number }
  inIsolate: { keccakMs: number; firstAccountMs: number; signTransactionMs: number; nextSignTransactionMs: number }
  transfer: { coldMs: number; warmMs: number; runs: number }
}

const LIMITS = { cpuSteps: 10_000_000, wallMs: 60_000, memoryBytes: 256 * 1024 * 1024 }

const TS_SCRIPT = `
import { total } from './lib/sum'
enum Unit { Wei, Gwei = 9, Ether = 18 }
interface Transfer { to: string; amount: bigint }
const transfers: Transfer[] = Array.from({ length: 50 }, (_, i): Transfer => ({ to: 'a' + i, amount: BigInt(i) }))
export default String(total(transfers.map((t) => t.amount))) + ':' + Unit.Ether
`
const TS_FILES = { 'lib/sum.ts': 'export function total(values: bigint[]): bigint {\n  return values.reduce((a: bigint, b: bigint) => a + b, 0n)\n}\n' }

const TIMING_SCRIPT = `
import { keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
let t = __hostNow()
let h = '0x' + '11'.repeat(32)
for (let i = 0; i < 100; i++) h = keccak256(h)
const keccakMs = (__hostNow() - t) / 100
t = __hostNow()
const account = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
const firstAccountMs = __hostNow() - t
const tx = (nonce) => ({ chainId: 31337, nonce, to: account.address, value: parseEther('1'), gas: 21000n, maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n })
t = __hostNow()
await account.signTransaction(tx(0))
const signTransactionMs = __hostNow() - t
t = __hostNow()
for (let i = 1; i <= 10; i++) await account.signTransaction(tx(i))
const nextSignTransactionMs = (__hostNow() - t) / 10
export default { keccakMs, firstAccountMs, signTransactionMs, nextSignTransactionMs }
`

const TRANSFER_SCRIPT = `
import { chain } from 'playground'
import { createPublicClient, createWalletClient, custom, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
const account = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
const wallet = createWalletClient({ account, chain: hardhat, transport: custom(chain) })
const client = createPublicClient({ chain: hardhat, transport: custom(chain) })
const hash = await wallet.sendTransaction({ to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: parseEther('0.01') })
const receipt = await client.waitForTransactionReceipt({ hash })
export default receipt.status
`

/**
 * @example
 * const figures = await benchSandbox({ runs: 10 })
 * figures.trivial.warmMs // ≈ 1
 */
export async function benchSandbox({ runs = 10 }: { runs?: number } = {}): Promise<SandboxFigures> {
  const trivial = await coldWarm(runs, () => createSandbox().run('export default 1'))
  const typescript = await coldWarm(runs, () => createSandbox({ files: TS_FILES }).run(TS_SCRIPT, { filename: 'main.ts' }))
  const libraries = nodeIsolateLibraries()
  const viemImport = await coldWarm(Math.min(runs, 5), () =>
    createSandbox({ limits: LIMITS, libraries }).run(`import { keccak256 } from 'viem'\nimport 'viem/accounts'\nexport default keccak256('0x')`),
  )
  const timing = valueOf(await createSandbox({ limits: LIMITS, libraries, capabilities: { __hostNow: () => performance.now() } }).run(TIMING_SCRIPT)) as Record<string, number>

  const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
  const provider = createInProcessProvider(node.service)
  const transferSandbox = createSandbox({
    limits: LIMITS,
    libraries,
    capabilities: { __chainRequest: (args) => provider.request(args as { method: string; params?: unknown[] }) as Promise<JsonValue> },
    modules: { playground: 'export const chain = { request: (args) => __chainRequest(args) }' },
  })
  const transfer = await coldWarm(Math.min(runs, 5), () => transferSandbox.run(TRANSFER_SCRIPT, { filename: 'transfer.ts' }))
  provider.close()

  const round = (ms: number | undefined): number => Math.round((ms ?? NaN) * 100) / 100
  return {
    trivial,
    typescript,
    viemImport,
    inIsolate: {
      keccakMs: round(timing.keccakMs),
      firstAccountMs: round(timing.firstAccountMs),
      signTransactionMs: round(timing.signTransactionMs),
      nextSignTransactionMs: round(timing.nextSignTransactionMs),
    },
    transfer: { ...transfer, runs: Math.min(runs, 5) },
  }
}

/** The first run (cold, in this process) and the median of `runs` more. */
async function coldWarm(runs: number, run: () => Promise<SandboxResult>): Promise<{ coldMs: number; warmMs: number }> {
  let started = performance.now()
  valueOf(await run())
  const coldMs = performance.now() - started
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    valueOf(await run())
    times.push(performance.now() - started)
  }
  return { coldMs: Math.round(coldMs * 10) / 10, warmMs: Math.round((median(times) ?? NaN) * 10) / 10 }
}

function valueOf(result: SandboxResult): JsonValue | undefined {
  if (!result.ok) throw result.error
  return result.value
}
