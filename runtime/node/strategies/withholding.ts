/**
 * Block withholding: the node mines but never publishes what it finds — in a pool, a member who
 * submits shares but hides full solutions; in the network, hash power that secures nothing. Its
 * blocks never reach the main chain; it follows the public chain when that is longer.
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'

export function createWithholding(): NodeBehaviour {
  return { strategy: 'withholding', announceTip: () => false }
}
