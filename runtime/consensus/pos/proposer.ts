/**
 * Who proposes in each slot: a stake-weighted draw from a hash of (seed, slot), so any node can
 * recompute it and reject a block from anyone else — verifiable without a coordinator.
 *
 * Ethereum mixes a RANDAO value that validators update every block (so the schedule is not known
 * far ahead); that is out of scope here: the seed is fixed at genesis, which lets a learner (or an
 * attacker) see the whole schedule in advance.
 *
 * @module
 */
import { sha256, toHex } from '../../crypto/sha256.ts'

const encoder = new TextEncoder()

/** The genesis seed: a hash of the validator registry (their identity keys, which depend on the run's seed). */
export function genesisSeed(validatorKeys: readonly string[]): string {
  return toHex(sha256(encoder.encode(`pos genesis|${validatorKeys.join(',')}`)))
}

/** A uniform draw in [0, 1) for `slot`: the first 52 bits of sha256(seed | slot). */
export function slotDraw(seed: string, slot: number): number {
  const h = sha256(encoder.encode(`${seed}|${slot}`))
  // 6.5 bytes = 52 bits: exact in a double.
  let x = 0
  for (let i = 0; i < 6; i++) x = x * 256 + h[i]!
  x = x * 16 + (h[6]! >> 4)
  return x / 2 ** 52
}

/** The validator whose stake interval contains `u` (validators and stakes in the same order). */
export function pickByStake(u: number, validators: readonly number[], stakes: readonly number[]): number {
  let total = 0
  for (const s of stakes) total += s
  let point = u * total
  for (let i = 0; i < validators.length; i++) {
    const s = stakes[i]!
    if (s <= 0) continue
    if (point < s) return validators[i]!
    point -= s
  }
  // Rounding at the very top of the range: the last validator with stake.
  for (let i = validators.length - 1; i >= 0; i--) if (stakes[i]! > 0) return validators[i]!
  return -1
}

export interface ProposerSchedule {
  readonly seed: string
  /** The proposer of `slot` (slot 0 is the genesis: no proposer, -1). */
  proposerOf(slot: number): number
}

/**
 * A schedule over fixed validators and stakes, memoised per slot (every node asks for the same
 * slots).
 *
 * @example
 * const schedule = createProposerSchedule(genesisSeed(keys), [0, 1, 2], [32, 32, 64])
 * schedule.proposerOf(7) // same answer on every node, every run with the same seed
 */
export function createProposerSchedule(seed: string, validators: readonly number[], stakes: readonly number[]): ProposerSchedule {
  const memo = new Map<number, number>()
  return {
    seed,
    proposerOf(slot) {
      if (slot <= 0) return -1
      let p = memo.get(slot)
      if (p === undefined) {
        p = pickByStake(slotDraw(seed, slot), validators, stakes)
        memo.set(slot, p)
        // Old slots are asked about only while their blocks are still arriving.
        if (memo.size > 4096) memo.delete(memo.keys().next().value!)
      }
      return p
    },
  }
}
