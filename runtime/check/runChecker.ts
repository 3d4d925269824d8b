/**
 * Invariant checkers for a run, in Jepsen's spirit: safety is a predicate over the whole history
 * ("nothing bad happened"), liveness is judged after the faults stop ("something good happened in
 * time").
 *
 * For PoW (Nakamoto consensus has no explicit finality) a block counts as final at depth k:
 * - safety is violated when an honest node reorganises deeper than k blocks (it had treated a
 *   block as final and then dropped it);
 * - liveness holds when, after the last fault ended, the honest nodes' chain grows by a new height
 *   within 10 × the protocol's base timeout (PoW: the target block interval; the chance that no
 *   block comes in ten intervals is e^−10 ≈ 4.5·10⁻⁵).
 *
 * Byzantine nodes are excluded: their own reorgs are not violations.
 *
 * @module
 */
import type { Network } from '../sim/network.ts'

export interface SafetyViolation {
  kind: 'deep-reorg'
  node: number
  depth: number
  atUs: number
}

export interface CheckSummary {
  safety: 'ok' | 'violated'
  violations: SafetyViolation[]
  /** `unknown`: the run ended before the liveness window closed without a new height. */
  liveness: 'ok' | 'stalled' | 'unknown'
  /** Confirmation depth treated as final. */
  k: number
  faultsEndUs: number
  livenessWindowUs: number
  /** Time of the first new height after the faults ended (null: none). */
  firstHeightAfterFaultsUs: number | null
}

export interface RunChecker {
  /** The faults end no earlier than this (call when a fault is applied or scheduled). */
  noteFault(atUs: number): void
  summary(): CheckSummary
  stop(): void
}

export interface RunCheckerOptions {
  /** Depth at which a block is treated as final (default 6). */
  k?: number | undefined
  /** Base timeout of the protocol, µs (PoW: the target interval). */
  baseTimeoutUs: number
  /** Byzantine nodes (excluded from the checks). */
  byzantine?: readonly number[] | undefined
}

/**
 * Subscribes to `network` and checks safety and liveness as the run goes.
 *
 * @example
 * const checker = createRunChecker(net, { baseTimeoutUs: 600_000_000 })
 * net.run({ stopAtHeight: 100 })
 * checker.summary() // { safety: 'ok', liveness: 'ok', … }
 */
export function createRunChecker(network: Network, options: RunCheckerOptions): RunChecker {
  const k = options.k ?? 6
  const byzantine = new Set(options.byzantine ?? [])
  const window = 10 * options.baseTimeoutUs
  const violations: SafetyViolation[] = []
  let faultsEndUs = 0
  let bestHeight = 0
  let firstAfter: number | null = null

  const stop = network.subscribe({ types: ['reorg', 'tip-changed'] }, (n) => {
    if ('node' in n && byzantine.has(n.node)) return
    if (n.type === 'reorg' && n.depth > k) violations.push({ kind: 'deep-reorg', node: n.node, depth: n.depth, atUs: n.atUs })
    if (n.type === 'tip-changed' && n.height > bestHeight) {
      bestHeight = n.height
      if (n.atUs > faultsEndUs && firstAfter === null) firstAfter = n.atUs
    }
  })

  return {
    noteFault(atUs) {
      if (atUs >= faultsEndUs) {
        faultsEndUs = atUs
        // Heights reached before this fault ended do not count for liveness.
        if (firstAfter !== null && firstAfter <= atUs) firstAfter = null
      }
    },
    summary() {
      let liveness: CheckSummary['liveness']
      if (firstAfter !== null && firstAfter - faultsEndUs <= window) liveness = 'ok'
      else if (network.now - faultsEndUs > window || firstAfter !== null) liveness = 'stalled'
      else liveness = 'unknown'
      return {
        safety: violations.length === 0 ? 'ok' : 'violated',
        violations,
        liveness,
        k,
        faultsEndUs,
        livenessWindowUs: window,
        firstHeightAfterFaultsUs: firstAfter,
      }
    },
    stop,
  }
}
