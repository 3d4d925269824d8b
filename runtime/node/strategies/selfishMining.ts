/**
 * Selfish mining (Eyal & Sirer, "Majority is not Enough", FC 2014, Algorithm 1): the pool keeps
 * the blocks it mines private and publishes them only to waste the honest network's work.
 *
 * With `lead` = private height − public height before the public chain grows:
 * - lead 0 → the public chain is now longer: adopt it;
 * - lead 1 → publish the private block: a tie race (honest nodes split by γ);
 * - lead 2 → publish everything: the pool's chain wins by one;
 * - lead > 2 → publish the private block at the public height, keep the rest.
 * And when the pool mines during a tie race, it publishes at once and wins it.
 *
 * The pool's fork choice is the network's (most work, first seen on ties): it keeps mining on its
 * private tip until the public chain is longer.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import { announceBlock } from '../../net/relay.ts'
import type { World } from '../../sim/world.ts'
import type { NodeBehaviour } from '../behaviour.ts'

export function createSelfishMining(): NodeBehaviour {
  let privateTip: BlockId = -1
  let publicHeight = 0
  let tieRace = false

  function publish(w: World, node: number, block: BlockId): void {
    // What the pool publishes is public: the public chain is at least that high now.
    publicHeight = Math.max(publicHeight, w.store.height(block))
    announceBlock(w, node, block)
  }

  return {
    strategy: 'selfish-mining',
    announceTip: () => false,
    mined(w, node, block) {
      const lead = w.store.height(block) - 1 - publicHeight
      privateTip = block
      if (lead === 0 && tieRace) {
        tieRace = false
        publish(w, node, block)
      }
    },
    peerBlockConnected(w, node, block) {
      const height = w.store.height(block)
      if (height <= publicHeight) return
      const privateHeight = privateTip < 0 ? 0 : w.store.height(privateTip)
      const lead = privateHeight - publicHeight
      publicHeight = height
      if (lead <= 0) {
        // The public chain is longer: the fork choice already followed it.
        privateTip = w.nodes.tip[node]!
        tieRace = false
      } else if (lead === 1) {
        publish(w, node, privateTip)
        tieRace = true
      } else if (lead === 2) {
        publish(w, node, privateTip)
        tieRace = false
      } else {
        publish(w, node, w.store.ancestorAt(privateTip, height))
        tieRace = false
      }
    },
  }
}
