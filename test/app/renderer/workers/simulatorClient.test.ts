/**
 * The page-side client over a scripted fake worker: ids matched to replies, errors carried in both
 * languages, summaries to listeners, EIP-1193 errors with their JSON-RPC code, and pending requests
 * rejected when the worker fails or the client is disposed.
 */
import { describe, expect, it } from 'vitest'
import type { WorkerLike } from '../../../../app/renderer/src/workers/simulatorClient.ts'
import { SimulatorError, createSimulatorClient } from '../../../../app/renderer/src/workers/simulatorClient.ts'

function fakeWorker(answer: (request: { id: number; op: string; [k: string]: unknown }) => unknown) {
  const listeners: Record<string, ((event: never) => void)[]> = { message: [], error: [] }
  const posted: unknown[] = []
  let terminated = false
  const emit = (type: string, event: unknown) => listeners[type]!.forEach((l) => l(event as never))
  const worker: WorkerLike = {
    postMessage(message) {
      posted.push(message)
      const reply = answer(message as { id: number; op: string })
      if (reply !== undefined) queueMicrotask(() => emit('message', { data: reply }))
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners[type]!.push(listener)
    },
    terminate: () => void (terminated = true),
  }
  return { worker, posted, emit, terminated: () => terminated }
}

describe('simulator client', () => {
  it('matches replies to requests and turns errors into SimulatorError', async () => {
    const fake = fakeWorker((r) =>
      r.op === 'command'
        ? { kind: 'reply', id: r.id, ok: false, error: { name: 'CommandRejectedError', code: 'command.rejected', en: 'node 2 is down', ko: '노드 2가 멈춰 있습니다' }, ms: 1 }
        : { kind: 'reply', id: r.id, ok: true, result: { op: r.op }, ms: 1 },
    )
    const client = createSimulatorClient({ worker: fake.worker })
    expect(await client.start({ preset: 'dev', seed: 3 })).toEqual({ op: 'start' })
    expect(fake.posted[0]).toEqual({ op: 'start', options: { preset: 'dev', seed: 3 }, id: 1 })
    const error = await client.command({ type: 'mine', node: 2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SimulatorError)
    expect(error).toMatchObject({ code: 'command.rejected', en: 'node 2 is down', ko: '노드 2가 멈춰 있습니다' })
  })

  it('gives an EIP-1193 provider per node with JSON-RPC error codes', async () => {
    const fake = fakeWorker((r) => {
      const request = r.request as { id: number; method: string }
      const response = request.method === 'eth_chainId' ? { jsonrpc: '2.0', id: request.id, result: '0x7a69' } : { jsonrpc: '2.0', id: request.id, error: { code: 3, message: 'execution reverted', data: '0x08c379a0' } }
      return { kind: 'reply', id: r.id, ok: true, result: response, ms: 0 }
    })
    const provider = createSimulatorClient({ worker: fake.worker }).provider(4)
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x7a69')
    expect((fake.posted[0] as { node: number }).node).toBe(4)
    await expect(provider.request({ method: 'eth_call', params: [{}] })).rejects.toMatchObject({ code: 3, data: '0x08c379a0', message: 'execution reverted' })
    await expect(provider.request({ method: '' })).rejects.toMatchObject({ code: -32600 })
  })

  it('delivers summaries, rejects pending requests on worker failure and on dispose', async () => {
    const fake = fakeWorker(() => undefined) // never answers
    const client = createSimulatorClient({ worker: fake.worker })
    const seen: number[] = []
    const off = client.onSummary((s) => seen.push(s.blocks))
    fake.emit('message', { data: { kind: 'summary', blocks: 3 } })
    off()
    fake.emit('message', { data: { kind: 'summary', blocks: 4 } })
    expect(seen).toEqual([3])
    const pending = client.metrics()
    fake.emit('error', { message: 'boom' })
    await expect(pending).rejects.toMatchObject({ code: 'console.worker', en: 'The simulator worker stopped: boom' })
    const later = client.summary()
    client.dispose()
    await expect(later).rejects.toMatchObject({ code: 'console.disposed' })
    await expect(client.info()).rejects.toMatchObject({ ko: '시뮬레이터가 닫혔습니다.' })
    expect(fake.terminated()).toBe(true)
  })
})
