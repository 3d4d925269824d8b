/**
 * eth_getLogs, polling filters and WebSocket subscriptions (newHeads, logs,
 * newPendingTransactions).
 *
 * @module
 */
import { bytesToHex } from '@ethereumjs/util'
import { blockLogs, criteriaRange, logsInRange, parseLogCriteria } from '../logFilter.ts'
import { RPC_INVALID_INPUT, RPC_METHOD_NOT_SUPPORTED, RpcError, invalidParams } from '../rpcError.ts'
import { formatBlock } from '../rpcFormat.ts'
import { paramList } from '../rpcParams.ts'
import type { RpcMethod } from './methodContext.ts'

export const filterMethods: Record<string, RpcMethod> = {
  eth_getLogs: (ctx, params) => {
    const [criteriaParam] = paramList(params, ['filter'], 1)
    const criteria = parseLogCriteria(criteriaParam!)
    const range = criteriaRange(ctx.chain, criteria)!
    if (range.from > range.to) throw new RpcError(RPC_INVALID_INPUT, `invalid block range: fromBlock ${range.from} is after toBlock ${range.to}`)
    return logsInRange(ctx.chain, criteria, range.from, range.to)
  },
  eth_newFilter: (ctx, params) => {
    const [criteriaParam] = paramList(params, ['filter'], 1)
    const criteria = parseLogCriteria(criteriaParam!)
    return ctx.filters.add({ kind: 'log', last: ctx.chain.ledger.head().block.header.number, criteria })
  },
  eth_newBlockFilter: (ctx, params) => {
    paramList(params, [], 0)
    return ctx.filters.add({ kind: 'block', last: ctx.chain.ledger.head().block.header.number })
  },
  eth_newPendingTransactionFilter: (ctx, params) => {
    paramList(params, [], 0)
    return ctx.filters.add({ kind: 'pending', seen: new Set(ctx.chain.pendingTransactions().map((tx) => bytesToHex(tx.hash()))) })
  },
  eth_getFilterChanges: (ctx, params) => {
    const [id] = paramList(params, ['filterId'], 1)
    return ctx.filters.changes(filterId(id!.value, id!.label))
  },
  eth_getFilterLogs: (ctx, params) => {
    const [id] = paramList(params, ['filterId'], 1)
    const criteria = ctx.filters.logs(filterId(id!.value, id!.label))
    const range = criteriaRange(ctx.chain, { ...criteria, fromBlock: criteria.fromBlock ?? { label: 'fromBlock', value: '0x0' } })!
    return logsInRange(ctx.chain, criteria, range.from, range.to)
  },
  eth_uninstallFilter: (ctx, params) => {
    const [id] = paramList(params, ['filterId'], 1)
    return ctx.filters.remove(filterId(id!.value, id!.label))
  },
  eth_subscribe: (ctx, params) => {
    const [kind, criteriaParam] = paramList(params, ['subscription', 'filter'], 1)
    if (!ctx.session.canPush) {
      throw new RpcError(RPC_METHOD_NOT_SUPPORTED, 'notifications not supported: eth_subscribe needs a WebSocket connection (ws://…), not HTTP')
    }
    const id = `0x${subscriptionId(ctx.session.id)}`
    const push = (result: unknown) => ctx.session.push({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: id, result } })
    let cancel: () => void
    if (kind!.value === 'newHeads') {
      cancel = ctx.chain.subscribe((event) => {
        if (event.type === 'block') {
          const { transactions: _omit, ...header } = formatBlock(event.executed, false)
          push(header)
        }
      })
    } else if (kind!.value === 'logs') {
      const criteria = parseLogCriteria(criteriaParam!.value === undefined ? { label: criteriaParam!.label, value: {} } : criteriaParam!)
      cancel = ctx.chain.subscribe((event) => {
        if (event.type === 'block') for (const log of blockLogs(event.executed, criteria)) push(log)
      })
    } else if (kind!.value === 'newPendingTransactions') {
      cancel = ctx.chain.subscribe((event) => {
        if (event.type === 'pending') push(event.hash)
      })
    } else {
      throw invalidParams(kind!.label, 'one of newHeads, logs, newPendingTransactions', kind!.value)
    }
    ctx.session.subscriptions.set(id, cancel)
    return id
  },
  eth_unsubscribe: (ctx, params) => {
    const [id] = paramList(params, ['subscriptionId'], 1)
    const key = typeof id!.value === 'string' ? id!.value.toLowerCase() : ''
    const cancel = ctx.session.subscriptions.get(key)
    if (cancel === undefined) return false
    cancel()
    ctx.session.subscriptions.delete(key)
    return true
  },
}

function filterId(value: unknown, label: string): string {
  if (typeof value === 'string' && /^0x[0-9a-fA-F]+$/.test(value)) return value
  throw invalidParams(label, 'a filter id like "0x1"', value)
}

let subscriptionCounter = 0
/** Subscription ids unique per server (session id + counter), 16 bytes like geth's. */
function subscriptionId(session: number): string {
  return `${session.toString(16).padStart(16, '0')}${(++subscriptionCounter).toString(16).padStart(16, '0')}`
}
