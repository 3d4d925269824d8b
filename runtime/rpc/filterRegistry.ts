/**
 * Polling filters (eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter): each
 * remembers the last block it reported, so eth_getFilterChanges returns only what is new.
 *
 * @module
 */
import { bytesToHex } from '@ethereumjs/util'
import type { EvmChain } from '../exec/evm/devChain.ts'
import type { LogCriteria } from './logFilter.ts'
import { blockLogs, criteriaRange } from './logFilter.ts'
import { RPC_INVALID_INPUT, RPC_LIMIT_EXCEEDED, RpcError } from './rpcError.ts'

type Filter =
  | { kind: 'block'; last: bigint }
  | { kind: 'log'; last: bigint; criteria: LogCriteria }
  | { kind: 'pending'; seen: Set<string> }

export interface FilterRegistry {
  add(filter: Filter): string
  changes(id: string): unknown[]
  logs(id: string): LogCriteria
  remove(id: string): boolean
}

/** Filters are cheap but not free; Hardhat and geth also bound them. */
const MAX_FILTERS = 10_000

export function createFilterRegistry(chain: EvmChain): FilterRegistry {
  const filters = new Map<string, Filter>()
  let counter = 0
  chain.subscribe((event) => {
    if (event.type !== 'rewind') return
    const head = event.head.block.header.number
    for (const f of filters.values()) if (f.kind !== 'pending' && f.last > head) f.last = head
  })
  const get = (id: string): Filter => {
    const f = filters.get(id.toLowerCase())
    if (f === undefined) throw new RpcError(RPC_INVALID_INPUT, `filter not found: ${id}`)
    return f
  }
  return {
    add(filter) {
      if (filters.size >= MAX_FILTERS) throw new RpcError(RPC_LIMIT_EXCEEDED, `too many filters (${MAX_FILTERS}): uninstall some with eth_uninstallFilter`)
      const id = `0x${(++counter).toString(16)}`
      filters.set(id, filter)
      return id
    },
    changes(id) {
      const f = get(id)
      const head = chain.ledger.head().block.header.number
      if (f.kind === 'pending') {
        const fresh = chain.pendingTransactions().map((tx) => bytesToHex(tx.hash()))
        const out = fresh.filter((h) => !f.seen.has(h))
        for (const h of out) f.seen.add(h)
        return out
      }
      const blocks = chain.ledger.range(f.last + 1n, head)
      f.last = head
      if (f.kind === 'block') return blocks.map((b) => b.hash)
      // Only explicit bounds narrow a polling filter: "new since the last poll" is the rest.
      const range = criteriaRange(chain, f.criteria)!
      const from = f.criteria.fromBlock === undefined && f.criteria.blockHash === undefined ? 0n : range.from
      const to = f.criteria.toBlock === undefined && f.criteria.blockHash === undefined ? head : range.to
      return blocks.filter((b) => b.block.header.number >= from && b.block.header.number <= to).flatMap((b) => blockLogs(b, f.criteria))
    },
    logs(id) {
      const f = get(id)
      if (f.kind !== 'log') throw new RpcError(RPC_INVALID_INPUT, `filter ${id} is not a log filter`)
      return f.criteria
    },
    remove: (id) => filters.delete(id.toLowerCase()),
  }
}
