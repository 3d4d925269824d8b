/**
 * debug_traceTransaction's engine side: re-runs a block's transactions on its parent state up to
 * the one asked for, recording each EVM step of that one (geth's struct logs), then rolls back.
 *
 * @module
 */
import type { InterpreterStep } from '@ethereumjs/evm'
import type { RunTxResult } from '@ethereumjs/vm'
import { contextBlock, runInBlock } from './assembleBlock.ts'
import type { BuildBlockRequest, EngineCore, StructLog, TraceOptions, TransactionTrace } from './evmTypes.ts'

/** A trace longer than this is cut (a loop can make millions of steps); `truncated` says so. */
export const MAX_TRACE_STEPS = 200_000

export async function traceInBlock(
  core: EngineCore,
  request: BuildBlockRequest,
  index: number,
  options: TraceOptions = {},
): Promise<TransactionTrace & { truncated: boolean }> {
  const { vm, common } = core
  const { parent } = request
  await core.useState(parent.header.stateRoot)
  core.setAncestors(parent, request.ancestorHash)
  const context = contextBlock(common, parent, {
    timestamp: request.timestamp,
    gasLimit: request.gasLimit ?? parent.header.gasLimit,
    coinbase: request.coinbase ?? '0x0000000000000000000000000000000000000000',
  })
  const structLogs: StructLog[] = []
  let truncated = false
  const onStep = (step: InterpreterStep) => {
    if (structLogs.length >= MAX_TRACE_STEPS) {
      truncated = true
      return
    }
    structLogs.push({
      pc: step.pc,
      op: step.opcode.name,
      gas: step.gasLeft,
      gasCost: BigInt(step.opcode.fee) + (step.opcode.dynamicFee ?? 0n),
      depth: step.depth + 1,
      ...(options.disableStack ? {} : { stack: [...step.stack] }),
      ...(options.enableMemory ? { memory: step.memory.slice(0, Number(step.memoryWordCount) * 32) } : {}),
    })
  }
  await vm.evm.journal.checkpoint()
  try {
    let gasUsed = 0n
    for (let i = 0; i < index; i++) gasUsed += (await runInBlock(vm, request.txs[i]!, context, gasUsed)).blockGasSpent
    vm.evm.events!.on('step', onStep)
    let result: RunTxResult
    try {
      result = await runInBlock(vm, request.txs[index]!, context, gasUsed)
    } finally {
      vm.evm.events!.off('step', onStep)
    }
    return {
      gas: result.totalGasSpent,
      failed: result.execResult.exceptionError !== undefined,
      returnValue: result.execResult.returnValue,
      structLogs,
      truncated,
    }
  } finally {
    await vm.evm.journal.revert()
    await core.stateChanged()
  }
}
