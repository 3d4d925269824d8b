/**
 * PoW difficulty: fixed (SimBlock, the analytic checks) or retargeted every `every` blocks the way
 * Bitcoin does — scale by expected/actual time of the last window, clamped to ×4 either way.
 *
 * @module
 */
import { BASE_DIFFICULTY } from '../../chain/blockStore.ts'
import type { BlockId, BlockStore } from '../../chain/blockStore.ts'

export interface RetargetSettings {
  /** Window length in blocks (Bitcoin: 2016). */
  every: number
  /** Largest adjustment factor per window (Bitcoin: 4). */
  maxFactor: number
}

/** Difficulty (work units) of a child of `parent`. */
export function nextDifficulty(
  store: BlockStore,
  parent: BlockId,
  intervalUs: number,
  retarget: RetargetSettings | undefined,
): number {
  if (store.height(parent) === 0) return BASE_DIFFICULTY
  const current = store.difficulty(parent)
  const childHeight = store.height(parent) + 1
  if (!retarget || childHeight % retarget.every !== 0) return current
  const first = store.ancestorAt(parent, childHeight - retarget.every)
  const actual = Math.max(1, store.timeUs(parent) - store.timeUs(first))
  const expected = (retarget.every - 1) * intervalUs
  const factor = Math.min(retarget.maxFactor, Math.max(1 / retarget.maxFactor, expected / actual))
  return Math.max(1, Math.round(current * factor))
}
