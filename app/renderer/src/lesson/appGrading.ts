/**
 * The app's one grading client: the grading worker (QuickJS, viem, and its nested solc worker)
 * stays warm from one lesson page to the next, so only the first grading of a visit pays the cold
 * start (≈ 0.9 s for a Solidity lesson instead of every time a lesson opens). A worker that dies is
 * replaced by the client on the next call.
 *
 * @module
 */
import type { GradingClient } from '../workers/gradingClient.ts'
import { createGradingClient } from '../workers/gradingClient.ts'

let client: GradingClient | undefined

/**
 * @example
 * const result = await appGrading().grade({ lesson, grader, workspace })
 */
export function appGrading(): GradingClient {
  client ??= createGradingClient()
  return client
}
