/**
 * Our block assembly against ethereumjs's own BlockBuilder: the same transactions on the same
 * state give the same block hash (so the same state, transactions and receipts roots, bloom and
 * gas), for empty blocks, a deployment, transfers with logs, a reverted call and a skipped one.
 */
import { createAddressFromString, bytesToHex } from '@ethereumjs/util'
import { MerkleStateManager } from '@ethereumjs/statemanager'
import { createAccount } from '@ethereumjs/util'
import { buildBlock, createVM } from '@ethereumjs/vm'
import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import { describe, expect, it } from 'vitest'
import { deriveDevAccounts } from '../../../../runtime/exec/evm/devAccounts.ts'
import { createEvmCommon } from '../../../../runtime/exec/evm/evmCommon.ts'
import { createEvmEngine } from '../../../../runtime/exec/evm/evmEngine.ts'
import { deployData, signedTx, transferData } from './evmTestKit.ts'

const accounts = deriveDevAccounts({ count: 2 })
const common = createEvmCommon()
const BALANCE = 10n ** 22n

describe('assembleBlock', () => {
  it('gives the same blocks as ethereumjs BlockBuilder', async () => {
    const engine = await createEvmEngine({ common, genesis: { accounts: accounts.map((a) => ({ address: a.address, balance: BALANCE })), timestamp: 1_700_000_000n } })
    // The reference: a plain ethereumjs VM with the same genesis state.
    const vm = await createVM({ common, stateManager: new MerkleStateManager({ common }) })
    for (const a of accounts) await vm.stateManager.putAccount(createAddressFromString(a.address), createAccount({ balance: BALANCE }))
    await vm.stateManager.checkpoint()
    await vm.stateManager.commit()
    expect(bytesToHex(await vm.stateManager.getStateRoot())).toBe(bytesToHex(engine.genesis.block.header.stateRoot))

    const coinbase = '0x00000000000000000000000000000000000000c0'
    let ours: Block = engine.genesis.block
    let theirs: Block = engine.genesis.block
    const step = async (timestamp: bigint, txs: TypedTransaction[]) => {
      const built = await engine.buildBlock({ parent: ours, timestamp, coinbase, txs, ancestorHash: () => undefined })
      const builder = await buildBlock(vm, {
        parentBlock: theirs,
        headerData: { timestamp, coinbase: createAddressFromString(coinbase), parentBeaconBlockRoot: new Uint8Array(32) },
        withdrawals: [],
        blockOpts: { putBlockIntoBlockchain: false, setHardfork: false },
      })
      for (const tx of txs) {
        try {
          await builder.addTransaction(tx, { skipHardForkValidation: true })
        } catch {
          // left out, as ours leaves it out (reported in `skipped`)
        }
      }
      const { block } = await builder.build()
      expect(built.hash).toBe(bytesToHex(block.hash()))
      expect(bytesToHex(built.block.header.receiptTrie)).toBe(bytesToHex(block.header.receiptTrie))
      ours = built.block
      theirs = block
      return built
    }
    const [alice, bob] = accounts
    await step(1_700_000_001n, [])
    const deployed = await step(1_700_000_002n, [signedTx(common, alice!.privateKey, { nonce: 0n, data: deployData(1_000n) })])
    const token = deployed.outcomes[0]!.contractAddress!
    const many = await step(1_700_000_003n, [
      signedTx(common, alice!.privateKey, { nonce: 1n, to: token, data: transferData(bob!.address, 10n), gasLimit: 100_000n }),
      signedTx(common, alice!.privateKey, { nonce: 2n, to: token, data: transferData(bob!.address, 10_000n), gasLimit: 100_000n }), // reverts
      signedTx(common, bob!.privateKey, { nonce: 0n, to: alice!.address, value: 5n, gasLimit: 21_000n }),
      signedTx(common, bob!.privateKey, { nonce: 7n, to: alice!.address, value: 5n, gasLimit: 21_000n }), // wrong nonce: skipped
    ])
    expect(many.outcomes.map((o) => o.status)).toEqual([1, 0, 1])
    expect(many.skipped).toHaveLength(1)
    expect(many.skipped[0]!.reason).toMatch(/nonce/)
  })
})
