/**
 * `double-spend`: an attacker with hash share q races a private chain against z confirmations,
 * in the simulator (two miners, zero latency — the formula's assumption — push relay), and its
 * success rate is compared with Rosenfeld's exact value (Nakamoto's §11 beside it).
 *
 * Each row is one network in which the double-spend strategy (`runtime/node/strategies/
 * doubleSpend.ts`) runs race after race; races are independent (exponential block times), so
 * the success count is binomial and gets a Wilson interval.
 *
 * @module
 */
import { createNetwork } from '../sim/network.ts'
import type { NetworkConfig } from '../sim/config.ts'
import { trialsForPrecision, wilson } from './confidence.ts'
import type { ExperimentOptions, ExperimentResult, ExperimentRow } from './experiment.ts'
import { runGrid } from './experiment.ts'
import { nakamoto, rosenfeld } from './formulas.ts'

export const DOUBLE_SPEND_GRID = {
  q: [0.1, 0.3],
  z: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
} as const

/** The deficit beyond which catching up has probability < 10⁻¹² ((q/p)^d). */
export function giveUpDeficit(q: number): number {
  return Math.ceil(Math.log(1e-12) / Math.log(q / (1 - q)))
}

export function doubleSpendConfig(q: number, z: number, seed: number): NetworkConfig {
  return {
    seed,
    nodes: 2,
    net: { kind: 'fixed', latencyMs: 0 },
    topology: 'full-mesh',
    protocol: { kind: 'pow', intervalMs: 600_000, blockSize: 1000, hashPower: { kind: 'shares', shares: [1 - q, q] } },
    relay: { mode: 'push', compact: false },
    byzantine: [{ node: 1, strategy: 'double-spend', confirmations: z, giveUpBehind: giveUpDeficit(q) }],
  }
}

export function runDoubleSpendRow(q: number, z: number, trials: number, seed: number): ExperimentRow {
  const net = createNetwork(doubleSpendConfig(q, z, seed))
  let races = 0
  let successes = 0
  net.subscribe({ types: ['attack'] }, (n) => {
    if (n.type !== 'attack' || races >= trials) return
    races++
    if (n.success) successes++
  })
  while (races < trials) net.run({ maxEvents: 4096 })
  const expected = rosenfeld(q, z)
  const { low, high } = wilson(successes, races)
  return {
    params: { q, z },
    measured: successes / races,
    expected,
    nakamoto: nakamoto(q, z),
    ciLow: low,
    ciHigh: high,
    pass: expected >= low && expected <= high,
    trials: races,
    events: net.events,
    traceHash: net.traceHash(),
  }
}

export function runDoubleSpend(options: ExperimentOptions, grid: { q: readonly number[]; z: readonly number[] } = DOUBLE_SPEND_GRID): ExperimentResult {
  const points = grid.q.flatMap((q) => grid.z.map((z) => [q, z] as const))
  const setup = {
    en: '2 miners (honest 1−q, attacker q), zero latency, push relay, fixed difficulty; one network per row, races until the trial count',
    ko: '채굴자 2명(정직 1−q, 공격자 q), 지연 0, 밀어내기 전파, 고정 난이도; 행마다 네트워크 하나에서 시행 수만큼 경주',
  }
  return runGrid('double-spend', options, setup, points, ([q, z], seed) =>
    runDoubleSpendRow(q, z, options.trials ?? trialsForPrecision(rosenfeld(q, z)), seed),
  )
}
