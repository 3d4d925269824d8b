/**
 * Casper FFG votes and the two slashing conditions (Buterin & Griffith, "Casper the Friendly
 * Finality Gadget", 2017, §2): a vote is a signed link source → target between checkpoints, a
 * checkpoint being (epoch, block). A validator must never sign two votes that
 *  1. have different targets in the same target epoch (double vote), or
 *  2. nest strictly, s1 < s2 < t2 < t1 (surround vote).
 *
 * Each distinct signed vote is interned once for the whole run: messages and block bodies share
 * the object, and a node recognises a vote it already has by identity.
 *
 * @module
 */

export interface Checkpoint {
  epoch: number
  block: number
}

export interface FfgVote {
  /** Run-wide id of this signed vote (identical votes share it). */
  readonly id: number
  readonly validator: number
  readonly source: Readonly<Checkpoint>
  readonly target: Readonly<Checkpoint>
}

export type SlashableOffence = 'double-vote' | 'surround-vote'

/** Which slashing condition the two votes of one validator break, if any. */
export function slashableOffence(a: FfgVote, b: FfgVote): SlashableOffence | undefined {
  if (a.validator !== b.validator || a === b) return undefined
  if (a.target.epoch === b.target.epoch) return a.target.block !== b.target.block ? 'double-vote' : undefined
  const surrounds = (x: FfgVote, y: FfgVote): boolean => x.source.epoch < y.source.epoch && y.target.epoch < x.target.epoch
  return surrounds(a, b) || surrounds(b, a) ? 'surround-vote' : undefined
}

/** The vote as plain JSON (notifications, queries). */
export function voteJson(v: FfgVote): { validator: number; source: Checkpoint; target: Checkpoint } {
  return { validator: v.validator, source: { ...v.source }, target: { ...v.target } }
}

export interface VoteBook {
  /** The one object for this signed vote. */
  intern(validator: number, source: Checkpoint, target: Checkpoint): FfgVote
  readonly size: number
}

/** @example const book = createVoteBook(); book.intern(3, { epoch: 1, block: 8 }, { epoch: 2, block: 16 }) */
export function createVoteBook(): VoteBook {
  const byKey = new Map<string, FfgVote>()
  return {
    intern(validator, source, target) {
      const key = `${validator}|${source.epoch}:${source.block}>${target.epoch}:${target.block}`
      let v = byKey.get(key)
      if (v === undefined) {
        v = { id: byKey.size, validator, source: { epoch: source.epoch, block: source.block }, target: { epoch: target.epoch, block: target.block } }
        byKey.set(key, v)
      }
      return v
    },
    get size() {
      return byKey.size
    },
  }
}
