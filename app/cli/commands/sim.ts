/**
 * `playground sim`: runs a preset (with overrides) to a height or a simulated duration and prints
 * the run summary — one JSON object with `--json`.
 *
 * @module
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { MAX_NODES, NET_MODEL_NAMES } from '../../../runtime/sim/config.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { RunSummary, TraceRecord } from '../../../runtime/sim/network.ts'
import type { CheckSummary } from '../../../runtime/check/runChecker.ts'
import { createRunChecker } from '../../../runtime/check/runChecker.ts'
import type { ByzantineAssignment } from '../../../runtime/sim/config.ts'
import { STRATEGY_NAMES } from '../../../runtime/node/strategies/registry.ts'
import type { StrategyName } from '../../../runtime/node/strategies/registry.ts'
import { readFaultFile } from '../faultsFile.ts'
import { PRESET_NAMES, configFromPreset } from '../../../runtime/sim/presets.ts'
import { TOPOLOGY_KINDS } from '../../../runtime/net/topology.ts'
import type { Lang } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { choiceFlag, durationFlag, intFlag } from '../args.ts'
import { createProgressBar } from '../progress.ts'
import { protocolLabel } from '../protocolLabels.ts'
import { UsageError } from '../usageError.ts'

export const SIM_FLAGS = {
  preset: { type: 'string' },
  nodes: { type: 'string' },
  net: { type: 'string' },
  topology: { type: 'string' },
  seed: { type: 'string' },
  blocks: { type: 'string' },
  duration: { type: 'string' },
  trace: { type: 'string' },
  faults: { type: 'string' },
  byzantine: { type: 'string' },
  gamma: { type: 'string' },
  rate: { type: 'string' },
  'per-block': { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

/** The `--json` object: the run summary (without the detailed metrics) plus what the host measured. */
export interface SimOutput extends Omit<RunSummary, 'metrics'> {
  preset: string
  /** The consensus protocol and how it finalizes (`depth`: PoW's k-deep rule). */
  protocolName: string
  finality: 'depth' | 'explicit'
  net: string
  topology: string
  safety: CheckSummary['safety']
  liveness: CheckSummary['liveness']
  checks: CheckSummary
  /** The run stopped before its height because finality stalled for a whole liveness window. */
  stoppedStalled: boolean
  wallMs: number
  peakRssMb: number
  eventsPerSecond: number
  /** With --per-block: each block's miner, region and propagation. */
  perBlock?: PerBlock[]
}

export interface PerBlock {
  block: number
  height: number
  miner: number
  region: string
  onMainChain: boolean
  t50Ms: number | null
  t90Ms: number | null
  t100Ms: number | null
}

export function runSim(args: ParsedArgs, lang: Lang, json: boolean): number {
  if (args.positionals.length > 0) {
    throw new UsageError(formatMessage('usage.unexpected-argument', { arg: args.positionals[0]!, command: 'sim' }))
  }
  const preset = choiceFlag(args, 'preset', PRESET_NAMES) ?? 'bitcoin-2019'
  const nodes = intFlag(args, 'nodes', 1, MAX_NODES)
  const net = choiceFlag(args, 'net', NET_MODEL_NAMES)
  const topology = choiceFlag(args, 'topology', TOPOLOGY_KINDS)
  const seed = intFlag(args, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) ?? 1
  const blocksFlag = intFlag(args, 'blocks', 1, 10_000_000)
  const durationMs = durationFlag(args, 'duration')
  if (blocksFlag !== undefined && durationMs !== undefined) {
    throw new UsageError(formatMessage('usage.conflict', { a: 'blocks', b: 'duration' }))
  }
  const traceFile = args.flags.get('trace')
  const overrides = {
    ...(nodes === undefined ? {} : { nodes }),
    ...(net === undefined ? {} : { net }),
    ...(topology === undefined ? {} : { topology }),
  }
  const config = configFromPreset(preset, seed, overrides)
  const byzantine = parseByzantineFlag(args.flags.get('byzantine'), config.nodes)
  if (byzantine) config.byzantine = byzantine
  const gammaRaw = args.flags.get('gamma')
  if (gammaRaw !== undefined) {
    const gamma = Number(gammaRaw)
    if (typeof gammaRaw !== 'string' || !/^\d*\.?\d+$/.test(gammaRaw) || gamma > 1) {
      throw new UsageError(formatMessage('usage.bad-value', { flag: 'gamma', expected: 'a number from 0 to 1', expectedKo: '0부터 1까지의 수', got: String(gammaRaw) }))
    }
    config.gamma = gamma
  }
  const rateRaw = args.flags.get('rate')
  if (rateRaw !== undefined) {
    const rate = Number(rateRaw)
    if (typeof rateRaw !== 'string' || !/^\d*\.?\d+$/.test(rateRaw) || rate > 1_000_000) {
      throw new UsageError(formatMessage('usage.bad-value', { flag: 'rate', expected: 'transactions per second, 0 to 1000000', expectedKo: '초당 트랜잭션 수, 0부터 1000000까지', got: String(rateRaw) }))
    }
    if (rate === 0) delete config.workload
    else config.workload = { ...(config.workload ?? {}), ratePerSec: rate } as NonNullable<typeof config.workload>
  }
  const faultsFile = args.flags.get('faults')
  const schedule = typeof faultsFile === 'string' ? readFaultFile(faultsFile, config.nodes) : []

  let traceFd: number | undefined
  let traceBuffer = ''
  const flushTrace = (): void => {
    if (traceFd !== undefined && traceBuffer.length > 0) {
      writeSync(traceFd, traceBuffer)
      traceBuffer = ''
    }
  }
  if (typeof traceFile === 'string') {
    try {
      traceFd = openSync(traceFile, 'w')
    } catch (error) {
      throw new UsageError(formatMessage('error.io', { path: traceFile, details: (error as Error).message }))
    }
  }
  const onTrace =
    traceFd === undefined
      ? undefined
      : (r: TraceRecord): void => {
          traceBuffer += `${JSON.stringify(r)}\n`
          if (traceBuffer.length > 1 << 16) flushTrace()
        }

  const started = performance.now()
  const network = createNetwork(config, { onTrace })
  const checker = createRunChecker(network, {
    byzantine: (config.byzantine ?? []).map((b) => b.node),
  })
  for (const { atUs, command } of schedule) {
    network.apply(atUs > 0 ? { ...command, atUs } : command)
    checker.noteFault(atUs)
  }
  const stopAtHeight = durationMs === undefined ? (blocksFlag ?? 100) : undefined
  const untilUs = durationMs === undefined ? undefined : Math.round(durationMs * 1000)
  const bar = createProgressBar()
  const onProgress = ({ nowUs, height }: { nowUs: number; height: number }): void => {
    if (stopAtHeight !== undefined) bar.update(height / stopAtHeight, `${height}/${stopAtHeight}`)
    else bar.update(nowUs / untilUs!, `${(nowUs / 1e6).toFixed(0)} s`)
  }
  let stoppedStalled = false
  if (stopAtHeight !== undefined && network.protocol.finality === 'explicit') {
    // Explicit-finality protocols keep their timers running when they cannot finalize (a lost
    // quorum): run a liveness window at a time and stop once one passes, after the faults, without
    // a new final height — the verdict is `stalled`, not an endless run.
    const window = checker.summary().livenessWindowUs
    let lastHeight = network.summary().finalizedHeight
    for (;;) {
      const result = network.run({ stopAtHeight, untilUs: network.now + window, progressEvery: 200_000, onProgress })
      if (result.reason !== 'time') break
      const height = network.summary().finalizedHeight
      if (height === lastHeight && network.now > checker.summary().faultsEndUs + window) {
        stoppedStalled = true
        break
      }
      lastHeight = height
    }
  } else network.run({ stopAtHeight, untilUs, progressEvery: 200_000, onProgress })
  bar.done()
  flushTrace()
  if (traceFd !== undefined) closeSync(traceFd)
  const wallMs = performance.now() - started
  const { metrics: _metrics, ...s } = network.summary()
  const checks = checker.summary()
  const out: SimOutput = {
    preset,
    protocolName: network.protocol.name,
    finality: network.protocol.finality,
    net: typeof config.net === 'string' ? config.net : 'fixed',
    topology: config.topology,
    ...s,
    safety: checks.safety,
    liveness: checks.liveness,
    checks,
    stoppedStalled,
    wallMs: Math.round(wallMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    eventsPerSecond: Math.round(s.events / (wallMs / 1000)),
  }
  if (args.flags.has('per-block')) out.perBlock = perBlock(network)
  process.stdout.write(json ? `${JSON.stringify(out)}\n` : `${formatSim(out, lang)}\n`)
  // A failed check is a failed run (DESIGN: exit 1), printed in full all the same: an attack demo
  // that breaks safety exits 1 with the evidence on stdout.
  return checks.safety === 'violated' || checks.liveness === 'stalled' ? 1 : 0
}

/** `--byzantine 0:selfish-mining,5:double-spend` → assignments (undefined when absent). */
function parseByzantineFlag(raw: string | true | undefined, nodes: number): ByzantineAssignment[] | undefined {
  if (raw === undefined) return undefined
  const fail = (): never => {
    throw new UsageError(formatMessage('usage.byzantine', { got: String(raw), nodes, choices: STRATEGY_NAMES.join(', ') }))
  }
  if (typeof raw !== 'string') return fail()
  return raw.split(',').map((part) => {
    const m = /^(\d+):([a-z-]+)(?:=(\d+))?$/.exec(part.trim())
    if (!m || Number(m[1]) >= nodes || !(STRATEGY_NAMES as readonly string[]).includes(m[2]!)) return fail()
    const assignment: ByzantineAssignment = { node: Number(m[1]), strategy: m[2] as StrategyName }
    if (m[3] !== undefined) {
      if (assignment.strategy === 'censorship' && Number(m[3]) <= 2 ** 31 - 1) assignment.censorSender = Number(m[3])
      else if (assignment.strategy === 'double-spend' && Number(m[3]) >= 1) assignment.confirmations = Number(m[3])
      else return fail()
    }
    return assignment
  })
}

interface BlockInfo {
  block: number
  height: number
  miner: number
  onMainChain: boolean
  propagation: { t50Ms: number | null; t90Ms: number | null; t100Ms: number | null }
}

function perBlock(network: ReturnType<typeof createNetwork>): PerBlock[] {
  const status = network.query({ type: 'status' }) as { blocks: number }
  const nodes = network.query({ type: 'nodes' }) as { region: string }[]
  const out: PerBlock[] = []
  for (let b = 1; b <= status.blocks; b++) {
    const info = network.query({ type: 'block', block: b }) as BlockInfo
    out.push({
      block: b,
      height: info.height,
      miner: info.miner,
      region: nodes[info.miner]!.region,
      onMainChain: info.onMainChain,
      ...info.propagation,
    })
  }
  return out
}

function fmtInt(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US')
}

function fmtBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} MB`
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} KB`
  return `${n} B`
}

function fmtSeconds(ms: number | null): string {
  if (ms === null) return '–'
  return ms < 100 ? `${(ms / 1000).toFixed(4)}` : (ms / 1000).toFixed(2)
}

function fmtDuration(ms: number, lang: Lang): string {
  const s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return lang === 'ko' ? `${h}시간 ${m}분 ${sec}초` : `${h}h ${m}m ${sec}s`
}

export function formatSim(o: SimOutput, lang: Lang): string {
  const p = o.propagation
  const prop = `${fmtSeconds(p.t50Ms)} / ${fmtSeconds(p.t90Ms)} / ${fmtSeconds(p.t100Ms)}`
  const stale = `${fmtInt(o.orphans, lang)} (${(o.staleRate * 100).toFixed(2)}%)`
  const ko = lang === 'ko'
  const lines: string[] = []
  if (ko) {
    lines.push(
      `블록체인 놀이터 — 시뮬레이션 (프리셋 ${o.preset}, 합의 ${o.protocolName}, 네트워크 ${o.net}, 연결 ${o.topology}, 노드 ${fmtInt(o.nodes, lang)}개, 시드 ${o.seed})`,
      `  블록 ${fmtInt(o.blocks, lang)}개 · ${o.finality === 'explicit' ? '확정되지 않은 블록' : '고아(스테일) 블록'} ${stale} · 확정 높이 ${fmtInt(o.finalizedHeight, lang)}`,
      `  전파 시간 중앙값 t50 / t90 / t100: ${prop} 초`,
      `  메시지 ${fmtInt(o.messages, lang)}개 · ${fmtBytes(o.bytes)} · 이벤트 ${fmtInt(o.events, lang)}개`,
    )
  } else {
    lines.push(
      `Blockchain Playground — simulation (preset ${o.preset}, consensus ${o.protocolName}, net ${o.net}, topology ${o.topology}, ${fmtInt(o.nodes, lang)} nodes, seed ${o.seed})`,
      `  blocks ${fmtInt(o.blocks, lang)} · ${o.finality === 'explicit' ? 'never finalized' : 'stale (orphan)'} blocks ${stale} · finalized height ${fmtInt(o.finalizedHeight, lang)}`,
      `  propagation medians t50 / t90 / t100: ${prop} s`,
      `  messages ${fmtInt(o.messages, lang)} · ${fmtBytes(o.bytes)} · events ${fmtInt(o.events, lang)}`,
    )
  }
  if (o.protocol) {
    const value = (v: unknown): string =>
      typeof v === 'number'
        ? Number.isInteger(v)
          ? fmtInt(v, lang)
          : v.toFixed(2)
        : typeof v === 'object' && v !== null
          ? Object.entries(v).map(([k, x]) => `${k} ${value(x)}`).join(', ')
          : String(v)
    const fields = Object.entries(o.protocol).map(([k, v]) => `${protocolLabel(k, lang)} ${value(v)}`)
    lines.push(`  ${o.protocolName}: ${fields.join(' · ')}`)
  }
  const t = o.transactions
  if (t) {
    const lat = (l: { p50Ms: number | null; p95Ms: number | null; p99Ms: number | null }): string => `${fmtSeconds(l.p50Ms)} / ${fmtSeconds(l.p95Ms)} / ${fmtSeconds(l.p99Ms)}`
    lines.push(
      ko
        ? `  트랜잭션 ${fmtInt(t.submitted, lang)}건 제출 · ${fmtInt(t.finalized, lang)}건 확정 · 처리량 ${t.throughputTps} tx/s · 트랜잭션당 메시지 ${t.messagesPerTx ?? '–'}개, ${t.bytesPerTx === null ? '–' : fmtBytes(t.bytesPerTx)}`
        : `  transactions ${fmtInt(t.submitted, lang)} submitted · ${fmtInt(t.finalized, lang)} final · throughput ${t.throughputTps} tx/s · per tx ${t.messagesPerTx ?? '–'} messages, ${t.bytesPerTx === null ? '–' : fmtBytes(t.bytesPerTx)}`,
      ko
        ? `  포함 지연 p50 / p95 / p99: ${lat(t.inclusionLatency)} 초 · 확정 시간 p50 / p95 / p99: ${lat(t.timeToFinality)} 초`
        : `  inclusion latency p50 / p95 / p99: ${lat(t.inclusionLatency)} s · time to finality p50 / p95 / p99: ${lat(t.timeToFinality)} s`,
    )
  }
  // Conflict records name (height, pair of nodes): count heights, as the sentence says.
  const violations =
    o.finality === 'explicit' ? new Set(o.checks.violations.map((v) => (v.kind === 'conflicting-finality' ? v.height : -1))).size : o.checks.violations.length
  const what =
    o.finality === 'explicit'
      ? ko
        ? `정직한 노드가 같은 높이에서 서로 다른 블록을 확정한 경우 ${violations}건`
        : `${violations} heights where honest nodes finalized different blocks`
      : ko
        ? `${o.checks.k}블록보다 깊은 재구성 ${violations}건`
        : `${violations} reorgs deeper than ${o.checks.k} blocks`
  const slashing = o.checks.slashing.length
  if (ko) {
    lines.push(
      `  시뮬레이션 시간 ${fmtDuration(o.simulatedMs, lang)} · 실제 시간 ${(o.wallMs / 1000).toFixed(2)}초 · 최대 메모리 ${o.peakRssMb} MB`,
      `  안전성 ${o.safety === 'ok' ? '정상' : '위반'} (${what}) · 활성 ${o.liveness === 'ok' ? '정상' : o.liveness === 'stalled' ? '멈춤' : '판정 불가'}${slashing > 0 ? ` · 처벌 증거 ${slashing}건` : ''}`,
      `  traceHash ${o.traceHash}`,
    )
  } else {
    lines.push(
      `  simulated ${fmtDuration(o.simulatedMs, lang)} · wall ${(o.wallMs / 1000).toFixed(2)} s · peak RSS ${o.peakRssMb} MB`,
      `  safety ${o.safety} (${what}) · liveness ${o.liveness}${slashing > 0 ? ` · slashing evidence ${slashing}` : ''}`,
      `  traceHash ${o.traceHash}`,
    )
  }
  return lines.join('\n')
}
