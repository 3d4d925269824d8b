/**
 * Invariant checkers for a run, in Jepsen's spirit: safety is a predicate over the whole history
 * ("nothing bad happened"), liveness is judged after the faults stop ("something good happened in
 * time").
 *
 * Protocols with explicit finality (BFT, Raft, PoA, PoS checkpoints): safety is violated when two
 * honest nodes finalize different blocks at one height (the finality tracker reports it); liveness
 * holds when a new height is finalized within 10 × the base timeout after the last fault, and
 * finality keeps going: no later wait between new heights (to the end of the run) exceeds it.
 * Slashable offences (double votes, surround votes, double proposals) are collected as evidence.
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

export type SafetyViolation =
  | { kind: 'deep-reorg'; node: number; depth: number; atUs: number }
  /** Two honest nodes finalized different blocks at one height (explicit-finality protocols). */
  | { kind: 'conflicting-finality'; height: number; first: { block: number; node: number }; second: { block: number; node: number }; atUs: number }

/** Evidence of a slashable offence (a validator signed what the protocol forbids). */
export interface SlashingEvidence {
  validator: number
  offence: string
  evidence: unknown
  atUs: number
}

export interface CheckSummary {
  safety: 'ok' | 'violated'
  violations: SafetyViolation[]
  /** Slashable offences seen (PoS double/surround votes, BFT double votes). */
  slashing: SlashingEvidence[]
  /** `unknown`: the run ended before the liveness window closed without a new height. */
  liveness: 'ok' | 'stalled' | 'unknown'
  /** Confirmation depth treated as final. */
  k: number
  faultsEndUs: number
  livenessWindowUs: number
  /** Time of the first new height after the faults ended (null: none). */
  firstHeightAfterFaultsUs: number | null
  /**
   * Explicit finality: the longest wait between new finalized heights after the faults (up to the
   * end of the run); above the window the run is `stalled` even if it resumed once.
   */
  longestWaitAfterFaultsUs: number | null
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
  /** Base timeout of the protocol, µs (default: the network's protocol's). */
  baseTimeoutUs?: number | undefined
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
  const window = 10 * (options.baseTimeoutUs ?? network.protocol.baseTimeoutUs)
  const explicit = network.protocol.finality === 'explicit'
  const violations: SafetyViolation[] = []
  const slashing: SlashingEvidence[] = []
  let faultsEndUs = 0
  let bestHeight = 0
  let firstAfter: number | null = null
  // Explicit finality must keep going, not just resume once: the longest wait between new
  // finalized heights after the faults (PoW's waits are exponential, so only its first counts).
  let lastProgressUs = 0
  let longestGapUs = 0

  const progress = (atUs: number, height: number): void => {
    if (height <= bestHeight) return
    bestHeight = height
    if (atUs > faultsEndUs) {
      if (firstAfter === null) firstAfter = atUs
      else longestGapUs = Math.max(longestGapUs, atUs - lastProgressUs)
    }
    lastProgressUs = atUs
  }
  const stop = network.subscribe({ types: ['reorg', 'tip-changed', 'finalized', 'finality-conflict', 'slashable'] }, (n) => {
    if ('node' in n && byzantine.has(n.node)) return
    switch (n.type) {
      case 'reorg':
        // With explicit finality a reorg below the finalized block shows up as a conflict instead.
        if (!explicit && n.depth > k) violations.push({ kind: 'deep-reorg', node: n.node, depth: n.depth, atUs: n.atUs })
        return
      case 'tip-changed':
        if (!explicit) progress(n.atUs, n.height)
        return
      case 'finalized':
        if (explicit) progress(n.atUs, n.height)
        return
      case 'finality-conflict':
        // PoW's depth finality conflicts are the deep reorgs reported above.
        if (explicit) violations.push({ kind: 'conflicting-finality', height: n.height, first: n.first, second: n.second, atUs: n.atUs })
        return
      case 'slashable':
        slashing.push({ validator: n.validator, offence: n.offence, evidence: n.evidence, atUs: n.atUs })
        return
    }
  })

  return {
    noteFault(atUs) {
      if (atUs >= faultsEndUs) {
        faultsEndUs = atUs
        // Heights reached before this fault ended do not count for liveness.
        if (firstAfter !== null && firstAfter <= atUs) firstAfter = null
        longestGapUs = 0
      }
    },
    summary() {
      let liveness: CheckSummary['liveness']
      const tailUs = firstAfter === null ? 0 : network.now - lastProgressUs
      const keptGoing = !explicit || Math.max(longestGapUs, tailUs) <= window
      if (firstAfter !== null && firstAfter - faultsEndUs <= window) liveness = keptGoing ? 'ok' : 'stalled'
      else if (network.now - faultsEndUs > window || firstAfter !== null) liveness = 'stalled'
      else liveness = 'unknown'
      return {
        safety: violations.length === 0 ? 'ok' : 'violated',
        violations,
        slashing,
        liveness,
        k,
        faultsEndUs,
        livenessWindowUs: window,
        firstHeightAfterFaultsUs: firstAfter,
        longestWaitAfterFaultsUs: explicit && firstAfter !== null ? Math.max(longestGapUs, network.now - lastProgressUs) : null,
      }
    },
    stop,
  }
}
