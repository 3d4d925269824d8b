/**
 * A transaction the chain will not take, with a stable reason code the JSON-RPC layer maps to an
 * error code and clients can branch on (nonce too low, insufficient funds, …).
 *
 * @module
 */
import { BaseError } from '../../errors/base.ts'

export type RejectionReason =
  | 'invalid-encoding'
  | 'unsigned'
  | 'invalid-signature'
  | 'wrong-chain-id'
  | 'nonce-too-low'
  | 'nonce-too-high'
  | 'insufficient-funds'
  | 'intrinsic-gas-too-low'
  | 'gas-limit-too-high'
  | 'fee-too-low'
  | 'already-known'
  | 'invalid-in-block'

/**
 * @example
 * throw new TransactionRejectedError('nonce-too-low', 'Nonce too low: the account has nonce 3, the transaction 1.')
 */
export class TransactionRejectedError extends BaseError {
  override name = 'TransactionRejectedError'
  readonly reason: RejectionReason

  constructor(reason: RejectionReason, message: string) {
    super(message, { code: `tx.${reason}` })
    this.reason = reason
  }
}
