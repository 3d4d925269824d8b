/**
 * One node's tally of one (height, round): the proposal it accepted, each validator's first
 * prevote and precommit, the power behind each value, and the "first time" flags of the
 * algorithm's upon-rules. A validator's second, different vote in the same round is equivocation:
 * it is not counted, and it is reported as evidence.
 *
 * @module
 */

/** The nil vote. Block ids are ≥ 1 (the genesis is never proposed). */
export const NIL = -1
/** No vote recorded. */
const NONE = -2

export interface VoteRecord {
  /** True: counted. False: a duplicate (ignored). A number: the conflicting earlier value. */
  outcome: 'counted' | 'duplicate' | 'conflict'
  previous: number
}

export class RoundVotes {
  proposal = -1
  proposalValidRound = -1
  readonly prevoteOf: Int32Array
  readonly precommitOf: Int32Array
  readonly prevotePower = new Map<number, number>()
  readonly precommitPower = new Map<number, number>()
  prevoteTotal = 0
  precommitTotal = 0
  /** Power of the validators heard from in this round (any message). */
  anyPower = 0
  private readonly heard: Uint8Array
  prevoteTimerSet = false
  precommitTimerSet = false
  /** Line 36 of the algorithm ran (a +2/3 prevote for the proposal was acted upon). */
  polHandled = false
  /** This node's own votes in this round (resent unchanged after a crash). */
  myPrevote = NONE
  myPrecommit = NONE

  constructor(nodes: number) {
    this.prevoteOf = new Int32Array(nodes).fill(NONE)
    this.precommitOf = new Int32Array(nodes).fill(NONE)
    this.heard = new Uint8Array(nodes)
  }

  hear(validator: number, power: number): void {
    if (validator >= this.heard.length || this.heard[validator] === 1) return
    this.heard[validator] = 1
    this.anyPower += power
  }

  addPrevote(validator: number, value: number, power: number): VoteRecord {
    return add(this.prevoteOf, this.prevotePower, validator, value, power, () => (this.prevoteTotal += power))
  }

  addPrecommit(validator: number, value: number, power: number): VoteRecord {
    return add(this.precommitOf, this.precommitPower, validator, value, power, () => (this.precommitTotal += power))
  }

  get hasMyPrevote(): boolean {
    return this.myPrevote !== NONE
  }

  get hasMyPrecommit(): boolean {
    return this.myPrecommit !== NONE
  }
}

function add(of: Int32Array, power: Map<number, number>, validator: number, value: number, p: number, total: () => void): VoteRecord {
  if (validator >= of.length) return { outcome: 'duplicate', previous: NONE }
  const previous = of[validator]!
  if (previous === value) return { outcome: 'duplicate', previous }
  if (previous !== NONE) return { outcome: 'conflict', previous }
  of[validator] = value
  power.set(value, (power.get(value) ?? 0) + p)
  total()
  return { outcome: 'counted', previous }
}
