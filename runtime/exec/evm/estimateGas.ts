/**
 * eth_estimateGas: the least gas limit with which a message succeeds on a block's post-state,
 * found as geth and Hardhat find it — one full run for a lower bound, then a binary search
 * upwards (the 63/64 rule and refunds can need more gas up front than a run uses).
 *
 * @module
 */
import type { Block } from '@ethereumjs/block'
import { createBlock } from '@ethereumjs/block'
import { createLegacyTx } from '@ethereumjs/tx'
import type { Address } from '@ethereumjs/util'
import { createAddressFromString } from '@ethereumjs/util'
import { runTx } from '@ethereumjs/vm'
import type { CallRequest, CallResult, EngineCore } from './evmTypes.ts'
import { txErrorReason } from './txErrorReason.ts'

export async function estimateGasOn(
  core: EngineCore,
  context: Block,
  request: CallRequest,
  ancestors: (n: bigint) => Uint8Array | undefined,
): Promise<{ gas: bigint } | { failure: CallResult }> {
  await core.useState(context.header.stateRoot)
  core.setAncestors(context, ancestors)
  const cap = request.gasLimit ?? context.header.gasLimit
  if (request.from !== undefined && (request.value ?? 0n) > 0n) {
    // Estimates pay no gas, but the value must be there (geth's check).
    const balance = (await core.stateManager.getAccount(request.from))?.balance ?? 0n
    if (balance < request.value!) {
      return { failure: { ok: false, returnData: new Uint8Array(0), gasUsed: 0n, failure: 'insufficient funds for transfer', logs: [], consoleLogs: [] } }
    }
  }
  const first = await trialTx(core, context, request, cap)
  if (!first.ok) return { failure: first }
  // The gas a run used is a lower bound (the 63/64 rule and refunds can need more up front).
  if ((await trialTx(core, context, request, first.gasUsed)).ok) return { gas: first.gasUsed }
  let low = first.gasUsed
  let high = cap
  while (high - low > 1n) {
    const mid = (low + high) / 2n
    if ((await trialTx(core, context, request, mid)).ok) high = mid
    else low = mid
  }
  return { gas: high }
}

/** Runs a full transaction (intrinsic gas, refunds) without committing; `ok` and gas used. */
async function trialTx(core: EngineCore, context: Block, request: CallRequest, gasLimit: bigint): Promise<CallResult> {
  const { stateManager, vm, common } = core
  await stateManager.checkpoint()
  try {
    const unsigned = createLegacyTx(
      {
        gasLimit,
        gasPrice: 0n,
        ...(request.to === undefined ? {} : { to: request.to }),
        data: request.data ?? new Uint8Array(0),
        value: request.value ?? 0n,
        nonce: 0n,
      },
      { common, freeze: false },
    )
    const from = request.from ?? createAddressFromString('0x0000000000000000000000000000000000000000')
    ;(unsigned as unknown as { getSenderAddress: () => Address }).getSenderAddress = () => from
    const run = await core.runWithConsole(() =>
      runTx(vm, { tx: unsigned, block: zeroFee(context), skipNonce: true, skipBalance: true, skipBlockGasLimitValidation: true, skipHardForkValidation: true }),
    )
    const exec = run.value.execResult
    const failure = exec.exceptionError?.error
    return { ok: failure === undefined, returnData: exec.returnValue, gasUsed: run.value.totalGasSpent, failure, logs: exec.logs ?? [], consoleLogs: run.lines }
  } catch (error) {
    return { ok: false, returnData: new Uint8Array(0), gasUsed: gasLimit, failure: txErrorReason(error), logs: [], consoleLogs: [] }
  } finally {
    await stateManager.revert()
  }
}

/** The context block with base fee 0: estimates, like eth_call, do not require the sender to pay. */
const zeroFeeBlocks = new WeakMap<Block, Block>()
function zeroFee(context: Block): Block {
  let block = zeroFeeBlocks.get(context)
  if (block === undefined) {
    const header = { ...context.header.toJSON(), baseFeePerGas: 0n }
    block = createBlock({ header }, { common: context.common, setHardfork: false, skipConsensusFormatValidation: true })
    zeroFeeBlocks.set(context, block)
  }
  return block
}
