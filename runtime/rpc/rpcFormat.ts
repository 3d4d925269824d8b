/**
 * Blocks, transactions, receipts and logs in the JSON shapes of the Ethereum execution API
 * (what geth, Hardhat and Anvil return, and what viem and ethers parse).
 *
 * @module
 */
import type { Log } from '@ethereumjs/evm'
import type { TypedTransaction } from '@ethereumjs/tx'
import { bigIntToHex, bytesToHex } from '@ethereumjs/util'
import type { ExecutedBlock, Hex, TxOutcome } from '../exec/evm/evmTypes.ts'

export const quantityHex = (value: bigint | number): Hex => bigIntToHex(BigInt(value))

export function formatBlock(executed: ExecutedBlock, fullTransactions: boolean): Record<string, unknown> {
  const { block } = executed
  const h = block.header
  return {
    number: quantityHex(h.number),
    hash: executed.hash,
    parentHash: bytesToHex(h.parentHash),
    nonce: bytesToHex(h.nonce),
    mixHash: bytesToHex(h.mixHash),
    sha3Uncles: bytesToHex(h.uncleHash),
    logsBloom: bytesToHex(h.logsBloom),
    transactionsRoot: bytesToHex(h.transactionsTrie),
    stateRoot: bytesToHex(h.stateRoot),
    receiptsRoot: bytesToHex(h.receiptTrie),
    miner: h.coinbase.toString(),
    difficulty: quantityHex(h.difficulty),
    totalDifficulty: quantityHex(0n),
    extraData: bytesToHex(h.extraData),
    size: quantityHex(block.serialize().length),
    gasLimit: quantityHex(h.gasLimit),
    gasUsed: quantityHex(h.gasUsed),
    timestamp: quantityHex(h.timestamp),
    baseFeePerGas: quantityHex(h.baseFeePerGas ?? 0n),
    withdrawalsRoot: h.withdrawalsRoot === undefined ? undefined : bytesToHex(h.withdrawalsRoot),
    withdrawals: [],
    blobGasUsed: quantityHex(h.blobGasUsed ?? 0n),
    excessBlobGas: quantityHex(h.excessBlobGas ?? 0n),
    parentBeaconBlockRoot: h.parentBeaconBlockRoot === undefined ? undefined : bytesToHex(h.parentBeaconBlockRoot),
    transactions: fullTransactions ? executed.outcomes.map((o) => formatTransaction(o.tx, { executed, outcome: o })) : executed.outcomes.map((o) => o.hash),
    uncles: [],
  }
}

/** A transaction, mined (`at`) or pending. */
export function formatTransaction(tx: TypedTransaction, at?: { executed: ExecutedBlock; outcome: TxOutcome }): Record<string, unknown> {
  const json = tx.toJSON() as Record<string, unknown>
  const out: Record<string, unknown> = {
    type: quantityHex(tx.type),
    hash: bytesToHex(tx.hash()),
    nonce: quantityHex(tx.nonce),
    blockHash: at === undefined ? null : at.executed.hash,
    blockNumber: at === undefined ? null : quantityHex(at.executed.block.header.number),
    transactionIndex: at === undefined ? null : quantityHex(at.outcome.index),
    from: tx.getSenderAddress().toString(),
    to: tx.to === undefined ? null : tx.to.toString(),
    value: quantityHex(tx.value),
    gas: quantityHex(tx.gasLimit),
    input: bytesToHex(tx.data),
    v: quantityHex(tx.v ?? 0n),
    r: quantityHex(tx.r ?? 0n),
    s: quantityHex(tx.s ?? 0n),
  }
  if ('maxFeePerGas' in tx) {
    out.maxFeePerGas = quantityHex(tx.maxFeePerGas)
    out.maxPriorityFeePerGas = quantityHex(tx.maxPriorityFeePerGas)
    out.gasPrice = at === undefined ? quantityHex(tx.maxFeePerGas) : quantityHex(at.outcome.effectiveGasPrice)
  } else {
    out.gasPrice = quantityHex((tx as { gasPrice: bigint }).gasPrice)
  }
  if (tx.type !== 0) {
    out.chainId = quantityHex(tx.common.chainId())
    out.accessList = json.accessList ?? []
    out.yParity = quantityHex(tx.v ?? 0n)
  } else if (tx.v !== undefined && tx.v > 28n) {
    out.chainId = quantityHex(tx.common.chainId())
  }
  return out
}

export function formatLog(log: Log, executed: ExecutedBlock, outcome: TxOutcome, indexInTx: number, removed = false): Record<string, unknown> {
  const [address, topics, data] = log
  return {
    address: bytesToHex(address),
    topics: topics.map((t) => bytesToHex(t)),
    data: bytesToHex(data),
    blockNumber: quantityHex(executed.block.header.number),
    blockHash: executed.hash,
    blockTimestamp: quantityHex(executed.block.header.timestamp),
    transactionHash: outcome.hash,
    transactionIndex: quantityHex(outcome.index),
    logIndex: quantityHex(outcome.firstLogIndex + indexInTx),
    removed,
  }
}

export function formatReceipt(executed: ExecutedBlock, outcome: TxOutcome): Record<string, unknown> {
  return {
    type: quantityHex(outcome.tx.type),
    transactionHash: outcome.hash,
    transactionIndex: quantityHex(outcome.index),
    blockHash: executed.hash,
    blockNumber: quantityHex(executed.block.header.number),
    from: outcome.from,
    to: outcome.tx.to === undefined ? null : outcome.tx.to.toString(),
    cumulativeGasUsed: quantityHex(outcome.receipt.cumulativeBlockGasUsed),
    gasUsed: quantityHex(outcome.gasUsed),
    effectiveGasPrice: quantityHex(outcome.effectiveGasPrice),
    contractAddress: outcome.contractAddress ?? null,
    logs: outcome.logs.map((log, i) => formatLog(log, executed, outcome, i)),
    logsBloom: bytesToHex(outcome.receipt.bitvector),
    status: quantityHex(outcome.status),
    blobGasUsed: undefined,
  }
}
