/**
 * Identity and fee methods: web3_clientVersion, net_version, eth_chainId, eth_blockNumber,
 * eth_accounts, eth_gasPrice, eth_maxPriorityFeePerGas, eth_feeHistory.
 *
 * @module
 */
import type { TypedTransaction } from '@ethereumjs/tx'
import { invalidParams } from '../rpcError.ts'
import { quantityHex } from '../rpcFormat.ts'
import { blockSelector, paramList, quantity } from '../rpcParams.ts'
import type { RpcMethod } from './methodContext.ts'
import { stateBlock } from './methodContext.ts'

/** The tip a dev chain suggests: 1 gwei, Hardhat's and Anvil's default. */
const SUGGESTED_TIP = 1_000_000_000n

export const chainInfoMethods: Record<string, RpcMethod> = {
  web3_clientVersion: (ctx, params) => {
    paramList(params, [], 0)
    return ctx.clientVersion
  },
  net_version: (ctx, params) => {
    paramList(params, [], 0)
    return ctx.chain.chainId.toString()
  },
  net_listening: () => true,
  net_peerCount: () => '0x0',
  eth_syncing: () => false,
  eth_mining: (ctx) => ctx.chain.dev !== undefined,
  eth_hashrate: () => '0x0',
  eth_coinbase: (ctx) => ctx.chain.accounts[0]?.address ?? '0x0000000000000000000000000000000000000000',
  eth_chainId: (ctx, params) => {
    paramList(params, [], 0)
    return quantityHex(ctx.chain.chainId)
  },
  eth_blockNumber: (ctx, params) => {
    paramList(params, [], 0)
    return quantityHex(ctx.chain.ledger.head().block.header.number)
  },
  eth_accounts: (ctx) => ctx.chain.accounts.map((a) => a.address.toLowerCase()),
  eth_requestAccounts: (ctx) => ctx.chain.accounts.map((a) => a.address.toLowerCase()),
  eth_gasPrice: (ctx, params) => {
    paramList(params, [], 0)
    return quantityHex(ctx.chain.nextBaseFee() + SUGGESTED_TIP)
  },
  eth_maxPriorityFeePerGas: (_ctx, params) => {
    paramList(params, [], 0)
    return quantityHex(SUGGESTED_TIP)
  },
  eth_feeHistory: (ctx, params) => {
    const [countParam, newestParam, percentilesParam] = paramList(params, ['blockCount', 'newestBlock', 'rewardPercentiles'], 2)
    const count = quantity(countParam!)
    if (count < 1n || count > 1024n) throw invalidParams(countParam!.label, 'between 1 and 1024', countParam!.value)
    const newest = stateBlock(ctx.chain, blockSelector(newestParam!))
    const percentiles = percentilesParam!.value ?? []
    if (!Array.isArray(percentiles) || percentiles.some((p, i) => typeof p !== 'number' || p < 0 || p > 100 || (i > 0 && p < percentiles[i - 1]))) {
      throw invalidParams(percentilesParam!.label, 'an increasing list of numbers from 0 to 100', percentilesParam!.value)
    }
    const newestNumber = newest.block.header.number
    const oldest = newestNumber + 1n - count < 0n ? 0n : newestNumber + 1n - count
    const blocks = ctx.chain.ledger.range(oldest, newestNumber)
    const baseFees = blocks.map((b) => quantityHex(b.block.header.baseFeePerGas ?? 0n))
    baseFees.push(quantityHex(newest.block.header.calcNextBaseFee()))
    const ratios = blocks.map((b) => Number(b.block.header.gasUsed) / Number(b.block.header.gasLimit))
    const reward = blocks.map((b) => rewardPercentiles(b.outcomes.map((o) => ({ tx: o.tx, gasUsed: o.gasUsed })), b.block.header.baseFeePerGas ?? 0n, percentiles as number[]))
    return {
      oldestBlock: quantityHex(oldest),
      baseFeePerGas: baseFees,
      gasUsedRatio: ratios,
      baseFeePerBlobGas: baseFees.map(() => '0x1'),
      blobGasUsedRatio: ratios.map(() => 0),
      ...(percentiles.length > 0 ? { reward } : {}),
    }
  },
}

/** geth's rule: tips sorted, weighted by gas used; an empty block reports 0 for each percentile. */
function rewardPercentiles(txs: { tx: TypedTransaction; gasUsed: bigint }[], baseFee: bigint, percentiles: number[]): string[] {
  if (txs.length === 0) return percentiles.map(() => '0x0')
  const tips = txs
    .map(({ tx, gasUsed }) => {
      // Mined transactions paid the base fee, so the effective tip is defined.
      return { tip: tx.getEffectivePriorityFee(baseFee), gasUsed }
    })
    .sort((a, b) => (a.tip < b.tip ? -1 : a.tip > b.tip ? 1 : 0))
  const total = tips.reduce((s, t) => s + t.gasUsed, 0n)
  return percentiles.map((p) => {
    const threshold = (Number(total) * p) / 100
    let sum = 0
    for (const t of tips) {
      sum += Number(t.gasUsed)
      if (sum >= threshold) return quantityHex(t.tip)
    }
    return quantityHex(tips[tips.length - 1]!.tip)
  })
}
