/**
 * `playground rpc --state FILE`: a chain's inputs saved as JSON (atomic: temp file + rename) and
 * replayed on the next start, so wallets' nonce caches stay valid across restarts — the dev
 * chain's blocks, or a consensus network's recorded commands (the simulator replays them exactly).
 * A file that cannot be read is reported and left untouched — never overwritten.
 *
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { DevChainState } from '../../runtime/exec/evm/devChain.ts'
import type { NetworkState } from '../../runtime/rpc/networkNode.ts'
import { formatMessage } from '../shared/messages.ts'
import { UsageError } from './usageError.ts'

const HEX = /^0x([0-9a-fA-F]{2})*$/
const INTEGER = /^\d+$/

/** The saved state, or undefined when the file does not exist yet (a fresh chain). */
export function loadStateFile(path: string): DevChainState | NetworkState | undefined {
  if (!existsSync(path)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UsageError(formatMessage('rpc.state-corrupt', { path, details: (error as Error).message }))
  }
  const problem = stateProblem(parsed)
  if (problem !== undefined) throw new UsageError(formatMessage('rpc.state-corrupt', { path, details: problem }))
  return parsed as DevChainState | NetworkState
}

/** Writes `state` so that a crash mid-write leaves the previous file intact. */
export function saveStateFile(path: string, state: DevChainState | NetworkState): void {
  const temp = `${path}.tmp-${process.pid}`
  writeFileSync(temp, `${JSON.stringify(state)}\n`)
  renameSync(temp, path)
}

function stateProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'expected a JSON object'
  const s = value as Record<string, unknown>
  if (s.version !== 1) return `version: expected 1, got ${JSON.stringify(s.version)}`
  if (s.kind === 'network') return networkProblem(s)
  for (const key of ['chainId', 'genesisTimestamp', 'timeOffset'] as const) {
    if (typeof s[key] !== 'string' || !INTEGER.test(s[key] as string)) return `${key}: expected a decimal integer string`
  }
  if (!Array.isArray(s.blocks)) return 'blocks: expected an array'
  for (const [i, b] of (s.blocks as unknown[]).entries()) {
    const block = b as Record<string, unknown>
    if (typeof block !== 'object' || block === null || typeof block.timestamp !== 'string' || !INTEGER.test(block.timestamp)) {
      return `blocks[${i}].timestamp: expected a decimal integer string`
    }
    if (!Array.isArray(block.txs) || block.txs.some((tx) => typeof tx !== 'string' || !HEX.test(tx))) return `blocks[${i}].txs: expected an array of hex strings`
  }
  return undefined
}

function networkProblem(s: Record<string, unknown>): string | undefined {
  if (typeof s.preset !== 'string') return 'preset: expected a preset name'
  if (!Number.isInteger(s.seed)) return 'seed: expected an integer'
  if (typeof s.overrides !== 'object' || s.overrides === null) return 'overrides: expected an object'
  for (const key of ['chainId', 'genesisTimestamp'] as const) {
    if (typeof s[key] !== 'string' || !INTEGER.test(s[key] as string)) return `${key}: expected a decimal integer string`
  }
  if (typeof s.simTimeUs !== 'number' || !Number.isSafeInteger(s.simTimeUs) || s.simTimeUs < 0) return 'simTimeUs: expected an integer ≥ 0'
  if (!Array.isArray(s.inputs)) return 'inputs: expected an array'
  for (const [i, input] of (s.inputs as unknown[]).entries()) {
    const r = input as Record<string, unknown>
    if (typeof r !== 'object' || r === null || !Number.isSafeInteger(r.atUs) || !Number.isSafeInteger(r.afterEvents) || typeof r.command !== 'object' || r.command === null) {
      return `inputs[${i}]: expected {atUs, afterEvents, command}`
    }
  }
  return undefined
}
