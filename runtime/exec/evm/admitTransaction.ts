/**
 * The checks a node makes before it takes a transaction into its mempool (geth's txpool rules,
 * worded the way geth words them so viem and ethers classify the errors): chain id, gas limit,
 * intrinsic gas, nonce, funds. The dev chain and every simulated node share them.
 *
 * @module
 */
import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import { Capability } from '@ethereumjs/tx'
import type { AccountState } from './evmTypes.ts'
import { TransactionRejectedError } from './transactionRejected.ts'

export interface AdmissionContext {
  chainId: bigint
  /** The block the transaction would follow (its gas limit and base fee). */
  head: Block
  /** The sender's account on the head's state (undefined: never used). */
  account: AccountState | undefined
  /** The next nonce counting the sender's transactions already waiting (≥ the account nonce). */
  expectedNonce: bigint
  /** Dev chain with automine: no queue, so future nonces and fees under the base fee are errors. */
  strictNonceAndFee: boolean
}

/**
 * @example
 * admitTransaction(tx, { chainId: 31337n, head, account, expectedNonce: account.nonce, strictNonceAndFee: true })
 */
export function admitTransaction(tx: TypedTransaction, c: AdmissionContext): void {
  if (tx.supports(Capability.EIP155ReplayProtection) && tx.common.chainId() !== c.chainId) {
    throw new TransactionRejectedError('wrong-chain-id', `invalid chain id for signer: the transaction is signed for chain ${tx.common.chainId()}, this chain is ${c.chainId}.`)
  }
  const gasLimit = c.head.header.gasLimit
  if (tx.gasLimit > gasLimit) {
    throw new TransactionRejectedError('gas-limit-too-high', `exceeds block gas limit: the transaction's gas limit ${tx.gasLimit} is above the block gas limit ${gasLimit}.`)
  }
  const intrinsic = tx.getIntrinsicGas()
  if (tx.gasLimit < intrinsic) {
    throw new TransactionRejectedError('intrinsic-gas-too-low', `intrinsic gas too low: the transaction needs at least ${intrinsic} gas, its limit is ${tx.gasLimit}.`)
  }
  const sender = tx.getSenderAddress().toString()
  const nonce = c.account?.nonce ?? 0n
  if (tx.nonce < nonce) {
    throw new TransactionRejectedError('nonce-too-low', `nonce too low: account ${sender} has nonce ${nonce}, the transaction has ${tx.nonce}.`)
  }
  if (tx.nonce < c.expectedNonce) {
    throw new TransactionRejectedError(
      'already-known',
      `replacement transaction underpriced: a transaction with nonce ${tx.nonce} from ${sender} is already waiting in the mempool.`,
    )
  }
  if (c.strictNonceAndFee && tx.nonce > c.expectedNonce) {
    throw new TransactionRejectedError(
      'nonce-too-high',
      `nonce too high: expected nonce ${c.expectedNonce} for ${sender}, got ${tx.nonce}. Transactions cannot be queued while automining.`,
    )
  }
  const maxFee = 'maxFeePerGas' in tx ? tx.maxFeePerGas : (tx as { gasPrice: bigint }).gasPrice
  const baseFee = c.head.header.calcNextBaseFee()
  if (c.strictNonceAndFee && maxFee < baseFee) {
    throw new TransactionRejectedError(
      'fee-too-low',
      `max fee per gas less than block base fee: the transaction pays at most ${maxFee} wei per gas, the next block's base fee is ${baseFee}.`,
    )
  }
  const cost = tx.gasLimit * maxFee + tx.value
  const balance = c.account?.balance ?? 0n
  if (balance < cost) {
    throw new TransactionRejectedError(
      'insufficient-funds',
      `insufficient funds for gas * price + value: ${sender} has ${balance} wei, the transaction may cost up to ${cost} wei (gas limit × max fee + value).`,
    )
  }
}
