/**
 * Order statistics used by the metrics: nearest-rank percentile and median.
 *
 * @module
 */

/**
 * Nearest-rank percentile of `values` (p in [0, 100]); `undefined` for an empty list.
 *
 * @example
 * percentile([5, 1, 3], 50) // 3
 */
export function percentile(values: ArrayLike<number>, p: number): number | undefined {
  const n = values.length
  if (n === 0) return undefined
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)))
  return sorted[rank - 1]
}

/** Median (mean of the two middle values for an even count); `undefined` when empty. */
export function median(values: ArrayLike<number>): number | undefined {
  const n = values.length
  if (n === 0) return undefined
  const sorted = Float64Array.from(values).sort()
  const mid = n >> 1
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2
}
