/**
 * A double-spend attacker (Nakamoto §11): it mines a private chain from the block before the
 * merchant's payment and follows only its own blocks, hoping to overtake the honest chain after
 * the merchant has waited z confirmations. It publishes nothing until told to (`publish`).
 *
 * The race itself — when the merchant accepts, when the attacker has caught up — is judged by the
 * experiment that drives it (`runtime/experiments/doubleSpend.ts`), which also starts new races
 * from the honest tip.
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'

export function createDoubleSpend(): NodeBehaviour {
  return {
    strategy: 'double-spend',
    announceTip: () => false,
    // Only its own blocks, and only when they add work: the private chain never adopts others'.
    prefer: (w, node, candidate, current) =>
      w.store.miner(candidate) === node && w.store.cumWork(candidate) > w.store.cumWork(current),
  }
}
