/**
 * Equivocation: the node signs conflicting messages — as proposer, two different blocks for one
 * round, each sent to half of the validators; as voter, a vote for one value to one half and for
 * another to the other half. Equivocating nodes collude: they split the honest validators the
 * same way (lower ids / upper ids), which is the attack that breaks a BFT protocol once a third of
 * the voting power or more is byzantine, and which every such protocol must survive below that.
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'

export function createEquivocation(): NodeBehaviour {
  return { strategy: 'equivocation', announceTip: () => true, equivocates: true }
}
