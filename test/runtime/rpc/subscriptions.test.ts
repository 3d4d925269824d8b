/**
 * eth_subscribe through an EIP-1193 provider: newPendingTransactions pushes a hash when the node
 * admits it, newHeads the block, logs the matching events; eth_unsubscribe stops the pushes.
 */
import { bytesToHex } from '@ethereumjs/util'
import { describe, expect, it } from 'vitest'
import type { Eip1193ProviderMessage } from '../../../runtime/rpc/eip1193.ts'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'
import { signedTx } from '../exec/evm/evmTestKit.ts'

describe('eth_subscribe', () => {
  it('pushes pending hashes and new heads, and stops on unsubscribe', async () => {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    const provider = createInProcessProvider(node.service)
    const messages: { subscription: string; result: unknown }[] = []
    provider.on('message', (m: Eip1193ProviderMessage) => messages.push(m.data as { subscription: string; result: unknown }))
    const pendingId = (await provider.request({ method: 'eth_subscribe', params: ['newPendingTransactions'] })) as string
    const headsId = (await provider.request({ method: 'eth_subscribe', params: ['newHeads'] })) as string
    expect(pendingId).not.toBe(headsId)
    const send = (nonce: bigint) =>
      provider.request({ method: 'eth_sendRawTransaction', params: [bytesToHex(signedTx(node.chain.engine.common, node.chain.accounts[0]!.privateKey, { nonce, to: node.accounts[1]!.address, value: 1n, gasLimit: 21_000n }).serialize())] })
    const hash = await send(0n)
    await provider.request({ method: 'eth_blockNumber' })
    expect(messages.filter((m) => m.subscription === pendingId).map((m) => m.result)).toEqual([hash])
    const heads = messages.filter((m) => m.subscription === headsId).map((m) => m.result as { number: string; transactions?: unknown })
    expect(heads).toHaveLength(1)
    expect(heads[0]!.number).toBe('0x1')
    expect(heads[0]!.transactions).toBeUndefined()
    expect(await provider.request({ method: 'eth_unsubscribe', params: [pendingId] })).toBe(true)
    expect(await provider.request({ method: 'eth_unsubscribe', params: [pendingId] })).toBe(false)
    await send(1n)
    await provider.request({ method: 'eth_blockNumber' })
    expect(messages.filter((m) => m.subscription === pendingId)).toHaveLength(1)
    expect(messages.filter((m) => m.subscription === headsId)).toHaveLength(2)
  })
})
