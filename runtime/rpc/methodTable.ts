/**
 * Every JSON-RPC method the playground answers, by name.
 *
 * @module
 */
import { blockMethods } from './methods/blocks.ts'
import { chainInfoMethods } from './methods/chainInfo.ts'
import { debugMethods } from './methods/debug.ts'
import { devControlMethods } from './methods/devControls.ts'
import { filterMethods } from './methods/filters.ts'
import type { RpcMethod } from './methods/methodContext.ts'
import { sendMethods } from './methods/send.ts'
import { signMethods } from './methods/sign.ts'
import { stateMethods } from './methods/state.ts'

export const methodTable: Readonly<Record<string, RpcMethod>> = Object.freeze({
  ...chainInfoMethods,
  ...stateMethods,
  ...blockMethods,
  ...filterMethods,
  ...sendMethods,
  ...signMethods,
  ...devControlMethods,
  ...debugMethods,
})
