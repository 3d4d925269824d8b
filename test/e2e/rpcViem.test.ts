/**
 * viem against the dev node: the real HTTP/WebSocket server (`startRpcServer`, port 0) and the
 * in-process EIP-1193 provider. Contracts come from our own compiler (a hand-written ERC-20 and
 * one built on OpenZeppelin). Interval mining runs against the spawned CLI, which owns the timer.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Abi, Address, Hex, PublicClient } from 'viem'
import {
  BaseError as ViemBaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  custom,
  decodeEventLog,
  encodeFunctionData,
  getAddress,
  http,
  parseAbiItem,
  parseEventLogs,
  recoverTypedDataAddress,
  toFunctionSelector,
  toHex,
  verifyMessage,
  verifyTypedData,
  webSocket,
  zeroAddress,
} from 'viem'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadFastCrypto } from '../../runtime/crypto/fastCrypto.node.ts'
import { createDevNode } from '../../runtime/rpc/devNode.ts'
import type { DevNode } from '../../runtime/rpc/devNode.ts'
import { startRpcServer } from '../../runtime/rpc/httpServer.node.ts'
import type { CompiledFixture } from './rpcFixtures.ts'
import { compileFixtures as compileFixturesOf } from './rpcFixtures.ts'
import type { RpcServer } from '../../runtime/rpc/httpServer.node.ts'
import { createInProcessProvider } from '../../runtime/rpc/inProcessProvider.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const libraries = nodeLibraryReader()

type Compiled = CompiledFixture<Abi>
const compileFixtures = () => compileFixturesOf<Abi>()

const SUPPLY = 1_000_000n * 10n ** 18n
const transferEvent = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)')

/** Resolves with the first value `take` returns (not undefined), or rejects after `ms`. */
function waitFor<T>(what: string, ms: number, start: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
    start((value) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

async function expectRevert(promise: Promise<unknown>): Promise<ContractFunctionRevertedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ViemBaseError)
  const reverted = (error as ViemBaseError).walk((e) => e instanceof ContractFunctionRevertedError)
  expect(reverted).toBeInstanceOf(ContractFunctionRevertedError)
  return reverted as ContractFunctionRevertedError
}

describe('viem against the dev node over HTTP and WebSocket', () => {
  let node: DevNode
  let server: RpcServer
  let contracts: { token: Compiled; oz: Compiled }
  let pub: PublicClient
  let alice: Address
  let bob: Address
  let carol: Address
  let token: Address
  const wallet = (account: Address) => createWalletClient({ account, chain: hardhat, transport: http(server.url) })
  const test = () => createTestClient({ mode: 'hardhat', chain: hardhat, transport: http(server.url) })

  beforeAll(async () => {
    contracts = compileFixtures()
    node = await createDevNode({
      clock: { nowSeconds: () => BigInt(Math.floor(Date.now() / 1000)) },
      consoleSol: libraries('hardhat/console.sol')!,
      customCrypto: await loadFastCrypto(),
    })
    server = await startRpcServer({ service: node.service, port: 0 })
    pub = createPublicClient({ chain: hardhat, transport: http(server.url), cacheTime: 0 })
    ;[alice, bob, carol] = node.accounts.map((a) => getAddress(a.address)) as [Address, Address, Address]
    const hash = await wallet(alice).deployContract({ abi: contracts.token.abi, bytecode: contracts.token.bytecode, args: [SUPPLY] })
    const receipt = await pub.waitForTransactionReceipt({ hash })
    token = receipt.contractAddress!
  })

  afterAll(async () => {
    await server?.close()
  })

  it('serves the dev chain: chain id 31337, ten funded accounts the node signs for', async () => {
    expect(await pub.getChainId()).toBe(31337)
    const addresses = await wallet(alice).getAddresses()
    expect(addresses.map((a) => getAddress(a))).toEqual(node.accounts.map((a) => getAddress(a.address)))
    expect(addresses).toHaveLength(10)
    expect(await pub.getBalance({ address: carol })).toBe(10_000n * 10n ** 18n)
  })

  it('deploys the hand-written ERC-20: code at the address, constructor state and the mint Transfer event', async () => {
    const code = await pub.getCode({ address: token })
    expect(code).toMatch(/^0x[0-9a-f]{200,}$/)
    const { abi } = contracts.token
    expect(await pub.readContract({ address: token, abi, functionName: 'name' })).toBe('Playground Token')
    expect(await pub.readContract({ address: token, abi, functionName: 'symbol' })).toBe('PLAY')
    expect(await pub.readContract({ address: token, abi, functionName: 'totalSupply' })).toBe(SUPPLY)
    const mint = await pub.getLogs({ address: token, event: transferEvent, args: { from: zeroAddress }, fromBlock: 0n })
    expect(mint).toHaveLength(1)
    expect(mint[0]!.args).toEqual({ from: zeroAddress, to: alice, value: SUPPLY })
  })

  it('deploys an ERC-20 that imports OpenZeppelin and transfers with it', async () => {
    const { abi, bytecode } = contracts.oz
    const hash = await wallet(bob).deployContract({ abi, bytecode, args: [5000n] })
    const receipt = await pub.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    const oz = receipt.contractAddress!
    expect(await pub.readContract({ address: oz, abi, functionName: 'name' })).toBe('Oz Token')
    expect(await pub.readContract({ address: oz, abi, functionName: 'symbol' })).toBe('OZT')
    expect(await pub.readContract({ address: oz, abi, functionName: 'balanceOf', args: [bob] })).toBe(5000n)
    const send = await wallet(bob).writeContract({ address: oz, abi, functionName: 'transfer', args: [carol, 1234n], chain: hardhat })
    const sent = await pub.waitForTransactionReceipt({ hash: send })
    const [event] = parseEventLogs({ abi, logs: sent.logs, eventName: 'Transfer' })
    expect(event!.args).toEqual({ from: bob, to: carol, value: 1234n })
    expect(await pub.readContract({ address: oz, abi, functionName: 'balanceOf', args: [carol] })).toBe(1234n)
    // OpenZeppelin 5 reverts with custom errors: viem decodes them from the compiled ABI.
    const reverted = await expectRevert(pub.simulateContract({ address: oz, abi, functionName: 'transfer', args: [alice, 10n ** 30n], account: carol }))
    expect(reverted.data?.errorName).toBe('ERC20InsufficientBalance')
    expect(reverted.data?.args).toEqual([carol, 1234n, 10n ** 30n])
  })

  it('transfers: the receipt carries the Transfer event and the balances move', async () => {
    const { abi } = contracts.token
    const before = (await pub.readContract({ address: token, abi, functionName: 'balanceOf', args: [alice] })) as bigint
    const hash = await wallet(alice).writeContract({ address: token, abi, functionName: 'transfer', args: [bob, 250n], chain: hardhat })
    const receipt = await pub.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(receipt.from).toBe(alice.toLowerCase())
    expect(receipt.to).toBe(token.toLowerCase())
    expect(receipt.logs).toHaveLength(1)
    const decoded = decodeEventLog({ abi, data: receipt.logs[0]!.data, topics: receipt.logs[0]!.topics })
    expect(decoded).toEqual({ eventName: 'Transfer', args: { from: alice, to: bob, value: 250n } })
    expect(receipt.logs[0]!.transactionHash).toBe(hash)
    expect(receipt.logs[0]!.blockNumber).toBe(receipt.blockNumber)
    expect(await pub.readContract({ address: token, abi, functionName: 'balanceOf', args: [alice] })).toBe(before - 250n)
    expect(await pub.readContract({ address: token, abi, functionName: 'balanceOf', args: [bob] })).toBe(250n)
    const tx = await pub.getTransaction({ hash })
    expect(tx.input).toBe(encodeFunctionData({ abi, functionName: 'transfer', args: [bob, 250n] }))
    expect(tx.blockNumber).toBe(receipt.blockNumber)
  })

  it('concurrent sends from one node-signed account get consecutive nonces (none lost to a race)', async () => {
    const { abi } = contracts.token
    const sender = getAddress(node.accounts[8]!.address)
    const start = await pub.getTransactionCount({ address: sender })
    const w = wallet(sender)
    const hashes = await Promise.all([
      ...[1n, 2n, 3n].map((value) => w.sendTransaction({ to: carol, value, chain: hardhat })),
      w.deployContract({ abi, bytecode: contracts.token.bytecode, args: [1n], chain: hardhat }),
      w.sendTransaction({ to: bob, value: 4n, chain: hardhat }),
      // Bare requests (no gas, no nonce): the node estimates and picks the nonce for each.
      ...[5n, 6n, 7n].map((value) => w.request({ method: 'eth_sendTransaction', params: [{ from: sender, to: carol, value: toHex(value) }] })),
    ])
    // Over WebSocket, messages that arrive together are handled in the same turn: a real race.
    const ws = createWalletClient({ account: sender, chain: hardhat, transport: webSocket(server.wsUrl) })
    try {
      hashes.push(...(await Promise.all([8n, 9n, 10n, 11n].map((value) => ws.request({ method: 'eth_sendTransaction', params: [{ from: sender, to: carol, value: toHex(value) }] })))))
    } finally {
      ;(await ws.transport.getRpcClient()).close()
    }
    const receipts = await Promise.all(hashes.map((hash) => pub.waitForTransactionReceipt({ hash })))
    expect(receipts.map((r) => r.status)).toEqual(Array(12).fill('success'))
    const nonces = await Promise.all(hashes.map(async (hash) => (await pub.getTransaction({ hash })).nonce))
    expect([...nonces].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => start + i))
    expect(await pub.getTransactionCount({ address: sender })).toBe(start + 12)
  })

  it('getLogs filters by address and by indexed topics', async () => {
    const { abi } = contracts.token
    const w = wallet(alice)
    const first = await pub.getBlockNumber()
    for (const [to, value] of [[carol, 1n], [bob, 2n], [carol, 3n]] as const) {
      await pub.waitForTransactionReceipt({ hash: await w.writeContract({ address: token, abi, functionName: 'transfer', args: [to, value], chain: hardhat }) })
    }
    const toCarol = await pub.getLogs({ address: token, event: transferEvent, args: { to: carol }, fromBlock: first + 1n })
    expect(toCarol.map((l) => l.args.value)).toEqual([1n, 3n])
    const fromAlice = await pub.getLogs({ address: token, event: transferEvent, args: { from: alice }, fromBlock: first + 1n, toBlock: 'latest' })
    expect(fromAlice.map((l) => [l.args.to, l.args.value])).toEqual([[carol, 1n], [bob, 2n], [carol, 3n]])
    // A raw topic list: Transfer from anyone to bob (OR over two recipients).
    const toBobOrCarol = await pub.getLogs({ address: token, event: transferEvent, args: { to: [bob, carol] }, fromBlock: first + 1n })
    expect(toBobOrCarol).toHaveLength(3)
    // Another address, same event: nothing.
    expect(await pub.getLogs({ address: bob, event: transferEvent, fromBlock: 0n })).toEqual([])
    // A block range that ends before them holds none of them.
    const earlier = await pub.getLogs({ address: token, event: transferEvent, args: { to: carol }, fromBlock: 0n, toBlock: first })
    expect(earlier.some((l) => l.blockNumber > first)).toBe(false)
    expect(earlier.map((l) => l.args.value)).not.toContain(3n)
    const single = await pub.getLogs({ address: token, event: transferEvent, fromBlock: first + 2n, toBlock: first + 2n })
    expect(single.map((l) => l.args.value)).toEqual([2n])
  })

  it('polling filters: an event filter and a block filter report only what is new', async () => {
    const { abi } = contracts.token
    const eventFilter = await pub.createEventFilter({ address: token, event: transferEvent, args: { to: carol } })
    // The same through the compiled ABI (createContractEventFilter), without arguments.
    const contractFilter = await pub.createContractEventFilter({ address: token, abi, eventName: 'Transfer' })
    const blockFilter = await pub.createBlockFilter()
    expect(await pub.getFilterChanges({ filter: eventFilter })).toEqual([])
    const w = wallet(alice)
    const h1 = await w.writeContract({ address: token, abi, functionName: 'transfer', args: [carol, 7n], chain: hardhat })
    const h2 = await w.writeContract({ address: token, abi, functionName: 'transfer', args: [bob, 8n], chain: hardhat })
    const r2 = await pub.waitForTransactionReceipt({ hash: h2 })
    const r1 = await pub.getTransactionReceipt({ hash: h1 })
    const changes = await pub.getFilterChanges({ filter: eventFilter })
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ eventName: 'Transfer', args: { from: alice, to: carol, value: 7n }, transactionHash: h1 })
    expect(await pub.getFilterChanges({ filter: eventFilter })).toEqual([])
    const everything = (await pub.getFilterChanges({ filter: contractFilter })) as unknown as { args: { to: Address; value: bigint } }[]
    expect(everything.map((l) => [l.args.to, l.args.value])).toEqual([
      [carol, 7n],
      [bob, 8n],
    ])
    const blocks = await pub.getFilterChanges({ filter: blockFilter })
    expect(blocks).toEqual([r1.blockHash, r2.blockHash])
    expect(await pub.getFilterChanges({ filter: blockFilter })).toEqual([])
    // getFilterLogs answers everything matching since the filter's fromBlock (here: all history).
    const all = await pub.getFilterLogs({ filter: eventFilter })
    expect(all.length).toBeGreaterThanOrEqual(1)
    expect(all.every((l) => l.args.to === carol)).toBe(true)
    expect(await pub.uninstallFilter({ filter: eventFilter })).toBe(true)
    expect(await pub.uninstallFilter({ filter: eventFilter })).toBe(false)
  })

  it('WebSocket subscriptions: watchContractEvent (eth_subscribe logs) and watchBlocks (newHeads) receive pushes', async () => {
    const { abi } = contracts.token
    const ws = createPublicClient({ chain: hardhat, transport: webSocket(server.wsUrl), cacheTime: 0 })
    const rpc = await ws.transport.getRpcClient()
    try {
      expect(await ws.getChainId()).toBe(31337)
      const unwatch: (() => void)[] = []
      const logs = waitFor<{ to: unknown; value: unknown; hash: unknown }>('a Transfer log', 5000, (resolve) => {
        unwatch.push(
          ws.watchContractEvent({
            address: token,
            abi,
            eventName: 'Transfer',
            args: { to: bob },
            poll: false,
            onLogs: (received) => {
              const l = received[0] as unknown as { args: { to: Address; value: bigint }; transactionHash: Hex }
              resolve({ to: l.args.to, value: l.args.value, hash: l.transactionHash })
            },
            onError: (e) => {
              throw e
            },
          }),
        )
      })
      const heads = waitFor<{ number: bigint | null; hash: Hex | null }>('a new head', 5000, (resolve) => {
        unwatch.push(ws.watchBlocks({ poll: false, onBlock: (b) => resolve({ number: b.number, hash: b.hash }) }))
      })
      // Let both eth_subscribe calls land before the block is made.
      await waitFor<void>('subscriptions', 2000, (resolve) => {
        const check = () => (rpc.subscriptions.size >= 2 ? resolve() : setTimeout(check, 10))
        check()
      })
      const hash = await wallet(alice).writeContract({ address: token, abi, functionName: 'transfer', args: [bob, 42n], chain: hardhat })
      const receipt = await pub.waitForTransactionReceipt({ hash })
      expect(await logs).toEqual({ to: bob, value: 42n, hash })
      expect(await heads).toEqual({ number: receipt.blockNumber, hash: receipt.blockHash })
      for (const u of unwatch) u()
    } finally {
      rpc.close()
    }
  })

  it('revert reasons: a require string, the custom error ZeroAddress, and panic 0x12 (division by zero)', async () => {
    const { abi } = contracts.token
    const broke = getAddress(node.accounts[9]!.address)
    const insufficient = await expectRevert(pub.simulateContract({ address: token, abi, functionName: 'transfer', args: [alice, 1n], account: broke, chain: hardhat }))
    expect(insufficient.reason).toBe('Token: insufficient balance')
    expect(insufficient.data?.errorName).toBe('Error')

    const zero = await expectRevert(pub.simulateContract({ address: token, abi, functionName: 'transfer', args: [zeroAddress, 1n], account: alice }))
    expect(zero.data?.errorName).toBe('ZeroAddress')
    expect(zero.raw).toBe(toFunctionSelector('ZeroAddress()'))

    const panic = await expectRevert(pub.readContract({ address: token, abi, functionName: 'divide', args: [1n, 0n] }))
    expect(panic.data?.errorName).toBe('Panic')
    expect(panic.data?.args).toEqual([0x12n])
    expect(panic.reason).toMatch(/divi(de|sion).*zero/i)
    expect(await pub.readContract({ address: token, abi, functionName: 'divide', args: [10n, 3n] })).toBe(3n)

    // estimateGas reverts with the same reason, and so does sending (viem estimates first).
    const estimate = await expectRevert(pub.estimateContractGas({ address: token, abi, functionName: 'transferFrom', args: [alice, bob, 1n], account: broke }))
    expect(estimate.reason).toBe('Token: allowance too low')
    const sent = await expectRevert(wallet(alice).writeContract({ address: token, abi, functionName: 'transfer', args: [zeroAddress, 1n], chain: hardhat }))
    expect(sent.data?.errorName).toBe('ZeroAddress')
  })

  it('estimateGas is close to the gas the mined transaction used', async () => {
    const { abi } = contracts.token
    const dave = getAddress(node.accounts[3]!.address)
    const estimate = await pub.estimateContractGas({ address: token, abi, functionName: 'transfer', args: [dave, 99n], account: alice })
    const hash = await wallet(alice).writeContract({ address: token, abi, functionName: 'transfer', args: [dave, 99n], chain: hardhat, gas: estimate })
    const receipt = await pub.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(estimate).toBeGreaterThanOrEqual(receipt.gasUsed)
    expect(Number(estimate - receipt.gasUsed)).toBeLessThanOrEqual(Number(receipt.gasUsed) * 0.1)
    // A plain ether transfer: exactly 21000.
    expect(await pub.estimateGas({ account: alice, to: dave, value: 1n })).toBe(21000n)
  })

  it('fees: estimateFeesPerGas and getFeeHistory agree with the blocks', async () => {
    const latest = await pub.getBlock()
    const fees = await pub.estimateFeesPerGas()
    expect(await pub.estimateMaxPriorityFeePerGas()).toBe(1_000_000_000n)
    expect(fees.maxPriorityFeePerGas).toBe(1_000_000_000n)
    expect(fees.maxFeePerGas).toBeGreaterThan(latest.baseFeePerGas!)
    const history = await pub.getFeeHistory({ blockCount: 4, rewardPercentiles: [25, 75] })
    expect(history.oldestBlock).toBe(latest.number - 3n)
    expect(history.baseFeePerGas).toHaveLength(5)
    expect(history.baseFeePerGas[3]).toBe(latest.baseFeePerGas)
    expect(history.gasUsedRatio).toHaveLength(4)
    expect(history.gasUsedRatio[3]).toBeCloseTo(Number(latest.gasUsed) / Number(latest.gasLimit), 12)
    expect(history.reward).toHaveLength(4)
    for (const r of history.reward!) expect(r).toHaveLength(2)
    // The last block holds a transaction paying viem's 1 gwei tip (or an empty block pays 0).
    expect(history.reward![3]![0]).toBe(latest.transactions.length > 0 ? 1_000_000_000n : 0n)
    const gasPrice = await pub.getGasPrice()
    expect(gasPrice).toBe(history.baseFeePerGas[4]! + 1_000_000_000n)
  })

  it('signMessage and signTypedData with a JSON-RPC account: the node signs, verifyMessage/verifyTypedData agree', async () => {
    const w = wallet(carol)
    const message = 'hello from the playground'
    const signature = await w.signMessage({ message })
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/)
    expect(await verifyMessage({ address: carol, message, signature })).toBe(true)
    expect(await verifyMessage({ address: bob, message, signature })).toBe(false)
    expect(await verifyMessage({ address: carol, message: `${message}!`, signature })).toBe(false)
    // The public action (ERC-6492 aware) goes through eth_call with deployless bytecode.
    expect(await pub.verifyMessage({ address: carol, message, signature })).toBe(true)
    const raw = await w.signMessage({ message: { raw: '0xdeadbeef' } })
    expect(await verifyMessage({ address: carol, message: { raw: '0xdeadbeef' }, signature: raw })).toBe(true)

    const typed = {
      domain: { name: 'Playground', version: '1', chainId: 31337, verifyingContract: token },
      types: {
        Person: [
          { name: 'name', type: 'string' },
          { name: 'wallet', type: 'address' },
        ],
        Mail: [
          { name: 'from', type: 'Person' },
          { name: 'to', type: 'Person' },
          { name: 'contents', type: 'string' },
          { name: 'amount', type: 'uint256' },
        ],
      },
      primaryType: 'Mail',
      message: {
        from: { name: 'Carol', wallet: carol },
        to: { name: 'Bob', wallet: bob },
        contents: 'Hello, Bob!',
        amount: 10n ** 20n,
      },
    } as const
    const typedSignature = await w.signTypedData(typed)
    expect(await verifyTypedData({ ...typed, address: carol, signature: typedSignature })).toBe(true)
    expect(await pub.verifyTypedData({ ...typed, address: carol, signature: typedSignature })).toBe(true)
    expect(await recoverTypedDataAddress({ ...typed, signature: typedSignature })).toBe(carol)
    expect(await verifyTypedData({ ...typed, message: { ...typed.message, amount: 1n }, address: carol, signature: typedSignature })).toBe(false)
    // An address the node holds no key for: EIP-1193 4100 (unauthorized).
    const stranger = wallet('0x000000000000000000000000000000000000dEaD')
    const refused = await stranger.signMessage({ message }).then(
      () => undefined,
      (e: ViemBaseError) => e,
    )
    expect(refused?.walk((e) => (e as { code?: number }).code === 4100)).toBeTruthy()
  })

  it('snapshot and revert: balances, block number and the nonce go back', async () => {
    const t = test()
    const dave = getAddress(node.accounts[4]!.address)
    const number = await pub.getBlockNumber()
    const balance = await pub.getBalance({ address: dave })
    const nonce = await pub.getTransactionCount({ address: alice })
    const id = await t.snapshot()
    const hash = await wallet(alice).sendTransaction({ to: dave, value: 10n ** 18n, chain: hardhat })
    await pub.waitForTransactionReceipt({ hash })
    expect(await pub.getBalance({ address: dave })).toBe(balance + 10n ** 18n)
    expect(await pub.getBlockNumber()).toBe(number + 1n)
    await t.revert({ id })
    expect(await pub.getBlockNumber()).toBe(number)
    expect(await pub.getBalance({ address: dave })).toBe(balance)
    expect(await pub.getTransactionCount({ address: alice })).toBe(nonce)
    expect(await pub.getTransactionReceipt({ hash }).catch((e: Error) => e.name)).toBe('TransactionReceiptNotFoundError')
    // The snapshot is used up, as in Hardhat.
    await expect(t.revert({ id })).resolves.toBeUndefined()
    expect(await t.request({ method: 'evm_revert', params: [id] })).toBe(false)
    // The chain goes on from the reverted head: the same nonce is used again.
    const again = await wallet(alice).sendTransaction({ to: dave, value: 1n, chain: hardhat })
    const receipt = await pub.waitForTransactionReceipt({ hash: again })
    expect(receipt.blockNumber).toBe(number + 1n)
    expect((await pub.getTransaction({ hash: again })).nonce).toBe(nonce)
  })

  it('increaseTime + mine makes the timestamp jump; setNextBlockTimestamp sets it exactly', async () => {
    const t = test()
    const before = await pub.getBlock()
    const wallBefore = BigInt(Math.floor(Date.now() / 1000))
    await t.increaseTime({ seconds: 3600 })
    await t.mine({ blocks: 1 })
    const wallAfter = BigInt(Math.floor(Date.now() / 1000))
    const jumped = await pub.getBlock()
    expect(jumped.number).toBe(before.number + 1n)
    // Hardhat's rule: the block takes "now + offset" (the head may already run ahead of the wall
    // clock when blocks come faster than one per second, so the jump from it can be a bit less).
    expect(jumped.timestamp).toBeGreaterThanOrEqual(wallBefore + 3600n)
    expect(jumped.timestamp).toBeLessThanOrEqual(wallAfter + 3600n > before.timestamp ? wallAfter + 3600n : before.timestamp + 1n)
    expect(jumped.timestamp - before.timestamp).toBeGreaterThan(3000n)
    const exact = jumped.timestamp + 10_000n
    await t.setNextBlockTimestamp({ timestamp: exact })
    await t.mine({ blocks: 1 })
    expect((await pub.getBlock()).timestamp).toBe(exact)
    // Mining several blocks at once, 5 s apart.
    await t.mine({ blocks: 3, interval: 5 })
    const last = await pub.getBlock()
    expect(last.number).toBe(jumped.number + 4n)
    expect(last.timestamp - exact).toBeGreaterThanOrEqual(10n)
    // A timestamp in the past is refused clearly.
    await expect(t.setNextBlockTimestamp({ timestamp: exact })).rejects.toThrow(/lower than or equal to the previous block/)
  })

  it('setAutomine(false): a sent transaction waits in the mempool until mine', async () => {
    const t = test()
    const dave = getAddress(node.accounts[5]!.address)
    await t.setAutomine(false)
    try {
      expect(await t.request({ method: 'hardhat_getAutomine' })).toBe(false)
      const number = await pub.getBlockNumber()
      const balance = await pub.getBalance({ address: dave })
      const hash = await wallet(bob).sendTransaction({ to: dave, value: 777n, chain: hardhat })
      const second = await wallet(bob).sendTransaction({ to: dave, value: 1n, chain: hardhat })
      const pending = await pub.getTransaction({ hash })
      expect(pending.blockNumber).toBeNull()
      expect(await pub.getTransactionCount({ address: bob, blockTag: 'pending' })).toBe((await pub.getTransactionCount({ address: bob })) + 2)
      expect(await pub.getTransactionReceipt({ hash }).catch((e: Error) => e.name)).toBe('TransactionReceiptNotFoundError')
      expect(await pub.getBlockNumber()).toBe(number)
      expect(await pub.getBalance({ address: dave })).toBe(balance)
      await t.mine({ blocks: 1 })
      const receipt = await pub.getTransactionReceipt({ hash })
      expect(receipt.blockNumber).toBe(number + 1n)
      expect((await pub.getTransactionReceipt({ hash: second })).blockNumber).toBe(number + 1n)
      expect(await pub.getBalance({ address: dave })).toBe(balance + 778n)
    } finally {
      await t.setAutomine(true)
    }
  })

  it('console.log output is captured in the transaction outcome', async () => {
    const { abi } = contracts.token
    const hash = await wallet(alice).writeContract({ address: token, abi, functionName: 'transferLogged', args: [carol, 5n], chain: hardhat })
    const receipt = await pub.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(node.chain.ledger.transaction(hash)?.outcome.consoleLogs).toEqual(['transfer 5 tokens'])
    // A plain transfer logs nothing.
    const plain = await wallet(alice).writeContract({ address: token, abi, functionName: 'transfer', args: [carol, 5n], chain: hardhat })
    await pub.waitForTransactionReceipt({ hash: plain })
    expect(node.chain.ledger.transaction(plain)?.outcome.consoleLogs).toEqual([])
  })

  it('viem through the in-process provider sees and extends the same chain', async () => {
    const { abi } = contracts.token
    const provider = createInProcessProvider(node.service)
    try {
      // viem wraps an EIP-1193 error code it does not know (3: execution reverted) as "unknown"
      // and retries it 3 times (~1 s per revert); a local provider has nothing to retry.
      const transport = custom(provider, { retryCount: 0 })
      const local = createPublicClient({ chain: hardhat, transport, cacheTime: 0 })
      expect(await local.getChainId()).toBe(31337)
      expect(await local.getBlockNumber()).toBe(await pub.getBlockNumber())
      const before = (await local.readContract({ address: token, abi, functionName: 'balanceOf', args: [carol] })) as bigint
      const w = createWalletClient({ account: alice, chain: hardhat, transport })
      const hash = await w.writeContract({ address: token, abi, functionName: 'transfer', args: [carol, 11n] })
      const receipt = await local.waitForTransactionReceipt({ hash, pollingInterval: 10 })
      expect(receipt.status).toBe('success')
      expect(await pub.readContract({ address: token, abi, functionName: 'balanceOf', args: [carol] })).toBe(before + 11n)
      const reverted = await expectRevert(local.simulateContract({ address: token, abi, functionName: 'transfer', args: [zeroAddress, 1n], account: alice }))
      expect(reverted.data?.errorName).toBe('ZeroAddress')
      const signature = await w.signMessage({ message: 'in process' })
      expect(await verifyMessage({ address: alice, message: 'in process', signature })).toBe(true)
      // Pushes reach the provider's 'message' listeners.
      const heads: unknown[] = []
      provider.on('message', (m) => heads.push(m))
      const id = (await provider.request({ method: 'eth_subscribe', params: ['newHeads'] })) as string
      await createTestClient({ mode: 'hardhat', chain: hardhat, transport }).mine({ blocks: 1 })
      expect(heads).toHaveLength(1)
      expect(heads[0]).toMatchObject({ type: 'eth_subscription', data: { subscription: id, result: { number: `0x${(receipt.blockNumber + 1n).toString(16)}` } } })
      expect(await provider.request({ method: 'eth_unsubscribe', params: [id] })).toBe(true)
    } finally {
      provider.close()
    }
  })
})

describe('viem against the spawned CLI (`playground rpc --preset dev`)', () => {
  let child: ChildProcess | undefined
  let url: string
  let pub: PublicClient
  let accounts: Address[]

  beforeAll(async () => {
    child = spawn(process.execPath, ['bin/playground.js', 'rpc', '--preset', 'dev', '--port', '0', '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const banner = await new Promise<{ url: string; accounts: { address: Address }[] }>((resolve, reject) => {
      const lines = createInterface({ input: child!.stdout! })
      lines.once('line', (line) => resolve(JSON.parse(line) as { url: string; accounts: { address: Address }[] }))
      child!.once('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${stderr}`)))
    })
    url = banner.url
    accounts = banner.accounts.map((a) => getAddress(a.address))
    pub = createPublicClient({ chain: hardhat, transport: http(url), cacheTime: 0 })
  })

  afterAll(async () => {
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill('SIGINT')
      await exited
    }
  })

  it('setIntervalMining makes real blocks on a timer, mines waiting transactions, and stops at 0', async () => {
    const t = createTestClient({ mode: 'hardhat', chain: hardhat, transport: http(url) })
    const start = await pub.getBlockNumber()
    // viem takes seconds (hardhat mode sends milliseconds: 1000).
    await t.setIntervalMining({ interval: 1 })
    const deadline = Date.now() + 5000
    let number = start
    while (number < start + 2n && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
      number = await pub.getBlockNumber()
    }
    expect(number).toBeGreaterThanOrEqual(start + 2n)
    const empty = await pub.getBlock({ blockNumber: start + 1n })
    expect(empty.transactions).toEqual([])
    expect(empty.timestamp).toBeGreaterThan((await pub.getBlock({ blockNumber: start })).timestamp - 1n)

    // With automine off, only the timer includes a transaction.
    await t.setAutomine(false)
    const hash = await createWalletClient({ account: accounts[0]!, chain: hardhat, transport: http(url) }).sendTransaction({ to: accounts[1]!, value: 5n })
    const receipt = await pub.waitForTransactionReceipt({ hash, pollingInterval: 50, timeout: 5000 })
    expect(receipt.status).toBe('success')
    expect(receipt.blockNumber).toBeGreaterThan(number)

    // A faster interval (raw milliseconds), then off: no block comes after.
    await t.request({ method: 'evm_setIntervalMining', params: [100] } as never)
    const fast = await pub.getBlockNumber()
    await new Promise((r) => setTimeout(r, 500))
    expect(await pub.getBlockNumber()).toBeGreaterThanOrEqual(fast + 2n)
    await t.setIntervalMining({ interval: 0 })
    await new Promise((r) => setTimeout(r, 150))
    const stopped = await pub.getBlockNumber()
    await new Promise((r) => setTimeout(r, 1200))
    expect(await pub.getBlockNumber()).toBe(stopped)
  })
})
