/**
 * Selfish mining (Eyal & Sirer, "Majority is not Enough", FC 2014, Algorithm 1): the pool keeps
 * the blocks it mines private and publishes them only to waste the honest network's work.
 *
 * With `lead` = private height − public height once the public chain has grown:
 * - lead < 0 → the public chain is longer: adopt it;
 * - lead 0 → publish the private block: a tie race (honest nodes split by γ);
 * - lead 1 → publish everything: the pool's chain wins by one;
 * - lead > 1 → publish the private block at the public height, keep the rest.
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
  /** The strategy may be given to a node mid-run: start from where its chain is. */
  function start(w: World, tip: BlockId): void {
    if (privateTip >= 0) return
    privateTip = tip
    publicHeight = w.store.height(tip)
  }

  function publish(w: World, node: number, block: BlockId): void {
    // What the pool publishes is public: the public chain is at least that high now.
    publicHeight = Math.max(publicHeight, w.store.height(block))
    announceBlock(w, node, block)
  }

  return {
    strategy: 'selfish-mining',
    announceTip: () => false,
    mined(w, node, block) {
      start(w, w.store.parent(block))
      const lead = w.store.height(block) - 1 - publicHeight
      privateTip = block
      if (lead === 0 && tieRace) {
        tieRace = false
        publish(w, node, block)
      }
    },
    peerBlockConnected(w, node, block) {
      start(w, w.nodes.tip[node]!)
      const height = w.store.height(block)
      if (height <= publicHeight) return
      publicHeight = height
      // The lead once the public chain has grown (Eyal–Sirer's "lead before" minus one when it
      // grows by one block; a healed partition can make it jump several).
      const lead = w.store.height(privateTip) - height
      if (lead < 0) {
        // The public chain is longer: the fork choice already followed it.
        privateTip = w.nodes.tip[node]!
        tieRace = false
      } else if (lead === 0) {
        publish(w, node, privateTip)
        tieRace = true
      } else if (lead === 1) {
        publish(w, node, privateTip)
        tieRace = false
      } else {
        publish(w, node, w.store.ancestorAt(privateTip, height))
        tieRace = false
      }
    },
  }
}
