/**
 * TEMPORARY placeholder (branch step5-player): the compiler helper writes the real gradingClient.
 * This one starts app/renderer/workers/gradingWorker.ts as a module worker (bundled by Vite) and
 * matches replies by id. Replace it on merge.
 *
 * @module
 */
import type { GradeRequest, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import type { GradingWorkerReply } from '../../workers/gradingWorker.ts'

export interface GradingClient {
  grade(request: GradeRequest): Promise<GradeResult>
  terminate(): void
}

/** TEMPORARY: see the module comment. */
export function createGradingClient(options: { baseUrl?: string } = {}): GradingClient {
  let worker: Worker | undefined
  let nextId = 1
  const pending = new Map<number, { resolve: (r: GradeResult) => void; reject: (e: Error) => void }>()
  const start = (): Worker => {
    if (worker) return worker
    worker = new Worker(new URL('../../workers/gradingWorker.ts', import.meta.url), { type: 'module' })
    worker.addEventListener('message', (event: MessageEvent<GradingWorkerReply>) => {
      const reply = event.data
      const entry = pending.get(reply.id as number)
      if (!entry) return
      pending.delete(reply.id as number)
      if (reply.ok) entry.resolve(reply.result)
      else entry.reject(new Error(`${reply.error.name}: ${reply.error.message}`))
    })
    worker.addEventListener('error', (event) => {
      for (const entry of pending.values()) entry.reject(new Error(`grading worker failed: ${event.message}`))
      pending.clear()
      worker = undefined
    })
    return worker
  }
  return {
    grade(request) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        start().postMessage({ ...request, id, librariesUrl: options.baseUrl ?? new URL('isolate/', document.baseURI).href })
      })
    },
    terminate() {
      worker?.terminate()
      worker = undefined
      for (const entry of pending.values()) entry.reject(new Error('grading worker terminated'))
      pending.clear()
    },
  }
}
