/**
 * Signing with the node's unlocked dev accounts: eth_sign, personal_sign (EIP-191) and
 * eth_signTypedData_v4 (EIP-712), as MetaMask and Hardhat produce them.
 *
 * @module
 */
import { signPersonalMessage, signTypedData } from '../../crypto/signMessage.ts'
import type { TypedDataDefinition } from '../../crypto/typedData.ts'
import { BaseError } from '../../errors/base.ts'
import { RPC_UNAUTHORIZED, RpcError, invalidParams } from '../rpcError.ts'
import type { Param } from '../rpcParams.ts'
import { address, data, paramList } from '../rpcParams.ts'
import type { MethodContext, RpcMethod } from './methodContext.ts'

function keyOf(ctx: MethodContext, p: Param): Uint8Array {
  const who = address(p).toString()
  const account = ctx.chain.accounts.find((a) => a.address.toLowerCase() === who)
  if (account === undefined) throw new RpcError(RPC_UNAUTHORIZED, `unknown account ${who}: this node signs only for its dev accounts (eth_accounts)`)
  return account.privateKey
}

/** personal_sign's message: hex bytes, or (as MetaMask accepts) plain text. */
function messageBytes(p: Param): Uint8Array {
  if (typeof p.value === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(p.value)) return data(p)
  if (typeof p.value === 'string') return new TextEncoder().encode(p.value)
  throw invalidParams(p.label, 'the message as hex bytes or text', p.value)
}

export const signMethods: Record<string, RpcMethod> = {
  eth_sign: (ctx, params) => {
    const [who, message] = paramList(params, ['address', 'message'], 2)
    return signPersonalMessage(data(message!), keyOf(ctx, who!))
  },
  personal_sign: (ctx, params) => {
    const [message, who] = paramList(params, ['message', 'address', 'password'], 2)
    return signPersonalMessage(messageBytes(message!), keyOf(ctx, who!))
  },
  eth_signTypedData_v4: (ctx, params) => {
    const [who, typed] = paramList(params, ['address', 'typedData'], 2)
    const key = keyOf(ctx, who!)
    let definition: unknown = typed!.value
    if (typeof definition === 'string') {
      try {
        definition = JSON.parse(definition)
      } catch {
        throw invalidParams(typed!.label, 'typed data as JSON (EIP-712: domain, types, primaryType, message)', typed!.value)
      }
    }
    if (typeof definition !== 'object' || definition === null) throw invalidParams(typed!.label, 'an EIP-712 typed data object', typed!.value)
    try {
      return signTypedData(definition as TypedDataDefinition, key)
    } catch (error) {
      if (error instanceof BaseError) throw invalidParams(typed!.label, `valid EIP-712 typed data (${error.shortMessage})`)
      throw error
    }
  },
}
