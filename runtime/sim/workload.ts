/**
 * The modeled transaction workload: Poisson arrivals at an offered rate, each transaction from one
 * of `senders` accounts, with a size and a fee drawn from the config, submitted to a node that
 * may submit (a client talks to its own organisation's node). Everything is drawn from the
 * workload's own PRNG stream, so adding load never shifts the other streams' draws.
 *
 * @module
 */
import { expectInteger, expectKnownKeys, expectNumber, expectRecord } from './validate.ts'
import { InvalidFieldError } from '../errors/input.ts'

export interface WorkloadConfig {
  /** Offered load, transactions per second (Poisson arrivals). */
  ratePerSec: number
  /** Size of one transaction on the wire, bytes. */
  txBytes: number
  /** Distinct sending accounts. */
  senders: number
  /** Fees are drawn uniformly from [feeMin, feeMax] (whole units). */
  feeMin: number
  feeMax: number
  /** Transaction gossip: one batch per link per interval, ms. */
  gossipIntervalMs: number
  /** Stop submitting after this simulated time, ms (default: never). */
  untilMs?: number | undefined
}

export const WORKLOAD_DEFAULTS: Omit<WorkloadConfig, 'ratePerSec'> = {
  txBytes: 250,
  senders: 1000,
  feeMin: 1,
  feeMax: 100,
  gossipIntervalMs: 100,
}

/**
 * Validates `input` as a {@link WorkloadConfig} (missing fields take the defaults).
 * @throws {@link InvalidFieldError} naming the first bad field.
 */
export function parseWorkloadConfig(input: unknown, _nodes: number): WorkloadConfig {
  const c = expectRecord(input, 'config.workload')
  expectKnownKeys(c, 'config.workload', ['ratePerSec', 'txBytes', 'senders', 'feeMin', 'feeMax', 'gossipIntervalMs', 'untilMs'])
  const config: WorkloadConfig = {
    ratePerSec: expectNumber(c.ratePerSec, 'config.workload.ratePerSec', 0.001, 1_000_000),
    txBytes: c.txBytes === undefined ? WORKLOAD_DEFAULTS.txBytes : expectInteger(c.txBytes, 'config.workload.txBytes', 1, 10_000_000),
    senders: c.senders === undefined ? WORKLOAD_DEFAULTS.senders : expectInteger(c.senders, 'config.workload.senders', 1, 10_000_000),
    feeMin: c.feeMin === undefined ? WORKLOAD_DEFAULTS.feeMin : expectInteger(c.feeMin, 'config.workload.feeMin', 0, 1e12),
    feeMax: c.feeMax === undefined ? WORKLOAD_DEFAULTS.feeMax : expectInteger(c.feeMax, 'config.workload.feeMax', 0, 1e12),
    gossipIntervalMs:
      c.gossipIntervalMs === undefined ? WORKLOAD_DEFAULTS.gossipIntervalMs : expectNumber(c.gossipIntervalMs, 'config.workload.gossipIntervalMs', 1, 60_000),
  }
  if (config.feeMax < config.feeMin) {
    throw new InvalidFieldError({ field: 'config.workload.feeMax', expected: { en: `at least feeMin (${config.feeMin})`, ko: `feeMin(${config.feeMin}) 이상` }, got: config.feeMax })
  }
  if (c.untilMs !== undefined) config.untilMs = expectNumber(c.untilMs, 'config.workload.untilMs', 0)
  return config
}
