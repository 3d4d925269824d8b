/**
 * The experiments `playground experiment NAME` runs.
 *
 * @module
 */
import { runBftMessages } from './bftMessages.ts'
import { runBftSafety } from './bftSafety.ts'
import { runDoubleSpend } from './doubleSpend.ts'
import type { ExperimentOptions, ExperimentResult } from './experiment.ts'
import { runRaftElection } from './raftElection.ts'
import { runSelfishMining } from './selfishMining.ts'

export const EXPERIMENTS = {
  'double-spend': (o: ExperimentOptions): ExperimentResult => runDoubleSpend(o),
  'selfish-mining': (o: ExperimentOptions): ExperimentResult => runSelfishMining(o),
  'bft-safety': (o: ExperimentOptions): ExperimentResult => runBftSafety(o),
  'bft-messages': (o: ExperimentOptions): ExperimentResult => runBftMessages(o),
  'raft-election': (o: ExperimentOptions): ExperimentResult => runRaftElection(o),
} as const

export type ExperimentName = keyof typeof EXPERIMENTS
export const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS) as ExperimentName[]
