/**
 * Closed forms the experiments are checked against.
 *
 * - Nakamoto 2008, §11: P(attacker with share q catches up after z confirmations), Poisson
 *   approximation of the attacker's progress.
 * - Rosenfeld, "Analysis of Hashrate-Based Double Spending" (arXiv:1402.2009): the exact value,
 *   with the attacker's progress negative-binomial.
 * - Eyal & Sirer, "Majority is not Enough" (arXiv:1311.0243) §4: a selfish pool's relative revenue
 *   and its profitability threshold.
 *
 * @module
 */

/**
 * Nakamoto's §11 attacker success probability (his C code, transcribed).
 *
 * @example
 * nakamoto(0.1, 6) // 0.0002428…
 */
export function nakamoto(q: number, z: number): number {
  const p = 1 - q
  const lambda = z * (q / p)
  let sum = 1
  let poisson = Math.exp(-lambda)
  for (let k = 0; k <= z; k++) {
    if (k > 0) poisson *= lambda / k
    sum -= poisson * (1 - Math.pow(q / p, z - k))
  }
  return sum
}

/**
 * Rosenfeld's exact double-spend success probability with n confirmations:
 * r = 1 − Σ_{m=0}^{n−1} C(m+n−1, m)·(pⁿqᵐ − pᵐqⁿ) for q < p, else 1.
 *
 * @example
 * rosenfeld(0.1, 6) // 0.0005914…
 */
export function rosenfeld(q: number, n: number): number {
  const p = 1 - q
  if (q >= p) return 1
  let r = 1
  let binom = 1 // C(m+n−1, m), starting at m = 0
  for (let m = 0; m < n; m++) {
    if (m > 0) binom = (binom * (m + n - 1)) / m
    r -= binom * (Math.pow(p, n) * Math.pow(q, m) - Math.pow(p, m) * Math.pow(q, n))
  }
  return r
}

/**
 * A selfish pool's relative revenue for hash share α and tie share γ.
 *
 * @example
 * eyalSirerRevenue(0.35, 0.5) // 0.4160…
 */
export function eyalSirerRevenue(alpha: number, gamma: number): number {
  const a = alpha
  return (a * (1 - a) ** 2 * (4 * a + gamma * (1 - 2 * a)) - a ** 3) / (1 - a * (1 + (2 - a) * a))
}

/** Selfish mining pays when α > (1 − γ) / (3 − 2γ). */
export function selfishThreshold(gamma: number): number {
  return (1 - gamma) / (3 - 2 * gamma)
}
