/**
 * Censorship: the node follows the protocol but never includes the transactions of one chosen
 * sender in the blocks it produces. Other producers still include them, so what censorship costs
 * the victim is latency — as long as the censor does not produce every block.
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'

export function createCensorship(sender: number): NodeBehaviour {
  return { strategy: 'censorship', announceTip: () => true, censoredSender: sender }
}
