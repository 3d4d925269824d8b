/**
 * State reads and simulation: eth_getBalance, eth_getCode, eth_getStorageAt,
 * eth_getTransactionCount, eth_call, eth_estimateGas.
 *
 * @module
 */
import { bigIntToBytes, bytesToHex, setLengthLeft } from '@ethereumjs/util'
import type { CallRequest, CallResult } from '../../exec/evm/evmTypes.ts'
import { decodeRevert, revertMessage } from '../../exec/evm/revertReason.ts'
import { RPC_EXECUTION_REVERTED, RPC_INVALID_INPUT, RpcError, invalidParams } from '../rpcError.ts'
import { quantityHex } from '../rpcFormat.ts'
import type { Param, TransactionRequest } from '../rpcParams.ts'
import { address, blockSelector, paramList, quantity, transactionRequest } from '../rpcParams.ts'
import type { RpcMethod } from './methodContext.ts'
import { stateBlock } from './methodContext.ts'

export const stateMethods: Record<string, RpcMethod> = {
  eth_getBalance: async (ctx, params) => {
    const [who, block] = paramList(params, ['address', 'block'], 1)
    const at = stateBlock(ctx.chain, blockSelector(block!))
    const account = await ctx.chain.engine.account(at.block.header.stateRoot, address(who!))
    return quantityHex(account?.balance ?? 0n)
  },
  eth_getCode: async (ctx, params) => {
    const [who, block] = paramList(params, ['address', 'block'], 1)
    const at = stateBlock(ctx.chain, blockSelector(block!))
    return bytesToHex(await ctx.chain.engine.code(at.block.header.stateRoot, address(who!)))
  },
  eth_getStorageAt: async (ctx, params) => {
    const [who, slotParam, block] = paramList(params, ['address', 'slot', 'block'], 2)
    const slot = quantity(slotParam!)
    if (slot >= 2n ** 256n) throw invalidParams(slotParam!.label, 'a 32-byte slot', slotParam!.value)
    const at = stateBlock(ctx.chain, blockSelector(block!))
    const value = await ctx.chain.engine.storage(at.block.header.stateRoot, address(who!), setLengthLeft(bigIntToBytes(slot), 32))
    return bytesToHex(setLengthLeft(value, 32))
  },
  eth_getTransactionCount: async (ctx, params) => {
    const [who, block] = paramList(params, ['address', 'block'], 1)
    const selector = blockSelector(block!)
    if ('tag' in selector && selector.tag === 'pending') return quantityHex(await ctx.chain.pendingNonce(address(who!)))
    const at = stateBlock(ctx.chain, selector)
    const account = await ctx.chain.engine.account(at.block.header.stateRoot, address(who!))
    return quantityHex(account?.nonce ?? 0n)
  },
  eth_call: async (ctx, params) => {
    const [request, block, stateOverrides, blockOverrides] = paramList(params, ['transaction', 'block', 'stateOverrides', 'blockOverrides'], 1)
    noOverrides(stateOverrides!)
    noOverrides(blockOverrides!)
    const at = stateBlock(ctx.chain, blockSelector(block!))
    const result = await ctx.chain.engine.call(at.block, callRequest(transactionRequest(request!)), ctx.chain.ledger.ancestorHash)
    if (!result.ok) throw executionError(result)
    return bytesToHex(result.returnData)
  },
  eth_estimateGas: async (ctx, params) => {
    const [request, block, stateOverrides] = paramList(params, ['transaction', 'block', 'stateOverrides'], 1)
    noOverrides(stateOverrides!)
    const at = stateBlock(ctx.chain, blockSelector(block!, 'pending'))
    const estimate = await ctx.chain.engine.estimateGas(at.block, callRequest(transactionRequest(request!)), ctx.chain.ledger.ancestorHash)
    if ('failure' in estimate) throw executionError(estimate.failure)
    return quantityHex(estimate.gas)
  },
}

/**
 * Overrides are not applied by this node: refuse them rather than answer as if they were absent
 * (a silently ignored override gives a plausible but wrong result). Absent, null or `{}` is fine.
 */
function noOverrides(p: Param): void {
  const v = p.value
  if (v === undefined || v === null) return
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return
  throw invalidParams(p.label, 'absent or {}: this node does not support overrides', v)
}

export function callRequest(r: TransactionRequest): CallRequest {
  return {
    ...(r.from === undefined ? {} : { from: r.from }),
    ...(r.to === undefined ? {} : { to: r.to }),
    ...(r.data === undefined ? {} : { data: r.data }),
    ...(r.value === undefined ? {} : { value: r.value }),
    ...(r.gas === undefined ? {} : { gasLimit: r.gas }),
  }
}

/** A failed call as JSON-RPC: code 3 with the revert bytes, or -32000 with the EVM's halt reason. */
export function executionError(result: CallResult): RpcError {
  if (result.failure === 'revert') {
    return new RpcError(RPC_EXECUTION_REVERTED, revertMessage(decodeRevert(result.returnData)), { data: bytesToHex(result.returnData) })
  }
  const reason = result.failure ?? 'execution failed'
  return new RpcError(RPC_INVALID_INPUT, reason === 'out of gas' ? 'out of gas: gas required exceeds allowance' : reason)
}
