/**
 * A consensus network (`bft`, `pos`, `raft-consortium`, `poa`) that runs the EVM, with a JSON-RPC
 * service per node: the simulator with EVM execution attached, its driver, and the dev accounts
 * funded in genesis. The host advances time (wall-clock pace in the CLI, as fast as it likes in
 * tests and benchmarks).
 *
 * @module
 */
import type { CustomCrypto } from '@ethereumjs/common'
import { createConsoleDecoder } from '../exec/evm/consoleLog.ts'
import { deriveDevAccounts, TEST_MNEMONIC } from '../exec/evm/devAccounts.ts'
import type { EvmChain } from '../exec/evm/devChain.ts'
import { createEvmCommon, DEV_CHAIN_ID } from '../exec/evm/evmCommon.ts'
import { createEvmEngine } from '../exec/evm/evmEngine.ts'
import type { Hex } from '../exec/evm/evmTypes.ts'
import type { SimDriver } from '../exec/evm/simDriver.ts'
import { createSimDriver } from '../exec/evm/simDriver.ts'
import type { SimExecution } from '../exec/evm/simExecution.ts'
import { createSimExecution } from '../exec/evm/simExecution.ts'
import { createSimNodeChain } from '../exec/evm/simNodeChain.ts'
import type { RecordedInput } from '../sim/commands.ts'
import type { NetworkConfig } from '../sim/config.ts'
import type { Network } from '../sim/network.ts'
import { createNetwork } from '../sim/network.ts'
import { configFromPreset } from '../sim/presets.ts'
import { DEV_ACCOUNT_BALANCE } from './devNode.ts'
import type { RpcService } from './rpcService.ts'
import { createRpcService } from './rpcService.ts'

/** A network's inputs, enough to rebuild it exactly (the CLI's `--state FILE` for networks). */
export interface NetworkState {
  version: 1
  kind: 'network'
  preset: string
  seed: number
  overrides: Partial<Omit<NetworkConfig, 'seed'>>
  chainId: string
  genesisTimestamp: string
  /** Simulated time reached, µs. */
  simTimeUs: number
  inputs: RecordedInput[]
}

export interface NetworkNodeOptions {
  preset: string
  seed?: number
  /** Overrides of the preset (e.g. `{ nodes: 4 }`); the modeled workload is always off. */
  overrides?: Partial<Omit<NetworkConfig, 'seed'>>
  /** Seconds since 1970 of the EVM genesis (block timestamps follow simulated time from it). */
  genesisTimestamp: bigint
  chainId?: bigint
  accountCount?: number
  consoleSol?: string
  customCrypto?: CustomCrypto
}

export interface NetworkNode {
  net: Network
  execution: SimExecution
  driver: SimDriver
  accounts: { address: Hex; privateKeyHex: Hex }[]
  /** The node's chain view (created on first use). */
  chain(node: number): EvmChain
  /** The node's JSON-RPC service (created on first use). */
  service(node: number): RpcService
  /** The run so far as replayable inputs. */
  exportState(): NetworkState
}

/**
 * @example
 * const network = await createNetworkNode({ preset: 'bft', overrides: { nodes: 4 }, genesisTimestamp: 1_700_000_000n })
 * await network.driver.advanceTo(5_000_000)
 */
export async function createNetworkNode(options: NetworkNodeOptions): Promise<NetworkNode> {
  const chainId = options.chainId ?? DEV_CHAIN_ID
  const seed = options.seed ?? 1
  const overrides = options.overrides ?? {}
  const accounts = deriveDevAccounts({ mnemonic: TEST_MNEMONIC, count: options.accountCount ?? 10 })
  const engine = await createEvmEngine({
    common: createEvmCommon({ chainId, ...(options.customCrypto === undefined ? {} : { customCrypto: options.customCrypto }) }),
    genesis: { accounts: accounts.map((a) => ({ address: a.address, balance: DEV_ACCOUNT_BALANCE })), timestamp: options.genesisTimestamp },
    ...(options.consoleSol === undefined ? {} : { console: createConsoleDecoder(options.consoleSol) }),
  })
  const execution = createSimExecution({ engine })
  // Modeled transactions have no EVM payload: the network carries only real ones.
  const { workload: _modeled, ...base } = configFromPreset(options.preset, seed, overrides)
  const net = createNetwork(base, { execution: execution.attach })
  const driver = createSimDriver(net, execution)
  const unlocked = accounts.map((a) => ({ address: a.address as Hex, privateKey: a.privateKey }))
  const chains = new Map<number, EvmChain>()
  const services = new Map<number, RpcService>()
  const chain = (node: number): EvmChain => {
    if (!Number.isInteger(node) || node < 0 || node >= net.config.nodes) {
      throw new RangeError(`node must be an integer from 0 to ${net.config.nodes - 1}, got ${node}`)
    }
    let c = chains.get(node)
    if (c === undefined) chains.set(node, (c = createSimNodeChain({ execution, driver, node, chainId, accounts: unlocked })))
    return c
  }
  return {
    net,
    execution,
    driver,
    accounts: accounts.map((a) => ({ address: a.address as Hex, privateKeyHex: a.privateKeyHex as Hex })),
    chain,
    service(node) {
      let s = services.get(node)
      if (s === undefined) services.set(node, (s = createRpcService({ chain: chain(node) })))
      return s
    },
    exportState: () => ({
      version: 1,
      kind: 'network',
      preset: options.preset,
      seed,
      overrides: JSON.parse(JSON.stringify(overrides)) as Partial<Omit<NetworkConfig, 'seed'>>,
      chainId: chainId.toString(),
      genesisTimestamp: options.genesisTimestamp.toString(),
      simTimeUs: net.now,
      inputs: JSON.parse(JSON.stringify(net.inputs)) as RecordedInput[],
    }),
  }
}

/**
 * Rebuilds a saved network: the same preset, seed and genesis, the recorded inputs replayed at
 * their moments — the same blocks, balances and nonces as when it was saved.
 *
 * @example
 * const network = await restoreNetworkNode(saved, { customCrypto })
 */
export async function restoreNetworkNode(state: NetworkState, options: Pick<NetworkNodeOptions, 'consoleSol' | 'customCrypto' | 'accountCount'> = {}): Promise<NetworkNode> {
  const network = await createNetworkNode({
    ...options,
    preset: state.preset,
    seed: state.seed,
    overrides: state.overrides,
    chainId: BigInt(state.chainId),
    genesisTimestamp: BigInt(state.genesisTimestamp),
  })
  await network.driver.replay(state.inputs, state.simTimeUs)
  return network
}
