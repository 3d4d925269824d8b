/**
 * The real viem inside the isolate (the bundle `tools/build/bundleIsolateLibraries.js` builds,
 * served by `app/cli/isolateLibraries.ts`): the same hashes and signatures as viem on the host,
 * and a learner-style script that talks to the real dev chain through a `chain` capability —
 * a transfer from the unlocked dev account 0, and a revert decoded by viem from the JSON-RPC
 * error (code 3 + data) the capability passes on.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { keccak256 as hostKeccak, toHex } from 'viem'
import { privateKeyToAccount as hostAccount } from 'viem/accounts'
import { createNodeIsolateLibraries, nodeIsolateLibraries } from '../../app/cli/isolateLibraries.ts'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'
import { createDevNode } from '../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../runtime/rpc/inProcessProvider.ts'
import { createSandbox } from '../../sandbox/createSandbox.ts'
import type { JsonValue } from '../../sandbox/jsonValue.ts'
import { quickjsDiscardCount } from '../../sandbox/quickjsModule.ts'
import { errorOf, valueOf } from './helpers.ts'

/** The build tool (plain JS, no declarations): typed here for the one call the tests make. */
const { bundleIsolateLibraries } = (await import('../../tools/build/bundleIsolateLibraries.js' as string)) as {
  bundleIsolateLibraries(options?: { outDir?: string }): Promise<{ outDir: string; files: Record<string, number> }>
}

/** Hardhat's (and our dev chain's) account 0. */
const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const LIMITS = { cpuSteps: 1_000_000, wallMs: 60_000, memoryBytes: 256 * 1024 * 1024 }

describe('viem in the isolate', () => {
  const sandbox = createSandbox({ limits: LIMITS, libraries: nodeIsolateLibraries() })

  it('keccak256 and toHex equal the host viem', async () => {
    const value = valueOf(
      await sandbox.run(`
        import { keccak256, toHex, toBytes, parseEther, formatEther } from 'viem'
        export default [keccak256(toHex('hello playground')), keccak256('0x'), toHex(toBytes('한국어')), formatEther(parseEther('1.25'))]
      `),
    )
    expect(value).toEqual([hostKeccak(toHex('hello playground')), hostKeccak('0x'), toHex('한국어'), '1.25'])
  })

  it('privateKeyToAccount and signMessage equal the host viem', async () => {
    const host = hostAccount(KEY0)
    const value = valueOf(
      await sandbox.run(`
        import { privateKeyToAccount } from 'viem/accounts'
        const account = privateKeyToAccount('${KEY0}')
        export default [account.address, await account.signMessage({ message: '안녕 playground' })]
      `),
    )
    expect(value).toEqual(['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', await host.signMessage({ message: '안녕 playground' })])
  })

  it('the three specifiers share one viem: an account from viem/accounts passes viem instanceof checks', async () => {
    const value = valueOf(
      await sandbox.run(`
        import { BaseError, encodeFunctionData, parseAbi, createWalletClient, custom } from 'viem'
        import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts'
        import { hardhat, mainnet, sepolia, foundry, localhost } from 'viem/chains'
        import * as chains from 'viem/chains'
        const data = encodeFunctionData({ abi: parseAbi(['function transfer(address,uint256)']), functionName: 'transfer', args: ['0x0000000000000000000000000000000000000001', 5n] })
        let sameBase = false
        try { encodeFunctionData({ abi: [], functionName: 'nope' }) } catch (e) { sameBase = e instanceof BaseError }
        const client = createWalletClient({ account: privateKeyToAccount(generatePrivateKey()), chain: hardhat, transport: custom({ request: async () => null }) })
        export default [data.slice(0, 10), sameBase, client.account.type, hardhat.id, mainnet.id, sepolia.id, foundry.id, localhost.id, Object.keys(chains).sort()]
      `),
    )
    expect(value).toEqual(['0xa9059cbb', true, 'local', 31337, 1, 11155111, 31337, 1337, ['foundry', 'hardhat', 'localhost', 'mainnet', 'sepolia']])
  })

  it('crypto.getRandomValues is seeded: generatePrivateKey repeats for a seed and differs between seeds', async () => {
    const script = `import { generatePrivateKey } from 'viem/accounts'\nexport default generatePrivateKey()`
    const a = valueOf(await createSandbox({ seed: 1, limits: LIMITS, libraries: nodeIsolateLibraries() }).run(script))
    const b = valueOf(await createSandbox({ seed: 1, limits: LIMITS, libraries: nodeIsolateLibraries() }).run(script))
    const c = valueOf(await createSandbox({ seed: 2, limits: LIMITS, libraries: nodeIsolateLibraries() }).run(script))
    expect(a).toBe(b)
    expect(a).not.toBe(c)
    expect(a).toMatch(/^0x[0-9a-f]{64}$/)
  })

  it('polyfills only in runs that import a library; a plain run keeps the bare global object', async () => {
    expect(valueOf(await sandbox.run('export default [typeof TextEncoder, typeof crypto]'))).toEqual(['undefined', 'undefined'])
    expect(valueOf(await sandbox.run(`import 'viem'\nexport default [new TextDecoder().decode(new TextEncoder().encode('é😀')), typeof crypto.subtle]`))).toEqual(['é😀', 'undefined'])
  })

  it('without a library loader, or for a specifier the loader does not know, the import is refused', async () => {
    expect(errorOf(await createSandbox().run(`import { keccak256 } from 'viem'`)).code).toBe('sandbox.import')
    for (const module of ['viem/actions', 'viem/node', 'ws', 'isows']) {
      const error = errorOf(await sandbox.run(`import * as m from '${module}'\nexport default 1`))
      expect([error.code, error.details]).toEqual(['sandbox.import', module])
    }
  })

  it('the bundle is deterministic and holds one copy of noble secp256k1', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'isolate-a-')), mkdtempSync(join(tmpdir(), 'isolate-b-'))] as const
    try {
      const [a, b] = [await bundleIsolateLibraries({ outDir: dirs[0] }), await bundleIsolateLibraries({ outDir: dirs[1] })]
      expect(a.files).toEqual(b.files)
      const manifest = (dir: string): unknown => JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'))
      expect(manifest(dirs[0])).toEqual(manifest(dirs[1]))
      // One base-point table setting = one secp256k1 (ox's copy is deduplicated into viem's).
      expect(readFileSync(`${dirs[0]}/viem-core.js`, 'utf8').match(/_setWindowSize\(4\)/g)).toHaveLength(1)
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a missing or tampered bundle fails with sandbox.library', async () => {
    const missing = createSandbox({ libraries: createNodeIsolateLibraries('/nonexistent/') })
    const error = errorOf(await missing.run(`import 'viem'`))
    expect(error.code).toBe('sandbox.library')
    expect(error.messageKo).toContain('viem')
  })
})

const VAULT = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Vault {
    event Deposited(address indexed from, uint256 amount);
    uint256 public total;
    function deposit() external payable {
        total += msg.value;
        emit Deposited(msg.sender, msg.value);
    }
    function withdraw(uint256 amount) external {
        require(amount <= total, "not enough in the vault");
        total -= amount;
        payable(msg.sender).transfer(amount);
    }
}
`

/** The learner's script: TypeScript, a helper file, viem over the `chain` of 'playground'. */
const SCRIPT = `
import { chain, vault } from 'playground'
import { createPublicClient, createWalletClient, custom, parseEther, formatEther, BaseError, ContractFunctionRevertedError } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { describeReceipt } from './lib/format'

const wallet = createWalletClient({ chain: hardhat, transport: custom(chain) })
const client = createPublicClient({ chain: hardhat, transport: custom(chain) })
const [me] = await wallet.getAddresses()
const friend: \`0x\${string}\` = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

const hash = await wallet.sendTransaction({ account: me, to: friend, value: parseEther('1.5') })
const receipt = await client.waitForTransactionReceipt({ hash })
console.log(describeReceipt(receipt))

// A local account: viem fills in nonce, gas and fees, signs in the isolate, sends it raw.
const local = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a')
const signed = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ account: local, to: friend, value: parseEther('0.5') }) })

const deployHash = await wallet.deployContract({ account: me, abi: vault.abi, bytecode: vault.bytecode })
const { contractAddress } = await client.waitForTransactionReceipt({ hash: deployHash })
const depositHash = await wallet.writeContract({ account: me, address: contractAddress!, abi: vault.abi, functionName: 'deposit', value: 100n })
await client.waitForTransactionReceipt({ hash: depositHash })
const events = await client.getContractEvents({ address: contractAddress!, abi: vault.abi, eventName: 'Deposited', fromBlock: 0n })

// Polling on simulated time: the watcher's interval passes at once in real time.
const watched: string[] = []
const unwatch = client.watchContractEvent({
  address: contractAddress!, abi: vault.abi, eventName: 'Deposited', pollingInterval: 1_000,
  onLogs: (logs) => { for (const log of logs) watched.push(String(log.args.amount)) },
})
await new Promise((resolve) => setTimeout(resolve, 1_500))
await client.waitForTransactionReceipt({ hash: await wallet.writeContract({ account: me, address: contractAddress!, abi: vault.abi, functionName: 'deposit', value: 7n }) })
await new Promise((resolve) => setTimeout(resolve, 3_000))
unwatch()

let revert: string[] = []
try {
  await client.simulateContract({ account: me, address: contractAddress!, abi: vault.abi, functionName: 'withdraw', args: [1000n] })
} catch (error) {
  const reverted = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined
  if (reverted instanceof ContractFunctionRevertedError) revert = [reverted.name, reverted.reason ?? '']
}

export default {
  status: receipt.status,
  block: Number(receipt.blockNumber),
  hash,
  signed: [signed.status, signed.from],
  friend: formatEther(await client.getBalance({ address: friend })),
  total: String(await client.readContract({ address: contractAddress!, abi: vault.abi, functionName: 'total' })),
  events: events.map((e) => [e.eventName, String(e.args.amount)]),
  revert,
  watched,
  blockNumber: Number(await client.getBlockNumber()),
  now: Date.now(),
}
`

const FORMAT_TS = `
import type { TransactionReceipt } from 'viem'
export function describeReceipt(receipt: TransactionReceipt): string {
  return \`\${receipt.status} in block \${receipt.blockNumber} (gas \${receipt.gasUsed})\`
}
`

describe('viem in the isolate against the dev chain (end to end)', () => {
  let artifact: { abi: unknown[]; bytecode: string }
  beforeAll(() => {
    const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
    const compiled = compiler.compile({ sources: { 'Vault.sol': VAULT } })
    const found = compiled.artifacts.find((a) => a.contractName === 'Vault')
    if (!found) throw new Error('Vault did not compile')
    artifact = { abi: found.abi, bytecode: found.bytecode }
  })

  async function runOnFreshChain(): Promise<{ value: JsonValue | undefined; console: string[] }> {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    const provider = createInProcessProvider(node.service)
    const sandbox = createSandbox({
      seed: 3,
      limits: LIMITS,
      libraries: nodeIsolateLibraries(),
      capabilities: { __chainRequest: (args) => provider.request(args as { method: string; params?: unknown[] }) as Promise<JsonValue> },
      modules: {
        playground: `export const chain = { request: (args) => __chainRequest(args) }\nexport const vault = ${JSON.stringify(artifact)}`,
      },
      files: { 'lib/format.ts': FORMAT_TS, 'deploy.ts': SCRIPT },
    })
    const result = await sandbox.run(SCRIPT, { filename: 'deploy.ts' })
    provider.close()
    return { value: valueOf(result), console: result.console.map((line) => line.text) }
  }

  it('sends ETH from the unlocked dev account 0, deploys, reads events, and gets a decoded revert', async () => {
    const first = await runOnFreshChain()
    expect(first.value).toMatchObject({
      status: 'success',
      block: 1,
      signed: ['success', '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'],
      friend: '10002',
      total: '107',
      events: [['Deposited', '100']],
      revert: ['ContractFunctionRevertedError', 'not enough in the vault'],
      watched: ['7'],
      blockNumber: 5,
    })
    expect(first.console).toEqual([expect.stringMatching(/^success in block 1 \(gas 21000\)$/)])
    // Determinism: a second fresh chain and sandbox give the same output, hashes included.
    expect(await runOnFreshChain()).toEqual(first)
    expect(quickjsDiscardCount()).toBe(0)
  })
})
