/**
 * The shapes the EVM engine speaks in: blocks as executed (with each transaction's outcome),
 * requests to build, call, estimate and trace, and the engine's interface itself.
 *
 * @module
 */
import type { Block } from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import type { Log } from '@ethereumjs/evm'
import type { TypedTransaction } from '@ethereumjs/tx'
import type { Address, PrefixedHexString } from '@ethereumjs/util'
import type { MerkleStateManager } from '@ethereumjs/statemanager'
import type { TxReceipt, VM } from '@ethereumjs/vm'

export type Hex = PrefixedHexString

export interface GenesisAccount {
  address: string
  balance: bigint
  nonce?: bigint
  code?: Uint8Array
}

export interface GenesisSpec {
  accounts: readonly GenesisAccount[]
  /** Seconds since 1970. */
  timestamp: bigint
  gasLimit?: bigint
  baseFeePerGas?: bigint
}

/** What one transaction did in a block. */
export interface TxOutcome {
  tx: TypedTransaction
  hash: Hex
  from: Hex
  index: number
  receipt: TxReceipt
  status: 0 | 1
  gasUsed: bigint
  effectiveGasPrice: bigint
  contractAddress: Hex | undefined
  /** Revert data (`Error(string)`, `Panic(uint256)`, a custom error) when status is 0 by revert. */
  returnData: Uint8Array
  /** The EVM's halt reason when the transaction failed (`revert`, `out of gas`, …). */
  failure: string | undefined
  logs: Log[]
  /** Index of this transaction's first log within the block. */
  firstLogIndex: number
  /** Lines printed through hardhat/console.sol. */
  consoleLogs: string[]
}

export interface ExecutedBlock {
  block: Block
  hash: Hex
  outcomes: TxOutcome[]
  /** Transactions left out while building (invalid nonce, funds, gas), with the reason. */
  skipped: { hash: Hex; reason: string }[]
}

export interface BuildBlockRequest {
  parent: Block
  timestamp: bigint
  coinbase?: string
  gasLimit?: bigint
  txs: readonly TypedTransaction[]
  /** BLOCKHASH for ancestors of the new block (number → hash); the chain knows its branch. */
  ancestorHash: (number: bigint) => Uint8Array | undefined
  /**
   * `build` leaves out transactions that cannot run (a producer filling a block); `strict`
   * rejects the block if any cannot (a validator re-executing a received block).
   */
  mode?: 'build' | 'strict'
}

export interface CallRequest {
  from?: Address
  to?: Address
  data?: Uint8Array
  value?: bigint
  gasLimit?: bigint
  gasPrice?: bigint
}

export interface CallResult {
  /** True when the call returned normally. */
  ok: boolean
  returnData: Uint8Array
  gasUsed: bigint
  failure: string | undefined
  logs: Log[]
  consoleLogs: string[]
}

/** geth's default (struct-log) tracer output, what Hardhat and Remix debuggers read. */
export interface TransactionTrace {
  gas: bigint
  failed: boolean
  returnValue: Uint8Array
  structLogs: StructLog[]
}

export interface StructLog {
  pc: number
  op: string
  gas: bigint
  gasCost: bigint
  depth: number
  stack?: bigint[]
  memory?: Uint8Array
}

export interface TraceOptions {
  disableStack?: boolean
  enableMemory?: boolean
}

export interface AccountState {
  nonce: bigint
  balance: bigint
  codeHash: Uint8Array
}

export interface EvmEngine {
  readonly common: Common
  readonly genesis: ExecutedBlock
  /** Decodes a raw signed transaction (legacy, EIP-2930, EIP-1559) and recovers its sender once. */
  decodeTransaction(raw: Uint8Array): TypedTransaction
  buildBlock(request: BuildBlockRequest): Promise<ExecutedBlock>
  /** Runs a message on the post-state of `context` (not committed). */
  call(context: Block, request: CallRequest, ancestorHash: (n: bigint) => Uint8Array | undefined): Promise<CallResult>
  /** The least gas limit with which `request` succeeds on the post-state of `context`. */
  estimateGas(context: Block, request: CallRequest, ancestorHash: (n: bigint) => Uint8Array | undefined): Promise<{ gas: bigint } | { failure: CallResult }>
  /**
   * Re-runs the block `request` describes up to transaction `index` and records every EVM step of
   * that transaction (not memoised, state untouched).
   */
  traceTransaction(request: BuildBlockRequest, index: number, options?: TraceOptions): Promise<TransactionTrace & { truncated: boolean }>
  /**
   * A byzantine producer's version of an honest result: the same block crediting `beneficiary`
   * with `amount` wei from nowhere. Its state root differs, so honest nodes reject it. Never
   * memoised: only honest executions enter the memo.
   */
  divergentCopy(executed: ExecutedBlock, beneficiary: Address, amount: bigint): Promise<ExecutedBlock>
  account(stateRoot: Uint8Array, address: Address): Promise<AccountState | undefined>
  code(stateRoot: Uint8Array, address: Address): Promise<Uint8Array>
  storage(stateRoot: Uint8Array, address: Address, slot: Uint8Array): Promise<Uint8Array>
  /** Counts for benchmarks and the memoisation proof. */
  readonly stats: { executions: number; memoHits: number; senderRecoveries: number }
}

/**
 * The engine's parts that its helpers (estimateGas.ts, traceTransaction.ts) work with. Only code
 * already inside the engine's serial queue may use it: one VM, one loaded state at a time.
 */
export interface EngineCore {
  readonly vm: VM
  readonly common: Common
  readonly stateManager: MerkleStateManager
  /** Loads the state with this root (no-op when it is loaded). */
  useState(root: Uint8Array): Promise<void>
  /** BLOCKHASH for the next run: `context` itself and its ancestors. */
  setAncestors(context: Block, ancestors: (n: bigint) => Uint8Array | undefined): void
  /** Runs `fn`, collecting the console.log lines printed meanwhile. */
  runWithConsole<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }>
  /** Records the state now loaded after a change made outside `useState`. */
  stateChanged(): Promise<void>
}
