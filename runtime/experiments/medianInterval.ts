/**
 * A distribution-free confidence interval for a median, from order statistics: of n independent
 * samples, the number below the true median is Binomial(n, ½), so the interval between the l-th
 * smallest and the l-th largest sample covers the median with probability 1 − 2·P(B ≤ l − 1).
 *
 * Why not a t-interval: election times are skewed and, with no timeout randomness, censored at the
 * trial's cap — neither has a meaningful mean, but both have a median and this interval holds for
 * any continuous distribution. A censored sample only matters if it is one of the two bounds.
 *
 * @module
 */

export interface MedianInterval {
  median: number
  low: number
  high: number
  /** The coverage the chosen order statistics actually give (≥ the confidence asked for). */
  coverage: number
}

/**
 * Median and its order-statistic interval at `confidence` (default 99.9%). With too few samples
 * for that confidence (n ≤ 10 at 99.9%) the bounds are ±Infinity, as for a t-interval of one sample.
 *
 * @example
 * medianInterval(Array.from({ length: 100 }, (_, i) => i)) // { median: 49.5, low: 33, high: 66, coverage: 0.9991… }
 */
export function medianInterval(samples: readonly number[], confidence = 0.999): MedianInterval {
  const sorted = [...samples].sort((a, b) => a - b)
  const n = sorted.length
  const mid = n >> 1
  const median = n === 0 ? NaN : n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  const tail = (1 - confidence) / 2
  // The largest l with P(B ≤ l − 1) ≤ tail, walking the Binomial(n, ½) CDF in log space.
  let l = 0
  let cdf = 0
  let logPmf = -n * Math.LN2
  for (let k = 0; k < n; k++) {
    cdf += Math.exp(logPmf)
    if (cdf > tail) break
    l = k + 1
    logPmf += Math.log(n - k) - Math.log(k + 1)
  }
  if (l === 0) return { median, low: -Infinity, high: Infinity, coverage: 1 }
  return { median, low: sorted[l - 1]!, high: sorted[n - l]!, coverage: 1 - 2 * binomialHalfCdf(n, l - 1) }
}

/** P(Binomial(n, ½) ≤ k). */
function binomialHalfCdf(n: number, k: number): number {
  let sum = 0
  let logPmf = -n * Math.LN2
  for (let i = 0; i <= k; i++) {
    sum += Math.exp(logPmf)
    logPmf += Math.log(n - i) - Math.log(i + 1)
  }
  return sum
}
