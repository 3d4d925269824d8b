/**
 * A small, strict argv parser: `--flag value`, `--flag=value`, boolean `--flag`, positionals.
 * Unknown flags and bad values raise a {@link UsageError} naming the flag and the valid choices.
 *
 * @module
 */
import { parseDuration } from '../../runtime/sim/faultSchedule.ts'
import { formatMessage } from '../shared/messages.ts'
import { UsageError } from './usageError.ts'

export interface FlagSpec {
  /** `boolean` flags take no value. */
  type: 'string' | 'boolean'
}

export interface ParsedArgs {
  flags: Map<string, string | true>
  positionals: string[]
}

export function parseArgs(argv: readonly string[], command: string, spec: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const flags = new Map<string, string | true>()
  const positionals: string[] = []
  const known = Object.keys(spec)
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    const s = spec[name]
    if (!s) {
      throw new UsageError(
        formatMessage('usage.unknown-flag', { flag: name, command, choices: known.map((k) => `--${k}`).join(', ') }),
      )
    }
    if (s.type === 'boolean') {
      if (eq >= 0) throw new UsageError(formatMessage('usage.bad-value', { flag: name, expected: 'no value', expectedKo: '값 없음', got: arg.slice(eq + 1) }))
      flags.set(name, true)
      continue
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i]
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(formatMessage('usage.missing-value', { flag: name }))
    }
    flags.set(name, value)
  }
  return { flags, positionals }
}

/** An integer flag within [min, max]. */
export function intFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = args.flags.get(name)
  if (raw === undefined) return undefined
  const text = String(raw).replace(/_/g, '')
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      formatMessage('usage.bad-value', {
        flag: name,
        expected: `an integer from ${min} to ${max}`,
        expectedKo: `${min}부터 ${max}까지의 정수`,
        got: String(raw),
      }),
    )
  }
  return value
}

/** A flag that must be one of `choices`. */
export function choiceFlag<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const raw = args.flags.get(name)
  if (raw === undefined) return undefined
  if (typeof raw !== 'string' || !choices.includes(raw as T)) {
    throw new UsageError(formatMessage('usage.bad-choice', { flag: name, got: String(raw), choices: choices.join(', ') }))
  }
  return raw as T
}

/** A duration like `90s`, `10m`, `2h`, `1d`, `500ms` → milliseconds. */
export function durationFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = args.flags.get(name)
  if (raw === undefined) return undefined
  const us = parseDuration(String(raw))
  const ms = us === undefined ? NaN : us / 1000
  if (!Number.isFinite(ms) || ms <= 0 || ms > 1e13) {
    throw new UsageError(
      formatMessage('usage.bad-value', {
        flag: name,
        expected: 'a positive duration such as 90s, 10m, 2h or 1d',
        expectedKo: '90s, 10m, 2h, 1d 같은 양의 시간',
        got: String(raw),
      }),
    )
  }
  return ms
}
