/**
 * The EVM of the simulator: @ethereumjs/vm over one content-addressed trie store shared by every
 * chain and every simulated node, so a state is just its root and old states stay readable.
 *
 * Blocks are built (or re-executed) here and memoised by (parent state root, block body): honest
 * nodes that execute the same block on the same state pay one execution between them. Work is
 * serialised — one VM, one state root at a time — because ethereumjs is async and reentrant calls
 * would interleave state.
 *
 * @module
 */
import type { Block } from '@ethereumjs/block'
import { createBlock } from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager'
import type { TypedTransaction } from '@ethereumjs/tx'
import { createTxFromRLP } from '@ethereumjs/tx'
import type { Address } from '@ethereumjs/util'
import { bigIntToBytes, bytesToHex, createAccount, createAddressFromString, equalsBytes, hexToBytes, MapDB, ValueEncoding } from '@ethereumjs/util'
import type { VM } from '@ethereumjs/vm'
import { createVM } from '@ethereumjs/vm'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { assembleBlock, runInBlock } from './assembleBlock.ts'
import { flat, flatHex } from './flatHex.ts'
import { CONSOLE_ADDRESS } from './consoleLog.ts'
import type { ConsoleDecoder } from './consoleLog.ts'
import { estimateGasOn } from './estimateGas.ts'
import type { BuildBlockRequest, CallRequest, CallResult, EngineCore, EvmEngine, ExecutedBlock, GenesisSpec, Hex, TxOutcome } from './evmTypes.ts'
import { traceInBlock } from './traceTransaction.ts'
import { TransactionRejectedError } from './transactionRejected.ts'
import { txErrorReason } from './txErrorReason.ts'

/** The trie nodes of every state, keyed by node hash; shared by all chains and nodes. */
export type TrieStore = MapDB<string, Uint8Array | string>

export function createTrieStore(): TrieStore {
  return new MapDB<string, Uint8Array | string>()
}

export interface EvmEngineOptions {
  common: Common
  genesis: GenesisSpec
  store?: TrieStore
  console?: ConsoleDecoder
}

const ZERO_ROOT_32 = new Uint8Array(32)
const DEFAULT_GAS_LIMIT = 30_000_000n
const INITIAL_BASE_FEE = 1_000_000_000n
const SENDER_CACHE_LIMIT = 50_000

/**
 * @example
 * const engine = await createEvmEngine({ common: createEvmCommon(), genesis: { accounts: [{ address, balance: 10n ** 22n }], timestamp: 1_700_000_000n } })
 * const built = await engine.buildBlock({ parent: engine.genesis.block, timestamp: 1_700_000_001n, txs: [tx], ancestorHash: () => undefined })
 */
export async function createEvmEngine(options: EvmEngineOptions): Promise<EvmEngine> {
  const { common } = options
  const store = options.store ?? createTrieStore()
  // Trie nodes kept as bytes: the default for a provided store is hex strings, converted on every
  // read and write (≈ 10% of a transfer's time).
  const trie = new MerklePatriciaTrie({ db: store, useKeyHashing: true, common, cacheSize: 5000, valueEncoding: ValueEncoding.Bytes })
  const stateManager = new MerkleStateManager({ trie, common, caches: new Caches() })
  let ancestorHash: (n: bigint) => Uint8Array | undefined = () => undefined
  const blockchain = {
    async getBlock(blockId: number) {
      const hash = ancestorHash(BigInt(blockId)) ?? new Uint8Array(32)
      return { hash: () => hash }
    },
    async putBlock() {},
    shallowCopy() {
      return blockchain
    },
  }
  const vm: VM = await createVM({ common, stateManager, blockchain })
  const consoleSink: string[][] = []
  if (options.console !== undefined) {
    const decoder = options.console
    const consoleAddress = CONSOLE_ADDRESS.toLowerCase()
    vm.evm.events!.on('beforeMessage', (message: { to?: Address; data: Uint8Array }) => {
      if (consoleSink.length === 0 || message.to === undefined || message.to.toString() !== consoleAddress) return
      const line = decoder.decode(message.data)
      if (line !== undefined) consoleSink[consoleSink.length - 1]!.push(line)
    })
  }

  // Genesis state.
  for (const a of options.genesis.accounts) {
    const address = createAddressFromString(a.address)
    await stateManager.putAccount(address, createAccount({ balance: a.balance, nonce: a.nonce ?? 0n }))
    if (a.code !== undefined) await stateManager.putCode(address, a.code)
  }
  await stateManager.checkpoint()
  await stateManager.commit()
  const genesisRoot = await stateManager.getStateRoot()
  const genesisBlock = createBlock(
    {
      header: {
        number: 0n,
        timestamp: options.genesis.timestamp,
        gasLimit: options.genesis.gasLimit ?? DEFAULT_GAS_LIMIT,
        baseFeePerGas: options.genesis.baseFeePerGas ?? INITIAL_BASE_FEE,
        stateRoot: genesisRoot,
        excessBlobGas: 0n,
        blobGasUsed: 0n,
        parentBeaconBlockRoot: ZERO_ROOT_32,
      },
      withdrawals: [],
    },
    { common, setHardfork: false },
  )
  const genesis: ExecutedBlock = { block: genesisBlock, hash: flatHex(genesisBlock.hash()), outcomes: [], skipped: [] }

  const stats = { executions: 0, memoHits: 0, senderRecoveries: 0 }
  const memo = new Map<string, ExecutedBlock>()
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }
  let loadedRoot: Uint8Array = genesisRoot
  const useState = async (root: Uint8Array) => {
    if (equalsBytes(root, loadedRoot)) return
    await stateManager.setStateRoot(root)
    loadedRoot = root
  }

  // Sender recovery is the costliest step of admitting a transaction; a raw transaction's hash is
  // keccak(raw), so the decoded (frozen, sender-cached) object is kept under it.
  const decoded = new Map<string, TypedTransaction>()
  const decodeTransaction = (raw: Uint8Array): TypedTransaction => {
    const key = flatHex(keccak_256(raw))
    const known = decoded.get(key)
    if (known !== undefined) return known
    let tx: TypedTransaction
    try {
      tx = createTxFromRLP(raw, { common })
    } catch (error) {
      const reason = txErrorReason(error)
      if (/chain ID|EIP155/i.test(reason)) {
        throw new TransactionRejectedError('wrong-chain-id', `invalid chain id for signer: the transaction is not signed for chain ${common.chainId()} (${reason}).`)
      }
      throw new TransactionRejectedError('invalid-encoding', `invalid transaction: ${reason}`)
    }
    if (!tx.isSigned()) throw new TransactionRejectedError('unsigned', 'invalid sender: the transaction is not signed.')
    try {
      tx.getSenderAddress()
    } catch {
      throw new TransactionRejectedError('invalid-signature', 'invalid sender: the signature does not recover to an address.')
    }
    stats.senderRecoveries++
    if (decoded.size >= SENDER_CACHE_LIMIT) decoded.delete(decoded.keys().next().value!)
    decoded.set(key, tx)
    return tx
  }

  const runWithConsole = async <T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> => {
    consoleSink.push([])
    try {
      const value = await fn()
      return { value, lines: consoleSink[consoleSink.length - 1]! }
    } finally {
      consoleSink.pop()
    }
  }

  const buildBlockUnserialised = async (request: BuildBlockRequest): Promise<ExecutedBlock> => {
    const { parent } = request
    const key = memoKey(parent, request)
    const hit = memo.get(key)
    if (hit !== undefined) {
      stats.memoHits++
      return hit
    }
    stats.executions++
    await useState(parent.header.stateRoot)
    ancestorHash = (n) => (n === parent.header.number ? parent.hash() : request.ancestorHash(n))
    const consoleLines = new Map<TypedTransaction, string[]>()
    const assembled = await assembleBlock(vm, common, {
      parent,
      header: {
        timestamp: request.timestamp,
        gasLimit: request.gasLimit ?? parent.header.gasLimit,
        coinbase: createAddressFromString(request.coinbase ?? '0x0000000000000000000000000000000000000000'),
      },
      txs: request.txs,
      mode: request.mode ?? 'build',
      run: async (tx, context, blockGasUsed) => {
        const run = await runWithConsole(() => runInBlock(vm, tx, context, blockGasUsed))
        consoleLines.set(tx, run.lines)
        return run.value
      },
    }).catch((error: unknown) => {
      throw new TransactionRejectedError('invalid-in-block', `Block rejected: a transaction cannot run: ${txErrorReason(error)}`)
    })
    const outcomes: TxOutcome[] = []
    let logIndex = 0
    let previousCumulative = 0n
    const baseFee = assembled.block.header.baseFeePerGas ?? 0n
    for (const { tx, result } of assembled.results) {
      const receipt = result.receipt
      const failure = result.execResult.exceptionError?.error
      const logs = result.execResult.logs ?? []
      const gasUsed = receipt.cumulativeBlockGasUsed - previousCumulative
      previousCumulative = receipt.cumulativeBlockGasUsed
      outcomes.push({
        tx,
        hash: flatHex(tx.hash()),
        from: flat(tx.getSenderAddress().toString()),
        index: outcomes.length,
        receipt,
        status: failure === undefined ? 1 : 0,
        gasUsed,
        effectiveGasPrice: baseFee + tx.getEffectivePriorityFee(baseFee),
        contractAddress: tx.to === undefined && failure === undefined ? result.createdAddress?.toString() : undefined,
        returnData: result.execResult.returnValue,
        failure,
        logs,
        firstLogIndex: logIndex,
        consoleLogs: consoleLines.get(tx) ?? [],
      })
      logIndex += logs.length
    }
    const { block } = assembled
    loadedRoot = block.header.stateRoot
    const skipped = assembled.skipped.map((s) => ({ hash: bytesToHex(s.tx.hash()), reason: txErrorReason(s.error) }))
    const executed: ExecutedBlock = { block, hash: flatHex(block.hash()), outcomes, skipped }
    memo.set(key, executed)
    return executed
  }

  const simulate = async (context: Block, request: CallRequest, gasLimit: bigint, ancestors: (n: bigint) => Uint8Array | undefined): Promise<CallResult> => {
    await useState(context.header.stateRoot)
    ancestorHash = (n) => (n === context.header.number ? context.hash() : ancestors(n))
    await stateManager.checkpoint()
    try {
      const run = await runWithConsole(() =>
        vm.evm.runCall({
          ...(request.from === undefined ? {} : { caller: request.from, origin: request.from }),
          ...(request.to === undefined ? {} : { to: request.to }),
          data: request.data ?? new Uint8Array(0),
          value: request.value ?? 0n,
          gasLimit,
          gasPrice: request.gasPrice ?? 0n,
          block: context,
          skipBalance: true,
        }),
      )
      const exec = run.value.execResult
      const failure = exec.exceptionError?.error
      return { ok: failure === undefined, returnData: exec.returnValue, gasUsed: exec.executionGasUsed, failure, logs: exec.logs ?? [], consoleLogs: run.lines }
    } finally {
      await stateManager.revert()
    }
  }

  const core: EngineCore = {
    vm,
    common,
    stateManager,
    useState,
    setAncestors(context, ancestors) {
      ancestorHash = (n) => (n === context.header.number ? context.hash() : ancestors(n))
    },
    runWithConsole,
    async stateChanged() {
      loadedRoot = await stateManager.getStateRoot()
    },
  }

  return {
    common,
    genesis,
    stats,
    decodeTransaction,
    buildBlock: (request) => serial(() => buildBlockUnserialised(request)),
    call: (context, request, ancestors) => serial(() => simulate(context, request, request.gasLimit ?? context.header.gasLimit, ancestors)),
    estimateGas: (context, request, ancestors) => serial(() => estimateGasOn(core, context, request, ancestors)),
    traceTransaction: (request, index, traceOptions) => serial(() => traceInBlock(core, request, index, traceOptions)),
    divergentCopy: (executed, beneficiary, amount) =>
      serial(async () => {
        await useState(executed.block.header.stateRoot)
        await stateManager.checkpoint()
        const account = (await stateManager.getAccount(beneficiary)) ?? createAccount({})
        account.balance += amount
        await stateManager.putAccount(beneficiary, account)
        await stateManager.commit()
        loadedRoot = await stateManager.getStateRoot()
        const header = { ...executed.block.header.toJSON(), stateRoot: loadedRoot }
        const block = createBlock({ header, transactions: executed.block.transactions, withdrawals: [] }, { common, setHardfork: false })
        return { ...executed, block, hash: flatHex(block.hash()) }
      }),
    account: (root, address) =>
      serial(async () => {
        await useState(root)
        const account = await stateManager.getAccount(address)
        return account === undefined ? undefined : { nonce: account.nonce, balance: account.balance, codeHash: account.codeHash }
      }),
    code: (root, address) =>
      serial(async () => {
        await useState(root)
        return stateManager.getCode(address)
      }),
    storage: (root, address, slot) =>
      serial(async () => {
        await useState(root)
        return stateManager.getStorage(address, slot)
      }),
  }
}

/** A block's identity before execution: its parent state and everything that goes in. */
function memoKey(parent: Block, request: BuildBlockRequest): string {
  const body = RLP.encode([
    parent.hash(),
    bigIntToBytes(request.timestamp),
    hexToBytes((request.coinbase ?? '0x0000000000000000000000000000000000000000') as Hex),
    bigIntToBytes(request.gasLimit ?? parent.header.gasLimit),
    request.mode === 'strict' ? 1 : 0,
    request.txs.map((tx) => tx.hash()),
  ])
  return flat(`${bytesToHex(parent.header.stateRoot)}|${bytesToHex(keccak_256(body))}`)
}
