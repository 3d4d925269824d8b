/**
 * Slashing detection: every node checks each vote it receives against the same validator's
 * earlier votes it has seen (the two Casper FFG conditions), and each block it holds against
 * other blocks of the same proposer and slot (a double proposal, slashable in Ethereum too).
 *
 * One offence is reported once for the whole network: with N observers the evidence would
 * otherwise arrive N times. (On a real chain the first block to include the evidence slashes the
 * validator; later copies are rejected as duplicates.)
 *
 * @module
 */
import type { World } from '../../sim/world.ts'
import type { FfgVote, SlashableOffence } from './ffgVote.ts'
import { slashableOffence, voteJson } from './ffgVote.ts'

interface ValidatorVotes {
  byTarget: Map<number, FfgVote[]>
  all: FfgVote[]
  maxSource: number
  maxTarget: number
}

/** The votes one node has seen, by validator. */
export class VoteHistory {
  private readonly records = new Map<number, ValidatorVotes>()

  /**
   * Records `vote`; false when the node already had it. Calls `offence` with an earlier vote of
   * the same validator that the new one conflicts with, for each condition it breaks.
   */
  record(vote: FfgVote, offence: (earlier: FfgVote, kind: SlashableOffence) => void): boolean {
    let r = this.records.get(vote.validator)
    if (r === undefined) this.records.set(vote.validator, (r = { byTarget: new Map(), all: [], maxSource: -1, maxTarget: -1 }))
    const sameTarget = r.byTarget.get(vote.target.epoch)
    if (sameTarget?.includes(vote)) return false
    // One earlier vote per condition is proof enough: a vote that contradicts many earlier ones
    // is one offence, not one per earlier vote.
    if (sameTarget !== undefined) {
      const earlier = sameTarget.find((e) => e.target.block !== vote.target.block)
      if (earlier !== undefined) offence(earlier, 'double-vote')
      sameTarget.push(vote)
    } else r.byTarget.set(vote.target.epoch, [vote])
    // Only a vote with an older source or an older target than one already seen can be part of a
    // surround pair: an honest validator's next vote never is, so the scan is rare.
    if (vote.source.epoch < r.maxSource || vote.target.epoch < r.maxTarget) {
      const earlier = r.all.find((e) => slashableOffence(e, vote) === 'surround-vote')
      if (earlier !== undefined) offence(earlier, 'surround-vote')
    }
    r.all.push(vote)
    if (vote.source.epoch > r.maxSource) r.maxSource = vote.source.epoch
    if (vote.target.epoch > r.maxTarget) r.maxTarget = vote.target.epoch
    return true
  }

  /** The distinct votes seen for `targetEpoch`, all validators (what a proposer includes). */
  votesFor(targetEpoch: number, into: FfgVote[]): void {
    for (const r of this.records.values()) {
      const list = r.byTarget.get(targetEpoch)
      if (list !== undefined) for (const v of list) into.push(v)
    }
  }
}

export type PosOffence = SlashableOffence | 'double-proposal'

/** Network-wide, de-duplicated slashing reports. */
export class SlashingReporter {
  private readonly seen = new Set<string>()
  readonly counts: Record<PosOffence, number> = { 'double-vote': 0, 'surround-vote': 0, 'double-proposal': 0 }

  get total(): number {
    return this.seen.size
  }

  /** Reports two conflicting votes (once per validator, offence and pair of votes). */
  votes(w: World, kind: SlashableOffence, a: FfgVote, b: FfgVote): void {
    const [first, second] = a.id < b.id ? [a, b] : [b, a]
    if (!this.once(`${a.validator}|${kind}|${first.id}|${second.id}`, kind)) return
    if (w.bus.wants('slashable')) {
      w.bus.emit({ type: 'slashable', atUs: w.now, validator: a.validator, offence: kind, evidence: { vote1: voteJson(first), vote2: voteJson(second) } })
    }
  }

  /** Reports two blocks by `proposer` for one slot. */
  proposals(w: World, proposer: number, slot: number, a: number, b: number): void {
    const [first, second] = a < b ? [a, b] : [b, a]
    if (!this.once(`${proposer}|double-proposal|${first}|${second}`, 'double-proposal')) return
    if (w.bus.wants('slashable')) {
      w.bus.emit({ type: 'slashable', atUs: w.now, validator: proposer, offence: 'double-proposal', evidence: { slot, block1: first, block2: second } })
    }
  }

  private once(k: string, kind: PosOffence): boolean {
    if (this.seen.has(k)) return false
    this.seen.add(k)
    this.counts[kind]++
    return true
  }
}
