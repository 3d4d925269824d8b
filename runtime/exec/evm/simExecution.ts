/**
 * The EVM inside a simulated network. The kernel is synchronous and ethereumjs is not, so block
 * execution is a queue the driver settles between events: a producer's block is queued when it is
 * made and executed before the next event, so every receiver finds its result — and its validity
 * — ready, and the trace does not depend on how long execution took.
 *
 * One execution per block serves every honest node (the engine memoises by parent state root and
 * body). A producer with the `invalid-blocks` strategy publishes the honest result plus a credit
 * to itself: its state root differs from the honest execution's, and that mismatch is what
 * makes every honest node reject the block.
 *
 * @module
 */
import type { TypedTransaction } from '@ethereumjs/tx'
import type { Address } from '@ethereumjs/util'
import { createAddressFromPrivateKey, equalsBytes, hexToBytes } from '@ethereumjs/util'
import { keccak_256 } from '@noble/hashes/sha3.js'
import type { BlockId } from '../../chain/blockStore.ts'
import type { BlockExecution } from '../blockExecution.ts'
import type { World } from '../../sim/world.ts'
import type { EvmEngine, ExecutedBlock, Hex } from './evmTypes.ts'
import { flat, flatHex } from './flatHex.ts'

/** What a byzantine producer mints itself: 1,000 ETH. */
const DIVERGENT_CREDIT = 1000n * 10n ** 18n

export interface SimExecution {
  /** The hook `createNetwork(config, { execution })` wants. */
  readonly attach: (w: World) => BlockExecution
  readonly engine: EvmEngine
  /** The world, once attached. */
  world(): World
  /** Queued block executions. */
  pending(): number
  /** Executes every queued block (in production order). */
  settle(): Promise<void>
  /** The execution a node sees for a sim block: the honest one, or a byzantine producer's own. */
  result(block: BlockId): ExecutedBlock | undefined
  /** The honest execution of a block (for a byzantine one: what it should have claimed). */
  reference(block: BlockId): ExecutedBlock | undefined
  /** The sim block an EVM block hash names. */
  blockOfHash(hash: Hex): BlockId | undefined
  /** Sim blocks carrying a transaction (several across forks). */
  blocksOfTransaction(hash: Hex): readonly BlockId[]
  /** Next nonce of each sender after `block` (the mempool's nonce ordering reads it). */
  nonceAfter(block: BlockId, sender: string): bigint | undefined
  /** A small integer per sender address (the simulator's `sender`, e.g. for censorship). */
  senderId(address: Address): number
  /** Transactions submitted and not yet in `block`'s chain, by sender (pending nonces). */
  submittedNonces(sender: string): readonly bigint[]
  /** Whether a raw transaction hash was already submitted. */
  isSubmitted(hash: Hex): boolean
  /** Submitted transactions that no honest block has carried yet (the network's mempool). */
  unmined(): Iterable<TypedTransaction>
  /** The coinbase address of a node's blocks. */
  coinbaseOf(node: number): Address
  readonly stats: { blocks: number; divergent: number; skippedTransactions: number }
}

export interface SimExecutionOptions {
  engine: EvmEngine
  /** Timestamp (s) of the EVM genesis; block timestamps follow simulated time from it. */
  genesisTimestamp?: bigint
}

interface Job {
  block: BlockId
  parent: BlockId
  node: number
  txIds: Int32Array | undefined
  byzantine: boolean
}

/**
 * @example
 * const execution = createSimExecution({ engine })
 * const net = createNetwork(config, { execution: execution.attach })
 * net.step(); await execution.settle()
 */
export function createSimExecution(options: SimExecutionOptions): SimExecution {
  const { engine } = options
  const genesisTimestamp = options.genesisTimestamp ?? engine.genesis.block.header.timestamp
  let w: World | undefined
  const txById = new Map<number, TypedTransaction>()
  const submittedHashes = new Set<string>()
  const unmined = new Map<string, TypedTransaction>()
  const pendingBySender = new Map<string, Map<string, bigint>>()
  const honest = new Map<BlockId, ExecutedBlock>([[0, engine.genesis]])
  const divergent = new Map<BlockId, ExecutedBlock>()
  const referenceOfDivergent = new Map<BlockId, ExecutedBlock>()
  const nonces = new Map<BlockId, Map<string, bigint>>([[0, new Map()]])
  const byHash = new Map<string, BlockId>([[engine.genesis.hash, 0]])
  const txBlocks = new Map<string, BlockId[]>()
  const senderIds = new Map<string, number>()
  const coinbases: Address[] = []
  const jobs: Job[] = []
  const stats = { blocks: 0, divergent: 0, skippedTransactions: 0 }

  const world = (): World => {
    if (w === undefined) throw new Error('simExecution: not attached to a network yet')
    return w
  }
  const coinbaseOf = (node: number): Address => {
    // A stable, recognisable fee recipient per node (not a key anyone holds).
    return (coinbases[node] ??= createAddressFromPrivateKey(keccak_256(new TextEncoder().encode(`playground-node-${node}`))))
  }
  const result = (block: BlockId) => honest.get(block) ?? divergent.get(block)

  const hook: BlockExecution = {
    order(parent, candidates) {
      const base = nonces.get(parent)
      if (base === undefined) return []
      const gasLimit = result(parent)!.block.header.gasLimit
      const next = new Map<string, bigint>()
      const out: number[] = []
      let gas = 0n
      let remaining = candidates.filter((id) => txById.has(id))
      // Passes in fee order; each takes every transaction whose nonce is now due.
      for (let progressed = true; progressed; ) {
        progressed = false
        const rest: number[] = []
        for (const id of remaining) {
          const tx = txById.get(id)!
          const sender = tx.getSenderAddress().toString()
          const due = next.get(sender) ?? base.get(sender) ?? 0n
          if (tx.nonce === due && gas + tx.gasLimit <= gasLimit) {
            out.push(id)
            next.set(sender, due + 1n)
            gas += tx.gasLimit
            progressed = true
          } else if (tx.nonce > due) {
            rest.push(id)
          }
        }
        remaining = rest
      }
      return out
    },
    produced(block, node) {
      const ww = world()
      jobs.push({
        block,
        parent: ww.store.parent(block),
        node,
        txIds: ww.txs?.blockTxs(block),
        byzantine: ww.behaviours[node]?.strategy === 'invalid-blocks',
      })
    },
    submitted(tx, raw) {
      const decoded = engine.decodeTransaction(hexToBytes(raw as Hex))
      txById.set(tx, decoded)
      const hash = flatHex(decoded.hash())
      submittedHashes.add(hash)
      unmined.set(hash, decoded)
      const sender = flat(decoded.getSenderAddress().toString())
      const list = pendingBySender.get(sender) ?? new Map<string, bigint>()
      list.set(hash, decoded.nonce)
      pendingBySender.set(sender, list)
    },
  }

  const execute = async (job: Job): Promise<void> => {
    const ww = world()
    const parentResult = honest.get(job.parent)
    if (parentResult === undefined) {
      // On top of a rejected (divergent) block: nobody honest will connect it; nothing to run.
      return
    }
    const txs = job.txIds === undefined ? [] : Array.from(job.txIds, (id) => txById.get(id)!).filter((tx) => tx !== undefined)
    const seconds = genesisTimestamp + BigInt(Math.floor(ww.store.timeUs(job.block) / 1e6))
    const parentTimestamp = parentResult.block.header.timestamp
    const timestamp = seconds > parentTimestamp ? seconds : parentTimestamp + 1n
    const coinbase = coinbaseOf(job.node)
    const executed = await engine.buildBlock({
      parent: parentResult.block,
      timestamp,
      coinbase: coinbase.toString(),
      txs,
      ancestorHash: (n) => {
        let b = job.parent
        while (b > 0 && ww.store.height(b) > Number(n)) b = ww.store.parent(b)
        return ww.store.height(b) === Number(n) ? result(b)?.block.hash() : undefined
      },
    })
    stats.blocks++
    stats.skippedTransactions += executed.skipped.length
    let published = executed
    if (job.byzantine) {
      published = await engine.divergentCopy(executed, coinbase, DIVERGENT_CREDIT)
      stats.divergent++
      divergent.set(job.block, published)
      referenceOfDivergent.set(job.block, executed)
      if (!equalsBytes(published.block.header.stateRoot, executed.block.header.stateRoot)) ww.store.markInvalid(job.block)
    } else {
      honest.set(job.block, executed)
      const after = new Map(nonces.get(job.parent))
      for (const o of executed.outcomes) {
        after.set(o.from, o.tx.nonce + 1n)
        unmined.delete(o.hash)
      }
      nonces.set(job.block, after)
    }
    byHash.set(published.hash, job.block)
    for (const o of published.outcomes) {
      const list = txBlocks.get(o.hash) ?? []
      list.push(job.block)
      txBlocks.set(o.hash, list)
    }
  }

  return {
    attach(ww) {
      if (w !== undefined) throw new Error('simExecution: already attached to a network')
      w = ww
      return hook
    },
    engine,
    world,
    pending: () => jobs.length,
    async settle() {
      while (jobs.length > 0) await execute(jobs.shift()!)
    },
    result,
    reference: (block) => honest.get(block) ?? referenceOfDivergent.get(block),
    blockOfHash: (hash) => byHash.get(hash.toLowerCase()),
    blocksOfTransaction: (hash) => txBlocks.get(hash.toLowerCase()) ?? [],
    nonceAfter: (block, sender) => {
      const map = nonces.get(block)
      return map === undefined ? undefined : (map.get(sender) ?? 0n)
    },
    senderId(address) {
      const key = address.toString()
      let id = senderIds.get(key)
      if (id === undefined) senderIds.set(key, (id = senderIds.size))
      return id
    },
    submittedNonces: (sender) => [...(pendingBySender.get(sender)?.values() ?? [])],
    isSubmitted: (hash) => submittedHashes.has(hash.toLowerCase()),
    unmined: () => unmined.values(),
    coinbaseOf,
    stats,
  }
}
