/**
 * Eyal–Sirer's γ: in a tie between a block mined by a byzantine node and an honest one, an honest
 * node follows the byzantine block with probability γ — whichever it saw first. The draw comes
 * from the deciding node's own stream, so it is seeded and reproducible.
 *
 * @module
 */
import type { TieBreak } from '../../chain/forkChoice.ts'
import { nodeStream } from '../../net/relay.ts'
import type { World } from '../../sim/world.ts'

export function createGammaTieBreak(getWorld: () => World, gamma: number): TieBreak {
  return (node, candidate, current) => {
    const w = getWorld()
    if (w.behaviours[node] !== undefined) return false
    const candidateByzantine = w.behaviours[w.store.miner(candidate)] !== undefined
    const currentByzantine = w.behaviours[w.store.miner(current)] !== undefined
    if (candidateByzantine === currentByzantine) return false
    const u = w.rng.nextOpen01(nodeStream(node))
    return candidateByzantine ? u < gamma : u >= gamma
  }
}
