/**
 * What an equivocating validator (`w.behaviours[node]?.equivocates`) signs in PoS. Equivocators
 * collude and split the honest validators the same way (lower ids / upper ids, as in the BFT
 * attack): each half is sent the vote that half's honest validators make, and as proposer each
 * half gets its own block for the slot. When the halves' views differ (after a double proposal at
 * an epoch boundary) that is the attack that can finalize two conflicting checkpoints once the
 * equivocators hold ≥ 1/3 of the stake. When the halves agree, the second half still gets a
 * conflicting vote, alternating by epoch between the two slashing conditions — so evidence is
 * produced in every run:
 * - even epochs: a double vote (the same epoch, the target's parent as a competing checkpoint);
 * - odd epochs: a surround vote (source = the genesis checkpoint, around the previous vote).
 *
 * @module
 */
import type { BlockStore } from '../../chain/blockStore.ts'
import type { World } from '../../sim/world.ts'
import type { Checkpoint } from './ffgVote.ts'

export interface VoteData {
  source: Checkpoint
  target: Checkpoint
}

/**
 * The honest validators split in two (first half: lower ids), for the colluding equivocators.
 * Recomputed by `update` before each equivocating act: `set-byzantine` can change who is honest.
 */
export class HonestSplit {
  private firstHalf = new Set<number>()
  private first: number[] = []
  private second: number[] = []

  constructor(private readonly validators: readonly number[]) {}

  update(w: World): void {
    const honest = this.validators.filter((v) => !w.behaviours[v]?.equivocates)
    this.first = honest.slice(0, Math.floor(honest.length / 2))
    this.second = honest.slice(this.first.length)
    this.firstHalf = new Set(this.first)
  }

  /** Equivocators and the first half of the honest validators get version A; everyone else B. */
  getsA(w: World, node: number): boolean {
    return w.behaviours[node]?.equivocates === true || this.firstHalf.has(node)
  }

  /** The honest validators of half A (0) or B (1). */
  half(which: 0 | 1): readonly number[] {
    return which === 0 ? this.first : this.second
  }
}

/**
 * Version B of an equivocator's vote: `b` itself when its target already conflicts with `a`'s,
 * otherwise a vote made to conflict (see the module comment). `previousSource` is the lowest source epoch of
 * the equivocator's votes for the previous target epoch (-1: none).
 */
export function conflictingVote(store: BlockStore, a: VoteData, b: VoteData, previousSource: number): VoteData {
  if (b.target.epoch === a.target.epoch && b.target.block !== a.target.block) return b
  const surround = a.target.epoch % 2 === 1 && previousSource >= 1
  if (surround) return { source: { epoch: 0, block: 0 }, target: a.target }
  if (a.target.block > 0) return { source: a.source, target: { epoch: a.target.epoch, block: store.parent(a.target.block) } }
  if (previousSource >= 1) return { source: { epoch: 0, block: 0 }, target: a.target }
  return b
}
