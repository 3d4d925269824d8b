/**
 * A consensus network saved as its inputs and rebuilt: the same trace, blocks and balances, and
 * it goes on — a transaction signed with the next nonce (as a wallet's cache has it) is mined.
 */
import { bytesToHex } from '@ethereumjs/util'
import { describe, expect, it } from 'vitest'
import { createNetworkNode, restoreNetworkNode } from '../../../runtime/rpc/networkNode.ts'
import { signedTx } from '../exec/evm/evmTestKit.ts'

describe('networkNode state', () => {
  it('rebuilds a saved bft network exactly and continues it', async () => {
    const network = await createNetworkNode({ preset: 'bft', seed: 9, overrides: { nodes: 4 }, genesisTimestamp: 1_700_000_000n })
    const common = network.execution.engine.common
    const key = network.chain(0).accounts[0]!.privateKey
    const to = network.accounts[4]!.address
    for (let i = 0; i < 3; i++) {
      await network.chain(i).submit(signedTx(common, key, { nonce: BigInt(i), to, value: 7n, gasLimit: 21_000n }))
      await network.driver.advanceTo(network.net.now + 1_500_000)
    }
    network.driver.enqueue({ type: 'crash', node: 3 })
    await network.driver.advanceTo(network.net.now + 5_000_000)
    const saved = JSON.parse(JSON.stringify(network.exportState()))

    const copy = await restoreNetworkNode(saved)
    expect(copy.net.now).toBe(network.net.now)
    expect(copy.net.traceHash()).toBe(network.net.traceHash())
    for (let n = 0; n < 4; n++) {
      expect(copy.chain(n).ledger.head().hash).toBe(network.chain(n).ledger.head().hash)
      expect(bytesToHex(copy.chain(n).ledger.head().block.header.stateRoot)).toBe(bytesToHex(network.chain(n).ledger.head().block.header.stateRoot))
    }
    // The rebuilt network goes on from there.
    const next = await copy.chain(1).submit(signedTx(common, key, { nonce: 3n, to, value: 7n, gasLimit: 21_000n }))
    expect(await copy.driver.advanceUntil(() => copy.chain(2).ledger.transaction(next) !== undefined, 30_000_000)).toBe(true)
  })
})
