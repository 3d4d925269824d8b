/**
 * Fork choice: which of two connected blocks a node should follow. PoW uses most cumulative work;
 * finality gadgets and BFT (step 2) plug in here through the same interface.
 *
 * Ties keep the block seen first (Bitcoin Core and SimBlock do the same), unless a tie-break hook
 * says otherwise — the hook is where step 2's selfish-mining γ (the share of honest miners that
 * build on the attacker's block in a tie) is realised, from a seeded stream.
 *
 * @module
 */
import type { BlockId, BlockStore } from './blockStore.ts'

/** Decides, in a work tie, whether `node` switches from `current` to `candidate`. */
export type TieBreak = (node: number, candidate: BlockId, current: BlockId) => boolean

export interface ForkChoice {
  readonly name: string
  /** True if `node`, now following `current`, should follow `candidate` instead. */
  prefer(node: number, candidate: BlockId, current: BlockId): boolean
}

/**
 * The heaviest-chain rule.
 *
 * @example
 * const choice = createMostWorkForkChoice({ store })
 * choice.prefer(0, candidate, tip)
 */
export function createMostWorkForkChoice({
  store,
  tieBreak,
}: {
  store: BlockStore
  tieBreak?: TieBreak | undefined
}): ForkChoice {
  return {
    name: 'most-work',
    prefer(node, candidate, current) {
      const c = store.cumWork(candidate)
      const t = store.cumWork(current)
      if (c !== t) return c > t
      return tieBreak ? tieBreak(node, candidate, current) : false
    },
  }
}
