/**
 * The byzantine strategies a node can be given by name (config `byzantine`, command
 * `set-byzantine`, CLI `--byzantine NODE:STRATEGY`).
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'
import { createDoubleSpend } from './doubleSpend.ts'
import { createSelfishMining } from './selfishMining.ts'

export const STRATEGIES = {
  'selfish-mining': createSelfishMining,
  'double-spend': createDoubleSpend,
} as const satisfies Record<string, () => NodeBehaviour>

export type StrategyName = keyof typeof STRATEGIES
export const STRATEGY_NAMES = Object.keys(STRATEGIES) as StrategyName[]

export function createBehaviour(name: StrategyName): NodeBehaviour {
  return STRATEGIES[name]()
}
