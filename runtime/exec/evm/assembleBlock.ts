/**
 * Runs transactions on a parent block's state and seals the block — what ethereumjs's
 * `BlockBuilder` does, from the same parts (runTx, the tries of @ethereumjs/mpt and
 * @ethereumjs/block, Bloom, encodeReceipt), without its per-transaction rebuild of the whole
 * block: BlockBuilder re-creates the block and every transaction already in it for each one it
 * adds, which is quadratic in the block's size and ~0.4 ms per block even for one transaction.
 * `assembleBlock.test.ts` checks that both give the same block hash.
 *
 * @module
 */
import type { Block, HeaderData } from '@ethereumjs/block'
import { Block as BlockClass, createBlock, createBlockHeader, genTransactionsTrieRoot } from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import type { TypedTransaction } from '@ethereumjs/tx'
import type { Address } from '@ethereumjs/util'
import { KECCAK256_RLP, createAddressFromString } from '@ethereumjs/util'
import type { RunTxResult, VM } from '@ethereumjs/vm'
import { Bloom, encodeReceipt, runTx } from '@ethereumjs/vm'

export interface AssembleRequest {
  parent: Block
  header: { timestamp: bigint; gasLimit: bigint; coinbase: Address }
  txs: readonly TypedTransaction[]
  /** `build` leaves out transactions that cannot run; `strict` throws on the first. */
  mode: 'build' | 'strict'
  /** Runs one transaction (the engine wraps it to capture console.log). */
  run: (tx: TypedTransaction, context: Block, blockGasUsed: bigint) => Promise<RunTxResult>
}

export interface AssembledBlock {
  block: Block
  results: { tx: TypedTransaction; result: RunTxResult }[]
  skipped: { tx: TypedTransaction; error: unknown }[]
}

const ZERO_ROOT_32 = new Uint8Array(32)

export async function assembleBlock(vm: VM, common: Common, request: AssembleRequest): Promise<AssembledBlock> {
  const { parent } = request
  const headerData = contextHeaderData(common, parent, request.header)
  // One context block for every transaction: runTx reads only header fields from it.
  const context = createBlock({ header: headerData }, { common, setHardfork: false })
  const gasLimit = context.header.gasLimit
  await vm.evm.journal.checkpoint()
  const results: AssembledBlock['results'] = []
  const skipped: AssembledBlock['skipped'] = []
  let gasUsed = 0n
  try {
    // EIP-4788's beacon-roots contract has no code on our chains (nothing deploys it), and
    // without code the system call writes nothing: BlockBuilder's result is the same.
    for (const tx of request.txs) {
      try {
        if (tx.gasLimit > gasLimit - gasUsed) throw new Error('tx has a higher gas limit than the remaining gas in the block')
        const result = await request.run(tx, context, gasUsed)
        gasUsed += result.blockGasSpent
        results.push({ tx, result })
      } catch (error) {
        if (request.mode === 'strict') throw error
        skipped.push({ tx, error })
      }
    }
    await vm.evm.journal.commit()
  } catch (error) {
    await vm.evm.journal.revert()
    throw error
  }
  const included = results.map((r) => r.tx)
  const bloom = new Bloom(undefined, common)
  for (const r of results) bloom.or(r.result.bloom)
  let receiptTrie = KECCAK256_RLP
  if (results.length > 0) {
    const trie = new MerklePatriciaTrie({ common })
    for (const [i, r] of results.entries()) await trie.put(RLP.encode(i), encodeReceipt(r.result.receipt, r.tx.type))
    receiptTrie = trie.root()
  }
  const header = createBlockHeader(
    {
      ...headerData,
      gasUsed,
      stateRoot: await vm.stateManager.getStateRoot(),
      transactionsTrie: await genTransactionsTrieRoot(included, new MerklePatriciaTrie({ common })),
      receiptTrie,
      logsBloom: bloom.bitvector,
    },
    { common, setHardfork: false },
  )
  // The constructor takes the transaction objects as they are (createBlock would rebuild each).
  const block = new BlockClass(header, included, [], [], { common, setHardfork: false })
  return { block, results, skipped }
}

/**
 * The block every transaction of a new block runs in: the child of `parent` with the given
 * timestamp, gas limit and coinbase, the base fee and blob gas that follow from the parent.
 */
export function contextBlock(common: Common, parent: Block, header: ContextHeader): Block {
  return createBlock({ header: contextHeaderData(common, parent, header) }, { common, setHardfork: false })
}

interface ContextHeader {
  timestamp: bigint
  gasLimit: bigint
  coinbase: Address | string
}

function contextHeaderData(common: Common, parent: Block, header: ContextHeader): HeaderData {
  return {
    parentHash: parent.hash(),
    number: parent.header.number + 1n,
    timestamp: header.timestamp,
    gasLimit: header.gasLimit,
    coinbase: typeof header.coinbase === 'string' ? createAddressFromString(header.coinbase) : header.coinbase,
    baseFeePerGas: parent.header.calcNextBaseFee(),
    excessBlobGas: parent.header.calcNextExcessBlobGas(common),
    blobGasUsed: 0n,
    parentBeaconBlockRoot: ZERO_ROOT_32,
    withdrawalsRoot: KECCAK256_RLP,
  }
}

/** Runs a transaction in a block under construction (no hardfork re-check: ours is pinned). */
export function runInBlock(vm: VM, tx: TypedTransaction, context: Block, blockGasUsed: bigint): Promise<RunTxResult> {
  return runTx(vm, { tx, block: context, blockGasUsed, skipHardForkValidation: true })
}
