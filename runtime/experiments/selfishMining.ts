/**
 * `selfish-mining`: a pool with share α runs Eyal–Sirer's strategy against honest miners whose
 * ties go its way with probability γ; its share of the final chain must be within ±0.01 of the
 * closed form (and the interval must contain it). The sweep shows the profitability threshold
 * (1−γ)/(3−2γ): below it the pool earns less than α.
 *
 * Each row runs `trials` independent networks of `blocks` blocks (zero latency, as the formula
 * assumes); their revenues give a 99.9% t-interval.
 *
 * @module
 */
import { createNetwork } from '../sim/network.ts'
import type { NetworkConfig } from '../sim/config.ts'
import { meanInterval } from './confidence.ts'
import type { ExperimentOptions, ExperimentResult, ExperimentRow } from './experiment.ts'
import { runGrid } from './experiment.ts'
import { eyalSirerRevenue, selfishThreshold } from './formulas.ts'

export const SELFISH_GRID = { alpha: [0.25, 0.35, 0.4], gamma: [0, 0.5] } as const
export const SELFISH_HONEST_MINERS = 4

export function selfishConfig(alpha: number, gamma: number, seed: number): NetworkConfig {
  const honest = SELFISH_HONEST_MINERS
  return {
    seed,
    nodes: honest + 1,
    net: { kind: 'fixed', latencyMs: 0 },
    topology: 'full-mesh',
    protocol: {
      kind: 'pow',
      intervalMs: 600_000,
      blockSize: 1000,
      hashPower: { kind: 'shares', shares: [alpha, ...Array.from({ length: honest }, () => (1 - alpha) / honest)] },
    },
    relay: { mode: 'push', compact: false },
    byzantine: [{ node: 0, strategy: 'selfish-mining' }],
    gamma,
  }
}

export function runSelfishRow(alpha: number, gamma: number, trials: number, blocks: number, seed: number): ExperimentRow {
  const revenues: number[] = []
  let events = 0
  const hashes: string[] = []
  for (let t = 0; t < trials; t++) {
    const net = createNetwork(selfishConfig(alpha, gamma, seed * 1000 + t))
    net.run({ stopAtHeight: blocks })
    // Revenue on an honest node's chain (the pool's unpublished blocks do not count).
    const { miners } = net.query({ type: 'miners', node: 1 }) as { miners: { miner: number; share: number }[] }
    revenues.push(miners.find((m) => m.miner === 0)?.share ?? 0)
    events += net.events
    hashes.push(net.traceHash())
  }
  const expected = eyalSirerRevenue(alpha, gamma)
  const { mean, low, high } = meanInterval(revenues)
  return {
    params: { alpha, gamma },
    measured: mean,
    expected,
    ciLow: low,
    ciHigh: high,
    pass: Math.abs(mean - expected) <= 0.01 && expected >= low && expected <= high,
    profitable: mean > alpha,
    threshold: selfishThreshold(gamma),
    trials,
    blocksPerTrial: blocks,
    events,
    traceHash: hashes[0]!,
  }
}

export function runSelfishMining(
  options: ExperimentOptions & { blocks?: number | undefined },
  grid: { alpha: readonly number[]; gamma: readonly number[] } = SELFISH_GRID,
): ExperimentResult {
  const points = grid.alpha.flatMap((alpha) => grid.gamma.map((gamma) => [alpha, gamma] as const))
  const setup = {
    en: `1 selfish pool + ${SELFISH_HONEST_MINERS} equal honest miners, zero latency, push relay, fixed difficulty; γ as a seeded tie-break at each honest node`,
    ko: `이기적 채굴 풀 1 + 동등한 정직 채굴자 ${SELFISH_HONEST_MINERS}명, 지연 0, 밀어내기 전파, 고정 난이도; γ는 각 정직 노드의 시드 기반 동점 처리`,
  }
  return runGrid('selfish-mining', options, setup, points, ([alpha, gamma], seed) =>
    runSelfishRow(alpha, gamma, options.trials ?? 8, options.blocks ?? 50_000, seed),
  )
}
