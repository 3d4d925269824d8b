/**
 * Chain reads: blocks, transactions, receipts and their counts.
 *
 * @module
 */
import { bytesToHex } from '@ethereumjs/util'
import { formatBlock, formatReceipt, formatTransaction, quantityHex } from '../rpcFormat.ts'
import { blockSelector, bool, hash32, paramList, quantity } from '../rpcParams.ts'
import type { RpcMethod } from './methodContext.ts'
import { findBlock } from './methodContext.ts'

export const blockMethods: Record<string, RpcMethod> = {
  eth_getBlockByNumber: (ctx, params) => {
    const [block, full] = paramList(params, ['block', 'fullTransactions'], 1)
    const found = findBlock(ctx.chain, blockSelector(block!))
    return found === undefined ? null : formatBlock(found, full!.value === undefined ? false : bool(full!))
  },
  eth_getBlockByHash: (ctx, params) => {
    const [hash, full] = paramList(params, ['blockHash', 'fullTransactions'], 1)
    const found = ctx.chain.ledger.blockByHash(hash32(hash!))
    return found === undefined ? null : formatBlock(found, full!.value === undefined ? false : bool(full!))
  },
  eth_getBlockTransactionCountByNumber: (ctx, params) => {
    const [block] = paramList(params, ['block'], 1)
    const found = findBlock(ctx.chain, blockSelector(block!))
    return found === undefined ? null : quantityHex(found.outcomes.length)
  },
  eth_getBlockTransactionCountByHash: (ctx, params) => {
    const [hash] = paramList(params, ['blockHash'], 1)
    const found = ctx.chain.ledger.blockByHash(hash32(hash!))
    return found === undefined ? null : quantityHex(found.outcomes.length)
  },
  eth_getTransactionByHash: (ctx, params) => {
    const [hash] = paramList(params, ['transactionHash'], 1)
    const wanted = hash32(hash!)
    const located = ctx.chain.ledger.transaction(wanted)
    if (located !== undefined) return formatTransaction(located.outcome.tx, located)
    const waiting = ctx.chain.pendingTransactions().find((tx) => bytesToHex(tx.hash()) === wanted)
    return waiting === undefined ? null : formatTransaction(waiting)
  },
  eth_getTransactionByBlockNumberAndIndex: (ctx, params) => {
    const [block, index] = paramList(params, ['block', 'index'], 2)
    const found = findBlock(ctx.chain, blockSelector(block!))
    const outcome = found?.outcomes[Number(quantity(index!))]
    return found === undefined || outcome === undefined ? null : formatTransaction(outcome.tx, { executed: found, outcome })
  },
  eth_getTransactionByBlockHashAndIndex: (ctx, params) => {
    const [hash, index] = paramList(params, ['blockHash', 'index'], 2)
    const found = ctx.chain.ledger.blockByHash(hash32(hash!))
    const outcome = found?.outcomes[Number(quantity(index!))]
    return found === undefined || outcome === undefined ? null : formatTransaction(outcome.tx, { executed: found, outcome })
  },
  eth_getTransactionReceipt: (ctx, params) => {
    const [hash] = paramList(params, ['transactionHash'], 1)
    const located = ctx.chain.ledger.transaction(hash32(hash!))
    return located === undefined ? null : formatReceipt(located.executed, located.outcome)
  },
  eth_getBlockReceipts: (ctx, params) => {
    const [block] = paramList(params, ['block'], 1)
    const found = findBlock(ctx.chain, blockSelector(block!))
    return found === undefined ? null : found.outcomes.map((o) => formatReceipt(found, o))
  },
  eth_getUncleCountByBlockNumber: () => '0x0',
  eth_getUncleCountByBlockHash: () => '0x0',
}
