/**
 * The experiments `playground experiment NAME` runs.
 *
 * @module
 */
import { runDoubleSpend } from './doubleSpend.ts'
import type { ExperimentOptions, ExperimentResult } from './experiment.ts'
import { runSelfishMining } from './selfishMining.ts'

export const EXPERIMENTS = {
  'double-spend': (o: ExperimentOptions): ExperimentResult => runDoubleSpend(o),
  'selfish-mining': (o: ExperimentOptions): ExperimentResult => runSelfishMining(o),
} as const

export type ExperimentName = keyof typeof EXPERIMENTS
export const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS) as ExperimentName[]
