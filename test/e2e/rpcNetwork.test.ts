/**
 * JSON-RPC on simulated consensus networks running the EVM: a transaction sent to one node is in
 * another node's chain once consensus made and finalised its block. BFT runs behind the real HTTP
 * server with a per-node route (as `playground rpc --preset bft` serves it) and a host timer that
 * drives simulated time fast; PoS, PoA and a permissioned Raft consortium run in-process, time
 * advanced explicitly.
 */
import { readFileSync } from 'node:fs'
import type { Abi, Address, Hex, PublicClient } from 'viem'
import { BaseError as ViemBaseError, createPublicClient, createTestClient, createWalletClient, custom, getAddress, http, webSocket } from 'viem'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'
import { loadFastCrypto } from '../../runtime/crypto/fastCrypto.node.ts'
import { startRpcServer } from '../../runtime/rpc/httpServer.node.ts'
import type { RpcServer } from '../../runtime/rpc/httpServer.node.ts'
import { createInProcessProvider } from '../../runtime/rpc/inProcessProvider.ts'
import { createNetworkNode } from '../../runtime/rpc/networkNode.ts'
import type { NetworkNode } from '../../runtime/rpc/networkNode.ts'

const GENESIS = 1_700_000_000n
const ETH = 10n ** 18n
const libraries = nodeLibraryReader()

/** The JSON-RPC error code somewhere in a viem error's chain. */
function rpcCode(error: unknown): number | undefined {
  if (!(error instanceof ViemBaseError)) return undefined
  return (error.walk((e) => typeof (e as { code?: unknown }).code === 'number') as { code?: number } | null)?.code
}

async function rejectionOf(promise: Promise<unknown>): Promise<ViemBaseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ViemBaseError)
  return error as ViemBaseError
}

describe('BFT (4 validators) behind the HTTP server, /node/N per node, time driven by a host timer', () => {
  let network: NetworkNode
  let server: RpcServer
  let timer: NodeJS.Timeout | undefined
  let tickError: unknown
  let token: { abi: Abi; bytecode: Hex }
  const nodeUrl = (n: number) => `${server.url}/node/${n}`
  const client = (n: number): PublicClient => createPublicClient({ chain: hardhat, transport: http(nodeUrl(n)), cacheTime: 0, pollingInterval: 20 })

  /** Polls `read` until `done(value)`, up to `ms` of wall time. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
    const end = Date.now() + ms
    for (;;) {
      const value = await read()
      if (done(value)) return value
      if (tickError !== undefined) throw tickError
      if (Date.now() > end) throw new Error(`condition not reached in ${ms} ms (last: ${String(value)})`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  beforeAll(async () => {
    const r = createCompiler({ solc: loadSolcNode(), readLibrary: libraries }).compile({
      sources: { 'contracts/Token.sol': readFileSync(new URL('../runtime/rpc/fixtures/Token.sol', import.meta.url), 'utf8') },
    })
    const artifact = r.artifacts.find((a) => a.contractName === 'Token')!
    token = { abi: artifact.abi as Abi, bytecode: artifact.bytecode as Hex }
    network = await createNetworkNode({
      preset: 'bft',
      overrides: { nodes: 4 },
      genesisTimestamp: GENESIS,
      consoleSol: libraries('hardhat/console.sol')!,
      customCrypto: await loadFastCrypto(),
    })
    const nodes = network.net.config.nodes
    server = await startRpcServer({
      service: network.service(0),
      port: 0,
      route(path) {
        const match = /^\/node\/(\d+)$/.exec(path)
        if (match === null) return undefined
        const n = Number(match[1])
        return n < nodes ? network.service(n) : undefined
      },
    })
    // 200 ms of simulated time every 10 ms of wall time (20× the CLI's pace).
    let busy = false
    timer = setInterval(() => {
      if (busy) return
      busy = true
      network.driver.advanceTo(network.net.now + 200_000).then(
        () => (busy = false),
        (error: unknown) => {
          busy = false
          tickError = error
        },
      )
    }, 10)
  })

  afterAll(async () => {
    if (timer !== undefined) clearInterval(timer)
    await server?.close()
  })

  it('a transfer sent to node 0 is in node 3 chain and under its finalized tag', async () => {
    const [sender, recipient] = [getAddress(network.accounts[0]!.address), getAddress(network.accounts[7]!.address)]
    const node0 = client(0)
    const node3 = client(3)
    expect(await node3.getChainId()).toBe(31337)
    const before = await node3.getBalance({ address: recipient })
    expect(before).toBe(10_000n * ETH)
    const wallet = createWalletClient({ account: sender, chain: hardhat, transport: http(nodeUrl(0)) })
    const hash = await wallet.sendTransaction({ to: recipient, value: 3n * ETH })
    // The receipt appears at node 3 once consensus has made the block.
    const receipt = await node3.waitForTransactionReceipt({ hash, pollingInterval: 20, timeout: 15_000 })
    expect(receipt.status).toBe('success')
    expect(receipt.from).toBe(sender.toLowerCase())
    expect(receipt.to).toBe(recipient.toLowerCase())
    // Finality: node 3's `finalized` block reaches the transaction's block.
    const finalized = await until(
      () => node3.getBlock({ blockTag: 'finalized' }),
      (b) => b.number >= receipt.blockNumber,
    )
    expect(finalized.number).toBeGreaterThanOrEqual(receipt.blockNumber)
    expect((await node3.getBlock({ blockTag: 'latest' })).number).toBeGreaterThanOrEqual(finalized.number)
    // Both nodes hold the same block at that height, with the transaction in it.
    const at3 = await node3.getBlock({ blockNumber: receipt.blockNumber })
    const at0 = await until(
      () => node0.getBlock({ blockNumber: receipt.blockNumber }).catch(() => undefined),
      (b) => b !== undefined,
    )
    expect(at0!.hash).toBe(at3.hash)
    expect(at3.transactions).toContain(hash)
    expect(at3.hash).toBe(receipt.blockHash)
    // The state under `finalized` has the transfer, and the sender's nonce moved on.
    expect(await node3.getBalance({ address: recipient, blockTag: 'finalized' })).toBe(before + 3n * ETH)
    expect(await node3.getTransactionCount({ address: sender, blockTag: 'finalized' })).toBe(1)
    // Node 3's copy of the transaction names the block too.
    expect((await node3.getTransaction({ hash })).blockNumber).toBe(receipt.blockNumber)
  })

  it('a contract deployed through node 1 is callable on node 2; a transfer event reaches node 2 over WebSocket', async () => {
    const deployer = getAddress(network.accounts[1]!.address)
    const bob = getAddress(network.accounts[2]!.address)
    const node2 = client(2)
    const w1 = createWalletClient({ account: deployer, chain: hardhat, transport: http(nodeUrl(1)) })
    const deployHash = await w1.deployContract({ abi: token.abi, bytecode: token.bytecode, args: [1000n] })
    const deployed = await node2.waitForTransactionReceipt({ hash: deployHash, pollingInterval: 20, timeout: 15_000 })
    expect(deployed.status).toBe('success')
    const address = deployed.contractAddress!
    expect(await node2.readContract({ address, abi: token.abi, functionName: 'balanceOf', args: [deployer] })).toBe(1000n)

    const ws = createPublicClient({ chain: hardhat, transport: webSocket(`${server.wsUrl}/node/2`) })
    const rpc = await ws.transport.getRpcClient()
    try {
      const seen = new Promise<{ to: Address; value: bigint; hash: Hex }>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no Transfer log over WebSocket from node 2')), 15_000)
        const unwatch = ws.watchContractEvent({
          address,
          abi: token.abi,
          eventName: 'Transfer',
          poll: false,
          onLogs: (logs) => {
            const l = logs[0] as unknown as { args: { to: Address; value: bigint }; transactionHash: Hex }
            clearTimeout(t)
            unwatch()
            resolve({ to: l.args.to, value: l.args.value, hash: l.transactionHash })
          },
        })
      })
      await until(
        async () => rpc.subscriptions.size,
        (n) => n >= 1,
        2000,
      )
      const hash = await w1.writeContract({ address, abi: token.abi, functionName: 'transfer', args: [bob, 40n] })
      expect(await seen).toEqual({ to: bob, value: 40n, hash })
      await node2.waitForTransactionReceipt({ hash, pollingInterval: 20 })
      expect(await node2.readContract({ address, abi: token.abi, functionName: 'balanceOf', args: [bob] })).toBe(40n)
    } finally {
      rpc.close()
    }
  })

  it('dev-only controls are refused on a consensus network; unknown nodes are 404', async () => {
    const test = createTestClient({ mode: 'hardhat', chain: hardhat, transport: http(nodeUrl(3), { retryCount: 0 }) })
    const error = await rejectionOf(test.mine({ blocks: 1 }))
    expect(rpcCode(error)).toBe(-32004)
    expect(error.message).toMatch(/only available on the dev preset/)
    const res = await fetch(`${server.url}/node/4`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }),
    })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/no JSON-RPC endpoint at \/node\/4/)
    // `/` is node 0.
    const root = createPublicClient({ chain: hardhat, transport: http(server.url), cacheTime: 0 })
    const head = await root.getBlock({ blockTag: 'finalized' })
    expect((await client(0).getBlock({ blockNumber: head.number })).hash).toBe(head.hash)
  })
})

/** Drives a network in-process: viem on each node through its own EIP-1193 provider. */
function inProcess(network: NetworkNode) {
  const providers: ReturnType<typeof createInProcessProvider>[] = []
  const transport = (n: number) => {
    const provider = createInProcessProvider(network.service(n))
    providers.push(provider)
    return custom(provider, { retryCount: 0 })
  }
  return {
    public: (n: number) => createPublicClient({ chain: hardhat, transport: transport(n), cacheTime: 0 }),
    wallet: (n: number, account: Address) => createWalletClient({ account, chain: hardhat, transport: transport(n) }),
    close: () => providers.forEach((p) => p.close()),
  }
}

/** Advances simulated time until `hash` is in `node`'s chain at or under its finalized height. */
async function advanceUntilFinal(network: NetworkNode, node: number, hash: Hex, limitUs: number): Promise<boolean> {
  const chain = network.chain(node)
  const final = () => {
    const located = chain.ledger.transaction(hash)
    return located !== undefined && chain.finalizedNumber() >= located.executed.block.header.number
  }
  return network.driver.advanceUntil(final, limitUs, 500_000)
}

describe('PoS and PoA in-process: sent to one node, final on another', () => {
  for (const [preset, overrides, limitUs] of [
    ['pos', { nodes: 4 }, 120_000_000],
    ['poa', {}, 60_000_000],
  ] as const) {
    it(`${preset}: viem sends to the first node; the last node's finalized block holds the transfer`, async () => {
      const network = await createNetworkNode({ preset, overrides, genesisTimestamp: GENESIS, customCrypto: await loadFastCrypto() })
      const io = inProcess(network)
      try {
        const last = network.net.config.nodes - 1
        const sender = getAddress(network.accounts[0]!.address)
        const recipient = getAddress(network.accounts[5]!.address)
        const wallet = io.wallet(0, sender)
        const hash = await wallet.sendTransaction({ to: recipient, value: 7n })
        // A second send before any time passes: the pending nonce already counts the first.
        expect(await io.public(0).getTransactionCount({ address: sender, blockTag: 'pending' })).toBe(1)
        const second = await wallet.sendTransaction({ to: recipient, value: 1n })
        const reader = io.public(last)
        // Before any time passes, nothing is mined anywhere.
        expect(await reader.getTransactionReceipt({ hash }).catch((e: Error) => e.name)).toBe('TransactionReceiptNotFoundError')
        expect(await advanceUntilFinal(network, last, hash, limitUs)).toBe(true)
        const receipt = await reader.getTransactionReceipt({ hash })
        expect(receipt.status).toBe('success')
        const finalized = await reader.getBlock({ blockTag: 'finalized' })
        expect(finalized.number).toBeGreaterThanOrEqual(receipt.blockNumber)
        expect(await advanceUntilFinal(network, last, second, limitUs)).toBe(true)
        const secondReceipt = await reader.getTransactionReceipt({ hash: second })
        expect(secondReceipt.status).toBe('success')
        expect((await reader.getTransaction({ hash: second })).nonce).toBe(1)
        expect(await reader.getBalance({ address: recipient, blockTag: 'finalized' })).toBe(10_000n * ETH + 8n)
        // The entry node agrees on the block.
        expect((await io.public(0).getBlock({ blockNumber: receipt.blockNumber })).hash).toBe(receipt.blockHash)
        // Block timestamps follow simulated time from genesis.
        const block = await reader.getBlock({ blockNumber: receipt.blockNumber })
        expect(block.timestamp).toBeGreaterThan(GENESIS)
        expect(block.timestamp).toBeLessThanOrEqual(GENESIS + BigInt(Math.ceil(network.net.now / 1e6)) + 1n)
      } finally {
        io.close()
      }
    })
  }
})

describe('raft-consortium in-process: who may submit', () => {
  it('members without the submit role are refused clearly; a submitter\'s transaction is final on every organisation', async () => {
    // The preset's consortium, with organisation 5's client nodes made read-only.
    const organisations = [0, 1, 2, 3, 4].flatMap((o) => [
      { name: `org${o + 1}-orderer`, nodes: [o * 20], roles: ['read' as const, 'submit' as const, 'validate' as const] },
      {
        name: `org${o + 1}`,
        nodes: Array.from({ length: 19 }, (_, i) => o * 20 + 1 + i),
        roles: o === 4 ? ['read' as const] : ['read' as const, 'submit' as const],
      },
    ])
    const network = await createNetworkNode({ preset: 'raft-consortium', overrides: { members: { organisations } }, genesisTimestamp: GENESIS, customCrypto: await loadFastCrypto() })
    const io = inProcess(network)
    try {
      const w = network.execution.world()
      const nodes = network.net.config.nodes
      expect(nodes).toBe(100)
      const submitters = [...Array(nodes).keys()].filter((n) => w.members.can(n, 'submit'))
      expect(submitters).toHaveLength(81)
      expect(w.members.can(85, 'submit')).toBe(false)
      expect(w.members.can(85, 'read')).toBe(true)
      const sender = getAddress(network.accounts[2]!.address)
      const recipient = getAddress(network.accounts[6]!.address)

      const refused = await rejectionOf(io.wallet(85, sender).sendTransaction({ to: recipient, value: 1n, gas: 21000n }))
      expect(rpcCode(refused)).toBe(-32000)
      expect(refused.message).toMatch(/node 85 may not submit transactions/)

      const entry = submitters.find((n) => !w.members.can(n, 'validate'))!
      expect(entry).toBe(1)
      const hash = await io.wallet(entry, sender).sendTransaction({ to: recipient, value: 9n })
      for (const reader of [85, 40]) {
        expect(await advanceUntilFinal(network, reader, hash, 60_000_000)).toBe(true)
        const client = io.public(reader)
        const receipt = await client.getTransactionReceipt({ hash })
        expect(receipt.status).toBe('success')
        expect((await client.getBlock({ blockTag: 'finalized' })).number).toBeGreaterThanOrEqual(receipt.blockNumber)
        expect(await client.getBalance({ address: recipient, blockTag: 'finalized' })).toBe(10_000n * ETH + 9n)
      }
      // The refused transaction never entered any chain: the sender's nonce counts one.
      expect(await io.public(85).getTransactionCount({ address: sender })).toBe(1)
    } finally {
      io.close()
    }
  })
})
