/**
 * The `dev` preset assembled: dev accounts from the test mnemonic, funded in genesis, an engine,
 * the one-node chain and its JSON-RPC service. Host capabilities (clock, fast crypto, the
 * console.sol text) come in as options, so the same assembly runs in Node and in a worker.
 *
 * @module
 */
import type { CustomCrypto } from '@ethereumjs/common'
import type { DevChainState, DevControls, EvmChain, HostClock } from '../exec/evm/devChain.ts'
import { createDevChain } from '../exec/evm/devChain.ts'
import { createConsoleDecoder } from '../exec/evm/consoleLog.ts'
import { deriveDevAccounts, TEST_MNEMONIC } from '../exec/evm/devAccounts.ts'
import { createEvmCommon, DEV_CHAIN_ID } from '../exec/evm/evmCommon.ts'
import { createEvmEngine } from '../exec/evm/evmEngine.ts'
import type { Hex } from '../exec/evm/evmTypes.ts'
import type { RpcService } from './rpcService.ts'
import { createRpcService } from './rpcService.ts'

/** 10,000 ETH per account, as Hardhat and Anvil fund theirs. */
export const DEV_ACCOUNT_BALANCE = 10_000n * 10n ** 18n

export interface DevNodeOptions {
  clock: HostClock
  chainId?: bigint
  mnemonic?: string
  accountCount?: number
  balance?: bigint
  /** The text of hardhat/console.sol, to decode console.log calls; without it they are not captured. */
  consoleSol?: string
  customCrypto?: CustomCrypto
  /** A chain saved with `exportState()` (the CLI's `--state FILE`). */
  restore?: DevChainState
}

export interface DevNode {
  chain: EvmChain & { dev: DevControls }
  service: RpcService
  accounts: { address: Hex; privateKeyHex: Hex }[]
}

/**
 * @example
 * const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
 * const provider = createInProcessProvider(node.service)
 */
export async function createDevNode(options: DevNodeOptions): Promise<DevNode> {
  const chainId = options.restore === undefined ? (options.chainId ?? DEV_CHAIN_ID) : BigInt(options.restore.chainId)
  if (options.restore !== undefined && options.chainId !== undefined && options.chainId !== chainId) {
    throw new RangeError(`the saved chain has chain id ${chainId}, not ${options.chainId}`)
  }
  const accounts = deriveDevAccounts({ mnemonic: options.mnemonic ?? TEST_MNEMONIC, count: options.accountCount ?? 10 })
  const common = createEvmCommon({ chainId, ...(options.customCrypto === undefined ? {} : { customCrypto: options.customCrypto }) })
  const balance = options.balance ?? DEV_ACCOUNT_BALANCE
  const engine = await createEvmEngine({
    common,
    genesis: {
      accounts: accounts.map((a) => ({ address: a.address, balance })),
      timestamp: options.restore === undefined ? options.clock.nowSeconds() : BigInt(options.restore.genesisTimestamp),
    },
    ...(options.consoleSol === undefined ? {} : { console: createConsoleDecoder(options.consoleSol) }),
  })
  const chain = await createDevChain({
    engine,
    chainId,
    accounts: accounts.map((a) => ({ address: a.address as Hex, privateKey: a.privateKey })),
    clock: options.clock,
    ...(options.restore === undefined ? {} : { restore: options.restore }),
  })
  return {
    chain,
    service: createRpcService({ chain }),
    accounts: accounts.map((a) => ({ address: a.address as Hex, privateKeyHex: a.privateKeyHex as Hex })),
  }
}
