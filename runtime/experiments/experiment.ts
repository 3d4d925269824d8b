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

/**
 * Runs one row per grid point (row i gets seed `seed + i`, so rows are independent) and assembles
 * the result: total trials, overall verdict, the stated setup.
 */
export function runGrid<P>(
  experiment: string,
  options: ExperimentOptions,
  setup: ExperimentResult['setup'],
  points: readonly P[],
  runRow: (point: P, seed: number) => ExperimentRow,
): ExperimentResult {
  const rows = points.map((point, i) => {
    const row = runRow(point, options.seed + i)
    options.onRow?.(row, i, points.length)
    return row
  })
  return {
    experiment,
    seed: options.seed,
    trials: rows.reduce((a, r) => a + (typeof r.trials === 'number' ? r.trials : 0), 0),
    pass: rows.every((r) => r.pass),
    setup,
    rows,
  }
}
