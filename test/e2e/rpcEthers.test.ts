/**
 * ethers v6 against the dev node's real HTTP and WebSocket server: contracts compiled by our
 * compiler deployed through ContractFactory, events through queryFilter and `contract.on`, revert
 * reasons, fee data, EIP-712 signatures by the node, the Wallet raw-transaction path, and the
 * transactions a node must refuse with a clear JSON-RPC error.
 */
import type { ContractEventPayload, InterfaceAbi, JsonRpcSigner, TransactionReceipt } from 'ethers'
import {
  Contract,
  ContractFactory,
  JsonRpcProvider,
  Transaction,
  Wallet,
  WebSocketProvider,
  ZeroAddress,
  decodeRlp,
  encodeRlp,
  isError,
  verifyMessage,
  verifyTypedData,
} from 'ethers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadFastCrypto } from '../../runtime/crypto/fastCrypto.node.ts'
import { createDevNode } from '../../runtime/rpc/devNode.ts'
import type { DevNode } from '../../runtime/rpc/devNode.ts'
import { startRpcServer } from '../../runtime/rpc/httpServer.node.ts'
import type { CompiledFixture } from './rpcFixtures.ts'
import { compileFixtures as compileFixturesOf } from './rpcFixtures.ts'
import type { RpcServer } from '../../runtime/rpc/httpServer.node.ts'

const libraries = nodeLibraryReader()

type Compiled = CompiledFixture<InterfaceAbi>
const compileFixtures = () => compileFixturesOf<InterfaceAbi>()

const SUPPLY = 1_000_000n * 10n ** 18n
const GWEI = 10n ** 9n

/** The rejection of `promise` (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${String(outcome.resolved)}`)
  expect(outcome.error).toBeInstanceOf(Error)
  return outcome.error as Error & Record<string, unknown>
}

/** The JSON-RPC error object ethers keeps (as `info.error` or `error`). */
function rpcErrorOf(error: Record<string, unknown>): { code: number; message: string } {
  const info = error.info as { error?: { code: number; message: string } } | undefined
  const found = info?.error ?? (error.error as { code: number; message: string } | undefined)
  expect(found, `no JSON-RPC error in ${String(error.message)}`).toBeDefined()
  return found!
}

describe('ethers v6 against the dev node', () => {
  let node: DevNode
  let server: RpcServer
  let contracts: { token: Compiled; oz: Compiled }
  let provider: JsonRpcProvider
  let deployer: JsonRpcSigner
  let alice: string
  let bob: string
  let carol: string
  let token: Contract
  let deployReceipt: TransactionReceipt

  const keyOf = (i: number) => node.accounts[i]!.privateKeyHex
  /** A transfer of ether signed locally, every field given (no estimate, no fee lookup). */
  const plainTx = async (wallet: { address: string }, overrides: Record<string, unknown> = {}) => ({
    to: bob,
    value: 1n,
    gasLimit: 21000n,
    maxFeePerGas: 10n * GWEI,
    maxPriorityFeePerGas: GWEI,
    chainId: 31337n,
    type: 2,
    nonce: await provider.getTransactionCount(wallet.address, 'pending'),
    ...overrides,
  })

  beforeAll(async () => {
    contracts = compileFixtures()
    node = await createDevNode({
      clock: { nowSeconds: () => BigInt(Math.floor(Date.now() / 1000)) },
      consoleSol: libraries('hardhat/console.sol')!,
      customCrypto: await loadFastCrypto(),
    })
    server = await startRpcServer({ service: node.service, port: 0 })
    provider = new JsonRpcProvider(server.url, 31337, { staticNetwork: true, pollingInterval: 25, cacheTimeout: -1 })
    deployer = await provider.getSigner(0)
    ;[alice, bob, carol] = node.accounts.map((a) => a.address) as [string, string, string]
    const factory = new ContractFactory(contracts.token.abi, contracts.token.bytecode, deployer)
    const deployed = await factory.deploy(SUPPLY)
    deployReceipt = (await deployed.deploymentTransaction()!.wait())!
    token = new Contract(await deployed.getAddress(), contracts.token.abi, deployer)
  })

  afterAll(async () => {
    provider?.destroy()
    await server?.close()
  })

  it('ContractFactory deploys the hand-written ERC-20: receipt, code and constructor state', async () => {
    const address = await token.getAddress()
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/)
    expect((await provider.getCode(address)).length).toBeGreaterThan(200)
    expect(await token.getFunction('name')()).toBe('Playground Token')
    expect(await token.getFunction('decimals')()).toBe(18n)
    expect(await token.getFunction('balanceOf')(alice)).toBe(SUPPLY)
    // The deployment receipt names the new contract and carries the mint event.
    expect(deployReceipt.contractAddress).toBe(address)
    expect(deployReceipt.status).toBe(1)
    expect(deployReceipt.logs.map((l) => token.interface.parseLog(l)?.name)).toEqual(['Transfer'])
  })

  it('ContractFactory deploys the OpenZeppelin ERC-20 and transfers with it', async () => {
    const signer = await provider.getSigner(1)
    const deployed = await new ContractFactory(contracts.oz.abi, contracts.oz.bytecode, signer).deploy(777n)
    await deployed.waitForDeployment()
    const oz = new Contract(await deployed.getAddress(), contracts.oz.abi, signer)
    expect(await oz.getFunction('symbol')()).toBe('OZT')
    const receipt = (await (await oz.getFunction('transfer')(carol, 77n)).wait()) as TransactionReceipt
    expect(receipt.status).toBe(1)
    const parsed = receipt.logs.map((l) => oz.interface.parseLog(l))
    expect(parsed.map((p) => [p?.name, ...(p?.args ?? [])])).toEqual([['Transfer', bob, carol, 77n]])
    expect(await oz.getFunction('balanceOf')(bob)).toBe(700n)
    const error = await rejection(oz.getFunction('transfer').staticCall(alice, 10_000n))
    expect((error.revert as { name: string; args: unknown[] }).name).toBe('ERC20InsufficientBalance')
    expect([...(error.revert as { args: unknown[] }).args]).toEqual([bob, 700n, 10_000n])
  })

  it('transfer: receipt, parsed Transfer event and moved balances', async () => {
    const before = (await token.getFunction('balanceOf')(alice)) as bigint
    const tx = await token.getFunction('transfer')(bob, 1000n)
    const receipt = (await tx.wait()) as TransactionReceipt
    expect(receipt.status).toBe(1)
    expect(receipt.hash).toBe(tx.hash)
    expect(receipt.from).toBe(alice)
    expect(receipt.logs).toHaveLength(1)
    const event = token.interface.parseLog(receipt.logs[0]!)
    expect(event?.name).toBe('Transfer')
    expect([...event!.args]).toEqual([alice, bob, 1000n])
    expect(await token.getFunction('balanceOf')(alice)).toBe(before - 1000n)
    expect(await token.getFunction('balanceOf')(bob)).toBe(1000n)
    const fetched = await provider.getTransaction(tx.hash)
    expect(fetched?.blockNumber).toBe(receipt.blockNumber)
    expect(fetched?.nonce).toBe(tx.nonce)
  })

  it('queryFilter finds events by indexed arguments and block range', async () => {
    const from = await provider.getBlockNumber()
    for (const [to, value] of [[carol, 5n], [bob, 6n], [carol, 7n]] as const) await (await token.getFunction('transfer')(to, value)).wait()
    const toCarol = await token.queryFilter(token.filters.Transfer!(alice, carol), from + 1)
    expect(toCarol.map((e) => ('args' in e ? e.args[2] : undefined))).toEqual([5n, 7n])
    expect(toCarol.every((e) => e.blockNumber > from)).toBe(true)
    const all = await token.queryFilter('Transfer', from + 1, from + 3)
    expect(all).toHaveLength(3)
    const onlySecond = await token.queryFilter('Transfer', from + 2, from + 2)
    expect(onlySecond.map((e) => ('args' in e ? e.args[1] : undefined))).toEqual([bob])
    const mint = await token.queryFilter(token.filters.Transfer!(ZeroAddress), 0)
    expect(mint).toHaveLength(1)
  })

  it('contract.on receives events over HTTP (polling filters) and over WebSocket (eth_subscribe)', async () => {
    const ws = new WebSocketProvider(server.wsUrl, 31337, { staticNetwork: true })
    try {
      const wsToken = new Contract(await token.getAddress(), contracts.token.abi, ws)
      const waitEvent = (contract: Contract, what: string) =>
        new Promise<{ from: string; to: string; value: bigint; hash: string }>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no Transfer event over ${what}`)), 5000)
          void contract.on(contract.filters.Transfer!(null, carol), (...args: unknown[]) => {
            // ethers hands over the payload last (alone, for a prepared topic filter).
            const payload = args.at(-1) as ContractEventPayload
            clearTimeout(timer)
            resolve({ from: payload.args[0] as string, to: payload.args[1] as string, value: payload.args[2] as bigint, hash: payload.log.transactionHash })
          })
        })
      const overHttp = waitEvent(token, 'HTTP')
      const overWs = waitEvent(wsToken, 'WebSocket')
      // Let the filter (HTTP) and the subscription (WebSocket) be installed first.
      await new Promise((r) => setTimeout(r, 200))
      const tx = await token.getFunction('transfer')(carol, 31n)
      await tx.wait()
      const expected = { from: alice, to: carol, value: 31n, hash: tx.hash }
      expect(await overWs).toEqual(expected)
      expect(await overHttp).toEqual(expected)
      await token.removeAllListeners()
      await wsToken.removeAllListeners()
    } finally {
      await ws.destroy()
    }
  })

  it('revert reasons reach error.reason and error.revert: require string, custom error, panic', async () => {
    const broke = await provider.getSigner(9)
    const asBroke = token.connect(broke) as Contract
    const insufficient = await rejection(asBroke.getFunction('transfer')(alice, 1n))
    expect(insufficient.code).toBe('CALL_EXCEPTION')
    expect(insufficient.reason).toBe('Token: insufficient balance')
    expect((insufficient.revert as { name: string }).name).toBe('Error')

    // Sending: the signer's estimate fails with the custom error's bytes in error.data …
    const zeroSend = await rejection(token.getFunction('transfer')(ZeroAddress, 1n))
    expect(zeroSend.code).toBe('CALL_EXCEPTION')
    expect(zeroSend.data).toBe(token.interface.getError('ZeroAddress')!.selector)
    // … and the contract decodes it by name on a static call.
    const zero = await rejection(token.getFunction('transfer').staticCall(ZeroAddress, 1n))
    expect(zero.code).toBe('CALL_EXCEPTION')
    expect((zero.revert as { name: string; signature: string }).signature).toBe('ZeroAddress()')

    const panic = await rejection(token.getFunction('divide')(1n, 0n))
    expect(panic.code).toBe('CALL_EXCEPTION')
    expect((panic.revert as { name: string }).name).toBe('Panic')
    expect([...(panic.revert as { args: unknown[] }).args].map(Number)).toEqual([0x12])
    expect(String(panic.reason)).toMatch(/zero/i)

    const allowance = await rejection(asBroke.getFunction('transferFrom').estimateGas(alice, bob, 1n))
    expect(allowance.reason).toBe('Token: allowance too low')
    // The raw JSON-RPC error behind it: code 3 with the revert bytes.
    expect(rpcErrorOf(allowance)).toMatchObject({ code: 3, message: 'execution reverted: Token: allowance too low' })
  })

  it('estimateGas matches the gas the transaction used', async () => {
    const dave = node.accounts[3]!.address
    const estimate = await token.getFunction('transfer').estimateGas(dave, 123n)
    const receipt = (await (await token.getFunction('transfer')(dave, 123n, { gasLimit: estimate })).wait()) as TransactionReceipt
    expect(receipt.status).toBe(1)
    expect(estimate).toBeGreaterThanOrEqual(receipt.gasUsed)
    expect(Number(estimate - receipt.gasUsed)).toBeLessThanOrEqual(Number(receipt.gasUsed) / 10)
    expect(await provider.estimateGas({ from: alice, to: dave, value: 1n })).toBe(21000n)
  })

  it('getFeeData: gas price, EIP-1559 fees from the latest base fee, consistent with eth_feeHistory', async () => {
    const fee = await provider.getFeeData()
    const latest = (await provider.getBlock('latest'))!
    expect(latest.baseFeePerGas).not.toBeNull()
    expect(fee.maxPriorityFeePerGas).toBe(GWEI)
    expect(fee.maxFeePerGas).toBe(latest.baseFeePerGas! * 2n + GWEI)
    const history = (await provider.send('eth_feeHistory', ['0x2', 'latest', [50]])) as { oldestBlock: string; baseFeePerGas: string[]; reward: string[][] }
    expect(BigInt(history.oldestBlock)).toBe(BigInt(latest.number - 1))
    expect(BigInt(history.baseFeePerGas[1]!)).toBe(latest.baseFeePerGas)
    // eth_gasPrice is the next block's base fee plus the suggested tip.
    expect(fee.gasPrice).toBe(BigInt(history.baseFeePerGas[2]!) + GWEI)
    // A transaction built from this fee data is accepted and pays the tip.
    const receipt = (await (await deployer.sendTransaction({ to: carol, value: 1n, maxFeePerGas: fee.maxFeePerGas!, maxPriorityFeePerGas: fee.maxPriorityFeePerGas! })).wait())!
    expect(receipt.gasPrice).toBe(((await provider.getBlock(receipt.blockNumber))!.baseFeePerGas ?? 0n) + GWEI)
  })

  it('signer.signTypedData and signMessage through the node; verifyTypedData/verifyMessage recover the signer', async () => {
    const signer = await provider.getSigner(2)
    const domain = { name: 'Playground', version: '1', chainId: 31337, verifyingContract: await token.getAddress() }
    const types = {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    }
    const value = { owner: carol, spender: bob, value: 10n ** 18n, nonce: 0n, deadline: 2n ** 255n }
    const signature = await signer.signTypedData(domain, types, value)
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/)
    expect(verifyTypedData(domain, types, value, signature)).toBe(carol)
    expect(verifyTypedData(domain, types, { ...value, value: 1n }, signature)).not.toBe(carol)
    // The node's signature equals a local signature with the same key (deterministic ECDSA).
    expect(await new Wallet(keyOf(2)).signTypedData(domain, types, value)).toBe(signature)

    const message = 'ethers says hi'
    const signed = await signer.signMessage(message)
    expect(verifyMessage(message, signed)).toBe(carol)
    expect(signed).toBe(await new Wallet(keyOf(2)).signMessage(message))
  })

  it('Wallet: locally signed transactions through eth_sendRawTransaction (sendTransaction and broadcastTransaction)', async () => {
    const wallet = new Wallet(keyOf(6), provider)
    const dave = node.accounts[7]!.address
    const before = await provider.getBalance(dave)
    const sent = await wallet.sendTransaction({ to: dave, value: 10n ** 15n })
    const receipt = (await sent.wait())!
    expect(receipt.status).toBe(1)
    expect(receipt.from).toBe(wallet.address)
    expect(await provider.getBalance(dave)).toBe(before + 10n ** 15n)

    const raw = await wallet.signTransaction(await plainTx(wallet, { to: dave, value: 5n }))
    const broadcast = await provider.broadcastTransaction(raw)
    expect(broadcast.hash).toBe(Transaction.from(raw).hash)
    const mined = (await broadcast.wait())!
    expect(mined.status).toBe(1)
    expect(await provider.getBalance(dave)).toBe(before + 10n ** 15n + 5n)
    expect(await provider.getTransactionCount(wallet.address)).toBe(2)
    // The same raw transaction again, once mined: "nonce too low", as geth says (ethers: NONCE_EXPIRED).
    const again = await rejection(provider.broadcastTransaction(raw))
    expect(rpcErrorOf(again)).toMatchObject({ code: -32000, message: expect.stringMatching(/^nonce too low/) })
  })

  describe('transactions the node refuses, with clear JSON-RPC errors (-32000)', () => {
    it('nonce too low: ethers NONCE_EXPIRED', async () => {
      const wallet = new Wallet(keyOf(4), provider)
      await (await wallet.sendTransaction(await plainTx(wallet))).wait()
      const nonce = await provider.getTransactionCount(wallet.address)
      const error = await rejection(wallet.sendTransaction(await plainTx(wallet, { nonce: nonce - 1, value: 2n })))
      expect(isError(error, 'NONCE_EXPIRED')).toBe(true)
      const rpc = rpcErrorOf(error)
      expect(rpc.code).toBe(-32000)
      expect(rpc.message).toBe(`nonce too low: account ${wallet.address.toLowerCase()} has nonce ${nonce}, the transaction has ${nonce - 1}.`)
    })

    it('nonce too high (automine cannot queue it)', async () => {
      const wallet = new Wallet(keyOf(4), provider)
      const nonce = await provider.getTransactionCount(wallet.address)
      const error = await rejection(wallet.sendTransaction(await plainTx(wallet, { nonce: nonce + 5 })))
      const rpc = rpcErrorOf(error)
      expect(rpc.code).toBe(-32000)
      expect(rpc.message).toMatch(new RegExp(`^nonce too high: expected nonce ${nonce} for ${wallet.address.toLowerCase()}, got ${nonce + 5}\\.`))
      expect(await provider.getTransactionCount(wallet.address, 'pending')).toBe(nonce)
    })

    it('insufficient funds: ethers INSUFFICIENT_FUNDS, for an empty account and for too large a value', async () => {
      const empty = Wallet.createRandom(provider)
      const error = await rejection(empty.sendTransaction(await plainTx(empty)))
      expect(isError(error, 'INSUFFICIENT_FUNDS')).toBe(true)
      const rpc = rpcErrorOf(error)
      expect(rpc.code).toBe(-32000)
      expect(rpc.message).toMatch(/^insufficient funds for gas \* price \+ value: 0x[0-9a-f]{40} has 0 wei/)

      const rich = new Wallet(keyOf(5), provider)
      const tooMuch = await rejection(rich.sendTransaction(await plainTx(rich, { value: 10_001n * 10n ** 18n })))
      expect(isError(tooMuch, 'INSUFFICIENT_FUNDS')).toBe(true)
      expect(rpcErrorOf(tooMuch).code).toBe(-32000)
    })

    it('wrong chain id: a transaction signed for chain 1', async () => {
      const wallet = new Wallet(keyOf(5))
      const raw = await wallet.signTransaction(await plainTx(wallet, { chainId: 1n }))
      const error = await rejection(provider.broadcastTransaction(raw))
      const rpc = rpcErrorOf(error)
      expect(rpc.code).toBe(-32000)
      expect(rpc.message).toMatch(/invalid chain id for signer/)
      expect(rpc.message).toMatch(/31337/)
      // A legacy transaction for chain 1 (EIP-155) too.
      const legacy = await wallet.signTransaction({ to: bob, value: 1n, gasLimit: 21000n, gasPrice: 10n * GWEI, chainId: 1n, type: 0, nonce: 0 })
      expect(rpcErrorOf(await rejection(provider.broadcastTransaction(legacy))).message).toMatch(/invalid chain id for signer/)
    })

    it('tampered signature: a changed byte in a raw transaction is refused, never mined', async () => {
      const wallet = new Wallet(keyOf(8))
      const raw = await wallet.signTransaction(await plainTx(wallet))
      const nonce = await provider.getTransactionCount(wallet.address)
      // EIP-1559: 0x02 || rlp([chainId, nonce, tip, maxFee, gas, to, value, data, accessList, yParity, r, s])
      const fields = decodeRlp(`0x${raw.slice(4)}`) as string[]
      expect(fields).toHaveLength(12)
      const rebuild = (index: number, value: string) => `0x02${encodeRlp(fields.map((f, i) => (i === index ? value : f))).slice(2)}`
      // s above secp256k1n/2: EIP-2 forbids it.
      const highS = await rejection(provider.broadcastTransaction(rebuild(11, `0xff${(fields[11] as string).slice(4)}`)))
      expect(rpcErrorOf(highS)).toMatchObject({ code: -32000, message: expect.stringMatching(/^invalid (sender|transaction).*signature/i) })
      // r = 0: no curve point, no sender.
      const zeroR = await rejection(provider.broadcastTransaction(rebuild(10, '0x')))
      expect(rpcErrorOf(zeroR)).toMatchObject({ code: -32000, message: expect.stringMatching(/^invalid (sender|transaction)/) })
      // The value byte changed (1 → 2): the signature recovers some other, empty account.
      expect(fields[6]).toBe('0x01')
      const otherSender = await rejection(provider.broadcastTransaction(rebuild(6, '0x02')))
      const other = rpcErrorOf(otherSender)
      expect(other.code).toBe(-32000)
      expect(other.message).toMatch(/^insufficient funds for gas \* price \+ value: 0x[0-9a-f]{40} has 0 wei/)
      expect(other.message).not.toContain(wallet.address.toLowerCase())
      // The untouched transaction still goes through afterwards.
      expect(await provider.getTransactionCount(wallet.address)).toBe(nonce)
      const ok = (await (await provider.broadcastTransaction(raw)).wait())!
      expect(ok.status).toBe(1)
    })

    it('gas too low: gasLimit 20000 is under the intrinsic 21000', async () => {
      const wallet = new Wallet(keyOf(5), provider)
      const error = await rejection(wallet.sendTransaction(await plainTx(wallet, { gasLimit: 20000n })))
      expect(rpcErrorOf(error)).toEqual({ code: -32000, message: 'intrinsic gas too low: the transaction needs at least 21000 gas, its limit is 20000.' })
      // The node's own signer too (eth_sendTransaction with a gas field).
      const viaNode = await rejection(deployer.sendTransaction({ to: bob, value: 1n, gasLimit: 20000n }))
      expect(rpcErrorOf(viaNode)).toMatchObject({ code: -32000, message: expect.stringMatching(/^intrinsic gas too low/) })
    })

    it('the node keeps serving after every refusal', async () => {
      const wallet = new Wallet(keyOf(5), provider)
      const receipt = (await (await wallet.sendTransaction(await plainTx(wallet))).wait())!
      expect(receipt.status).toBe(1)
      expect(await provider.getBlockNumber()).toBe(receipt.blockNumber)
    })
  })
})
