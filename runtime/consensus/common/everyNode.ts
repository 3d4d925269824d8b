/**
 * Who receives a protocol's broadcasts: every node, validators and observers alike (observers
 * follow the chain from the same messages; only validators' votes count).
 *
 * @module
 */
import type { World } from '../../sim/world.ts'

/** Ids of every node that exists now (recompute after `add-node`). */
export function everyNode(w: World): number[] {
  return Array.from({ length: w.nodes.count }, (_, n) => n)
}
