/**
 * One node's view of an EVM chain: its canonical blocks by number and hash and its transactions
 * by hash. The JSON-RPC methods read only this (and the engine for state), so the same methods
 * serve the one-node dev chain and any node of a simulated network.
 *
 * @module
 */
import type { ExecutedBlock, Hex, TxOutcome } from './evmTypes.ts'

export interface LocatedTransaction {
  executed: ExecutedBlock
  outcome: TxOutcome
}

export interface EvmLedger {
  head(): ExecutedBlock
  blockByNumber(number: bigint): ExecutedBlock | undefined
  blockByHash(hash: Hex): ExecutedBlock | undefined
  transaction(hash: Hex): LocatedTransaction | undefined
  /** Appends a block on top of the head. */
  append(executed: ExecutedBlock): void
  /** Drops every block above `number` (snapshot revert, a reorg). */
  truncate(number: bigint): ExecutedBlock[]
  /** BLOCKHASH for the chain ending at the head. */
  ancestorHash(number: bigint): Uint8Array | undefined
  /** The canonical blocks from `from` to `to` inclusive (clamped to the chain). */
  range(from: bigint, to: bigint): ExecutedBlock[]
}

/**
 * @example
 * const ledger = createEvmLedger(engine.genesis)
 * ledger.append(await engine.buildBlock({ parent: ledger.head().block, … }))
 */
export function createEvmLedger(genesis: ExecutedBlock): EvmLedger {
  const blocks: ExecutedBlock[] = [genesis]
  const byHash = new Map<string, ExecutedBlock>([[genesis.hash, genesis]])
  const txs = new Map<string, LocatedTransaction>()
  return {
    head: () => blocks[blocks.length - 1]!,
    blockByNumber: (number) => (number >= 0n && number < BigInt(blocks.length) ? blocks[Number(number)] : undefined),
    blockByHash: (hash) => byHash.get(hash.toLowerCase()),
    transaction: (hash) => txs.get(hash.toLowerCase()),
    append(executed) {
      const expected = BigInt(blocks.length)
      if (executed.block.header.number !== expected) {
        throw new RangeError(`block number must be ${expected} (the next height), got ${executed.block.header.number}`)
      }
      blocks.push(executed)
      byHash.set(executed.hash, executed)
      for (const outcome of executed.outcomes) txs.set(outcome.hash, { executed, outcome })
    },
    truncate(number) {
      const keep = Number(number) + 1
      if (keep < 1) throw new RangeError('cannot truncate the genesis block')
      const dropped = blocks.splice(keep)
      for (const executed of dropped) {
        byHash.delete(executed.hash)
        for (const outcome of executed.outcomes) txs.delete(outcome.hash)
      }
      return dropped
    },
    ancestorHash(number) {
      // BLOCKHASH sees the 256 most recent ancestors only.
      const head = BigInt(blocks.length - 1)
      if (number < 0n || number > head || head - number > 256n) return undefined
      return blocks[Number(number)]!.block.hash()
    },
    range(from, to) {
      const start = from < 0n ? 0 : Number(from)
      const end = Math.min(Number(to), blocks.length - 1)
      return start > end ? [] : blocks.slice(start, end + 1)
    },
  }
}
