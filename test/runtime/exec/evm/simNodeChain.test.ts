/**
 * A node's Ethereum view follows its tip through forks: during a partition each side mines its
 * own chain; after healing, the losing side rewinds (subscribers hear `rewind`) and every node
 * ends on the same blocks — with the transaction sent on the losing side mined on the winning one.
 */
import { describe, expect, it } from 'vitest'
import type { ChainEvent } from '../../../../runtime/exec/evm/devChain.ts'
import { createNetworkNode } from '../../../../runtime/rpc/networkNode.ts'
import { signedTx } from './evmTestKit.ts'

describe('simNodeChain: reorgs', () => {
  it('rewinds the losing side of a partition and keeps transactions', async () => {
    const network = await createNetworkNode({ preset: 'pow-lan', seed: 5, overrides: { nodes: 6 }, genesisTimestamp: 1_700_000_000n })
    const { driver } = network
    const events: Record<number, ChainEvent['type'][]> = {}
    for (let n = 0; n < 6; n++) network.chain(n).subscribe((e) => (events[n] ??= []).push(e.type))
    driver.enqueue({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5]] })
    await driver.advanceTo(1_000_000)
    const common = network.execution.engine.common
    const key = network.chain(0).accounts
    // One transaction on each side of the partition.
    const left = await network.chain(0).submit(signedTx(common, key[0]!.privateKey, { nonce: 0n, to: key[5]!.address, value: 1n, gasLimit: 21_000n }))
    const right = await network.chain(3).submit(signedTx(common, key[1]!.privateKey, { nonce: 0n, to: key[5]!.address, value: 2n, gasLimit: 21_000n }))
    await driver.advanceTo(240_000_000)
    const before = [0, 3].map((n) => network.chain(n).ledger.head())
    expect(before[0]!.hash).not.toBe(before[1]!.hash)
    driver.enqueue({ type: 'heal' })
    const converged = () => {
      const heads = [0, 1, 2, 3, 4, 5].map((n) => network.chain(n).ledger.head().hash)
      return new Set(heads).size === 1 && [left, right].every((h) => network.chain(0).ledger.transaction(h) !== undefined)
    }
    expect(await driver.advanceUntil(converged, 600_000_000, 5_000_000)).toBe(true)
    // Some node switched branches and said so.
    expect(Object.values(events).some((list) => list.includes('rewind'))).toBe(true)
    for (let n = 0; n < 6; n++) {
      const chain = network.chain(n)
      const head = chain.ledger.head()
      // The canonical chain links up to genesis, block by block.
      for (let h = head.block.header.number; h > 0n; h--) {
        expect(chain.ledger.blockByNumber(h)!.block.header.parentHash).toEqual(chain.ledger.blockByNumber(h - 1n)!.block.hash())
      }
      for (const hash of [left, right]) {
        const located = chain.ledger.transaction(hash)!
        expect(chain.ledger.blockByNumber(located.executed.block.header.number)!.hash).toBe(located.executed.hash)
      }
    }
  })
})
