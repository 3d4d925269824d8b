/**
 * `bft-messages`: Tendermint's message complexity counted in the simulator against the closed
 * form for one round — (n−1) proposals + 2·n(n−1) votes (a prevote and a precommit from each of
 * the n validators to the n−1 others): 27, 90 and 189 messages per height for n = 4, 7, 10.
 *
 * Why exact: all validators are honest, there are no faults, and every message takes the same
 * fixed latency, so every height ends in round 0 and the count is not a random variable — any
 * difference (a duplicate send, a missing vote, a stray extra round) is a bug. The protocol's own
 * summary counts messages by the height they belong to, over the heights every validator has
 * finalized, so the next height's messages already in flight are not counted.
 *
 * PBFT's count from the reference, (n−1)·2n without the client's request and replies (24, 84,
 * 180), is printed beside it as a formula for comparison, not measured.
 *
 * @module
 */
import { TENDERMINT_DEFAULTS } from '../consensus/tendermint/tendermintConfig.ts'
import type { TendermintSummary } from '../consensus/tendermint/tendermintProtocol.ts'
import type { NetworkConfig } from '../sim/config.ts'
import { createNetwork } from '../sim/network.ts'
import type { ExperimentOptions, ExperimentResult, ExperimentRow } from './experiment.ts'
import { runGrid } from './experiment.ts'

export const BFT_MESSAGES_GRID = { n: [4, 7, 10] } as const
export const BFT_MESSAGES_HEIGHTS = 50

/** One Tendermint round: (n−1) proposals + n(n−1) prevotes + n(n−1) precommits. */
export const tendermintMessagesPerHeight = (n: number): number => n - 1 + 2 * n * (n - 1)

/** PBFT's normal case without client messages, (n−1)·2n (the reference's §3.5 formula). */
export const pbftMessagesPerRequest = (n: number): number => (n - 1) * 2 * n

export function bftMessagesConfig(n: number, seed: number): NetworkConfig {
  return {
    seed,
    nodes: n,
    net: { kind: 'fixed', latencyMs: 1 },
    topology: 'full-mesh',
    protocol: { kind: 'tendermint', ...TENDERMINT_DEFAULTS, timeoutCommitMs: 0 },
    relay: { mode: 'inv', compact: false },
  }
}

export function runBftMessagesRow(n: number, heights: number, seed: number): ExperimentRow {
  const net = createNetwork(bftMessagesConfig(n, seed))
  // Stop once every validator finalized `heights` (stopAtHeight alone stops at the first one).
  let done = 0
  net.subscribe({ types: ['finalized'] }, (e) => {
    if (e.type === 'finalized' && e.height === heights) done++
  })
  while (done < n && net.step()) {
    // one event at a time: the run ends on the event that completes the last validator's height
  }
  const summary = net.summary().protocol as (TendermintSummary & Record<string, unknown>) | null
  const measured = summary?.messagesPerHeight ?? NaN
  const extraRounds = summary?.extraRounds ?? NaN
  const expected = tendermintMessagesPerHeight(n)
  return {
    params: { n },
    measured,
    expected,
    pbft: pbftMessagesPerRequest(n),
    extraRounds,
    heights: summary?.heights ?? 0,
    // An exact count: the interval is the point itself.
    ciLow: measured,
    ciHigh: measured,
    pass: measured === expected && extraRounds === 0,
    trials: summary?.heights ?? 0,
    events: net.events,
    traceHash: net.traceHash(),
  }
}

export function runBftMessages(options: ExperimentOptions, grid: { n: readonly number[] } = BFT_MESSAGES_GRID): ExperimentResult {
  const heights = options.trials ?? BFT_MESSAGES_HEIGHTS
  const setup = {
    en:
      `Tendermint, n honest validators, no faults, fixed 1 ms latency, full mesh, timeout_commit 0; ${heights} heights per row (--trials sets the heights); ` +
      `measured = proposals + prevotes + precommits per height over the heights every validator finalized, vs (n−1) + 2n(n−1); ` +
      `pass when equal and no height needed a second round; the pbft column is the reference's formula (n−1)·2n, not a measurement`,
    ko:
      `텐더민트, 정직한 검증자 n명, 장애 없음, 고정 지연 1ms, 완전 연결, timeout_commit 0; 행마다 높이 ${heights}개(--trials가 높이 수); ` +
      `측정 = 모든 검증자가 확정한 높이에서 높이당 제안 + 사전투표 + 사전커밋 수, 비교 대상 (n−1) + 2n(n−1); ` +
      `같고 두 번째 라운드가 필요한 높이가 없으면 통과; pbft 열은 참고 자료의 공식 (n−1)·2n이며 측정값이 아님`,
  }
  return runGrid('bft-messages', options, setup, grid.n, (n, seed) => runBftMessagesRow(n, heights, seed))
}
