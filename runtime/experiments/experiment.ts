/**
 * What an experiment returns: one object per run (the CLI prints it with --json), one row per
 * parameter point, each with its measurement, the literature's value, a 99.9% interval, the
 * verdict, and the `events` and `traceHash` of the simulation runs behind it.
 *
 * @module
 */

export interface ExperimentRow {
  params: Record<string, number>
  measured: number
  expected: number
  ciLow: number
  ciHigh: number
  pass: boolean
  events: number
  traceHash: string
  /** Extra columns (e.g. Nakamoto's value beside Rosenfeld's). */
  [extra: string]: unknown
}

export interface ExperimentResult {
  experiment: string
  seed: number
  trials: number
  pass: boolean
  /** How the runs were set up (network model, nodes, relay): stated, not implied. */
  setup: { en: string; ko: string }
  rows: ExperimentRow[]
}

export interface ExperimentOptions {
  seed: number
  /** Trials per row (experiment-specific meaning); default: enough for the precision rule. */
  trials?: number | undefined
  /** Called after each row. */
  onRow?: ((row: ExperimentRow, index: number, total: number) => void) | undefined
}
