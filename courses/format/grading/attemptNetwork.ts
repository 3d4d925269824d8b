/**
 * Each grading attempt gets a fresh network from the lesson's preset: the one-node dev chain
 * (`dev`, automine) or a simulated consensus network running the EVM (every other preset), with
 * the 10 dev accounts funded. Both are deterministic: a fixed seed and a fixed genesis time, so an
 * attempt graded twice sees the same blocks, hashes and addresses.
 *
 * On a simulated network nothing happens until simulated time moves: `waitFor` advances it (in
 * one-second steps) until a transaction is mined, and learner scripts move it when they are idle.
 *
 * @module
 */
import type { EvmChain } from '../../../runtime/exec/evm/devChain.ts'
import type { Hex } from '../../../runtime/exec/evm/evmTypes.ts'
import type { DevNodeOptions } from '../../../runtime/rpc/devNode.ts'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import type { Eip1193Provider } from '../../../runtime/rpc/eip1193.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'
import { createNetworkNode } from '../../../runtime/rpc/networkNode.ts'

/** 2025-01-01T00:00:00Z, the same moment the sandbox's `Date` starts at. */
export const ATTEMPT_GENESIS_SECONDS = 1_735_689_600n

/** The simulator's control API as the host offers it to graders and scripts. */
export interface HostSimControl {
  apply(command: unknown): Promise<unknown>
  query(query: unknown): unknown
  /** Runs `ms` simulated milliseconds more; returns the new time in ms. */
  runFor(ms: number): Promise<number>
  now(): number
}

export interface AttemptNetwork {
  readonly network: string
  readonly provider: Eip1193Provider
  readonly accounts: Hex[]
  /** Node 0's chain: receipts, console.log lines. */
  readonly chain: EvmChain
  readonly sim: HostSimControl | undefined
  /**
   * Moves simulated time (1 s at a time, at most `limitMs`) until `done()` resolves true; on the
   * dev chain only asks once (automine has already mined). True when done.
   */
  waitFor(done: () => Promise<boolean>, limitMs?: number): Promise<boolean>
  /** Simulated time in ms (0 on the dev chain). */
  nowMs(): number
  /** Advances simulated time to `ms` (no-op on the dev chain or when already there). */
  advanceToMs(ms: number): Promise<void>
  close(): void
}

export interface AttemptNetworkOptions {
  /** `dev` or a simulator preset name. */
  network: string
  seed?: number
  /** The text of hardhat/console.sol, so console.log lines are captured. */
  consoleSol?: string | undefined
  /** Faster hashing and signature recovery the host may inject (Node: WASM). */
  customCrypto?: DevNodeOptions['customCrypto'] | undefined
}

/**
 * @example
 * const attempt = await createAttemptNetwork({ network: 'dev' })
 * await attempt.provider.request({ method: 'eth_blockNumber' }) // '0x0'
 */
export async function createAttemptNetwork(options: AttemptNetworkOptions): Promise<AttemptNetwork> {
  const extras = {
    ...(options.consoleSol === undefined ? {} : { consoleSol: options.consoleSol }),
    ...(options.customCrypto === undefined ? {} : { customCrypto: options.customCrypto }),
  }
  if (options.network === 'dev') {
    // A clock that does not move: block timestamps advance by one second per block (and by
    // `evm_increaseTime`), never with the host's real time.
    const node = await createDevNode({ clock: { nowSeconds: () => ATTEMPT_GENESIS_SECONDS }, ...extras })
    const provider = createInProcessProvider(node.service)
    return {
      network: 'dev',
      provider,
      accounts: node.accounts.map((a) => a.address),
      chain: node.chain,
      sim: undefined,
      waitFor: (done) => done(),
      nowMs: () => 0,
      advanceToMs: async () => {},
      close: () => provider.close(),
    }
  }
  const node = await createNetworkNode({ preset: options.network, seed: options.seed ?? 1, genesisTimestamp: ATTEMPT_GENESIS_SECONDS, ...extras })
  const { net, driver, execution } = node
  const provider = createInProcessProvider(node.service(0))
  const advanceToMs = async (ms: number): Promise<void> => {
    const us = Math.round(ms * 1000)
    if (us > net.now) await driver.advanceTo(us)
  }
  const sim: HostSimControl = {
    async apply(command) {
      await execution.settle()
      const result = net.apply(command)
      if (execution.pending() > 0) await execution.settle()
      return result
    },
    query: (query) => net.query(query),
    async runFor(ms) {
      // One call's host work cannot be interrupted by the sandbox: an hour of simulated time at
      // most per call keeps a pack's grader (untrusted) from holding the host for long.
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 3_600_000) {
        throw new RangeError(`runFor(ms): ms must be a number of milliseconds from 0 to 3600000 (one hour), got ${String(ms)}`)
      }
      await advanceToMs(net.now / 1000 + ms)
      return net.now / 1000
    },
    now: () => net.now / 1000,
  }
  return {
    network: options.network,
    provider,
    accounts: node.accounts.map((a) => a.address),
    chain: node.chain(0),
    sim,
    async waitFor(done, limitMs = 600_000) {
      const end = net.now + limitMs * 1000
      for (;;) {
        if (await done()) return true
        if (net.now >= end) return false
        await driver.advanceTo(Math.min(end, net.now + 1_000_000))
      }
    },
    nowMs: () => net.now / 1000,
    advanceToMs,
    close: () => provider.close(),
  }
}
