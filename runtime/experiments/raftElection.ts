/**
 * `raft-election`: Raft §9.3 (Ongaro & Ousterhout 2014, Figure 16) — how long a 5-server cluster is
 * without a leader after the leader crashes, by how random the election timeouts are. Without
 * randomness the followers time out together, each votes for itself, and the split repeats every
 * timeout (the paper: elections "consistently took longer than 10 seconds"); a few milliseconds of
 * randomness let one candidate get its requests out first (the paper: a median of 287 ms with
 * 5 ms).
 *
 * One trial: boot the five servers 20 ms apart (so even timeouts without randomness elect a first
 * leader), wait until its first block is committed and a second more, crash the leader at a uniform
 * point of a heartbeat interval, and measure until a new leader has committed its first block —
 * the moment a majority of the servers have accepted the new leader (they stored its entry) and it
 * knows it, i.e. the cluster can commit again. Trials are capped at 10 s simulated; a capped trial
 * counts as 10 s (censored: the true time is longer).
 *
 * Rows: timeouts T … T + r with T = 150 ms and r = 0, 5, 50 and 150 ms (the paper's recommended
 * 150–300 ms). The verdict is the paper's shape: the no-randomness median is more than 10× the
 * median of every randomized row.
 *
 * @module
 */
import { RAFT_DEFAULTS } from '../consensus/raft/raftConfig.ts'
import { percentile } from '../metrics/percentile.ts'
import type { NetworkConfig } from '../sim/config.ts'
import { createNetwork } from '../sim/network.ts'
import { createRandomStreams } from '../sim/prng.ts'
import type { ExperimentOptions, ExperimentResult, ExperimentRow } from './experiment.ts'
import { medianInterval } from './medianInterval.ts'

/** The paper's minimum election timeout, ms. */
export const RAFT_T_MS = 150
export const RAFT_RANDOMNESS_MS = [0, 5, 50, 150] as const
/** The paper's heartbeat: half the minimum election timeout. */
export const RAFT_HEARTBEAT_MS = RAFT_T_MS / 2
/** A trial without a new leader by then is censored (the paper reports "> 10 s"). */
export const RAFT_CAP_MS = 10_000
const SERVERS = 5
const BOOT_STAGGER_US = 20_000
const STEADY_US = 1_000_000

/**
 * The network: one-way delay 2 ms, and an 11 ms disk write (fsync of term, vote and entries)
 * before every reply, so a RequestVote and its reply take 2 + 11 + 2 ≈ 15 ms — the paper's
 * broadcast time. The fsync sits on the reply path only (Figure 2: state is "updated on stable
 * storage before responding"), so the window in which a second candidate can split the vote is
 * the 2 ms one-way delay: that is what makes 5 ms of randomness enough, as in the paper.
 */
const ONE_WAY_MS = 2
const PERSIST_US = 11_000
const VERIFY_US = 50

export function raftElectionConfig(randomnessMs: number, seed: number): NetworkConfig {
  return {
    seed,
    nodes: SERVERS,
    net: { kind: 'fixed', latencyMs: ONE_WAY_MS },
    topology: 'full-mesh',
    relay: { mode: 'push', compact: false },
    protocol: {
      kind: 'raft',
      ...RAFT_DEFAULTS,
      electionTimeoutMinMs: RAFT_T_MS,
      electionTimeoutMaxMs: RAFT_T_MS + randomnessMs,
      heartbeatMs: RAFT_HEARTBEAT_MS,
      // Only the failover's blocks: a new leader's first entry is what the trial waits for.
      blockIntervalMs: 3_600_000,
      verifyUs: VERIFY_US,
      persistUs: PERSIST_US,
    },
  }
}

export interface ElectionTrial {
  /** Crash → the new leader's first commit, ms (RAFT_CAP_MS when censored). */
  ms: number
  censored: boolean
  /** Terms the failover took (1: the first election after the crash had a winner). */
  terms: number
  events: number
  traceHash: string
}

interface RaftView {
  role: string
  term: number
  commitIndex: number
}

/** One failover, deterministic in `seed`. */
export function runElectionTrial(randomnessMs: number, seed: number): ElectionTrial {
  const net = createNetwork(raftElectionConfig(randomnessMs, seed))
  const view = (node: number): RaftView => (net.query({ type: 'node', node }) as { consensus: RaftView }).consensus
  for (let n = 1; n < SERVERS; n++) {
    net.apply({ type: 'crash', node: n })
    net.apply({ type: 'restart', node: n, atUs: n * BOOT_STAGGER_US })
  }
  net.run({ stopAtHeight: 1, untilUs: RAFT_CAP_MS * 1000 })
  const u = createRandomStreams(seed).nextOpen01(5)
  net.runUntil(net.now + STEADY_US + Math.round(u * RAFT_HEARTBEAT_MS * 1000))
  let leader = -1
  for (let n = 0; n < SERVERS; n++) if (view(n).role === 'leader') leader = n
  if (leader < 0) throw new Error(`raft-election: no leader before the crash (seed ${seed})`)
  const before = view(leader)
  net.apply({ type: 'crash', node: leader })
  const crashUs = net.now
  const result = net.run({ stopAtHeight: before.commitIndex + 1, untilUs: crashUs + RAFT_CAP_MS * 1000 })
  const censored = result.reason !== 'height'
  let term = before.term
  for (let n = 0; n < SERVERS; n++) if (n !== leader) term = Math.max(term, view(n).term)
  return {
    ms: censored ? RAFT_CAP_MS : (net.now - crashUs) / 1000,
    censored,
    terms: term - before.term,
    events: net.events,
    traceHash: net.traceHash(),
  }
}

/**
 * The median the row would have if the first election after the crash always had a winner: the
 * earliest of the four followers' timeouts (each uniform on [T, T + r], counted from the last
 * heartbeat), minus how far into the heartbeat interval the crash came (uniform on [0, H]), plus
 * the fixed message path to the new leader's first commit — 5 one-way trips and 2 fsyncs.
 */
export function noSplitMedianMs(randomnessMs: number): number {
  const hop = ONE_WAY_MS + VERIFY_US / 1000
  const path = hop + 4 * hop + (2 * PERSIST_US) / 1000
  const k = SERVERS - 1
  const T = RAFT_T_MS
  const R = randomnessMs
  const H = RAFT_HEARTBEAT_MS
  // Φ(y) = ∫ F, F the CDF of the earliest of k uniform timeouts on [T, T + R]: exact, so the
  // crash offset averages out in closed form — P(first timeout − offset ≤ x) = (Φ(x + H) − Φ(x)) / H.
  const Phi = (y: number): number => {
    if (y <= T) return 0
    if (y >= T + R) return y - T - R / (k + 1)
    return y - T - (R / (k + 1)) * (1 - (1 - (y - T) / R) ** (k + 1))
  }
  const cdf = (x: number): number => (Phi(x + H) - Phi(x)) / H
  let lo = T - H
  let hi = T + R
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2
    if (cdf(mid) < 0.5) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2 + path
}

/** The paper's figure for a row, where it reports one. */
const PAPER: Record<number, { en: string; ko: string }> = {
  0: { en: '> 10 s (split votes)', ko: '10초 초과 (표 분산)' },
  5: { en: 'median 287 ms', ko: '중앙값 287ms' },
  50: { en: 'worst case 513 ms', ko: '최악 513ms' },
  150: { en: 'recommended range (150–300 ms)', ko: '권장 범위 (150–300ms)' },
}

interface RowSample {
  randomnessMs: number
  trials: ElectionTrial[]
}

function sampleRow(randomnessMs: number, trials: number, seed: number): RowSample {
  const out: ElectionTrial[] = []
  // Trial seeds stay safe integers for any row seed the CLI accepts.
  const base = (seed % 1_000_000_000) * 100_000
  for (let t = 0; t < trials; t++) out.push(runElectionTrial(randomnessMs, base + t))
  return { randomnessMs, trials: out }
}

function buildRow(sample: RowSample, expected: number, expectedMeans: { en: string; ko: string }, pass: boolean): ExperimentRow {
  const ms = sample.trials.map((t) => t.ms)
  const { median, low, high } = medianInterval(ms)
  const r = sample.randomnessMs
  return {
    params: { randomnessMs: r, electionTimeoutMinMs: RAFT_T_MS, electionTimeoutMaxMs: RAFT_T_MS + r },
    measured: median,
    expected,
    ciLow: low,
    ciHigh: high,
    pass,
    events: sample.trials.reduce((a, t) => a + t.events, 0),
    traceHash: sample.trials[0]?.traceHash ?? '',
    expectedMeans,
    paper: PAPER[r] ?? null,
    p90Ms: percentile(ms, 90) ?? NaN,
    maxMs: Math.max(...ms),
    censored: sample.trials.filter((t) => t.censored).length,
    meanTerms: sample.trials.reduce((a, t) => a + t.terms, 0) / Math.max(1, sample.trials.length),
    noSplitMedianMs: noSplitMedianMs(r),
    trials: sample.trials.length,
  }
}

/**
 * Runs the grid. Row i uses seed `seed + i`; each trial its own seed derived from it.
 *
 * @example
 * const result = runRaftElection({ seed: 1, trials: 100 })
 * result.rows[0].measured // 10000: every trial without randomness hit the 10 s cap
 */
export function runRaftElection(options: ExperimentOptions, randomness: readonly number[] = RAFT_RANDOMNESS_MS): ExperimentResult {
  const trials = options.trials ?? 1000
  const samples = randomness.map((r, i) => sampleRow(r, trials, options.seed + i))
  const median = (s: RowSample): number => medianInterval(s.trials.map((t) => t.ms)).median
  const randomized = samples.filter((s) => s.randomnessMs > 0)
  const fixed = samples.filter((s) => s.randomnessMs === 0)
  const fixedMedian = fixed.length > 0 ? Math.min(...fixed.map(median)) : NaN
  const worstRandomized = randomized.length > 0 ? Math.max(...randomized.map(median)) : NaN
  const rows = samples.map((s) => {
    if (s.randomnessMs === 0) {
      const expected = 10 * worstRandomized
      const means = {
        en: 'lower bound: 10 × the largest median of the randomized rows (the paper: > 10 s)',
        ko: '하한: 무작위 행들 중 가장 큰 중앙값의 10배 (논문: 10초 초과)',
      }
      return buildRow(s, expected, means, median(s) > expected)
    }
    const means = {
      en: 'the median if the first election after the crash always had a winner (no split votes); pass: 10 × measured < the no-randomness median',
      ko: '충돌 후 첫 선거가 늘 승자를 내면(표 분산 없음) 나올 중앙값; 통과: 측정값의 10배 < 무작위성 없는 행의 중앙값',
    }
    return buildRow(s, noSplitMedianMs(s.randomnessMs), means, 10 * median(s) < fixedMedian)
  })
  rows.forEach((row, i) => options.onRow?.(row, i, rows.length))
  return {
    experiment: 'raft-election',
    seed: options.seed,
    trials: trials * rows.length,
    pass: rows.every((r) => r.pass),
    setup: {
      en:
        `${SERVERS} Raft servers, full mesh, fixed one-way delay ${ONE_WAY_MS} ms plus an ${PERSIST_US / 1000} ms fsync before every reply ` +
        `(a RequestVote and its reply ≈ 15 ms, the paper's broadcast time; the vote-splitting window is the ${ONE_WAY_MS} ms one-way trip), ` +
        `heartbeat ${RAFT_HEARTBEAT_MS} ms (half the minimum timeout, as in the paper); servers boot 20 ms apart, ` +
        `the leader is crashed at a uniform point of a heartbeat interval after 1 s of steady state; ` +
        `election time = crash → the new leader's first commit (a majority accepted it and it knows); capped at ${RAFT_CAP_MS / 1000} s (censored); ` +
        `${trials} trials per row, 99.9% order-statistic interval for the median`,
      ko:
        `Raft 서버 ${SERVERS}대, 완전 연결, 고정 단방향 지연 ${ONE_WAY_MS}ms에 응답마다 ${PERSIST_US / 1000}ms의 디스크 기록(fsync) ` +
        `(RequestVote와 응답 ≈ 15ms, 논문의 브로드캐스트 시간; 표가 갈리는 구간은 단방향 ${ONE_WAY_MS}ms), ` +
        `하트비트 ${RAFT_HEARTBEAT_MS}ms (논문처럼 최소 타임아웃의 절반); 서버는 20ms 간격으로 기동, ` +
        `1초 안정 상태 뒤 하트비트 간격 안의 균등한 시점에 리더를 중단; ` +
        `선거 시간 = 중단 → 새 리더의 첫 커밋 (과반이 새 리더를 받아들였고 리더가 그것을 앎); ${RAFT_CAP_MS / 1000}초에서 중단(검열); ` +
        `행마다 ${trials}회 시행, 중앙값의 99.9% 순서 통계 구간`,
    },
    rows,
  }
}
