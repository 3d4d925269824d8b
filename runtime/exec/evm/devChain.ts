/**
 * The one-node development chain (`--preset dev`): Hardhat Network's behaviour on our engine —
 * automine by default, optional interval mining, a mempool when automine is off, snapshots, time
 * travel — and the dev accounts funded and unlocked.
 *
 * Time comes from the host (`clock`): the CLI gives the wall clock, a lesson gives simulated
 * time; interval mining is a host timer calling `mine()`, so nothing here reads a clock itself.
 *
 * @module
 */
import type { TypedTransaction } from '@ethereumjs/tx'
import type { Address } from '@ethereumjs/util'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import type { EvmEngine, ExecutedBlock, Hex } from './evmTypes.ts'
import { admitTransaction } from './admitTransaction.ts'
import { flatHex } from './flatHex.ts'
import type { EvmLedger } from './evmLedger.ts'
import { createEvmLedger } from './evmLedger.ts'
import { TransactionRejectedError } from './transactionRejected.ts'

export interface HostClock {
  /** Seconds since 1970 as the host sees them. */
  nowSeconds(): bigint
}

export interface UnlockedAccount {
  address: Hex
  privateKey: Uint8Array
}

/** Everything needed to rebuild the chain: its inputs, replayed through the engine. */
export interface DevChainState {
  version: 1
  chainId: string
  genesisTimestamp: string
  timeOffset: string
  blocks: { timestamp: string; txs: Hex[] }[]
}

export type ChainEvent =
  | { type: 'block'; executed: ExecutedBlock }
  | { type: 'rewind'; head: ExecutedBlock }
  /** A transaction was admitted (to the mempool, or straight into a block with automine). */
  | { type: 'pending'; hash: Hex }
  /** An admitted transaction that its block could not run after all. */
  | { type: 'dropped'; hash: Hex; reason: string }

/** What the JSON-RPC methods need of any chain (dev chain or a node of a simulated network). */
export interface EvmChain {
  readonly chainId: bigint
  readonly engine: EvmEngine
  readonly ledger: EvmLedger
  readonly accounts: readonly UnlockedAccount[]
  finalizedNumber(): bigint
  safeNumber(): bigint
  /** The next nonce of `address` counting its transactions waiting in the mempool. */
  pendingNonce(address: Address): Promise<bigint>
  pendingTransactions(): readonly TypedTransaction[]
  /**
   * Admits a signed transaction: validates it, then mines it (automine) or queues it. Resolves
   * once mined, or — with `answerOnAdmission` (JSON-RPC sends) — once admitted, the block being
   * built right after; every JSON-RPC read waits for it (`settled`).
   */
  submit(tx: TypedTransaction, options?: { answerOnAdmission?: boolean }): Promise<Hex>
  /** Resolves once the work already started (mining an admitted transaction) is done. */
  settled(): Promise<void>
  /** Base fee of the next block. */
  nextBaseFee(): bigint
  subscribe(listener: (event: ChainEvent) => void): () => void
  /** Dev-chain controls (Hardhat's evm_* methods); absent on consensus networks. */
  readonly dev?: DevControls
}

export interface DevControls {
  mine(options?: { blocks?: number; timestamp?: bigint }): Promise<ExecutedBlock[]>
  snapshot(): Promise<string>
  revert(id: string): Promise<boolean>
  increaseTime(seconds: bigint): Promise<bigint>
  setNextBlockTimestamp(timestamp: bigint): Promise<void>
  setAutomine(enabled: boolean): void
  automine(): boolean
  /** 0 turns interval mining off; the host's timer reads it (see `onIntervalChange`). */
  setIntervalMining(milliseconds: number): void
  intervalMining(): number
  onIntervalChange(listener: (milliseconds: number) => void): () => void
  exportState(): DevChainState
}

export interface DevChainOptions {
  engine: EvmEngine
  chainId: bigint
  accounts: readonly UnlockedAccount[]
  clock: HostClock
  /** Replays a saved chain (`--state FILE`) before serving. */
  restore?: DevChainState
}

/**
 * @example
 * const chain = await createDevChain({ engine, chainId: 31337n, accounts, clock: { nowSeconds: () => 1_700_000_000n } })
 * await chain.submit(engine.decodeTransaction(raw)) // mined at once
 */
export async function createDevChain(options: DevChainOptions): Promise<EvmChain & { dev: DevControls }> {
  const { engine, chainId, accounts, clock } = options
  const ledger = createEvmLedger(engine.genesis)
  const listeners = new Set<(event: ChainEvent) => void>()
  const intervalListeners = new Set<(milliseconds: number) => void>()
  let pending: TypedTransaction[] = []
  // Indexes of the mempool: recovering senders and hashing again on every submit is quadratic.
  let pendingHashes = new Set<string>()
  let pendingNonces = new Map<string, Set<bigint>>()
  const setPending = (list: TypedTransaction[]) => {
    pending = list
    pendingHashes = new Set(list.map((tx) => flatHex(tx.hash())))
    pendingNonces = new Map()
    for (const tx of list) addNonce(tx)
  }
  const addNonce = (tx: TypedTransaction) => {
    const sender = tx.getSenderAddress().toString()
    const set = pendingNonces.get(sender) ?? new Set<bigint>()
    set.add(tx.nonce)
    pendingNonces.set(sender, set)
  }
  let automine = true
  let interval = 0
  let timeOffset = 0n
  let nextTimestamp: bigint | undefined
  let snapshotCounter = 0
  const snapshots = new Map<string, { number: bigint; timeOffset: bigint; nextTimestamp: bigint | undefined; pending: TypedTransaction[] }>()
  const inputs: DevChainState['blocks'] = []

  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }
  const emit = (event: ChainEvent) => {
    for (const listener of [...listeners]) listener(event)
  }

  const nextBlockTimestamp = (explicit?: bigint): bigint => {
    const parent = ledger.head().block.header.timestamp
    if (explicit !== undefined) {
      if (explicit <= parent) {
        throw new TransactionRejectedError('invalid-in-block', `Timestamp ${explicit} is not after the previous block's timestamp ${parent}.`)
      }
      return explicit
    }
    if (nextTimestamp !== undefined) return nextTimestamp
    const now = clock.nowSeconds() + timeOffset
    return now > parent ? now : parent + 1n
  }

  const mineOne = async (txs: readonly TypedTransaction[], explicitTimestamp?: bigint): Promise<ExecutedBlock> => {
    const timestamp = nextBlockTimestamp(explicitTimestamp)
    const parent = ledger.head()
    const executed = await engine.buildBlock({
      parent: parent.block,
      timestamp,
      txs,
      ancestorHash: ledger.ancestorHash,
    })
    if (nextTimestamp !== undefined) {
      // Later blocks keep the jump: the offset makes "now" continue from the set time.
      timeOffset = nextTimestamp - clock.nowSeconds()
      nextTimestamp = undefined
    }
    ledger.append(executed)
    inputs.push({ timestamp: timestamp.toString(), txs: executed.outcomes.map((o) => flatHex(o.tx.serialize())) })
    emit({ type: 'block', executed })
    return executed
  }

  /**
   * The mempool's best next block: each sender's transactions in nonce order from its account's
   * nonce (a gap waits: later nonces stay queued), higher tips first across senders.
   */
  const selectPending = async (baseFee: bigint, gasLimit: bigint): Promise<TypedTransaction[]> => {
    const bySender = new Map<string, TypedTransaction[]>()
    for (const tx of pending) {
      const key = tx.getSenderAddress().toString()
      const list = bySender.get(key) ?? []
      list.push(tx)
      bySender.set(key, list)
    }
    const next = new Map<string, bigint>()
    for (const [sender, list] of bySender) {
      list.sort((a, b) => (a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0))
      next.set(sender, (await accountOf(list[0]!.getSenderAddress()))?.nonce ?? 0n)
    }
    const chosen: TypedTransaction[] = []
    let gas = 0n
    for (;;) {
      let best: TypedTransaction | undefined
      let bestSender = ''
      let bestTip = -1n
      for (const [sender, list] of bySender) {
        // Nonces already used on chain cannot run: skip past them.
        while (list.length > 0 && list[0]!.nonce < next.get(sender)!) list.shift()
        const tx = list[0]
        if (tx === undefined || tx.nonce !== next.get(sender) || gas + tx.gasLimit > gasLimit) continue
        const tip = tipOf(tx, baseFee)
        if (tip > bestTip) {
          best = tx
          bestSender = sender
          bestTip = tip
        }
      }
      if (best === undefined || bestTip < 0n) break
      bySender.get(bestSender)!.shift()
      next.set(bestSender, best.nonce + 1n)
      chosen.push(best)
      gas += best.gasLimit
    }
    return chosen
  }

  const mineFromPool = async (explicitTimestamp?: bigint): Promise<ExecutedBlock> => {
    const head = ledger.head().block
    const chosen = await selectPending(head.header.calcNextBaseFee(), head.header.gasLimit)
    const executed = await mineOne(chosen, explicitTimestamp)
    const included = new Set(executed.outcomes.map((o) => o.hash))
    const dropped = new Set(executed.skipped.map((s) => s.hash))
    setPending(
      pending.filter((tx) => {
        const hash = bytesToHex(tx.hash())
        return !included.has(hash) && !dropped.has(hash)
      }),
    )
    return executed
  }

  const accountOf = async (address: Address) => engine.account(ledger.head().block.header.stateRoot, address)

  const pendingNonce = async (address: Address): Promise<bigint> => {
    let nonce = (await accountOf(address))?.nonce ?? 0n
    const waiting = pendingNonces.get(address.toString())
    while (waiting?.has(nonce)) nonce++
    return nonce
  }

  const validate = async (tx: TypedTransaction): Promise<void> => {
    const hash = flatHex(tx.hash())
    // A mined one is refused below as "nonce too low", as geth does (clients map that phrase).
    if (pendingHashes.has(hash)) {
      throw new TransactionRejectedError('already-known', `already known: transaction ${hash} was already received.`)
    }
    const sender = tx.getSenderAddress()
    admitTransaction(tx, {
      chainId,
      head: ledger.head().block,
      account: await accountOf(sender),
      expectedNonce: await pendingNonce(sender),
      strictNonceAndFee: automine,
    })
  }

  const chain: EvmChain & { dev: DevControls } = {
    chainId,
    engine,
    ledger,
    accounts,
    finalizedNumber: () => ledger.head().block.header.number,
    safeNumber: () => ledger.head().block.header.number,
    pendingNonce: (address) => serial(() => pendingNonce(address)),
    pendingTransactions: () => pending,
    nextBaseFee: () => ledger.head().block.header.calcNextBaseFee(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    submit: (tx, options = {}) =>
      new Promise<Hex>((answer, refused) => {
        // With answerOnAdmission the answer goes out once the transaction is admitted and its
        // block is built right after, still inside the queue: the client prepares its next request
        // while we mine, and every later request (see `settled`) sees the block.
        void serial(async () => {
          try {
            await validate(tx)
          } catch (error) {
            refused(error)
            return
          }
          const hash = bytesToHex(tx.hash())
          emit({ type: 'pending', hash })
          if (!automine) {
            pending.push(tx)
            pendingHashes.add(hash)
            addNonce(tx)
            answer(hash)
            return
          }
          if (options.answerOnAdmission === true) answer(hash)
          let reason: string | undefined
          try {
            const executed = await mineOne([tx])
            reason = executed.skipped.find((s) => s.hash === hash)?.reason
          } catch (error) {
            reason = (error as Error).message
          }
          // Admission makes this all but impossible (a block-gas overflow, a broken clock).
          if (reason !== undefined) {
            emit({ type: 'dropped', hash, reason })
            refused(new TransactionRejectedError('invalid-in-block', `transaction not mined: ${reason}`))
          }
          answer(hash)
        })
      }),
    settled: () => queue.then(() => undefined),
    dev: {
      mine: (opts = {}) =>
        serial(async () => {
          const count = opts.blocks ?? 1
          if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new RangeError(`blocks must be an integer from 1 to 10000, got ${count}`)
          const mined: ExecutedBlock[] = []
          for (let i = 0; i < count; i++) mined.push(await mineFromPool(i === 0 ? opts.timestamp : undefined))
          return mined
        }),
      snapshot: () =>
        serial(async () => {
          const id = `0x${(++snapshotCounter).toString(16)}`
          snapshots.set(id, { number: ledger.head().block.header.number, timeOffset, nextTimestamp, pending: [...pending] })
          return id
        }),
      revert: (id) =>
        serial(async () => {
          const saved = snapshots.get(id.toLowerCase())
          if (saved === undefined) return false
          // Hardhat: reverting consumes this snapshot and every later one.
          for (const key of [...snapshots.keys()]) if (Number(key) >= Number(id)) snapshots.delete(key)
          ledger.truncate(saved.number)
          inputs.splice(Number(saved.number))
          timeOffset = saved.timeOffset
          nextTimestamp = saved.nextTimestamp
          setPending(saved.pending)
          emit({ type: 'rewind', head: ledger.head() })
          return true
        }),
      increaseTime: (seconds) =>
        serial(async () => {
          if (seconds < 0n) throw new RangeError(`seconds must be ≥ 0, got ${seconds}`)
          timeOffset += seconds
          return timeOffset
        }),
      setNextBlockTimestamp: (timestamp) =>
        serial(async () => {
          const parent = ledger.head().block.header.timestamp
          if (timestamp <= parent) {
            throw new RangeError(`Timestamp ${timestamp} is lower than or equal to the previous block's timestamp ${parent}.`)
          }
          nextTimestamp = timestamp
        }),
      setAutomine(enabled) {
        automine = enabled
      },
      automine: () => automine,
      setIntervalMining(milliseconds) {
        if (!Number.isInteger(milliseconds) || milliseconds < 0) throw new RangeError(`interval must be an integer number of milliseconds ≥ 0, got ${milliseconds}`)
        interval = milliseconds
        for (const listener of [...intervalListeners]) listener(milliseconds)
      },
      intervalMining: () => interval,
      onIntervalChange(listener) {
        intervalListeners.add(listener)
        return () => intervalListeners.delete(listener)
      },
      exportState: () => ({
        version: 1,
        chainId: chainId.toString(),
        genesisTimestamp: engine.genesis.block.header.timestamp.toString(),
        timeOffset: timeOffset.toString(),
        blocks: inputs.map((b) => ({ timestamp: b.timestamp, txs: [...b.txs] })),
      }),
    },
  }

  if (options.restore !== undefined) {
    const saved = options.restore
    for (const [i, b] of saved.blocks.entries()) {
      const txs = b.txs.map((raw) => engine.decodeTransaction(hexToBytes(raw)))
      const executed = await mineOne(txs, BigInt(b.timestamp))
      if (executed.outcomes.length !== txs.length) {
        throw new TransactionRejectedError('invalid-in-block', `Saved block ${i + 1} did not replay: ${executed.skipped.map((s) => s.reason).join('; ')}`)
      }
    }
    timeOffset = BigInt(saved.timeOffset)
  }
  return chain
}

/** The producer's tip per gas, or -1 when the transaction cannot pay the base fee. */
function tipOf(tx: TypedTransaction, baseFee: bigint): bigint {
  const maxFee = 'maxFeePerGas' in tx ? tx.maxFeePerGas : (tx as { gasPrice: bigint }).gasPrice
  return maxFee < baseFee ? -1n : tx.getEffectivePriorityFee(baseFee)
}
