/**
 * debug_traceTransaction re-executes a mined transaction step by step: the trace's gas is the
 * receipt's, a transfer writes storage and logs, a reverted call ends in REVERT.
 */
import { bytesToHex } from '@ethereumjs/util'
import { describe, expect, it } from 'vitest'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import { createInProcessProvider } from '../../../runtime/rpc/inProcessProvider.ts'
import { deployData, signedTx, transferData } from '../exec/evm/evmTestKit.ts'

interface Trace {
  gas: number
  failed: boolean
  returnValue: string
  structLogs: { pc: number; op: string; gas: number; gasCost: number; depth: number; stack?: string[]; memory?: string[] }[]
}

describe('debug_traceTransaction', () => {
  it('traces a transfer and a failing transfer as geth does', async () => {
    const node = await createDevNode({ clock: { nowSeconds: () => 1_700_000_000n } })
    const provider = createInProcessProvider(node.service)
    const common = node.chain.engine.common
    const key = node.chain.accounts[0]!.privateKey
    const send = (tx: ReturnType<typeof signedTx>) => provider.request({ method: 'eth_sendRawTransaction', params: [bytesToHex(tx.serialize())] }) as Promise<string>
    const deploy = await send(signedTx(common, key, { nonce: 0n, data: deployData(100n) }))
    // A send answers on admission; reads through the provider see its block.
    const token = ((await provider.request({ method: 'eth_getTransactionReceipt', params: [deploy] })) as { contractAddress: string }).contractAddress
    const ok = await send(signedTx(common, key, { nonce: 1n, to: token, data: transferData(node.accounts[1]!.address, 5n), gasLimit: 100_000n }))
    const bad = await send(signedTx(common, key, { nonce: 2n, to: token, data: transferData(node.accounts[1]!.address, 10_000n), gasLimit: 100_000n }))

    const trace = (await provider.request({ method: 'debug_traceTransaction', params: [ok] })) as Trace
    const receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [ok] })) as { gasUsed: string }
    expect(trace.failed).toBe(false)
    expect(trace.gas).toBe(Number(receipt.gasUsed))
    const ops = trace.structLogs.map((l) => l.op)
    expect(ops).toContain('SSTORE')
    expect(ops).toContain('LOG3')
    expect(ops[ops.length - 1]).toBe('RETURN')
    expect(trace.returnValue).toBe('1'.padStart(64, '0'))
    expect(trace.structLogs[0]).toMatchObject({ pc: 0, depth: 1 })
    expect(trace.structLogs[0]!.stack).toEqual([])

    const failed = (await provider.request({ method: 'debug_traceTransaction', params: [bad, { disableStack: true, enableMemory: true }] })) as Trace
    expect(failed.failed).toBe(true)
    expect(failed.structLogs[failed.structLogs.length - 1]!.op).toBe('REVERT')
    expect(failed.structLogs[0]!.stack).toBeUndefined()
    expect(failed.structLogs.some((l) => (l.memory?.length ?? 0) > 0)).toBe(true)
    // Tracing changes nothing: the chain goes on from the same state.
    await send(signedTx(common, key, { nonce: 3n, to: node.accounts[2]!.address, value: 1n }))
    expect(await provider.request({ method: 'eth_blockNumber' })).toBe('0x4')

    await expect(provider.request({ method: 'debug_traceTransaction', params: [`0x${'ab'.repeat(32)}`] })).rejects.toMatchObject({ code: -32000 })
    await expect(provider.request({ method: 'debug_traceTransaction', params: [ok, { tracer: 'callTracer' }] })).rejects.toThrow(/struct-log/)
  })
})
