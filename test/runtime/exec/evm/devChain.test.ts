/**
 * The dev chain's Hardhat-like behaviour: admission errors worded as geth words them, the
 * mempool when automine is off, snapshots, time travel, and replaying a saved chain exactly.
 */
import { createAddressFromString } from '@ethereumjs/util'
import { describe, expect, it } from 'vitest'
import type { TransactionRejectedError } from '../../../../runtime/exec/evm/transactionRejected.ts'
import { createDevNode } from '../../../../runtime/rpc/devNode.ts'
import { deployData, signedTx, transferData } from './evmTestKit.ts'

const clock = (start = 1_700_000_000n) => {
  const c = { now: start, nowSeconds: () => c.now }
  return c
}

async function node(start?: bigint) {
  const time = clock(start)
  const n = await createDevNode({ clock: time })
  const key = (i: number) => n.chain.accounts[i]!.privateKey
  const common = n.chain.engine.common
  return { ...n, time, key, common }
}

async function rejection(p: Promise<unknown>): Promise<{ reason: string; message: string }> {
  try {
    await p
  } catch (error) {
    return { reason: (error as TransactionRejectedError).reason, message: (error as Error).message }
  }
  return { reason: 'accepted', message: '' }
}

describe('devChain', () => {
  it('mines each transaction at once (automine) with the host clock as timestamp', async () => {
    const { chain, key, common, time } = await node()
    time.now += 5n
    await chain.submit(signedTx(common, key(0), { nonce: 0n, to: chain.accounts[1]!.address, value: 1n }))
    expect(chain.ledger.head().block.header.number).toBe(1n)
    expect(chain.ledger.head().block.header.timestamp).toBe(1_700_000_005n)
    // The clock did not move: the next block still gets a later timestamp.
    await chain.submit(signedTx(common, key(0), { nonce: 1n, to: chain.accounts[1]!.address, value: 1n }))
    expect(chain.ledger.head().block.header.timestamp).toBe(1_700_000_006n)
  })

  it('refuses bad transactions with the reasons clients recognise', async () => {
    const { chain, key, common, accounts } = await node()
    const to = accounts[1]!.address
    await chain.submit(signedTx(common, key(0), { nonce: 0n, to, value: 1n }))
    expect(await rejection(chain.submit(signedTx(common, key(0), { nonce: 0n, to, value: 2n })))).toMatchObject({ reason: 'nonce-too-low', message: expect.stringMatching(/^nonce too low/) })
    expect(await rejection(chain.submit(signedTx(common, key(0), { nonce: 5n, to })))).toMatchObject({ reason: 'nonce-too-high' })
    expect(await rejection(chain.submit(signedTx(common, key(0), { nonce: 1n, to, value: 10n ** 30n })))).toMatchObject({ reason: 'insufficient-funds', message: expect.stringMatching(/^insufficient funds for gas \* price \+ value/) })
    expect(await rejection(chain.submit(signedTx(common, key(0), { nonce: 1n, to, gasLimit: 20_000n })))).toMatchObject({ reason: 'intrinsic-gas-too-low' })
    expect(await rejection(chain.submit(signedTx(common, key(0), { nonce: 1n, to, gasLimit: 40_000_000n })))).toMatchObject({ reason: 'gas-limit-too-high' })
    expect(await rejection(chain.submit(signedTx(common, key(0), { nonce: 1n, to, maxFeePerGas: 1n })))).toMatchObject({ reason: 'fee-too-low' })
    const ok = signedTx(common, key(0), { nonce: 1n, to })
    await chain.submit(ok)
    // Sent again once mined: geth (and so viem and ethers) call that "nonce too low".
    expect(await rejection(chain.submit(ok))).toMatchObject({ reason: 'nonce-too-low' })
    expect(chain.ledger.head().block.header.number).toBe(2n)
    chain.dev.setAutomine(false)
    const waiting = signedTx(common, key(0), { nonce: 2n, to })
    await chain.submit(waiting)
    expect(await rejection(chain.submit(waiting))).toMatchObject({ reason: 'already-known', message: expect.stringMatching(/^already known/) })
  })

  it('without automine, queues transactions (future nonces too) and mines them in nonce order', async () => {
    const { chain, key, common, accounts } = await node()
    chain.dev.setAutomine(false)
    const to = accounts[1]!.address
    const later = signedTx(common, key(0), { nonce: 1n, to, value: 2n })
    const first = signedTx(common, key(0), { nonce: 0n, to, value: 1n })
    await chain.submit(later)
    await chain.submit(first)
    expect(chain.pendingTransactions()).toHaveLength(2)
    expect(await chain.pendingNonce(createAddressFromString(accounts[0]!.address))).toBe(2n)
    const gap = signedTx(common, key(0), { nonce: 3n, to, value: 3n })
    await chain.submit(gap)
    const [block] = await chain.dev.mine()
    expect(block!.outcomes.map((o) => o.tx.nonce)).toEqual([0n, 1n])
    // Nonce 3 waits for nonce 2: still queued, not dropped.
    expect(chain.pendingTransactions()).toEqual([gap])
    await chain.submit(signedTx(common, key(0), { nonce: 2n, to, value: 2n }))
    const [next] = await chain.dev.mine()
    expect(next!.outcomes.map((o) => o.tx.nonce)).toEqual([2n, 3n])
    expect(chain.pendingTransactions()).toHaveLength(0)
  })

  it('snapshots and reverts the chain, its clock and its mempool', async () => {
    const { chain, key, common, accounts } = await node()
    const to = accounts[1]!.address
    await chain.submit(signedTx(common, key(0), { nonce: 0n, to, value: 1n }))
    const id = await chain.dev.snapshot()
    await chain.dev.increaseTime(3600n)
    await chain.submit(signedTx(common, key(0), { nonce: 1n, to, value: 1n }))
    expect(chain.ledger.head().block.header.timestamp).toBeGreaterThanOrEqual(1_700_003_600n)
    expect(await chain.dev.revert(id)).toBe(true)
    expect(chain.ledger.head().block.header.number).toBe(1n)
    expect(await chain.dev.revert(id)).toBe(false)
    // The reverted nonce is free again, and time is back.
    await chain.submit(signedTx(common, key(0), { nonce: 1n, to, value: 1n }))
    expect(chain.ledger.head().block.header.timestamp).toBeLessThan(1_700_003_600n)
  })

  it('sets the next block timestamp, refusing one that is not after the head', async () => {
    const { chain } = await node()
    await expect(chain.dev.setNextBlockTimestamp(1_600_000_000n)).rejects.toThrow(/lower than or equal/)
    await chain.dev.setNextBlockTimestamp(1_800_000_000n)
    const [b] = await chain.dev.mine()
    expect(b!.block.header.timestamp).toBe(1_800_000_000n)
    const [c] = await chain.dev.mine()
    expect(c!.block.header.timestamp).toBeGreaterThan(1_800_000_000n)
  })

  it('replays a saved chain to the same head hash, balances and nonces', async () => {
    const a = await node()
    const to = a.accounts[1]!.address
    await a.chain.submit(signedTx(a.common, a.key(0), { nonce: 0n, data: deployData(1000n) }))
    const token = a.chain.ledger.head().outcomes[0]!.contractAddress!
    a.time.now += 30n
    await a.chain.submit(signedTx(a.common, a.key(0), { nonce: 1n, to: token, data: transferData(to, 9n) }))
    await a.chain.dev.increaseTime(100n)
    await a.chain.dev.mine()
    const state = JSON.parse(JSON.stringify(a.chain.dev.exportState()))
    const b = await createDevNode({ clock: { nowSeconds: () => 1_700_000_500n }, restore: state })
    expect(b.chain.ledger.head().hash).toBe(a.chain.ledger.head().hash)
    const root = b.chain.ledger.head().block.header.stateRoot
    expect((await b.chain.engine.account(root, createAddressFromString(a.accounts[0]!.address)))!.nonce).toBe(2n)
    // The next block continues after the saved one.
    await b.chain.dev.mine()
    expect(b.chain.ledger.head().block.header.number).toBe(4n)
    expect(b.chain.ledger.head().block.header.timestamp).toBeGreaterThan(a.chain.ledger.head().block.header.timestamp)
  })
})
