/**
 * The engine on its own: blocks built on the real EVM, memoised by (parent state root, body),
 * byzantine copies that diverge and stay out of the memo, calls and estimates, bad raw input.
 */
import { bytesToHex, createAddressFromString, hexToBytes } from '@ethereumjs/util'
import { decodeFunctionResult } from 'viem'
import { describe, expect, it } from 'vitest'
import { deriveDevAccounts } from '../../../../runtime/exec/evm/devAccounts.ts'
import { createEvmCommon } from '../../../../runtime/exec/evm/evmCommon.ts'
import { createEvmEngine } from '../../../../runtime/exec/evm/evmEngine.ts'
import { createConsoleDecoder } from '../../../../runtime/exec/evm/consoleLog.ts'
import type { TransactionRejectedError } from '../../../../runtime/exec/evm/transactionRejected.ts'
import { ERC20, consoleSol, deployData, signedTx, transferData } from './evmTestKit.ts'

const [alice, bob] = deriveDevAccounts({ count: 2 })
const common = createEvmCommon()

async function engineWithToken() {
  const engine = await createEvmEngine({
    common,
    genesis: { accounts: [{ address: alice!.address, balance: 10n ** 22n }], timestamp: 1_700_000_000n },
    console: createConsoleDecoder(consoleSol),
  })
  const deploy = signedTx(common, alice!.privateKey, { nonce: 0n, data: deployData(1000n) })
  const b1 = await engine.buildBlock({ parent: engine.genesis.block, timestamp: 1_700_000_001n, txs: [deploy], ancestorHash: () => undefined })
  const token = b1.outcomes[0]!.contractAddress!
  return { engine, b1, token }
}

describe('evmEngine', () => {
  it('deploys at the address Hardhat gives the first deployment and runs a transfer with its event', async () => {
    const { engine, b1, token } = await engineWithToken()
    expect(token).toBe('0x5fbdb2315678afecb367f032d93f642f64180aa3')
    expect(b1.outcomes[0]!.status).toBe(1)
    const transfer = signedTx(common, alice!.privateKey, { nonce: 1n, to: token, data: transferData(bob!.address, 25n) })
    const b2 = await engine.buildBlock({ parent: b1.block, timestamp: 1_700_000_002n, txs: [transfer], ancestorHash: () => undefined })
    const o = b2.outcomes[0]!
    expect(o.status).toBe(1)
    expect(o.logs).toHaveLength(1)
    expect(bytesToHex(o.logs[0]![1][0]!)).toBe('0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef')
    expect(o.gasUsed).toBeGreaterThan(21_000n)
    expect(b2.block.header.number).toBe(2n)
    expect(b2.block.header.gasUsed).toBe(o.gasUsed)
    const call = await engine.call(b2.block, { to: createAddressFromString(token), data: hexToBytes(`0x70a08231${bob!.address.slice(2).toLowerCase().padStart(64, '0')}`) }, () => undefined)
    expect(BigInt(bytesToHex(call.returnData))).toBe(25n)
  })

  it('memoises a block by parent state root and body: the same block again costs no execution', async () => {
    const { engine, b1, token } = await engineWithToken()
    const transfer = signedTx(common, alice!.privateKey, { nonce: 1n, to: token, data: transferData(bob!.address, 1n) })
    const request = { parent: b1.block, timestamp: 1_700_000_002n, txs: [transfer], ancestorHash: () => undefined }
    const before = { ...engine.stats }
    const first = await engine.buildBlock(request)
    const again = await engine.buildBlock({ ...request })
    expect(again).toBe(first)
    expect(engine.stats.executions - before.executions).toBe(1)
    expect(engine.stats.memoHits - before.memoHits).toBe(1)
    // A different body (another timestamp) is another block: executed, with another hash.
    const other = await engine.buildBlock({ ...request, timestamp: 1_700_000_003n })
    expect(other.hash).not.toBe(first.hash)
    expect(engine.stats.executions - before.executions).toBe(2)
  })

  it('a byzantine copy credits its producer: another state root, never stored in the memo', async () => {
    const { engine, b1 } = await engineWithToken()
    const executions = engine.stats.executions
    const fake = await engine.divergentCopy(b1, createAddressFromString(bob!.address), 10n ** 21n)
    expect(bytesToHex(fake.block.header.stateRoot)).not.toBe(bytesToHex(b1.block.header.stateRoot))
    expect(fake.hash).not.toBe(b1.hash)
    expect((await engine.account(fake.block.header.stateRoot, createAddressFromString(bob!.address)))!.balance).toBe(10n ** 21n)
    expect(await engine.account(b1.block.header.stateRoot, createAddressFromString(bob!.address))).toBeUndefined()
    // Rebuilding the honest block still hits the honest result.
    expect(engine.stats.executions).toBe(executions)
  })

  it('calls report reverts with their data; estimates are the least gas that succeeds', async () => {
    const { engine, b1, token } = await engineWithToken()
    const divide = hexToBytes(`0x${'f88e9fbf'}${'1'.padStart(64, '0')}${'0'.padStart(64, '0')}`)
    const r = await engine.call(b1.block, { to: createAddressFromString(token), data: divide }, () => undefined)
    expect(r.ok).toBe(false)
    expect(r.failure).toBe('revert')
    expect(bytesToHex(r.returnData)).toBe(`0x4e487b71${'12'.padStart(64, '0')}`)
    const from = createAddressFromString(alice!.address)
    const transfer = { from, to: createAddressFromString(token), data: transferData(bob!.address, 5n) }
    const est = await engine.estimateGas(b1.block, transfer, () => undefined)
    if (!('gas' in est)) throw new Error('estimate failed')
    const ok = await engine.buildBlock({ parent: b1.block, timestamp: 1_700_000_005n, txs: [signedTx(common, alice!.privateKey, { nonce: 1n, to: token, data: transferData(bob!.address, 5n), gasLimit: est.gas })], ancestorHash: () => undefined })
    expect(ok.outcomes[0]!.status).toBe(1)
    const short = await engine.buildBlock({ parent: b1.block, timestamp: 1_700_000_006n, txs: [signedTx(common, alice!.privateKey, { nonce: 1n, to: token, data: transferData(bob!.address, 5n), gasLimit: est.gas - 1n })], ancestorHash: () => undefined })
    expect(short.outcomes[0]!.status).toBe(0)
    expect(decodeFunctionResult({ abi: ERC20, functionName: 'balanceOf', data: bytesToHex((await engine.call(ok.block, { to: createAddressFromString(token), data: hexToBytes(`0x70a08231${bob!.address.slice(2).toLowerCase().padStart(64, '0')}`) }, () => undefined)).returnData) })).toBe(5n)
  })

  it('refuses to estimate a transfer of more than the sender has, as geth does', async () => {
    const { engine, b1 } = await engineWithToken()
    const request = { from: createAddressFromString(bob!.address), to: createAddressFromString(alice!.address), value: 1n }
    const est = await engine.estimateGas(b1.block, request, () => undefined)
    expect('failure' in est && est.failure.failure).toBe('insufficient funds for transfer')
    const fine = await engine.estimateGas(b1.block, { ...request, from: createAddressFromString(alice!.address), to: createAddressFromString(bob!.address) }, () => undefined)
    expect('gas' in fine && fine.gas).toBe(21_000n)
  })

  it('captures console.log per transaction', async () => {
    const { engine, b1, token } = await engineWithToken()
    const data = hexToBytes(`0x${'c4a4d5a5'}`)
    expect(data.length).toBe(4)
    const { encodeFunctionData } = await import('viem')
    const logged = signedTx(common, alice!.privateKey, { nonce: 1n, to: token, data: hexToBytes(encodeFunctionData({ abi: ERC20, functionName: 'transferLogged', args: [bob!.address as `0x${string}`, 7n] })) })
    const b2 = await engine.buildBlock({ parent: b1.block, timestamp: 1_700_000_002n, txs: [logged], ancestorHash: () => undefined })
    expect(b2.outcomes[0]!.consoleLogs).toEqual(['transfer 7 tokens'])
  })

  it('rejects raw input that is not a valid signed transaction for this chain, naming why', async () => {
    const { engine } = await engineWithToken()
    const reason = (raw: Uint8Array) => {
      try {
        engine.decodeTransaction(raw)
        return 'accepted'
      } catch (error) {
        return (error as TransactionRejectedError).reason
      }
    }
    expect(reason(hexToBytes('0x02c0ffee'))).toBe('invalid-encoding')
    const otherChain = signedTx(createEvmCommon({ chainId: 1n }), alice!.privateKey, { nonce: 0n, to: bob!.address })
    expect(reason(otherChain.serialize())).toBe('wrong-chain-id')
    const good = signedTx(common, alice!.privateKey, { nonce: 0n, to: bob!.address }).serialize()
    expect(reason(good)).toBe('accepted')
    // A changed signature either recovers nobody or somebody else (who then has no funds):
    // never the signer.
    for (const offset of [40, 50, 60]) {
      const tampered = good.slice()
      tampered[tampered.length - offset]! ^= 0x01
      const outcome = reason(tampered)
      if (outcome === 'accepted') expect(engine.decodeTransaction(tampered).getSenderAddress().toString()).not.toBe(alice!.address.toLowerCase())
      else expect(['invalid-signature', 'invalid-encoding']).toContain(outcome)
    }
  })
})
