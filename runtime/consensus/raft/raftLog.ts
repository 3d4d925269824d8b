/**
 * A Raft server's log: entries 1…last, each a (term, block) pair, with a sentinel at index 0
 * (term 0, the genesis block) so the consistency check of the first entry needs no special case.
 * Entry i's block is at height i: each entry's block is built on the entry before it.
 *
 * The log is part of the persistent state: it survives crashes. Only uncommitted entries are
 * ever truncated (Raft's Log Matching and Leader Completeness properties guarantee it).
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'

export class RaftLog {
  private readonly terms: number[] = [0]
  private readonly blocks: BlockId[] = [0]

  /** Index of the last entry (0: empty). */
  get last(): number {
    return this.terms.length - 1
  }

  get lastTerm(): number {
    return this.terms[this.terms.length - 1]!
  }

  /** Term of entry `index` (0 for the sentinel), -1 beyond the end. */
  termAt(index: number): number {
    return index >= 0 && index < this.terms.length ? this.terms[index]! : -1
  }

  blockAt(index: number): BlockId {
    return this.blocks[index]!
  }

  append(term: number, block: BlockId): void {
    this.terms.push(term)
    this.blocks.push(block)
  }

  /** Drops entry `index` and everything after it. */
  truncateFrom(index: number): void {
    this.terms.length = index
    this.blocks.length = index
  }

  /** The first index holding `term` (entries of one term are contiguous), searching down from `from`. */
  firstIndexOfTerm(term: number, from: number): number {
    let i = Math.min(from, this.last)
    while (i > 1 && this.terms[i - 1] === term) i--
    return Math.max(1, i)
  }

  /**
   * §5.4.1's election restriction: a candidate's log is at least as up to date as this one — a
   * later last term, or the same last term and at least as long.
   */
  candidateUpToDate(lastIndex: number, lastTerm: number): boolean {
    return lastTerm > this.lastTerm || (lastTerm === this.lastTerm && lastIndex >= this.last)
  }
}
