/**
 * The deterministic batch run of the console's `sim` command: a preset, a seed and a height in,
 * the trace hash and the run summary out — the same run as `playground sim --preset P --seed S
 * --blocks B --json` (app/cli/commands/sim.ts), built from the same runtime functions in the same
 * order, so the trace hash is identical in the browser worker and in Node.
 *
 * What the CLI adds around it and this does not: fault files, `--byzantine`, `--rate`, the trace
 * file, wall time and memory.
 *
 * @module
 */
import { createRunChecker } from '../../../runtime/check/runChecker.ts'
import type { CheckSummary } from '../../../runtime/check/runChecker.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { RunSummary } from '../../../runtime/sim/network.ts'
import { PRESET_NAMES, configFromPreset } from '../../../runtime/sim/presets.ts'

/** Heights a batch run may ask for: enough for any lesson, bounded so a typo does not run for hours. */
export const MAX_BATCH_BLOCKS = 10_000

export interface BatchRunRequest {
  preset: string
  seed?: number | undefined
  /** The height to stop at (the CLI's `--blocks`, default 100). */
  blocks?: number | undefined
  /** Optional node-count override (the CLI's `--nodes`). */
  nodes?: number | undefined
}

export interface BatchRunResult extends Omit<RunSummary, 'metrics'> {
  preset: string
  protocolName: string
  finality: 'depth' | 'explicit'
  safety: CheckSummary['safety']
  liveness: CheckSummary['liveness']
  stoppedStalled: boolean
  /** Wall time of the run in the worker, ms. */
  wallMs: number
}

/**
 * Runs one preset to a height, exactly as the CLI does.
 *
 * @example
 * const r = runBatch({ preset: 'pos', seed: 7, blocks: 10 })
 * r.traceHash // equals `playground sim --preset pos --seed 7 --blocks 10 --json`'s traceHash
 */
export function runBatch(request: BatchRunRequest, clock: () => number = () => 0): BatchRunResult {
  const preset = request.preset
  if (!PRESET_NAMES.includes(preset)) {
    throw new RangeError(`preset must be one of ${PRESET_NAMES.join(', ')}; got ${JSON.stringify(preset)}`)
  }
  const seed = request.seed ?? 1
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`)
  const stopAtHeight = request.blocks ?? 100
  if (!Number.isInteger(stopAtHeight) || stopAtHeight < 1 || stopAtHeight > MAX_BATCH_BLOCKS) {
    throw new RangeError(`blocks must be an integer from 1 to ${MAX_BATCH_BLOCKS}, got ${stopAtHeight}`)
  }
  const started = clock()
  const config = configFromPreset(preset, seed, request.nodes === undefined ? {} : { nodes: request.nodes })
  const network = createNetwork(config, {})
  const checker = createRunChecker(network, { byzantine: (config.byzantine ?? []).map((b) => b.node) })
  let stoppedStalled = false
  // The same loop as the CLI (sim.ts): explicit-finality protocols run a liveness window at a
  // time and stop once one passes without a new final height.
  if (network.protocol.finality === 'explicit') {
    const window = checker.summary().livenessWindowUs
    let lastHeight = network.summary().finalizedHeight
    for (;;) {
      const result = network.run({ stopAtHeight, untilUs: network.now + window, progressEvery: 200_000 })
      if (result.reason !== 'time') break
      const height = network.summary().finalizedHeight
      if (height === lastHeight && network.now > checker.summary().faultsEndUs + window) {
        stoppedStalled = true
        break
      }
      lastHeight = height
    }
  } else network.run({ stopAtHeight, progressEvery: 200_000 })
  const { metrics: _metrics, ...summary } = network.summary()
  const checks = checker.summary()
  return {
    preset,
    protocolName: network.protocol.name,
    finality: network.protocol.finality,
    ...summary,
    safety: checks.safety,
    liveness: checks.liveness,
    stoppedStalled,
    wallMs: Math.round(clock() - started),
  }
}
