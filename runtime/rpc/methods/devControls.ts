/**
 * Hardhat-style chain controls (evm_mine, evm_snapshot, evm_revert, evm_increaseTime,
 * evm_setNextBlockTimestamp, evm_setAutomine, evm_setIntervalMining) with the hardhat_ and anvil_
 * names viem's test client uses.
 *
 * @module
 */
import type { DevControls } from '../../exec/evm/devChain.ts'
import { RPC_INVALID_INPUT, RPC_METHOD_NOT_SUPPORTED, RpcError, invalidParams } from '../rpcError.ts'
import type { Param } from '../rpcParams.ts'
import { bool, paramList, quantity } from '../rpcParams.ts'
import type { MethodContext, RpcMethod } from './methodContext.ts'

function dev(ctx: MethodContext, method: string): DevControls {
  if (ctx.chain.dev === undefined) {
    throw new RpcError(RPC_METHOD_NOT_SUPPORTED, `${method} is only available on the dev preset: on a consensus network, blocks and time come from the protocol`)
  }
  return ctx.chain.dev
}

/** Seconds or milliseconds given as a JSON number or a hex quantity (clients send both). */
function numberish(p: Param): bigint {
  if (typeof p.value === 'number' && Number.isSafeInteger(p.value) && p.value >= 0) return BigInt(p.value)
  return quantity(p)
}

const mineBlocks = async (ctx: MethodContext, method: string, params: unknown) => {
  const [countParam, intervalParam] = paramList(params, ['blocks', 'interval'], 0)
  const blocks = countParam!.value === undefined ? 1n : numberish(countParam!)
  if (blocks < 1n || blocks > 10_000n) throw invalidParams(countParam!.label, 'between 1 and 10000 blocks', countParam!.value)
  const interval = intervalParam!.value === undefined ? 1n : numberish(intervalParam!)
  const controls = dev(ctx, method)
  let timestamp = ctx.chain.ledger.head().block.header.timestamp
  for (let i = 0n; i < blocks; i++) {
    const mined = await controls.mine(i === 0n ? {} : { timestamp: timestamp + interval })
    timestamp = mined[0]!.block.header.timestamp
  }
  return null
}

export const devControlMethods: Record<string, RpcMethod> = {
  evm_mine: async (ctx, params) => {
    const [arg] = paramList(params, ['timestamp'], 0)
    const controls = dev(ctx, 'evm_mine')
    const value = arg!.value
    if (value !== undefined && value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>
      const blocks = o.blocks === undefined ? 1 : Number(numberish({ label: `${arg!.label}.blocks`, value: o.blocks }))
      const timestamp = o.timestamp === undefined ? undefined : numberish({ label: `${arg!.label}.timestamp`, value: o.timestamp })
      await controls.mine({ blocks, ...(timestamp === undefined ? {} : { timestamp }) })
      return '0x0'
    }
    const timestamp = value === undefined || value === null ? undefined : numberish(arg!)
    try {
      await controls.mine(timestamp === undefined ? {} : { timestamp })
    } catch (error) {
      throw new RpcError(RPC_INVALID_INPUT, (error as Error).message.split('\n')[0]!)
    }
    return '0x0'
  },
  hardhat_mine: (ctx, params) => mineBlocks(ctx, 'hardhat_mine', params),
  anvil_mine: (ctx, params) => mineBlocks(ctx, 'anvil_mine', params),
  evm_snapshot: (ctx, params) => {
    paramList(params, [], 0)
    return dev(ctx, 'evm_snapshot').snapshot()
  },
  evm_revert: (ctx, params) => {
    const [id] = paramList(params, ['snapshotId'], 1)
    if (typeof id!.value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(id!.value)) throw invalidParams(id!.label, 'a snapshot id from evm_snapshot', id!.value)
    return dev(ctx, 'evm_revert').revert(id!.value)
  },
  evm_increaseTime: async (ctx, params) => {
    const [seconds] = paramList(params, ['seconds'], 1)
    const total = await dev(ctx, 'evm_increaseTime').increaseTime(numberish(seconds!))
    return total.toString()
  },
  evm_setNextBlockTimestamp: async (ctx, params) => {
    const [timestamp] = paramList(params, ['timestamp'], 1)
    try {
      await dev(ctx, 'evm_setNextBlockTimestamp').setNextBlockTimestamp(numberish(timestamp!))
    } catch (error) {
      if (error instanceof RangeError) throw new RpcError(RPC_INVALID_INPUT, error.message)
      throw error
    }
    return null
  },
  evm_setAutomine: (ctx, params) => {
    const [enabled] = paramList(params, ['enabled'], 1)
    dev(ctx, 'evm_setAutomine').setAutomine(bool(enabled!))
    return null
  },
  hardhat_getAutomine: (ctx) => dev(ctx, 'hardhat_getAutomine').automine(),
  anvil_getAutomine: (ctx) => dev(ctx, 'anvil_getAutomine').automine(),
  evm_setIntervalMining: (ctx, params) => {
    const [interval] = paramList(params, ['milliseconds'], 1)
    // Hardhat also takes [min, max] for a random interval; a fixed one keeps runs repeatable.
    const value = Array.isArray(interval!.value) ? interval!.value[0] : interval!.value
    const ms = numberish({ label: interval!.label, value })
    if (ms > 86_400_000n) throw invalidParams(interval!.label, 'at most one day in milliseconds', interval!.value)
    dev(ctx, 'evm_setIntervalMining').setIntervalMining(Number(ms))
    return true
  },
}
