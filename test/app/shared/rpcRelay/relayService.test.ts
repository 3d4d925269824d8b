import { describe, expect, it } from 'vitest'
import { answerRelayRequest, toRelayError } from '../../../../app/shared/rpcRelay/answerRelayRequest.ts'
import { createRelayPending } from '../../../../app/shared/rpcRelay/relayPending.node.ts'
import { checkRelayPort, parseRelayRequest } from '../../../../app/shared/rpcRelay/relayProtocol.ts'
import { pageToServerSchema, relayRequestSchema } from '../../../../app/shared/rpcRelay/relaySchemas.ts'
import { createRelayService } from '../../../../app/shared/rpcRelay/relayService.ts'
import { ProviderRpcError } from '../../../../runtime/rpc/eip1193.ts'

describe('relay service (envelope, ids, batches)', () => {
  const calls: unknown[] = []
  const session = createRelayService({
    forward: async (call) => {
      calls.push(call)
      if (call.method === 'boom') throw new Error('transport broke')
      if (call.method === 'fail') return { error: { code: 3, message: 'execution reverted', data: '0x08c379a0' } }
      return { result: call.method === 'nothing' ? undefined : `ok:${call.method}` }
    },
  }).openSession()

  it('answers with the client id, forwarding only method and params', async () => {
    calls.length = 0
    expect(await session.handle({ jsonrpc: '2.0', id: 'abc', method: 'eth_chainId', params: [] })).toEqual({ jsonrpc: '2.0', id: 'abc', result: 'ok:eth_chainId' })
    expect(await session.handle({ jsonrpc: '2.0', id: 5, method: 'nothing' })).toEqual({ jsonrpc: '2.0', id: 5, result: null })
    expect(await session.handle({ jsonrpc: '2.0', id: 6, method: 'fail', params: { a: 1 } })).toEqual({ jsonrpc: '2.0', id: 6, error: { code: 3, message: 'execution reverted', data: '0x08c379a0' } })
    expect(calls).toEqual([{ method: 'eth_chainId', params: [] }, { method: 'nothing' }, { method: 'fail', params: { a: 1 } }])
  })

  it('refuses malformed requests without forwarding them', async () => {
    calls.length = 0
    const bad: [unknown, number][] = [
      [{ id: 1, method: 'm' }, -32600],
      [{ jsonrpc: '2.0', id: {}, method: 'm' }, -32600],
      [{ jsonrpc: '2.0', id: 1, method: 7 }, -32600],
      [{ jsonrpc: '2.0', id: 1, method: '' }, -32600],
      [{ jsonrpc: '2.0', id: 1, method: 'm', params: 'x' }, -32600],
      ['text', -32600],
      [[], -32600],
    ]
    for (const [message, code] of bad) expect(await session.handle(message), JSON.stringify(message)).toMatchObject({ error: { code } })
    expect(calls).toEqual([])
  })

  it('turns a broken transport into -32603 and skips notifications in batches', async () => {
    expect(await session.handle({ jsonrpc: '2.0', id: 1, method: 'boom' })).toMatchObject({ id: 1, error: { code: -32603, message: expect.stringContaining('transport broke') } })
    const batch = await session.handle([
      { jsonrpc: '2.0', method: 'note' },
      { jsonrpc: '2.0', id: 2, method: 'b' },
      { jsonrpc: '2.0', id: 1, method: 'a' },
    ])
    expect(batch).toEqual([
      { jsonrpc: '2.0', id: 2, result: 'ok:b' },
      { jsonrpc: '2.0', id: 1, result: 'ok:a' },
    ])
    expect(await session.handle([{ jsonrpc: '2.0', method: 'note' }])).toBeUndefined()
    expect(await session.handle({ jsonrpc: '2.0', id: 3, method: 'eth_unsubscribe', params: ['0x1'] })).toMatchObject({ error: { code: -32004, data: { code: 'rpc-relay.subscriptions' } } })
  })
})

describe('the app side: answerRelayRequest', () => {
  it('keeps EIP-1193 codes and JSON data, first line of the message only', async () => {
    const provider = {
      request: async ({ method }: { method: string }) => {
        if (method === 'revert') throw new ProviderRpcError(3, 'execution reverted: no\nmore detail', { data: '0xdeadbeef' })
        if (method === 'odd') throw Object.assign(new Error('odd'), { code: 'NOT_A_NUMBER', data: 10n })
        if (method === 'str') throw 'plain string'
        if (method === 'big') return 10n
        return { hash: '0x1' }
      },
    }
    expect(await answerRelayRequest(provider, { id: 1, method: 'ok' })).toEqual({ result: { hash: '0x1' } })
    expect(await answerRelayRequest(provider, { id: 2, method: 'revert' })).toEqual({ error: { code: 3, message: 'execution reverted: no', data: '0xdeadbeef' } })
    expect(await answerRelayRequest(provider, { id: 3, method: 'odd' })).toEqual({ error: { code: -32603, message: 'odd' } })
    expect(await answerRelayRequest(provider, { id: 4, method: 'str' })).toEqual({ error: { code: -32603, message: 'plain string' } })
    // A bigint cannot cross JSON: the client gets null, not a crash of the relay.
    expect(await answerRelayRequest(provider, { id: 5, method: 'big' })).toEqual({ result: null })
    expect(toRelayError({ code: 4001, shortMessage: 'User rejected.', message: 'long' })).toEqual({ code: 4001, message: 'User rejected.' })
  })
})

describe('relay messages and ports', () => {
  it('parseRelayRequest (renderer) agrees with the zod schema (servers)', () => {
    const samples: unknown[] = [
      { id: 1, method: 'eth_chainId' },
      { id: 0, method: 'm', params: [] },
      { id: 2, method: 'm', params: { a: 1 } },
      { id: 1, method: 'm', params: undefined },
      { id: 1, method: 'm', params: null },
      { id: 1, method: 'm', params: 'x' },
      { id: -1, method: 'm' },
      { id: 1.5, method: 'm' },
      { id: '1', method: 'm' },
      { id: 1, method: '' },
      { id: 1, method: 'x'.repeat(257) },
      { id: 1, method: 'm', extra: true },
      [1],
      null,
      'x',
    ]
    for (const sample of samples) {
      const zod = relayRequestSchema.safeParse(sample)
      expect(parseRelayRequest(sample) !== undefined, JSON.stringify(sample)).toBe(zod.success && !(typeof sample === 'object' && sample !== null && 'params' in sample && (sample as { params: unknown }).params === undefined))
    }
    expect(pageToServerSchema.safeParse({ type: 'reply', id: 1, outcome: {} }).success).toBe(false)
    expect(pageToServerSchema.safeParse({ type: 'reply', id: 1, outcome: { result: null } }).success).toBe(true)
  })

  it('checkRelayPort allows 1024–65535 integers only, naming the port in both languages', () => {
    for (const ok of [1024, 8545, 65535]) expect(checkRelayPort(ok)).toBeUndefined()
    for (const bad of [0, 80, 1023, 65536, 8545.5, '8545', Number.NaN]) {
      const text = checkRelayPort(bad)
      expect(text?.code, String(bad)).toBe('rpc-relay.port-invalid')
      expect(text?.en).toContain('1024 to 65535')
      expect(text?.ko).toContain('1024부터 65535')
    }
  })

  it('pending requests: a send that throws fails at once; failAll answers every waiter', async () => {
    const broken = createRelayPending({
      send: () => {
        throw new Error('gone')
      },
    })
    expect(await broken.forward({ method: 'm' })).toMatchObject({ error: { code: -32603, data: { code: 'rpc-relay.disconnected' } } })
    expect(broken.size).toBe(0)
    const sent: number[] = []
    const pending = createRelayPending({ send: (r) => void sent.push(r.id), timeoutMs: 60_000 })
    const a = pending.forward({ method: 'a' })
    const b = pending.forward({ method: 'b' })
    expect(pending.settle({ id: sent[1]!, result: 'B' })).toBe(true)
    expect(pending.settle({ id: sent[1]!, result: 'again' })).toBe(false)
    expect(await b).toEqual({ result: 'B' })
    pending.failAll()
    expect(await a).toMatchObject({ error: { data: { code: 'rpc-relay.disconnected' } } })
    expect(await pending.forward({ method: 'c' })).toMatchObject({ error: { data: { code: 'rpc-relay.disconnected' } } })
    expect(sent).toHaveLength(2)
  })
})
