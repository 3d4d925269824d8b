/**
 * A double-spend attacker (Nakamoto §11, Rosenfeld 2014): it pays a merchant on the honest chain
 * and, from the block before that payment, mines a private chain without it. The merchant hands
 * over the goods after `confirmations` honest blocks; the attack succeeds if the private chain
 * ever catches up with the honest one (Rosenfeld's criterion), and is abandoned once it is
 * `giveUpBehind` blocks behind.
 *
 * Each race is reported as an `attack` notification; then the attacker adopts the honest tip and
 * starts a new race from it (the exponential block times make races independent). The attacker
 * follows only its own blocks and publishes nothing.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import type { World } from '../../sim/world.ts'
import type { NodeBehaviour } from '../behaviour.ts'
import { switchTip } from '../receiveBlock.ts'

export interface DoubleSpendOptions {
  /** Honest blocks the merchant waits for (the payment's block included). */
  confirmations: number
  /** Deficit at which the attacker gives up (the catch-up probability is then negligible). */
  giveUpBehind: number
}

export function createDoubleSpend(options: DoubleSpendOptions = { confirmations: 6, giveUpBehind: 50 }): NodeBehaviour {
  let forkTip: BlockId = -1
  let honestTip: BlockId = 0
  let accepted = false

  /** Given to a node mid-run, the first race starts from where its chain was. */
  function start(w: World, from: BlockId): void {
    if (forkTip >= 0) return
    forkTip = Math.max(0, from)
    if (w.store.cumWork(honestTip) < w.store.cumWork(forkTip)) honestTip = forkTip
  }

  function judge(w: World, node: number): void {
    const { store } = w
    const base = store.height(forkTip)
    const honest = store.height(honestTip) - base
    const attacker = store.height(w.nodes.tip[node]!) - base
    if (!accepted && honest >= options.confirmations) accepted = true
    if (!accepted) return
    const success = attacker >= honest
    if (!success && honest - attacker < options.giveUpBehind) return
    if (w.bus.wants('attack')) {
      w.bus.emit({
        type: 'attack',
        atUs: w.now,
        node,
        strategy: 'double-spend',
        success,
        confirmations: options.confirmations,
        attackerBlocks: attacker,
        honestBlocks: honest,
      })
    }
    // A new race from the honest tip.
    accepted = false
    forkTip = honestTip
    switchTip(w, node, honestTip)
  }

  return {
    strategy: 'double-spend',
    announceTip: () => false,
    // Only its own blocks, and only when they add work: the private chain never adopts others'.
    prefer: (w, node, candidate, current) => w.store.miner(candidate) === node && w.store.cumWork(candidate) > w.store.cumWork(current),
    mined(w, node, block) {
      start(w, w.store.parent(block))
      judge(w, node)
    },
    peerBlockConnected(w, node, block) {
      start(w, w.nodes.tip[node]!)
      if (w.store.cumWork(block) > w.store.cumWork(honestTip)) honestTip = block
      judge(w, node)
    },
  }
}
