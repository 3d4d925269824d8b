/**
 * The one chain configuration every EVM part shares: Cancun pinned (the hardfork solc targets,
 * see compiler.ts), a chain id, and optional faster crypto from the host.
 *
 * @module
 */
import { paramsBlock } from '@ethereumjs/block'
import type { Common, CustomCrypto } from '@ethereumjs/common'
import { createCustomCommon, Hardfork, Mainnet } from '@ethereumjs/common'
import { paramsEVM } from '@ethereumjs/evm'
import { paramsTx } from '@ethereumjs/tx'
import { paramsVM } from '@ethereumjs/vm'

/** The EVM hardfork the simulator executes; equals the compiler's PINNED_EVM_VERSION. */
export const PINNED_HARDFORK = Hardfork.Cancun

/** Hardhat's and Anvil's chain id, which wallets and tutorials expect of a dev chain. */
export const DEV_CHAIN_ID = 31337n

export interface EvmCommonOptions {
  chainId?: bigint
  /**
   * Host-provided primitives (e.g. a WASM secp256k1 `ecrecover`) through ethereumjs's hook;
   * without them ethereumjs uses @noble, which is correct everywhere but ~5× slower at recovery.
   */
  customCrypto?: CustomCrypto
}

/**
 * @example
 * const common = createEvmCommon({ chainId: 31337n })
 * common.hardfork() // 'cancun'
 */
export function createEvmCommon(options: EvmCommonOptions = {}): Common {
  const chainId = options.chainId ?? DEV_CHAIN_ID
  if (typeof chainId !== 'bigint' || chainId <= 0n || chainId > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`chainId must be a positive bigint ≤ 2^53 − 1, got ${String(chainId)}`)
  }
  const common = createCustomCommon({ chainId: Number(chainId) }, Mainnet, {
    hardfork: PINNED_HARDFORK,
    ...(options.customCrypto === undefined ? {} : { customCrypto: options.customCrypto }),
  })
  return withStableParams(common)
}

/**
 * Every ethereumjs transaction and header copies the Common and merges its parameter tables
 * again (JSON deep copies and a cache rebuild): ≈ 12% of the time of an ERC-20 transfer. The
 * tables are module constants and our hardfork never changes, so merge them all once here and
 * make re-merging a known table a no-op. Copies share the override because `copy()` is
 * `Object.assign`, which carries own enumerable properties.
 */
function withStableParams(common: Common): Common {
  const tables = [paramsTx, paramsBlock, paramsVM, paramsEVM]
  for (const table of tables) common.updateParams(table)
  const merged = new Set<object>(tables)
  const updateParams = common.updateParams
  Object.defineProperty(common, 'updateParams', {
    value: function (this: Common, params: Parameters<Common['updateParams']>[0]) {
      if (merged.has(params)) return this
      return updateParams.call(this, params)
    },
    enumerable: true,
    writable: true,
  })
  return common
}
