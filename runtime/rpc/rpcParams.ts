/**
 * Parsing JSON-RPC parameters. Each parser names the parameter it rejects (`params[1] (block)`),
 * because "invalid argument" alone sends people to a debugger.
 *
 * @module
 */
import type { Address } from '@ethereumjs/util'
import { createAddressFromString, hexToBytes } from '@ethereumjs/util'
import type { Hex } from '../exec/evm/evmTypes.ts'
import { invalidParams } from './rpcError.ts'

export type BlockTag = 'latest' | 'pending' | 'earliest' | 'safe' | 'finalized'
export type BlockSelector = { tag: BlockTag } | { number: bigint } | { hash: Hex; requireCanonical: boolean }

export interface Param {
  /** e.g. `params[0] (address)` */
  label: string
  value: unknown
}

export function paramList(params: unknown, names: readonly string[], required: number): Param[] {
  if (params === undefined || params === null) params = []
  if (!Array.isArray(params)) {
    throw invalidParams('params', 'an array (positional parameters)', params)
  }
  if (params.length < required) {
    throw invalidParams(`params[${params.length}] (${names[params.length] ?? 'argument'})`, 'present', undefined)
  }
  if (params.length > names.length) {
    throw invalidParams('params', `at most ${names.length} item(s): ${names.join(', ')}`, params)
  }
  return names.map((name, i) => ({ label: `params[${i}] (${name})`, value: params[i] }))
}

const HEX_QUANTITY = /^0x(0|[1-9a-fA-F][0-9a-fA-F]*)$/
const HEX_DATA = /^0x([0-9a-fA-F]{2})*$/
const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/
const HEX_HASH = /^0x[0-9a-fA-F]{64}$/

export function quantity(p: Param): bigint {
  if (typeof p.value === 'string' && HEX_QUANTITY.test(p.value)) return BigInt(p.value)
  // Many clients send leading zeros (0x01); accept them as geth does for quantities it parses.
  if (typeof p.value === 'string' && /^0x[0-9a-fA-F]+$/.test(p.value)) return BigInt(p.value)
  // Some (web3.js, hand-written scripts) send a plain JSON number, e.g. eth_feeHistory's count.
  if (typeof p.value === 'number' && Number.isSafeInteger(p.value) && p.value >= 0) return BigInt(p.value)
  throw invalidParams(p.label, 'a hex quantity like "0x1a"', p.value)
}

export function optionalQuantity(p: Param): bigint | undefined {
  return p.value === undefined || p.value === null ? undefined : quantity(p)
}

export function data(p: Param): Uint8Array {
  if (typeof p.value === 'string' && HEX_DATA.test(p.value)) return hexToBytes(p.value as Hex)
  throw invalidParams(p.label, 'hex data with an even number of digits, like "0xa9059cbb"', p.value)
}

export function address(p: Param): Address {
  if (typeof p.value === 'string' && HEX_ADDRESS.test(p.value)) return createAddressFromString(p.value)
  throw invalidParams(p.label, 'a 20-byte address like "0xf39F…2266"', p.value)
}

export function hash32(p: Param): Hex {
  if (typeof p.value === 'string' && HEX_HASH.test(p.value)) return p.value.toLowerCase() as Hex
  throw invalidParams(p.label, 'a 32-byte hash', p.value)
}

export function bool(p: Param): boolean {
  if (typeof p.value === 'boolean') return p.value
  throw invalidParams(p.label, 'true or false', p.value)
}

const TAGS: readonly BlockTag[] = ['latest', 'pending', 'earliest', 'safe', 'finalized']

/** A block number, a tag, or an EIP-1898 object `{ blockHash, requireCanonical }` / `{ blockNumber }`. */
export function blockSelector(p: Param, fallback: BlockTag = 'latest'): BlockSelector {
  const v = p.value
  if (v === undefined || v === null) return { tag: fallback }
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return { number: BigInt(v) }
  if (typeof v === 'string') {
    if ((TAGS as readonly string[]).includes(v)) return { tag: v as BlockTag }
    if (/^0x[0-9a-fA-F]+$/.test(v) && v.length <= 18) return { number: BigInt(v) }
  }
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    if (typeof o.blockHash === 'string') {
      return { hash: hash32({ label: `${p.label}.blockHash`, value: o.blockHash }), requireCanonical: o.requireCanonical === true }
    }
    if (o.blockNumber !== undefined) return blockSelector({ label: `${p.label}.blockNumber`, value: o.blockNumber })
  }
  throw invalidParams(p.label, `a block number (hex), one of ${TAGS.join(', ')}, or { blockHash }`, v)
}

export function object(p: Param): Record<string, unknown> {
  if (typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value)) return p.value as Record<string, unknown>
  throw invalidParams(p.label, 'an object', p.value)
}

/** A field of an object parameter, labelled `params[0].to`. */
export function field(p: Param, name: string): Param {
  const o = p.value as Record<string, unknown>
  return { label: `${p.label.split(' ')[0]}.${name}`, value: o[name] }
}

export interface TransactionRequest {
  from: Address | undefined
  to: Address | undefined
  gas: bigint | undefined
  gasPrice: bigint | undefined
  maxFeePerGas: bigint | undefined
  maxPriorityFeePerGas: bigint | undefined
  value: bigint | undefined
  data: Uint8Array | undefined
  nonce: bigint | undefined
  type: bigint | undefined
  accessList: unknown
}

/** The call / transaction object of eth_call, eth_estimateGas and eth_sendTransaction. */
export function transactionRequest(p: Param): TransactionRequest {
  object(p)
  const opt = <T>(name: string, parse: (q: Param) => T): T | undefined => {
    const f = field(p, name)
    return f.value === undefined || f.value === null ? undefined : parse(f)
  }
  const input = opt('input', data)
  const dataField = opt('data', data)
  if (input !== undefined && dataField !== undefined && bytesDiffer(input, dataField)) {
    throw invalidParams(`${p.label.split(' ')[0]}.input`, 'equal to .data when both are given', undefined)
  }
  return {
    from: opt('from', address),
    to: opt('to', address),
    gas: opt('gas', quantity),
    gasPrice: opt('gasPrice', quantity),
    maxFeePerGas: opt('maxFeePerGas', quantity),
    maxPriorityFeePerGas: opt('maxPriorityFeePerGas', quantity),
    value: opt('value', quantity),
    data: input ?? dataField,
    nonce: opt('nonce', quantity),
    type: opt('type', quantity),
    accessList: field(p, 'accessList').value,
  }
}

function bytesDiffer(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return true
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true
  return false
}
