/**
 * `bft-safety`: Tendermint's safety claim checked the Jepsen way — run many seeded random fault
 * schedules (crashes, partitions, slow and lossy links) against n = 4 validators, one of which
 * equivocates, and let the run checker look for two honest nodes finalizing different blocks.
 *
 * Why two rows: with f = 1 (n ≥ 3f + 1 holds) no schedule may show a violation, every schedule must
 * finalize 20 heights on every honest node and recover within the liveness window. With f = 2 the
 * bound is broken; that row passes only when the checker does catch a violation — proof that the
 * first row's zero is a measurement, not a checker that cannot fail.
 *
 * - `measured`: schedules with a safety violation / schedules (Wilson 99.9% interval).
 * - `expected`: 0 for f = 1 (pass: no violation, no liveness failure, ≥ 20 heights everywhere);
 *   1 for f = 2, meaning "a violation must appear" (pass: measured > 0). The `criterion` column
 *   states the comparison ('= 0' or '> 0').
 *
 * @module
 */
import { createRunChecker } from '../check/runChecker.ts'
import { TENDERMINT_DEFAULTS } from '../consensus/tendermint/tendermintConfig.ts'
import type { Command } from '../sim/commands.ts'
import type { NetworkConfig } from '../sim/config.ts'
import { createNetwork } from '../sim/network.ts'
import { createRandomStreams } from '../sim/prng.ts'
import { wilson } from './confidence.ts'
import type { ExperimentOptions, ExperimentResult, ExperimentRow } from './experiment.ts'
import { runGrid } from './experiment.ts'

export const BFT_NODES = 4
/** Heights every honest node must finalize in each schedule. */
export const BFT_TARGET_HEIGHTS = 20
export const BFT_DEFAULT_SCHEDULES = 200
/** Every fault starts and ends within this window (µs). */
export const FAULT_WINDOW_US = 60_000_000
/** The equivocators of each row: f = 1 keeps n ≥ 3f + 1, f = 2 breaks it. */
export const BFT_SAFETY_GRID: readonly (readonly number[])[] = [[3], [2, 3]]

const S = 1_000_000
/** A stream of the schedule's own generator that no network draws from at the same seed. */
const SCHEDULE_STREAM = 7
/** Attempts to place a fault without overlapping one of the same resource before giving up. */
const PLACE_ATTEMPTS = 8

export interface FaultSchedule {
  /** Scheduled commands (each with `atUs`), in the order they were drawn. */
  commands: Command[]
  /** When the last fault ends (µs): the liveness window starts here. */
  endUs: number
  /** One label per fault (for reports and tests). */
  faults: string[]
}

/**
 * Draws 1–4 faults from `seed`: crash + restart of an honest node, a 2-way partition + heal, or a
 * delay/drop fault on one link + its removal. Each starts after 1 s and ends by 60 s.
 *
 * Faults of the same resource (a node's crash, the partition, a link) never overlap: a second
 * partition would replace the first and the first heal would end both, so the schedule would not
 * be what it says. A fault that cannot be placed after a few draws is skipped.
 */
export function randomFaultSchedule(seed: number, nodes: number, honest: readonly number[]): FaultSchedule {
  const rng = createRandomStreams(seed)
  const int = (n: number): number => rng.nextInt(SCHEDULE_STREAM, n)
  const between = (lo: number, hi: number): number => lo + int(hi - lo + 1)
  const busy = new Map<string, [number, number][]>()
  const free = (key: string, from: number, to: number): boolean => (busy.get(key) ?? []).every(([a, b]) => to < a || from > b)
  const commands: Command[] = []
  const faults: string[] = []
  let endUs = 0
  const count = 1 + int(4)
  for (let i = 0; i < count; i++) {
    const kind = int(3)
    for (let attempt = 0; attempt < PLACE_ATTEMPTS; attempt++) {
      const start = between(1 * S, 50 * S)
      const end = Math.min(FAULT_WINDOW_US, start + between(S / 2, 10 * S))
      let key: string
      let pair: [Command, Command]
      let label: string
      if (kind === 0) {
        const node = honest[int(honest.length)]!
        key = `node ${node}`
        pair = [
          { type: 'crash', node, atUs: start },
          { type: 'restart', node, atUs: end },
        ]
        label = `crash ${node}`
      } else if (kind === 1) {
        const groups = randomSplit(nodes, int)
        key = 'partition'
        pair = [
          { type: 'partition', groups, atUs: start },
          { type: 'heal', atUs: end },
        ]
        label = `partition ${groups.map((g) => g.join(',')).join('|')}`
      } else {
        const a = int(nodes)
        const b = (a + 1 + int(nodes - 1)) % nodes
        // Up to 5 s of delay (beyond every round-0 timeout) and up to 50% loss.
        const fault = { delayMs: int(5001), drop: int(51) / 100 }
        key = `link ${Math.min(a, b)}-${Math.max(a, b)}`
        pair = [
          { type: 'set-link-fault', link: [a, b], fault, atUs: start },
          { type: 'set-link-fault', link: [a, b], fault: null, atUs: end },
        ]
        label = `link ${a}-${b} +${fault.delayMs}ms drop ${fault.drop}`
      }
      if (!free(key, start, end)) continue
      busy.set(key, [...(busy.get(key) ?? []), [start, end]])
      commands.push(...pair)
      faults.push(`${label} @${(start / S).toFixed(1)}–${(end / S).toFixed(1)} s`)
      endUs = Math.max(endUs, end)
      break
    }
  }
  return { commands, endUs, faults }
}

/** Two non-empty groups, each node on a side drawn at random. */
function randomSplit(nodes: number, int: (n: number) => number): number[][] {
  for (;;) {
    const side = Array.from({ length: nodes }, () => int(2))
    const a = side.flatMap((s, n) => (s === 0 ? [n] : []))
    const b = side.flatMap((s, n) => (s === 1 ? [n] : []))
    if (a.length > 0 && b.length > 0) return [a, b]
  }
}

export function bftSafetyConfig(seed: number, equivocators: readonly number[]): NetworkConfig {
  return {
    seed,
    nodes: BFT_NODES,
    net: 'lan',
    topology: 'full-mesh',
    protocol: { kind: 'tendermint', ...TENDERMINT_DEFAULTS, timeoutCommitMs: 0 },
    relay: { mode: 'inv', compact: false },
    byzantine: equivocators.map((node) => ({ node, strategy: 'equivocation' as const })),
  }
}

export interface ScheduleOutcome {
  violations: number
  /** The lowest height finalized by an honest node when the run stopped. */
  minHeight: number
  liveness: 'ok' | 'stalled' | 'unknown'
  events: number
  traceHash: string
  endUs: number
  nowUs: number
}

/**
 * Runs one schedule until every honest node finalized `targetHeights` and the liveness verdict is
 * in (a new height after the faults, or the window passed), or until the cap: the faults' end plus
 * ten liveness windows (300 s), ample for 20 heights even when every fourth proposer equivocates.
 */
export function runSchedule(seed: number, equivocators: readonly number[], targetHeights = BFT_TARGET_HEIGHTS): ScheduleOutcome {
  const honest = Array.from({ length: BFT_NODES }, (_, n) => n).filter((n) => !equivocators.includes(n))
  const schedule = randomFaultSchedule(seed, BFT_NODES, honest)
  const net = createNetwork(bftSafetyConfig(seed, equivocators))
  const checker = createRunChecker(net, { byzantine: equivocators })
  const height = new Array<number>(BFT_NODES).fill(0)
  net.subscribe({ types: ['finalized'] }, (n) => {
    if (n.type === 'finalized' && n.height > height[n.node]!) height[n.node] = n.height
  })
  for (const command of schedule.commands) {
    net.apply(command)
    checker.noteFault(command.atUs!)
  }
  const window = checker.summary().livenessWindowUs
  const capUs = schedule.endUs + 10 * window
  const minHeight = (): number => Math.min(...honest.map((n) => height[n]!))
  // Half-second slices: fine enough to stop soon after the goal, coarse enough to cost nothing.
  while (net.now < capUs && (minHeight() < targetHeights || checker.summary().liveness === 'unknown')) {
    net.run({ untilUs: Math.min(capUs, net.now + S / 2) })
  }
  const s = checker.summary()
  checker.stop()
  return {
    violations: s.violations.length,
    minHeight: minHeight(),
    liveness: s.liveness,
    events: net.events,
    traceHash: net.traceHash(),
    endUs: schedule.endUs,
    nowUs: net.now,
  }
}

/** Schedule `s` of a run seeded `seed` (distinct for up to 100,000 schedules per seed). */
export const scheduleSeed = (seed: number, s: number): number => seed * 100_000 + s

export function runBftSafetyRow(equivocators: readonly number[], schedules: number, seed: number): ExperimentRow {
  const f = equivocators.length
  let violating = 0
  let violations = 0
  let livenessFailures = 0
  let minHeights = Infinity
  let events = 0
  let traceHash = ''
  for (let s = 0; s < schedules; s++) {
    const o = runSchedule(scheduleSeed(seed, s), equivocators)
    if (o.violations > 0) violating++
    violations += o.violations
    if (o.liveness !== 'ok') livenessFailures++
    minHeights = Math.min(minHeights, o.minHeight)
    events += o.events
    if (s === 0) traceHash = o.traceHash
  }
  const measured = violating / schedules
  const { low, high } = wilson(violating, schedules)
  const safeBound = BFT_NODES >= 3 * f + 1
  return {
    params: { n: BFT_NODES, f },
    measured,
    expected: safeBound ? 0 : 1,
    criterion: safeBound ? '= 0' : '> 0',
    ciLow: low,
    ciHigh: high,
    pass: safeBound ? violating === 0 && livenessFailures === 0 && minHeights >= BFT_TARGET_HEIGHTS : violating > 0,
    violations,
    schedules,
    minHeights,
    livenessFailures,
    trials: schedules,
    events,
    traceHash,
  }
}

export function runBftSafety(options: ExperimentOptions, grid: readonly (readonly number[])[] = BFT_SAFETY_GRID): ExperimentResult {
  const schedules = options.trials ?? BFT_DEFAULT_SCHEDULES
  const setup = {
    en:
      `Tendermint, ${BFT_NODES} validators (equivocators: node 3 for f=1, nodes 2 and 3 for f=2), LAN, full mesh, timeout_commit 0; ` +
      `per schedule 1–4 seeded faults within the first 60 s (crash+restart of an honest node, 2-way partition+heal, link delay ≤5 s/drop ≤50%), ` +
      `run until every honest node finalized ${BFT_TARGET_HEIGHTS} heights and liveness is decided (cap: faults' end + 300 s); ` +
      `measured = schedules with a safety violation; f=1 passes at 0 with liveness ok everywhere, f=2 passes when > 0 (expected 1 = "a violation must appear")`,
    ko:
      `텐더민트, 검증자 ${BFT_NODES}명(이중 투표자: f=1은 노드 3, f=2는 노드 2와 3), LAN, 완전 연결, timeout_commit 0; ` +
      `일정마다 처음 60초 안에 시드 기반 장애 1–4개(정직 노드 중단+재시작, 2분할 네트워크 분리+복구, 링크 지연 ≤5초/유실 ≤50%), ` +
      `모든 정직 노드가 높이 ${BFT_TARGET_HEIGHTS}까지 확정하고 활성 판정이 날 때까지 실행(상한: 장애 종료 + 300초); ` +
      `측정 = 안전성 위반이 나온 일정의 비율; f=1은 0이고 모든 일정에서 활성이 유지되면 통과, f=2는 0보다 크면 통과(기대값 1 = "위반이 나타나야 함")`,
  }
  // Every row replays the run's seed (not runGrid's seed + i): f = 1 and f = 2 face the same schedules.
  return runGrid('bft-safety', options, setup, grid, (equivocators) => runBftSafetyRow(equivocators, schedules, options.seed))
}
