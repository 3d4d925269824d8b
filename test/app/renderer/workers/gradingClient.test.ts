/**
 * The grading client over a fake worker (the real one: test/e2e/appGrading.test.ts): it sends the
 * request with the bundle and compiler URLs under the base URL, resolves with the result, rejects
 * with the engine's message, and replaces a dead worker.
 */
import { describe, expect, it } from 'vitest'
import type { WorkerLike } from '../../../../app/renderer/src/workers/workerCalls.ts'
import { GradingWorkerError, createGradingClient } from '../../../../app/renderer/src/workers/gradingClient.ts'
import type { GradingWorkerReply, GradingWorkerRequest } from '../../../../app/renderer/workers/gradingWorker.ts'
import type { GradeRequest, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'

class FakeWorker implements WorkerLike {
  readonly sent: GradingWorkerRequest[] = []
  terminated = false
  private readonly listeners: Record<string, ((event: never) => void)[]> = {}
  addEventListener(type: string, listener: (event: never) => void): void {
    ;(this.listeners[type] ??= []).push(listener)
  }
  postMessage(message: unknown): void {
    this.sent.push(message as GradingWorkerRequest)
  }
  terminate(): void {
    this.terminated = true
  }
  emit(type: string, event: unknown): void {
    for (const l of this.listeners[type] ?? []) l(event as never)
  }
}

const REQUEST: GradeRequest = { lesson: { id: 'first-contract', network: 'dev' }, grader: 'export default () => {}', workspace: { 'Counter.sol': 'contract Counter {}' }, seed: 3 }
const RESULT: GradeResult = { lesson: 'first-contract', score: 1, passed: true, checks: [] }

function setup() {
  const workers: FakeWorker[] = []
  const client = createGradingClient({
    baseUrl: 'https://app.test/web/',
    createWorker: () => {
      const w = new FakeWorker()
      workers.push(w)
      return w
    },
  })
  return { client, workers }
}

describe('createGradingClient', () => {
  it('sends the request with librariesUrl and compilerUrl under the base URL and resolves with the result', async () => {
    const { client, workers } = setup()
    const graded = client.grade(REQUEST)
    const sent = workers[0]!.sent[0]!
    expect(sent).toEqual({ ...REQUEST, id: sent.id, librariesUrl: 'https://app.test/web/isolate/', compilerUrl: 'https://app.test/web/solc/compilerWorker.js' })
    workers[0]!.emit('message', { data: { id: sent.id, ok: true, result: RESULT, ms: 5 } satisfies GradingWorkerReply })
    await expect(graded).resolves.toEqual(RESULT)
  })

  it("rejects with the engine's error when the reply says ok: false", async () => {
    const { client, workers } = setup()
    const graded = client.grade(REQUEST)
    workers[0]!.emit('message', { data: { id: workers[0]!.sent[0]!.id, ok: false, error: { name: 'TypeError', message: 'lesson.id is missing' }, ms: 1 } })
    await expect(graded).rejects.toMatchObject({ name: 'TypeError', message: 'lesson.id is missing' })
  })

  it('rejects pending gradings with a bilingual error when the worker dies, then starts a new one', async () => {
    const { client, workers } = setup()
    const graded = client.grade(REQUEST)
    workers[0]!.emit('error', { message: 'Uncaught RangeError', preventDefault() {} })
    const error = await graded.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GradingWorkerError)
    expect((error as Error).message).toMatch(/채점 작업자.*The grading worker stopped \(Uncaught RangeError\)/)
    expect(workers[0]!.terminated).toBe(true)
    void client.grade(REQUEST)
    expect(workers).toHaveLength(2)
  })

  it('needs a base URL where there is no document', () => {
    expect(() => createGradingClient()).toThrow(/options\.baseUrl is required/)
  })
})
