/**
 * JSON-RPC errors with the standard codes clients act on (EIP-1474 / EIP-1193), after viem's
 * error classes: a short message for people, `data` for machines.
 *
 * @module
 */
import { BaseError } from '../errors/base.ts'
import type { JsonRpcErrorObject } from './jsonRpcTypes.ts'

export const RPC_PARSE_ERROR = -32700
export const RPC_INVALID_REQUEST = -32600
export const RPC_METHOD_NOT_FOUND = -32601
export const RPC_INVALID_PARAMS = -32602
export const RPC_INTERNAL_ERROR = -32603
/** Transaction rejected / invalid input (geth and Hardhat use -32000 for nonce, funds, gas). */
export const RPC_INVALID_INPUT = -32000
export const RPC_RESOURCE_NOT_FOUND = -32001
export const RPC_TRANSACTION_REJECTED = -32003
export const RPC_METHOD_NOT_SUPPORTED = -32004
export const RPC_LIMIT_EXCEEDED = -32005
/** execution reverted: `data` carries the revert bytes (geth, EIP-1474 amendments). */
export const RPC_EXECUTION_REVERTED = 3
/** EIP-1193 provider error: the account is not one the node can sign for. */
export const RPC_UNAUTHORIZED = 4100

/**
 * @example
 * throw new RpcError(RPC_INVALID_PARAMS, 'Invalid params: params[0] (address) must be a 20-byte hex string.')
 */
export class RpcError extends BaseError {
  override name = 'RpcError'
  readonly rpcCode: number
  readonly data: unknown

  constructor(rpcCode: number, message: string, options: { data?: unknown; details?: string; cause?: unknown } = {}) {
    super(message, { code: `rpc.${rpcCode}`, details: options.details, cause: options.cause })
    this.rpcCode = rpcCode
    this.data = options.data
  }

  toJSON(): JsonRpcErrorObject {
    return this.data === undefined
      ? { code: this.rpcCode, message: this.shortMessage }
      : { code: this.rpcCode, message: this.shortMessage, data: this.data }
  }
}

/** -32602 naming the parameter, e.g. `invalidParams('params[1] (block)', 'a block number, hash or tag')`. */
export function invalidParams(parameter: string, expected: string, got?: unknown): RpcError {
  const shown = got === undefined ? '' : ` Got: ${JSON.stringify(got)?.slice(0, 80) ?? String(got)}.`
  return new RpcError(RPC_INVALID_PARAMS, `Invalid params: ${parameter} must be ${expected}.${shown}`)
}
