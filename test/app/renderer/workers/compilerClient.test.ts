/**
 * The compiler client over a fake worker (the real one runs in test/e2e/appGrading.test.ts): ids
 * match replies, a worker's `ok: false` rejects with its name and message, and a dead worker
 * rejects every pending call with a bilingual error and is replaced on the next call.
 */
import { describe, expect, it } from 'vitest'
import type { WorkerLike } from '../../../../app/renderer/src/workers/workerCalls.ts'
import { CompilerWorkerError, createCompilerClient } from '../../../../app/renderer/src/workers/compilerClient.ts'
import type { CompilerWorkerReply, CompilerWorkerRequest } from '../../../../app/renderer/workers/compilerWorker.ts'

/** A worker that records what it is sent; the test answers or kills it. */
class FakeWorker implements WorkerLike {
  readonly sent: CompilerWorkerRequest[] = []
  terminated = false
  private readonly listeners: Record<string, ((event: never) => void)[]> = {}
  constructor(readonly url: URL) {}
  addEventListener(type: string, listener: (event: never) => void): void {
    ;(this.listeners[type] ??= []).push(listener)
  }
  postMessage(message: unknown): void {
    this.sent.push(message as CompilerWorkerRequest)
  }
  terminate(): void {
    this.terminated = true
  }
  reply(data: CompilerWorkerReply): void {
    for (const l of this.listeners.message ?? []) l({ data } as never)
  }
  crash(message: string): { prevented: boolean } {
    const event = { message, prevented: false, preventDefault() { event.prevented = true } }
    for (const l of this.listeners.error ?? []) l(event as never)
    return event
  }
}

function setup() {
  const workers: FakeWorker[] = []
  const client = createCompilerClient({
    url: 'https://app.test/solc/compilerWorker.js',
    createWorker: (url) => {
      const w = new FakeWorker(url)
      workers.push(w)
      return w
    },
  })
  return { client, workers }
}

const RESULT = { ok: true, diagnostics: [], artifacts: [], compilerVersion: '0.8.28', evmVersion: 'cancun', cached: false }

describe('createCompilerClient', () => {
  it('starts the worker on the first call, at the given URL, and matches replies to requests by id', async () => {
    const { client, workers } = setup()
    expect(workers).toHaveLength(0)
    const compiled = client.compile({ sources: { 'A.sol': 'contract A {}' } })
    const version = client.version()
    const consoleSol = client.consoleSol()
    expect(workers).toHaveLength(1)
    const w = workers[0]!
    expect(w.url.href).toBe('https://app.test/solc/compilerWorker.js')
    expect(w.sent.map((m) => m.kind)).toEqual(['compile', 'version', 'consoleSol'])
    expect(w.sent[0]).toMatchObject({ kind: 'compile', request: { sources: { 'A.sol': 'contract A {}' } } })
    // Out of order on purpose.
    w.reply({ id: w.sent[2]!.id, ok: true, result: 'library console {}' })
    w.reply({ id: w.sent[0]!.id, ok: true, result: RESULT })
    w.reply({ id: w.sent[1]!.id, ok: true, result: '0.8.28+commit' })
    await expect(compiled).resolves.toEqual(RESULT)
    await expect(version).resolves.toBe('0.8.28+commit')
    await expect(consoleSol).resolves.toBe('library console {}')
  })

  it("rejects with the worker's error name and message when it answers ok: false", async () => {
    const { client, workers } = setup()
    const version = client.version()
    workers[0]!.reply({ id: workers[0]!.sent[0]!.id, ok: false, error: { name: 'CompilerLoadError', message: 'solc를 불러오지 못했습니다 / Could not load solc' } })
    await expect(version).rejects.toMatchObject({ name: 'CompilerLoadError', message: 'solc를 불러오지 못했습니다 / Could not load solc' })
    // The worker is still alive: the next call goes to it.
    void client.version()
    expect(workers).toHaveLength(1)
  })

  it('when the worker dies, rejects every pending call with a bilingual error, and the next call starts a fresh worker', async () => {
    const { client, workers } = setup()
    const first = client.compile({ sources: { 'A.sol': 'contract A {}' } })
    const second = client.consoleSol()
    const event = workers[0]!.crash('Uncaught RuntimeError: Aborted(OOM)')
    expect(event.prevented).toBe(true)
    expect(workers[0]!.terminated).toBe(true)
    for (const pending of [first, second]) {
      const error = await pending.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(CompilerWorkerError)
      expect(error).toMatchObject({ code: 'compiler.worker-died', en: expect.stringContaining('Aborted(OOM)'), ko: expect.stringContaining('Aborted(OOM)') })
      expect((error as Error).message).toMatch(/[\uac00-\ud7a3]/)
      expect((error as Error).message).toContain('The Solidity compiler worker stopped')
    }
    // A late reply of the dead worker changes nothing.
    workers[0]!.reply({ id: workers[0]!.sent[0]!.id, ok: true, result: RESULT })

    const again = client.version()
    expect(workers).toHaveLength(2)
    workers[1]!.reply({ id: workers[1]!.sent[0]!.id, ok: true, result: '0.8.28' })
    await expect(again).resolves.toBe('0.8.28')
  })

  it('terminate() stops the worker and rejects what is pending; a later call starts a new one', async () => {
    const { client, workers } = setup()
    const pending = client.version()
    client.terminate()
    await expect(pending).rejects.toBeInstanceOf(CompilerWorkerError)
    expect(workers[0]!.terminated).toBe(true)
    void client.version().catch(() => {})
    expect(workers).toHaveLength(2)
  })

  it('checks its arguments: sources must be an object; the URL is required where there is no document', async () => {
    const { client, workers } = setup()
    await expect(client.compile({} as never)).rejects.toThrow(/compile: request\.sources must be an object/)
    expect(workers).toHaveLength(0)
    expect(() => createCompilerClient()).toThrow(/options\.url is required inside a worker/)
  })
})
