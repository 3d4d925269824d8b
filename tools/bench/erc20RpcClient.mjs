#!/usr/bin/env node
// @ts-check
/**
 * ERC-20 transfers over JSON-RPC, one at a time: the client of the `rpc` benchmark. It works
 * unchanged against any automining node (ours, Hardhat, Anvil): the chain id comes from
 * eth_chainId, nonces are tracked locally from eth_getTransactionCount.
 *
 *   node tools/bench/erc20RpcClient.mjs --url http://127.0.0.1:8545 --artifact token.json \
 *        --key 0xac09… [--count 1000] [--warmup 100] [--json]
 *
 * The artifact is JSON: { abi, bytecode, constructorArgs? } (constructorArgs: decimal strings or
 * values for the constructor's inputs). The script deploys the token, then sends `warmup` untimed
 * and `count` timed transfers, each a transaction signed locally by viem
 * (`privateKeyToAccount(key).signTransaction`) and sent with `eth_sendRawTransaction`, awaiting
 * each answer before the next (automine: mined when answered). Signing is inside the timed loop
 * (a client signs before it sends); its share is reported separately.
 *
 * Afterwards it checks the last transfer's receipt (status success) and the recipient's balance
 * (the sum of everything sent), so a node that answers without executing cannot look fast. Exit
 * code 1 when a check fails.
 */
import { readFileSync } from 'node:fs'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createPublicClient, createWalletClient, encodeDeployData, encodeFunctionData, http, parseAbi } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const ERC20 = parseAbi(['function transfer(address to, uint256 value) returns (bool)', 'function balanceOf(address owner) view returns (uint256)'])
/** Every timed and warm-up transfer has this fixed gas limit (no eth_estimateGas round trip). */
const GAS = 100_000n
const PRIORITY_FEE = 1_000_000_000n

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    artifact: { type: 'string' },
    key: { type: 'string' },
    count: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '100' },
    to: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
})

/** @param {string} message */
function fail(message) {
  process.stderr.write(`erc20RpcClient: ${message}\n`)
  process.exit(1)
}

if (values.url === undefined || values.artifact === undefined || values.key === undefined) {
  fail('usage: --url URL --artifact FILE --key 0x… [--count N] [--warmup N] [--to 0x…] [--json]')
}
const url = /** @type {string} */ (values.url)
const count = Number(values.count)
const warmup = Number(values.warmup)
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(warmup) || warmup < 0) fail('--count must be an integer ≥ 1 and --warmup an integer ≥ 0')

/** @type {{ abi: any[], bytecode: `0x${string}`, constructorArgs?: unknown[] }} */
const artifact = JSON.parse(readFileSync(/** @type {string} */ (values.artifact), 'utf8'))
const account = privateKeyToAccount(/** @type {`0x${string}`} */ (values.key))
// A fresh recipient per run unless given: its balance starts at 0 on any chain.
const recipient = /** @type {`0x${string}`} */ (values.to ?? `0x${[...Array(40)].map(() => Math.floor(Math.random() * 16).toString(16)).join('')}`)

const transport = http(url, { retryCount: 0, timeout: 60_000 })
const publicClient = createPublicClient({ transport })
const walletClient = createWalletClient({ account, transport })

const chainId = await publicClient.getChainId()
const clientVersion = await publicClient.request({ method: 'web3_clientVersion' }).catch(() => 'unknown')
let nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: 'pending' })
const latest = await publicClient.getBlock({ blockTag: 'latest' })
// Twice the current base fee plus the tip: valid for many blocks whichever way the base fee moves
// (it only falls here: one transfer per block is far below the gas target).
const maxFeePerGas = (latest.baseFeePerGas ?? 1_000_000_000n) * 2n + PRIORITY_FEE

/**
 * Signs and sends one transaction; resolves with its hash once the node answered.
 * @param {{ to?: `0x${string}`, data: `0x${string}`, gas: bigint }} fields
 */
async function send(fields) {
  const serializedTransaction = await account.signTransaction({
    type: 'eip1559',
    chainId,
    nonce: nonce++,
    ...(fields.to === undefined ? {} : { to: fields.to }),
    data: fields.data,
    gas: fields.gas,
    value: 0n,
    maxFeePerGas,
    maxPriorityFeePerGas: PRIORITY_FEE,
  })
  const signed = performance.now()
  const hash = await walletClient.sendRawTransaction({ serializedTransaction })
  return { hash, signed }
}

// Deploy the token (untimed).
const ctor = artifact.abi.find((item) => item.type === 'constructor')
const args = (artifact.constructorArgs ?? []).map((value, i) => {
  const type = ctor?.inputs?.[i]?.type ?? ''
  return /^u?int/.test(type) ? BigInt(/** @type {string} */ (value)) : value
})
const deployData = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args })
const deployed = await send({ data: deployData, gas: 5_000_000n })
const deployReceipt = await publicClient.waitForTransactionReceipt({ hash: deployed.hash, pollingInterval: 50, timeout: 60_000 })
if (deployReceipt.status !== 'success' || !deployReceipt.contractAddress) fail(`token deployment failed (${deployReceipt.status})`)
const token = /** @type {`0x${string}`} */ (deployReceipt.contractAddress)

let sum = 0n
/** @param {number} i */
const transferData = (i) => {
  const value = 1n + BigInt(i % 7)
  sum += value
  return encodeFunctionData({ abi: ERC20, functionName: 'transfer', args: [recipient, value] })
}

// Warm-up (untimed): the same transfers.
for (let i = 0; i < warmup; i++) await send({ to: token, data: transferData(i), gas: GAS })

// Timed: one at a time, each answered before the next is signed.
let signMs = 0
let last = ''
const started = performance.now()
for (let i = 0; i < count; i++) {
  const before = performance.now()
  const { hash, signed } = await send({ to: token, data: transferData(warmup + i), gas: GAS })
  signMs += signed - before
  last = hash
}
const wallMs = performance.now() - started

// Correctness: the last transfer executed, and every transfer reached the recipient.
const receipt = await publicClient.waitForTransactionReceipt({ hash: /** @type {`0x${string}`} */ (last), pollingInterval: 50, timeout: 60_000 })
const balance = await publicClient.readContract({ address: token, abi: ERC20, functionName: 'balanceOf', args: [recipient] })
const ok = receipt.status === 'success' && balance === sum

const result = {
  url,
  clientVersion,
  chainId,
  token,
  recipient,
  warmup,
  count,
  wallMs: Math.round(wallMs),
  txPerSec: Math.round((count / (wallMs / 1000)) * 10) / 10,
  msPerTx: Math.round((wallMs / count) * 1000) / 1000,
  clientSignMsPerTx: Math.round((signMs / count) * 1000) / 1000,
  lastReceipt: { status: receipt.status, blockNumber: Number(receipt.blockNumber), gasUsed: Number(receipt.gasUsed) },
  recipientBalance: balance.toString(),
  expectedBalance: sum.toString(),
  ok,
}
if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`)
} else {
  process.stdout.write(
    `${clientVersion} (chain ${chainId}): ${count} ERC-20 transfers one by one in ${result.wallMs} ms = ${result.txPerSec} tx/s, ${result.msPerTx} ms/tx (of which client signing ${result.clientSignMsPerTx} ms); last receipt ${receipt.status} in block ${receipt.blockNumber}; recipient balance ${balance} (expected ${sum}): ${ok ? 'ok' : 'WRONG'}\n`,
  )
}
if (!ok) {
  process.stderr.write(`erc20RpcClient: verification failed: receipt ${receipt.status}, balance ${balance} ≠ ${sum}\n`)
  process.exitCode = 1
}
