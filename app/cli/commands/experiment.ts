/**
 * `playground experiment NAME [--trials N] [--seed S] [--json]`: runs an experiment through the
 * simulator and checks every row against the literature; exit 1 when a row fails.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'
import type { ExperimentResult, ExperimentRow } from '../../../runtime/experiments/experiment.ts'
import { EXPERIMENT_NAMES, EXPERIMENTS } from '../../../runtime/experiments/registry.ts'
import type { ExperimentName } from '../../../runtime/experiments/registry.ts'
import type { Lang } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { intFlag } from '../args.ts'
import { createProgressBar } from '../progress.ts'
import { UsageError } from '../usageError.ts'

export const EXPERIMENT_FLAGS = {
  trials: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

export function runExperiment(args: ParsedArgs, lang: Lang, json: boolean): number {
  const name = args.positionals[0]
  if (name === undefined || !(EXPERIMENT_NAMES as readonly string[]).includes(name) || args.positionals.length > 1) {
    throw new UsageError(formatMessage('usage.bad-choice', { flag: 'experiment', got: String(name ?? ''), choices: EXPERIMENT_NAMES.join(', ') }))
  }
  const seed = intFlag(args, 'seed', 0, 2 ** 31) ?? 1
  const trials = intFlag(args, 'trials', 2, 10_000_000)
  const bar = createProgressBar()
  const started = performance.now()
  const result = EXPERIMENTS[name as ExperimentName]({
    seed,
    trials,
    onRow: (_row, i, total) => bar.update((i + 1) / total, `${i + 1}/${total}`),
  })
  bar.done()
  const wallMs = Math.round(performance.now() - started)
  if (json) process.stdout.write(`${JSON.stringify({ ...result, wallMs })}\n`)
  else process.stdout.write(`${formatExperiment(result, wallMs, lang)}\n`)
  return result.pass ? 0 : 1
}

function num(v: unknown, digits = 4): string {
  return typeof v === 'number' ? v.toFixed(digits) : String(v)
}

/** Columns beside measured/expected, per experiment (bft-messages' `pbft` is the reference's formula). */
const EXTRA_COLUMNS: Record<string, string[]> = {
  'double-spend': ['nakamoto'],
  'selfish-mining': ['threshold', 'profitable'],
  'bft-safety': ['criterion', 'violations', 'schedules', 'minHeights', 'livenessFailures'],
  'bft-messages': ['pbft', 'extraRounds', 'heights'],
  'raft-election': ['paper', 'p90Ms', 'maxMs', 'censored', 'meanTerms'],
}

export function formatExperiment(r: ExperimentResult, wallMs: number, lang: Lang): string {
  const ko = lang === 'ko'
  const extraKeys = EXTRA_COLUMNS[r.experiment] ?? []
  const paramKeys = Object.keys(r.rows[0]?.params ?? {})
  const header = [
    ...paramKeys,
    ko ? '측정' : 'measured',
    ko ? '기대' : 'expected',
    ...extraKeys,
    ko ? '99.9% 구간' : '99.9% interval',
    ko ? '판정' : 'pass',
  ]
  const cell = (row: ExperimentRow, key: string): string => {
    const v = row[key]
    if (typeof v === 'boolean') return v ? (ko ? '예' : 'yes') : ko ? '아니오' : 'no'
    if (Number.isInteger(v)) return String(v)
    // Bilingual cells ({en, ko}: e.g. the paper's figure for a row).
    if (typeof v === 'object' && v !== null && 'en' in v && 'ko' in v) return String((v as { en: string; ko: string })[lang])
    return num(v)
  }
  const lines = r.rows.map((row) =>
    [
      ...paramKeys.map((k) => String(row.params[k])),
      num(row.measured),
      num(row.expected),
      ...extraKeys.map((k) => cell(row, k)),
      `[${num(row.ciLow)}, ${num(row.ciHigh)}]`,
      row.pass ? 'ok' : ko ? '실패' : 'FAIL',
    ].join('\t'),
  )
  const passed = r.rows.filter((x) => x.pass).length
  const events = r.rows.reduce((a, x) => a + x.events, 0)
  const title = ko
    ? `실험 ${r.experiment} (시드 ${r.seed}, 시행 ${r.trials.toLocaleString('ko-KR')}회, 이벤트 ${events.toLocaleString('ko-KR')}개, ${(wallMs / 1000).toFixed(1)}초)`
    : `experiment ${r.experiment} (seed ${r.seed}, ${r.trials.toLocaleString('en-US')} trials, ${events.toLocaleString('en-US')} events, ${(wallMs / 1000).toFixed(1)} s)`
  const setup = ko ? `설정: ${r.setup.ko}` : `setup: ${r.setup.en}`
  const verdict = ko
    ? `${r.pass ? '통과' : '실패'}: ${r.rows.length}개 중 ${passed}개 행이 기준을 만족`
    : `${r.pass ? 'PASS' : 'FAIL'}: ${passed} of ${r.rows.length} rows meet the criterion`
  return [title, setup, header.join('\t'), ...lines, verdict].join('\n')
}
