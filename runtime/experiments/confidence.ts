/**
 * Confidence intervals for experiment rows (two-sided, 99.9% by default: with 20 correct rows,
 * all pass with probability ≈ 98%).
 *
 * @module
 */

/** z for a two-sided 99.9% interval. */
export const Z_999 = 3.2905

/**
 * Wilson score interval for `successes` out of `trials`.
 *
 * @example
 * wilson(200, 1000) // { low: 0.161…, high: 0.245… }
 */
export function wilson(successes: number, trials: number, z = Z_999): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 }
  const p = successes / trials
  const z2 = z * z
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))
  // Exact at the edges: no successes means the interval starts at 0, all successes ends at 1.
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === trials ? 1 : Math.min(1, centre + half) }
}

/** Two-sided 99.9% Student-t quantiles by degrees of freedom (1–30); the normal beyond. */
const T_999 = [
  636.62, 31.6, 12.92, 8.61, 6.87, 5.96, 5.41, 5.04, 4.78, 4.59, 4.44, 4.32, 4.22, 4.14, 4.07, 4.01, 3.97, 3.92, 3.88, 3.85,
  3.82, 3.79, 3.77, 3.75, 3.73, 3.71, 3.69, 3.67, 3.66, 3.65,
]

/** Mean and 99.9% t-interval of independent samples (at least two). */
export function meanInterval(samples: readonly number[]): { mean: number; low: number; high: number } {
  const n = samples.length
  const mean = samples.reduce((a, b) => a + b, 0) / n
  if (n < 2) return { mean, low: -Infinity, high: Infinity }
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)
  const t = n - 1 <= T_999.length ? T_999[n - 2]! : Z_999
  const half = t * Math.sqrt(variance / n)
  return { mean, low: mean - half, high: mean + half }
}

/**
 * Trials needed for a proportion near `p` so that the 99.9% half-width is ≤ 0.01, or ≤ 10% of
 * `p` when p > 0.1 (the precision rule).
 */
export function trialsForPrecision(p: number): number {
  const half = p > 0.1 ? 0.1 * p : 0.01
  const normal = (Z_999 * Z_999 * p * (1 - p)) / (half * half)
  // Near 0 the Wilson interval is ≈ [0, z²/n], so its half-width needs n ≥ z²/(2·half).
  const nearZero = (Z_999 * Z_999) / (2 * half)
  return Math.ceil(Math.max(normal, nearZero))
}
