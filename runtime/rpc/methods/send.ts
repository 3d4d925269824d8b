/**
 * eth_sendRawTransaction (any signed transaction) and eth_sendTransaction (signed here with an
 * unlocked dev account, fields filled as Hardhat fills them).
 *
 * @module
 */
import type { TypedTransaction } from '@ethereumjs/tx'
import { createFeeMarket1559Tx, createLegacyTx } from '@ethereumjs/tx'
import { TransactionRejectedError } from '../../exec/evm/transactionRejected.ts'
import { RPC_INVALID_INPUT, RPC_UNAUTHORIZED, RpcError, invalidParams } from '../rpcError.ts'
import { data, paramList, transactionRequest } from '../rpcParams.ts'
import type { MethodContext, RpcMethod } from './methodContext.ts'
import { callRequest, executionError } from './state.ts'

const DEFAULT_TIP = 1_000_000_000n

export const sendMethods: Record<string, RpcMethod> = {
  eth_sendRawTransaction: async (ctx, params) => {
    const [raw] = paramList(params, ['signedTransaction'], 1)
    return submit(ctx, () => ctx.chain.engine.decodeTransaction(data(raw!)))
  },
  eth_sendTransaction: async (ctx, params) => {
    const [requestParam] = paramList(params, ['transaction'], 1)
    const request = transactionRequest(requestParam!)
    if (request.from === undefined) throw invalidParams(`${requestParam!.label.split(' ')[0]}.from`, 'the sending address', undefined)
    const from = request.from
    const account = ctx.chain.accounts.find((a) => a.address.toLowerCase() === from.toString())
    if (account === undefined) {
      throw new RpcError(RPC_UNAUTHORIZED, `unknown account ${from.toString()}: this node signs only for its dev accounts (eth_accounts); sign it yourself and use eth_sendRawTransaction`)
    }
    // Choosing the nonce and admitting the transaction must not interleave with another send.
    return oneAtATime(ctx.chain, async () => {
      const common = ctx.chain.engine.common
      const nonce = request.nonce ?? (await ctx.chain.pendingNonce(from))
      let gasLimit = request.gas
      if (gasLimit === undefined) {
        const head = ctx.chain.ledger.head()
        const estimate = await ctx.chain.engine.estimateGas(head.block, callRequest(request), ctx.chain.ledger.ancestorHash)
        if ('failure' in estimate) throw executionError(estimate.failure)
        gasLimit = estimate.gas
      }
      const base = { nonce, gasLimit, value: request.value ?? 0n, data: request.data ?? new Uint8Array(0), ...(request.to === undefined ? {} : { to: request.to }) }
      const legacy = request.type === 0n || (request.type === undefined && request.gasPrice !== undefined && request.maxFeePerGas === undefined)
      let tx: TypedTransaction
      if (legacy) {
        tx = createLegacyTx({ ...base, gasPrice: request.gasPrice ?? ctx.chain.nextBaseFee() * 2n + DEFAULT_TIP }, { common }).sign(account.privateKey)
      } else {
        const tip = request.maxPriorityFeePerGas ?? DEFAULT_TIP
        const maxFee = request.maxFeePerGas ?? ctx.chain.nextBaseFee() * 2n + tip
        tx = createFeeMarket1559Tx({ ...base, chainId: ctx.chain.chainId, maxFeePerGas: maxFee, maxPriorityFeePerGas: tip }, { common }).sign(account.privateKey)
      }
      return submit(ctx, () => tx)
    })
  },
}

/**
 * eth_sendTransaction calls of one chain, in arrival order. Without this, sends that arrive
 * together (pipelined WebSocket messages, `Promise.all` over an in-process provider) all read the
 * same pending nonce before any of them is admitted, and all but the first are refused.
 */
const sendQueues = new WeakMap<object, Promise<unknown>>()

function oneAtATime<T>(key: object, work: () => Promise<T>): Promise<T> {
  const run = (sendQueues.get(key) ?? Promise.resolve()).then(work, work)
  sendQueues.set(key, run.catch(() => undefined))
  return run
}

async function submit(ctx: MethodContext, make: () => TypedTransaction): Promise<string> {
  try {
    return await ctx.chain.submit(make(), { answerOnAdmission: true })
  } catch (error) {
    if (error instanceof TransactionRejectedError) throw new RpcError(RPC_INVALID_INPUT, error.shortMessage)
    throw error
  }
}
