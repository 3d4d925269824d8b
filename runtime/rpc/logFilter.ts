/**
 * Log filters (eth_getLogs, eth_newFilter, `logs` subscriptions): parsing the criteria and
 * matching a block's logs against them.
 *
 * @module
 */
import { bytesToHex } from '@ethereumjs/util'
import type { EvmChain } from '../exec/evm/devChain.ts'
import type { ExecutedBlock, Hex } from '../exec/evm/evmTypes.ts'
import { findBlock } from './methods/methodContext.ts'
import { RPC_LIMIT_EXCEEDED, RpcError, invalidParams } from './rpcError.ts'
import { formatLog } from './rpcFormat.ts'
import type { Param } from './rpcParams.ts'
import { address, blockSelector, field, hash32, object } from './rpcParams.ts'

export interface LogCriteria {
  /** Lower-case hex addresses; empty = any. */
  addresses: Set<string>
  /** Per position: null = any, else the allowed topics. */
  topics: (Set<string> | null)[]
  fromBlock: Param | undefined
  toBlock: Param | undefined
  blockHash: Hex | undefined
}

/** Enough for any learner's query; keeps one request from formatting millions of logs. */
export const MAX_LOGS = 10_000

export function parseLogCriteria(p: Param): LogCriteria {
  object(p)
  const addresses = new Set<string>()
  const addressField = field(p, 'address')
  if (Array.isArray(addressField.value)) {
    addressField.value.forEach((value, i) => addresses.add(address({ label: `${addressField.label}[${i}]`, value }).toString()))
  } else if (addressField.value !== undefined && addressField.value !== null) {
    addresses.add(address(addressField).toString())
  }
  const topicsField = field(p, 'topics')
  const topics: (Set<string> | null)[] = []
  if (topicsField.value !== undefined && topicsField.value !== null) {
    if (!Array.isArray(topicsField.value) || topicsField.value.length > 4) throw invalidParams(topicsField.label, 'an array of at most 4 topics', topicsField.value)
    topicsField.value.forEach((t, i) => {
      const label = `${topicsField.label}[${i}]`
      if (t === null) topics.push(null)
      else if (Array.isArray(t)) topics.push(t.length === 0 ? null : new Set(t.map((x, j) => hash32({ label: `${label}[${j}]`, value: x }))))
      else topics.push(new Set([hash32({ label, value: t })]))
    })
  }
  const blockHashField = field(p, 'blockHash')
  const blockHash = blockHashField.value === undefined || blockHashField.value === null ? undefined : hash32(blockHashField)
  const fromBlock = field(p, 'fromBlock')
  const toBlock = field(p, 'toBlock')
  if (blockHash !== undefined && (fromBlock.value != null || toBlock.value != null)) {
    throw invalidParams(blockHashField.label, 'used without fromBlock/toBlock (EIP-234)', blockHashField.value)
  }
  return {
    addresses,
    topics,
    fromBlock: fromBlock.value == null ? undefined : fromBlock,
    toBlock: toBlock.value == null ? undefined : toBlock,
    blockHash,
  }
}

/** Resolves the block range of the criteria now (tags move with the chain). */
export function criteriaRange(chain: EvmChain, c: LogCriteria): { from: bigint; to: bigint } | undefined {
  if (c.blockHash !== undefined) {
    const block = chain.ledger.blockByHash(c.blockHash)
    if (block === undefined) throw new RpcError(-32001, `unknown block: ${c.blockHash}`)
    return { from: block.block.header.number, to: block.block.header.number }
  }
  const head = chain.ledger.head().block.header.number
  const bound = (p: Param | undefined, fallback: bigint): bigint => {
    if (p === undefined) return fallback
    const selector = blockSelector(p)
    if ('number' in selector) return selector.number
    return findBlock(chain, selector)?.block.header.number ?? head
  }
  return { from: bound(c.fromBlock, head), to: bound(c.toBlock, head) }
}

export function blockLogs(executed: ExecutedBlock, c: LogCriteria, removed = false): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const outcome of executed.outcomes) {
    outcome.logs.forEach((log, i) => {
      if (c.addresses.size > 0 && !c.addresses.has(bytesToHex(log[0]))) return
      for (let t = 0; t < c.topics.length; t++) {
        const allowed = c.topics[t]
        if (allowed === null || allowed === undefined) continue
        const topic = log[1][t]
        if (topic === undefined || !allowed.has(bytesToHex(topic))) return
      }
      out.push(formatLog(log, executed, outcome, i, removed))
    })
  }
  return out
}

export function logsInRange(chain: EvmChain, c: LogCriteria, from: bigint, to: bigint): Record<string, unknown>[] {
  const logs: Record<string, unknown>[] = []
  for (const executed of chain.ledger.range(from, to)) {
    logs.push(...blockLogs(executed, c))
    if (logs.length > MAX_LOGS) {
      throw new RpcError(RPC_LIMIT_EXCEEDED, `query returned more than ${MAX_LOGS} results: narrow the block range or the address/topics`)
    }
  }
  return logs
}
