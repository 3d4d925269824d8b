/**
 * The byzantine strategies a node can be given by name (config `byzantine`, command
 * `set-byzantine`, CLI `--byzantine NODE:STRATEGY`).
 *
 * @module
 */
import type { NodeBehaviour } from '../behaviour.ts'
import { createCensorship } from './censorship.ts'
import { createDoubleSpend } from './doubleSpend.ts'
import { createEquivocation } from './equivocation.ts'
import { createInvalidBlocks } from './invalidBlocks.ts'
import { createSelfishMining } from './selfishMining.ts'
import { createWithholding } from './withholding.ts'

/** Strategy options (plain JSON; each strategy reads the ones it knows). */
export interface StrategyOptions {
  confirmations?: number | undefined
  giveUpBehind?: number | undefined
  /** censorship: the sender (account index) whose transactions are left out. */
  censorSender?: number | undefined
}

export const STRATEGIES = {
  'selfish-mining': () => createSelfishMining(),
  'double-spend': (o: StrategyOptions) =>
    createDoubleSpend({ confirmations: o.confirmations ?? 6, giveUpBehind: o.giveUpBehind ?? 50 }),
  withholding: () => createWithholding(),
  'invalid-blocks': () => createInvalidBlocks(),
  equivocation: () => createEquivocation(),
  censorship: (o: StrategyOptions) => createCensorship(o.censorSender ?? 0),
} as const satisfies Record<string, (options: StrategyOptions) => NodeBehaviour>

export type StrategyName = keyof typeof STRATEGIES
export const STRATEGY_NAMES = Object.keys(STRATEGIES) as StrategyName[]

export function createBehaviour(name: StrategyName, options: StrategyOptions = {}): NodeBehaviour {
  return STRATEGIES[name](options)
}
