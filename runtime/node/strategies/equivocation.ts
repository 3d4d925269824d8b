/**
 * Equivocation: the node signs conflicting messages — as proposer, two different blocks for one
 * round, each sent to half of the validators; as voter in such a round, a vote for one block to
 * one half and for the other to the other half (PoS: conflicting checkpoint votes). Equivocating
 * nodes collude: they split the honest validators the same way (lower ids / upper ids) and, in
 * honest proposers' rounds, vote like everyone else so the honest nodes stay in step for the next
 * split. That is the attack that breaks a BFT protocol once a third of the voting power or more
 * is byzantine, and which every such protocol must survive below that.
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'

export function createEquivocation(): NodeBehaviour {
  return { strategy: 'equivocation', announceTip: () => true, equivocates: true }
}
