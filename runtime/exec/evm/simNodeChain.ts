/**
 * One simulated node seen as an Ethereum chain, for the JSON-RPC methods: its canonical blocks
 * follow its own tip (forks and reorgs included), `finalized`/`safe` follow its consensus
 * finality, and a transaction sent to it enters the network at this node and gossips from there.
 *
 * @module
 */
import type { TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex } from '@ethereumjs/util'
import type { BlockId } from '../../chain/blockStore.ts'
import { admitTransaction } from './admitTransaction.ts'
import type { ChainEvent, EvmChain, UnlockedAccount } from './devChain.ts'
import type { ExecutedBlock, Hex } from './evmTypes.ts'
import type { EvmLedger } from './evmLedger.ts'
import type { SimDriver } from './simDriver.ts'
import type { SimExecution } from './simExecution.ts'
import { TransactionRejectedError } from './transactionRejected.ts'

export interface SimNodeChainOptions {
  execution: SimExecution
  driver: SimDriver
  node: number
  chainId: bigint
  accounts: readonly UnlockedAccount[]
}

/**
 * @example
 * const chain = createSimNodeChain({ execution, driver, node: 3, chainId: 31337n, accounts })
 * const service = createRpcService({ chain })
 */
export function createSimNodeChain(options: SimNodeChainOptions): EvmChain {
  const { execution, driver, node, chainId, accounts } = options
  const w = execution.world()
  const engine = execution.engine
  /** canonical[h] = the sim block at height h on this node's chain (settled blocks only). */
  const canonical: BlockId[] = [0]
  const listeners = new Set<(event: ChainEvent) => void>()

  /** The node's tip, or its nearest ancestor whose execution is settled. */
  const settledTip = (): BlockId => {
    let b = w.nodes.tip[node] ?? 0
    while (b > 0 && execution.result(b) === undefined) b = w.store.parent(b)
    return b
  }

  const refresh = (): void => {
    const tip = settledTip()
    const height = w.store.height(tip)
    if (canonical[height] === tip && canonical.length === height + 1) return
    // Walk back to where the old canonical chain and the new one meet.
    const added: BlockId[] = []
    let b = tip
    while (canonical[w.store.height(b)] !== b) {
      added.push(b)
      b = w.store.parent(b)
    }
    const meet = w.store.height(b)
    const rewound = canonical.length - 1 > meet
    canonical.length = meet + 1
    for (let i = added.length - 1; i >= 0; i--) canonical.push(added[i]!)
    if (rewound) emit({ type: 'rewind', head: ledger.head() })
    for (let i = added.length - 1; i >= 0; i--) emit({ type: 'block', executed: execution.result(added[i]!)! })
  }
  const emit = (event: ChainEvent) => {
    for (const listener of [...listeners]) listener(event)
  }
  driver.onAdvance(refresh)

  const at = (height: bigint): ExecutedBlock | undefined => {
    if (height < 0n || height >= BigInt(canonical.length)) return undefined
    return execution.result(canonical[Number(height)]!)
  }
  const onCanonical = (block: BlockId) => canonical[w.store.height(block)] === block

  const ledger: EvmLedger = {
    head: () => at(BigInt(canonical.length - 1))!,
    blockByNumber: at,
    blockByHash(hash) {
      const block = execution.blockOfHash(hash)
      return block === undefined ? undefined : execution.result(block)
    },
    transaction(hash) {
      const block = execution.blocksOfTransaction(hash).find(onCanonical)
      if (block === undefined) return undefined
      const executed = execution.result(block)!
      const outcome = executed.outcomes.find((o) => o.hash === hash.toLowerCase())!
      return { executed, outcome }
    },
    append() {
      throw new Error('a simulated node grows its chain by consensus, not by append()')
    },
    truncate() {
      throw new Error('a simulated node rewinds by consensus, not by truncate()')
    },
    ancestorHash(number) {
      const head = BigInt(canonical.length - 1)
      if (number < 0n || number > head || head - number > 256n) return undefined
      return at(number)?.block.hash()
    },
    range(from, to) {
      const out: ExecutedBlock[] = []
      const end = to < BigInt(canonical.length - 1) ? to : BigInt(canonical.length - 1)
      for (let h = from < 0n ? 0n : from; h <= end; h++) out.push(at(h)!)
      return out
    },
  }

  const finalHeight = (): bigint => {
    const block = w.finality.finalizedOf(node)
    const height = BigInt(w.store.height(block))
    const head = BigInt(canonical.length - 1)
    return height < head ? height : head
  }

  /**
   * Sent to this node but not yet applied: the network learns of a transaction at the driver's
   * next advance, and until then the pending nonce must count it (or a second send would reuse
   * the nonce and be dropped silently). Forgotten once the execution knows the hash.
   */
  const enqueued = new Map<Hex, { sender: string; nonce: bigint; tx: TypedTransaction }>()

  const pendingNonce = (sender: string, fromState: bigint): bigint => {
    const waiting = new Set(execution.submittedNonces(sender))
    for (const [hash, e] of enqueued) {
      if (execution.isSubmitted(hash)) enqueued.delete(hash)
      else if (e.sender === sender) waiting.add(e.nonce)
    }
    let nonce = fromState
    while (waiting.has(nonce)) nonce++
    return nonce
  }

  refresh()
  return {
    chainId,
    engine,
    ledger,
    accounts,
    finalizedNumber: finalHeight,
    safeNumber: finalHeight,
    async pendingNonce(address) {
      const head = canonical[canonical.length - 1]!
      return pendingNonce(address.toString(), execution.nonceAfter(head, address.toString()) ?? 0n)
    },
    // The network's mempool as this node's RPC shows it (eth_getTransactionByHash, pending filters).
    pendingTransactions() {
      const waiting = new Map<string, TypedTransaction>()
      for (const tx of [...[...enqueued.values()].map((e) => e.tx), ...execution.unmined()]) {
        const hash = bytesToHex(tx.hash())
        if (ledger.transaction(hash) === undefined) waiting.set(hash, tx)
      }
      return [...waiting.values()]
    },
    settled: () => Promise.resolve(),
    nextBaseFee: () => ledger.head().block.header.calcNextBaseFee(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async submit(tx: TypedTransaction) {
      // A network answers on admission anyway: the block comes by consensus, later.
      const hash = bytesToHex(tx.hash())
      if (!w.members.can(node, 'submit')) {
        throw new TransactionRejectedError('invalid-in-block', `node ${node} may not submit transactions: its organisation's role here is read-only (permissioned network)`)
      }
      // A mined one is refused below as "nonce too low", as geth does.
      if ((execution.isSubmitted(hash) && ledger.transaction(hash) === undefined) || enqueued.has(hash)) throw new TransactionRejectedError('already-known', `already known: transaction ${hash} was already received.`)
      const sender = tx.getSenderAddress()
      const head = ledger.head()
      const account = await engine.account(head.block.header.stateRoot, sender)
      admitTransaction(tx, {
        chainId,
        head: head.block,
        account,
        expectedNonce: pendingNonce(sender.toString(), account?.nonce ?? 0n),
        strictNonceAndFee: false,
      })
      const raw = tx.serialize()
      const tip = 'maxPriorityFeePerGas' in tx ? tx.maxPriorityFeePerGas : (tx as { gasPrice: bigint }).gasPrice
      driver.enqueue({
        type: 'submit-tx',
        node,
        sender: execution.senderId(sender),
        // The simulator orders mempools by this fee (gwei keeps it a small float).
        fee: Math.min(1e15, Number(tip / 1_000_000_000n)),
        bytes: raw.length,
        raw: bytesToHex(raw),
      })
      enqueued.set(hash, { sender: sender.toString(), nonce: tx.nonce, tx })
      emit({ type: 'pending', hash })
      return hash
    },
  }
}
