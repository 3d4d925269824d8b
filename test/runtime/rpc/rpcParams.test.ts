/**
 * Parameters as real clients send them: quantities in hex or as plain JSON numbers (web3.js sends
 * eth_feeHistory's count that way), and a bad one named in the error.
 */
import { describe, expect, it } from 'vitest'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'

describe('parameters as real clients send them', () => {
  it('takes quantities as hex or as plain JSON numbers, and names a bad one', async () => {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    const provider = createInProcessProvider(node.service)
    const asHex = (await provider.request({ method: 'eth_feeHistory', params: ['0x1', 'latest', []] })) as { oldestBlock: string }
    const asNumber = (await provider.request({ method: 'eth_feeHistory', params: [1, 'latest', []] })) as { oldestBlock: string }
    expect(asNumber).toEqual(asHex)
    await expect(provider.request({ method: 'eth_feeHistory', params: [-1, 'latest', []] })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/params\[0\] \(blockCount\)/) })
    await expect(provider.request({ method: 'eth_feeHistory', params: [1.5, 'latest', []] })).rejects.toMatchObject({ code: -32602 })
  })

  it('takes a block as a number, a hex number or a tag', async () => {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    const provider = createInProcessProvider(node.service)
    const byTag = (await provider.request({ method: 'eth_getBlockByNumber', params: ['earliest', false] })) as { hash: string }
    expect(await provider.request({ method: 'eth_getBlockByNumber', params: ['0x0', false] })).toEqual(byTag)
    expect(await provider.request({ method: 'eth_getBlockByNumber', params: [0, false] })).toEqual(byTag)
    expect(await provider.request({ method: 'eth_getBlockByNumber', params: [7, false] })).toBeNull()
    await expect(provider.request({ method: 'eth_getBlockByNumber', params: ['seven', false] })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/params\[0\] \(block\)/) })
  })
})
