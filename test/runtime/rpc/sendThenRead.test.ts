/**
 * A send answers once its transaction is admitted and the block is built right after: any request
 * that follows — on the same connection or another — must still see the mined block, as with
 * Hardhat's automine.
 */
import { bytesToHex } from '@ethereumjs/util'
import { describe, expect, it } from 'vitest'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'
import { signedTx } from '../exec/evm/evmTestKit.ts'

describe('automine: reads after a send', () => {
  it('see the block of every answered send, from any session', async () => {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    const sender = createInProcessProvider(node.service)
    const reader = createInProcessProvider(node.service)
    const common = node.chain.engine.common
    const to = node.accounts[3]!.address
    for (let i = 0; i < 5; i++) {
      const raw = bytesToHex(signedTx(common, node.chain.accounts[0]!.privateKey, { nonce: BigInt(i), to, value: 1n, gasLimit: 21_000n }).serialize())
      const hash = await sender.request({ method: 'eth_sendRawTransaction', params: [raw] })
      // No awaiting anything else: the very next request must find the receipt.
      const [receipt, balance, number] = await Promise.all([
        reader.request({ method: 'eth_getTransactionReceipt', params: [hash] }),
        reader.request({ method: 'eth_getBalance', params: [to, 'latest'] }),
        sender.request({ method: 'eth_blockNumber' }),
      ])
      expect(receipt).toMatchObject({ status: '0x1', blockNumber: `0x${(i + 1).toString(16)}` })
      expect(BigInt(balance as string)).toBe(10_000n * 10n ** 18n + BigInt(i + 1))
      expect(number).toBe(`0x${(i + 1).toString(16)}`)
    }
  })
})
