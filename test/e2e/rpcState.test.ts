/**
 * `playground rpc --preset dev --state FILE` across restarts: the spawned CLI saves the chain,
 * stops on SIGINT, and the next start replays it — same blocks (hashes included), balances,
 * contract code and nonces — so a wallet's cached nonce stays valid and the chain continues.
 * A state file that cannot be used is reported (exit code 2) and left byte-for-byte untouched.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Abi, Address, Hex, PublicClient } from 'viem'
import { createPublicClient, createWalletClient, getAddress, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const BIN = 'bin/playground.js'

interface Banner {
  url: string
  wsUrl: string
  chainId: number
  blockNumber: number
  accounts: { address: Address; privateKey: Hex }[]
  state: string | null
}

interface RunningCli {
  child: ChildProcess
  banner: Banner
  stderr: () => string
}

/** Spawns `playground rpc --json` and resolves with its first stdout line (the banner). */
async function startCli(args: string[], preset = 'dev'): Promise<RunningCli> {
  const child = spawn(process.execPath, [BIN, 'rpc', '--preset', preset, '--port', '0', '--json', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const banner = await new Promise<Banner>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      try {
        resolve(JSON.parse(line) as Banner)
      } catch {
        reject(new Error(`not a banner: ${line}`))
      }
    })
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code} before its banner: ${stderr}`)))
  })
  return { child, banner, stderr: () => stderr }
}

/** SIGINT, as Ctrl+C does; resolves with the exit code. */
async function stopCli(cli: RunningCli): Promise<number | null> {
  if (cli.child.exitCode !== null) return cli.child.exitCode
  const exited = new Promise<number | null>((resolve) => cli.child.once('exit', (code) => resolve(code)))
  cli.child.kill('SIGINT')
  return exited
}

interface Snapshot {
  number: bigint
  head: Hex
  timestamp: bigint
  balances: bigint[]
  nonces: number[]
  code: Hex | undefined
  tokenBalances: bigint[]
}

describe('playground rpc --state FILE: restart continuity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-rpc-state-'))
  const statePath = join(dir, 'chain.json')
  const running: RunningCli[] = []
  let token: { abi: Abi; bytecode: Hex }

  const clientsFor = (cli: RunningCli) => ({
    pub: createPublicClient({ chain: hardhat, transport: http(cli.banner.url), cacheTime: 0 }) as PublicClient,
    wallet: (account: Address) => createWalletClient({ account, chain: hardhat, transport: http(cli.banner.url) }),
  })

  async function snapshot(pub: PublicClient, accounts: Address[], tokenAddress: Address): Promise<Snapshot> {
    const head = await pub.getBlock()
    const code = await pub.getCode({ address: tokenAddress })
    return {
      number: head.number,
      head: head.hash,
      timestamp: head.timestamp,
      balances: await Promise.all(accounts.map((address) => pub.getBalance({ address }))),
      nonces: await Promise.all(accounts.map((address) => pub.getTransactionCount({ address }))),
      code,
      tokenBalances: (await Promise.all(
        accounts.map((a) => pub.readContract({ address: tokenAddress, abi: token.abi, functionName: 'balanceOf', args: [a] })),
      )) as bigint[],
    }
  }

  beforeAll(() => {
    const r = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() }).compile({
      sources: { 'contracts/Token.sol': readFileSync(new URL('../runtime/rpc/fixtures/Token.sol', import.meta.url), 'utf8') },
    })
    const artifact = r.artifacts.find((a) => a.contractName === 'Token')!
    token = { abi: artifact.abi as Abi, bytecode: artifact.bytecode as Hex }
  })

  afterAll(async () => {
    for (const cli of running) await stopCli(cli)
    rmSync(dir, { recursive: true, force: true })
  })

  it('deploy + transfers, SIGINT, restart: same blocks, balances, code and nonces; a wallet-signed transaction with the cached nonce continues the chain', async () => {
    // First run: a new chain saved to the file.
    const first = await startCli(['--state', statePath])
    running.push(first)
    expect(first.banner).toMatchObject({ chainId: 31337, blockNumber: 0, state: statePath })
    const accounts = first.banner.accounts.map((a) => getAddress(a.address))
    const [alice, bob, carol] = accounts as [Address, Address, Address]
    const one = clientsFor(first)
    const deployHash = await one.wallet(alice).deployContract({ abi: token.abi, bytecode: token.bytecode, args: [10_000n] })
    const tokenAddress = (await one.pub.waitForTransactionReceipt({ hash: deployHash })).contractAddress!
    for (const [to, value] of [[bob, 300n], [carol, 20n]] as const) {
      await one.pub.waitForTransactionReceipt({ hash: await one.wallet(alice).writeContract({ address: tokenAddress, abi: token.abi, functionName: 'transfer', args: [to, value] }) })
    }
    await one.pub.waitForTransactionReceipt({ hash: await one.wallet(bob).sendTransaction({ to: carol, value: 10n ** 18n }) })
    // A wallet (MetaMask-like) signs locally and remembers the next nonce it will use.
    const metamask = privateKeyToAccount(first.banner.accounts[3]!.privateKey)
    const mm = createWalletClient({ account: metamask, chain: hardhat, transport: http(first.banner.url) })
    await one.pub.waitForTransactionReceipt({ hash: await mm.sendTransaction({ to: alice, value: 12345n }) })
    const cachedNonce = await one.pub.getTransactionCount({ address: metamask.address })
    expect(cachedNonce).toBe(1)
    const watched = [alice, bob, carol, metamask.address]
    const before = await snapshot(one.pub, watched, tokenAddress)
    expect(before.number).toBe(5n)
    expect(before.tokenBalances).toEqual([9680n, 300n, 20n, 0n])
    expect(before.nonces).toEqual([3, 1, 0, 1])

    expect(await stopCli(first)).toBe(0)
    expect(existsSync(statePath)).toBe(true)
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { version: number; chainId: string; blocks: { txs: string[] }[] }
    expect(saved.version).toBe(1)
    expect(saved.chainId).toBe('31337')
    expect(saved.blocks.map((b) => b.txs.length)).toEqual([1, 1, 1, 1, 1])

    // Second run from the same file.
    const second = await startCli(['--state', statePath])
    running.push(second)
    expect(second.banner).toMatchObject({ chainId: 31337, blockNumber: 5, state: statePath })
    expect(second.banner.url).not.toBe('')
    const two = clientsFor(second)
    const after = await snapshot(two.pub, watched, tokenAddress)
    expect(after).toEqual(before)
    expect(after.code).toMatch(/^0x[0-9a-f]{200,}$/)
    // Receipts and logs of the earlier run are still there.
    const deployReceipt = await two.pub.getTransactionReceipt({ hash: deployHash })
    expect(deployReceipt.contractAddress).toBe(tokenAddress.toLowerCase())
    const transfers = await two.pub.getContractEvents({ address: tokenAddress, abi: token.abi, eventName: 'Transfer', fromBlock: 0n })
    expect(transfers).toHaveLength(3)

    // The wallet's cached nonce is still the right one: its next transaction goes straight in.
    const mm2 = createWalletClient({ account: metamask, chain: hardhat, transport: http(second.banner.url) })
    const nextHash = await mm2.sendTransaction({ to: carol, value: 1n, nonce: cachedNonce })
    const next = await two.pub.waitForTransactionReceipt({ hash: nextHash })
    expect(next.status).toBe('success')
    expect(next.blockNumber).toBe(6n)
    const block6 = await two.pub.getBlock({ blockNumber: 6n })
    expect(block6.parentHash).toBe(before.head)
    expect(block6.timestamp).toBeGreaterThan(before.timestamp)
    expect(await two.pub.getTransactionCount({ address: metamask.address })).toBe(cachedNonce + 1)
    // The node's own accounts continue too.
    const tokenMove = await two.wallet(alice).writeContract({ address: tokenAddress, abi: token.abi, functionName: 'transfer', args: [bob, 1n] })
    expect((await two.pub.waitForTransactionReceipt({ hash: tokenMove })).status).toBe('success')
    expect(await two.pub.readContract({ address: tokenAddress, abi: token.abi, functionName: 'balanceOf', args: [bob] })).toBe(301n)

    expect(await stopCli(second)).toBe(0)
    const resaved = JSON.parse(readFileSync(statePath, 'utf8')) as { blocks: unknown[] }
    expect(resaved.blocks).toHaveLength(7)

    // A third start sees those too.
    const third = await startCli(['--state', statePath])
    running.push(third)
    expect(third.banner.blockNumber).toBe(7)
    expect(await clientsFor(third).pub.getTransactionCount({ address: metamask.address })).toBe(2)
    expect(await stopCli(third)).toBe(0)
  })

  it('a corrupt state file: exit code 2, a clear message, the file left untouched', () => {
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"version":1,"chainId":"31337",', /cannot be used/],
      ['wrong-version.json', JSON.stringify({ version: 2, chainId: '31337', genesisTimestamp: '1', timeOffset: '0', blocks: [] }), /version: expected 1, got 2/],
      ['bad-block.json', JSON.stringify({ version: 1, chainId: '31337', genesisTimestamp: '1700000000', timeOffset: '0', blocks: [{ timestamp: 'soon', txs: [] }] }), /blocks\[0\]\.timestamp/],
      // Well-formed, but its transaction is not one: it cannot replay.
      ['no-replay.json', JSON.stringify({ version: 1, chainId: '31337', genesisTimestamp: '1700000000', timeOffset: '0', blocks: [{ timestamp: '1700000001', txs: ['0xdeadbeef'] }] }), /does not replay/],
    ]
    for (const [name, content, message] of cases) {
      const path = join(dir, name)
      writeFileSync(path, content)
      const r = spawnSync(process.execPath, [BIN, 'rpc', '--preset', 'dev', '--port', '0', '--state', path], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 })
      expect(r.status, `${name}: ${r.stderr}`).toBe(2)
      expect(r.stderr).toContain(path)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toMatch(/left untouched/)
      expect(r.stdout).toBe('')
      expect(readFileSync(path, 'utf8')).toBe(content)
      expect(existsSync(`${path}.tmp-${r.pid}`)).toBe(false)
    }
    // With --json the error is a JSON line with its code.
    const path = join(dir, 'not-json.json')
    const r = spawnSync(process.execPath, [BIN, 'rpc', '--preset', 'dev', '--port', '0', '--json', '--state', path], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 })
    expect(r.status).toBe(2)
    const line = JSON.parse(r.stdout.trim()) as { error: { code: string; en: string } }
    expect(line.error.code).toBe('rpc.state-corrupt')
    expect(line.error.en).toContain(path)
  })
})

describe('playground rpc --preset bft --state FILE: a consensus network across restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-rpc-net-state-'))
  const statePath = join(dir, 'network.json')
  const running: RunningCli[] = []

  afterAll(async () => {
    for (const cli of running) await stopCli(cli)
    rmSync(dir, { recursive: true, force: true })
  })

  it('saves the network as its inputs and rebuilds the same chain on the next start', async () => {
    const first = await startCli(['--state', statePath], 'bft')
    running.push(first)
    const key = first.banner.accounts[0]!.privateKey
    const to = first.banner.accounts[5]!.address
    const wallet = createWalletClient({ chain: hardhat, account: privateKeyToAccount(key), transport: http(`${first.banner.url}/node/0`) })
    const reader = createPublicClient({ chain: hardhat, transport: http(`${first.banner.url}/node/42`), pollingInterval: 100 })
    const hash = await wallet.sendTransaction({ to, value: 123n })
    const receipt = await reader.waitForTransactionReceipt({ hash, timeout: 30_000 })
    const before = { block: await reader.getBlock({ blockNumber: receipt.blockNumber }), balance: await reader.getBalance({ address: to }) }
    expect(await stopCli(first)).toBe(0)
    expect(existsSync(statePath)).toBe(true)
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { kind: string; inputs: { command: { type: string; raw?: string } }[] }
    expect(saved.kind).toBe('network')
    expect(saved.inputs.filter((i) => i.command.type === 'submit-tx' && i.command.raw !== undefined)).toHaveLength(1)

    const second = await startCli(['--state', statePath], 'bft')
    running.push(second)
    const reader2 = createPublicClient({ chain: hardhat, transport: http(`${second.banner.url}/node/42`), pollingInterval: 100 })
    // The same block, hash for hash, and the same balance.
    expect((await reader2.getBlock({ blockNumber: receipt.blockNumber })).hash).toBe(before.block.hash)
    expect(await reader2.getBalance({ address: to })).toBe(before.balance)
    // A wallet's cached nonce (1) is right: the next transfer is mined.
    const wallet2 = createWalletClient({ chain: hardhat, account: privateKeyToAccount(key), transport: http(`${second.banner.url}/node/3`) })
    const next = await wallet2.sendTransaction({ to, value: 1n, nonce: 1 })
    expect((await reader2.waitForTransactionReceipt({ hash: next, timeout: 30_000 })).status).toBe('success')
    // A dev-chain start on a network's file is refused, and the file is left as it was.
    const content = readFileSync(statePath, 'utf8')
    const wrong = spawnSync(process.execPath, [BIN, 'rpc', '--preset', 'dev', '--port', '0', '--state', statePath], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } })
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/holds a "bft" chain/)
    expect(readFileSync(statePath, 'utf8')).toBe(content)
  }, 90_000)
})
