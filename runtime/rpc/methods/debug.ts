/**
 * debug_traceTransaction with geth's default struct-log tracer: every EVM step of a mined
 * transaction (re-executed on its parent state), as Hardhat and Remix debuggers read it.
 *
 * @module
 */
import { bytesToHex } from '@ethereumjs/util'
import { MAX_TRACE_STEPS } from '../../exec/evm/traceTransaction.ts'
import { RPC_INVALID_INPUT, RpcError } from '../rpcError.ts'
import { hash32, object, paramList } from '../rpcParams.ts'
import type { RpcMethod } from './methodContext.ts'

export const debugMethods: Record<string, RpcMethod> = {
  debug_traceTransaction: async (ctx, params) => {
    const [hashParam, optionsParam] = paramList(params, ['transactionHash', 'options'], 1)
    const hash = hash32(hashParam!)
    const options = optionsParam!.value === undefined || optionsParam!.value === null ? {} : object(optionsParam!)
    if (options.tracer !== undefined && options.tracer !== null) {
      throw new RpcError(RPC_INVALID_INPUT, `tracer "${String(options.tracer)}" is not available: only the default struct-log tracer (omit "tracer")`)
    }
    const located = ctx.chain.ledger.transaction(hash)
    if (located === undefined) throw new RpcError(RPC_INVALID_INPUT, `transaction ${hash} not found (not mined on this node's chain)`)
    const { executed, outcome } = located
    const header = executed.block.header
    const parent = ctx.chain.ledger.blockByHash(bytesToHex(header.parentHash))
    if (parent === undefined) throw new RpcError(RPC_INVALID_INPUT, `the parent of block ${header.number} is not known to this node`)
    const trace = await ctx.chain.engine.traceTransaction(
      {
        parent: parent.block,
        timestamp: header.timestamp,
        coinbase: header.coinbase.toString(),
        gasLimit: header.gasLimit,
        txs: executed.outcomes.map((o) => o.tx),
        ancestorHash: ctx.chain.ledger.ancestorHash,
      },
      outcome.index,
      { disableStack: options.disableStack === true, enableMemory: options.enableMemory === true },
    )
    if (trace.truncated) {
      throw new RpcError(RPC_INVALID_INPUT, `the trace has more than ${MAX_TRACE_STEPS} steps: too long to return`)
    }
    return {
      gas: Number(trace.gas),
      failed: trace.failed,
      returnValue: bytesToHex(trace.returnValue).slice(2),
      structLogs: trace.structLogs.map((l) => ({
        pc: l.pc,
        op: l.op,
        gas: Number(l.gas),
        gasCost: Number(l.gasCost),
        depth: l.depth,
        ...(l.stack === undefined ? {} : { stack: l.stack.map((v) => `0x${v.toString(16)}`) }),
        ...(l.memory === undefined ? {} : { memory: words(l.memory) }),
      })),
    }
  },
}

function words(memory: Uint8Array): string[] {
  const out: string[] = []
  for (let i = 0; i < memory.length; i += 32) out.push(bytesToHex(memory.subarray(i, i + 32)).slice(2).padEnd(64, '0'))
  return out
}
