/**
 * Transaction metrics, with Hyperledger Caliper's conventions: throughput is finalized
 * transactions over (last finality − first submission); latencies count finalized transactions
 * only. Inclusion latency runs from submission to the creation of the block that carried the
 * transaction to finality; time to finality runs to the first honest node's finalization (PoW:
 * when the block is k deep).
 *
 * @module
 */
import type { TransactionTable } from '../chain/transactions.ts'

export interface LatencySummary {
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
}

export interface TransactionSummary {
  submitted: number
  finalized: number
  /** Submitted but not final when the run ended. */
  pending: number
  /** Finalized transactions per second (Caliper's definition). */
  throughputTps: number
  inclusionLatency: LatencySummary
  timeToFinality: LatencySummary
}

function latency(values: Float64Array, n: number): LatencySummary {
  // Sorted once for the three ranks (nearest-rank, as `percentile` computes them).
  const sorted = values.subarray(0, n).sort()
  const ms = (p: number): number | null => {
    if (n === 0) return null
    const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)))
    return Math.round(sorted[rank - 1]!) / 1000
  }
  return { p50Ms: ms(50), p95Ms: ms(95), p99Ms: ms(99) }
}

/** Summarises the transactions of a run. */
export function summarizeTransactions(t: TransactionTable): TransactionSummary {
  const inclusion = new Float64Array(t.count)
  const finality = new Float64Array(t.count)
  let finalized = 0
  let firstSubmit = Infinity
  let lastFinal = -Infinity
  for (let i = 0; i < t.count; i++) {
    const submitted = t.submittedUs[i]!
    if (submitted < firstSubmit) firstSubmit = submitted
    const final = t.finalUs[i]!
    if (Number.isNaN(final)) continue
    inclusion[finalized] = Math.max(0, t.includedUs[i]! - submitted)
    finality[finalized] = final - submitted
    finalized++
    if (final > lastFinal) lastFinal = final
  }
  const spanUs = lastFinal - firstSubmit
  return {
    submitted: t.count,
    finalized,
    pending: t.count - finalized,
    throughputTps: finalized > 0 && spanUs > 0 ? Math.round((finalized / spanUs) * 1e6 * 100) / 100 : 0,
    inclusionLatency: latency(inclusion, finalized),
    timeToFinality: latency(finality, finalized),
  }
}
