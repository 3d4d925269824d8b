import { describe, expect, it } from 'vitest'
import { FfgTally } from '../../../../runtime/consensus/pos/ffgTally.ts'
import type { Checkpoint } from '../../../../runtime/consensus/pos/ffgVote.ts'
import { createVoteBook, slashableOffence } from '../../../../runtime/consensus/pos/ffgVote.ts'
import { VoteHistory } from '../../../../runtime/consensus/pos/slashing.ts'

const cp = (epoch: number, block: number): Checkpoint => ({ epoch, block })
/** Links are valid when the target epoch is later (the block tree is not modeled here). */
const anyLater = (s: Checkpoint, t: Checkpoint): boolean => t.epoch > s.epoch

describe('Casper FFG justification and finalization', () => {
  it('justifies with ≥ 2/3 of the stake from a justified source, and not with less', () => {
    const book = createVoteBook()
    const tally = new FfgTally(3, anyLater)
    tally.add(book.intern(0, cp(0, 0), cp(1, 8)), 1)
    expect(tally.process(1).justified).toEqual([])
    tally.add(book.intern(1, cp(0, 0), cp(1, 8)), 1)
    // 2 of 3 = exactly two thirds: a supermajority.
    expect(tally.process(1).justified).toEqual([cp(1, 8)])
    expect(tally.best).toEqual(cp(1, 8))
    expect(tally.finalized).toEqual(cp(0, 0))
  })

  it('finalizes a justified checkpoint once a supermajority link leads to its direct child', () => {
    const book = createVoteBook()
    const tally = new FfgTally(4, anyLater)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(0, 0), cp(1, 8)), 1)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(1, 8), cp(2, 16)), 1)
    const out = tally.process(2)
    expect(out.justified).toEqual([cp(1, 8), cp(2, 16)])
    expect(out.finalized).toBe(true)
    // Genesis → 1 is a direct link too, so genesis is final; 1 → 2 makes epoch 1 final.
    expect(tally.finalized).toEqual(cp(1, 8))
  })

  it('does not finalize over a skipped epoch (the link is not to the direct child)', () => {
    const book = createVoteBook()
    const tally = new FfgTally(3, anyLater)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(0, 0), cp(2, 16)), 1)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(2, 16), cp(4, 32)), 1)
    const out = tally.process(4)
    expect(out.justified).toEqual([cp(2, 16), cp(4, 32)])
    expect(out.finalized).toBe(false)
    expect(tally.finalized).toEqual(cp(0, 0))
  })

  it('ignores links from unjustified sources, invalid links, and epochs not yet processed', () => {
    const book = createVoteBook()
    const tally = new FfgTally(3, (s, t) => t.epoch > s.epoch && t.block !== 99)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(1, 8), cp(2, 16)), 1)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(0, 0), cp(1, 99)), 1)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(0, 0), cp(3, 24)), 1)
    expect(tally.process(2).justified).toEqual([])
    expect(tally.process(3).justified).toEqual([cp(3, 24)])
  })

  it('late votes for an earlier epoch justify it at the next processing (fixpoint in one pass)', () => {
    const book = createVoteBook()
    const tally = new FfgTally(3, anyLater)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(1, 8), cp(2, 16)), 1)
    expect(tally.process(2).justified).toEqual([])
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(0, 0), cp(1, 8)), 1)
    expect(tally.process(2).justified).toEqual([cp(1, 8), cp(2, 16)])
    expect(tally.finalized).toEqual(cp(1, 8))
  })
})

describe('Casper FFG slashing conditions', () => {
  const book = createVoteBook()
  it('double vote: two targets in one epoch', () => {
    expect(slashableOffence(book.intern(1, cp(0, 0), cp(2, 16)), book.intern(1, cp(0, 0), cp(2, 17)))).toBe('double-vote')
    expect(slashableOffence(book.intern(1, cp(0, 0), cp(2, 16)), book.intern(1, cp(1, 8), cp(2, 16)))).toBeUndefined()
    // Different validators never conflict.
    expect(slashableOffence(book.intern(1, cp(0, 0), cp(2, 16)), book.intern(2, cp(0, 0), cp(2, 17)))).toBeUndefined()
  })

  it('surround vote: s1 < s2 < t2 < t1, either order; touching epochs do not count', () => {
    const outer = book.intern(3, cp(1, 8), cp(5, 40))
    const inner = book.intern(3, cp(2, 16), cp(4, 32))
    expect(slashableOffence(outer, inner)).toBe('surround-vote')
    expect(slashableOffence(inner, outer)).toBe('surround-vote')
    expect(slashableOffence(book.intern(3, cp(1, 8), cp(4, 32)), book.intern(3, cp(1, 8), cp(3, 24)))).toBeUndefined()
    expect(slashableOffence(book.intern(3, cp(1, 8), cp(2, 16)), book.intern(3, cp(2, 16), cp(3, 24)))).toBeUndefined()
  })

  it("a node's vote history reports each conflict with an earlier vote, once per new vote", () => {
    const h = new VoteHistory()
    const found: string[] = []
    const note = (earlier: { id: number }, kind: string): void => {
      found.push(`${kind}:${earlier.id}`)
    }
    const v1 = book.intern(7, cp(1, 8), cp(2, 16))
    const v2 = book.intern(7, cp(2, 16), cp(3, 24))
    expect(h.record(v1, note)).toBe(true)
    expect(h.record(v1, note)).toBe(false)
    expect(h.record(v2, note)).toBe(true)
    expect(found).toEqual([])
    const double = book.intern(7, cp(2, 16), cp(3, 25))
    h.record(double, note)
    expect(found).toEqual([`double-vote:${v2.id}`])
    const surround = book.intern(7, cp(0, 0), cp(4, 32))
    h.record(surround, note)
    // It surrounds v1 and v2 (and the double vote): the first one found is the evidence.
    expect(found).toEqual([`double-vote:${v2.id}`, `surround-vote:${v1.id}`])
  })
})
