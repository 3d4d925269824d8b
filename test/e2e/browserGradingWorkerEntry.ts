/**
 * The grading worker as the browser test loads it: the product entry
 * (`app/renderer/workers/gradingWorker.ts`, unchanged) plus a watch on the worker's own CSP
 * violations. Chromium fires `securitypolicyviolation` at the worker's global scope and reports it
 * nowhere the page or Playwright can see (no console message reaches them), so the watch has to
 * live in the worker: each violation is posted to the page as `{ cspViolation }`.
 *
 * `{ probeCsp: true }` makes the worker try `eval` (refused by `script-src`), to show the watch is
 * not blind; it answers `{ probe }` with the error text.
 */
import '../../app/renderer/workers/gradingWorker.ts'

interface WatchedScope {
  addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string; sourceFile?: string }) => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const scope = globalThis as unknown as WatchedScope
scope.addEventListener('securitypolicyviolation', (event) => {
  scope.postMessage({ cspViolation: `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}${event.sourceFile ? ` in ${event.sourceFile}` : ''}` })
})
scope.addEventListener('message', (event) => {
  if ((event.data as { probeCsp?: boolean } | null)?.probeCsp !== true) return
  let probe = 'eval ran: the CSP is not in force'
  try {
    ;(0, eval)('1')
  } catch (error) {
    probe = `refused: ${(error as Error).message.split('\n')[0]}`
  }
  scope.postMessage({ probe })
})
