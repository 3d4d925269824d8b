// Lesson 5: transactions, balances and the coinbase reward (a plausible mistake: the coinbase is added after the transfers, so a miner cannot spend the reward in its own block).

/** Who owns how many coins, e.g. { alice: 50, bob: 20 }. A name that is missing owns 0. */
export type Balances = Record<string, number>

/** Moves `amount` coins from `from` to `to`. */
export interface Transfer {
  from: string
  to: string
  amount: number
}

/** A block's contents: one coinbase (the miner's reward: new coins) and a list of transfers. */
export interface Block {
  coinbase: { to: string; amount: number }
  transfers: Transfer[]
}

/** The most new coins one block's coinbase may create. */
export const BLOCK_REWARD = 50

/**
 * Returns the balances after `block`:
 *   1. Coinbase first: if 0 < coinbase.amount <= BLOCK_REWARD, add it to coinbase.to's balance.
 *      Otherwise the coinbase is ignored (a miner cannot print more coins than the reward).
 *   2. Then every transfer, in order. A transfer is applied only when amount > 0 and `from` owns
 *      at least `amount` at that moment; otherwise it is skipped and the next one is tried.
 * Start from a copy of `balances`, and return the new balances.
 */
export function applyBlock(balances: Balances, block: Block): Balances {
  const next: Balances = { ...balances }
  for (const tx of block.transfers) {
    const owned = next[tx.from] ?? 0
    if (tx.amount <= 0 || owned < tx.amount) continue // invalid: skip it
    next[tx.from] = owned - tx.amount
    next[tx.to] = (next[tx.to] ?? 0) + tx.amount
  }
  const reward = block.coinbase.amount
  if (reward > 0 && reward <= BLOCK_REWARD) {
    next[block.coinbase.to] = (next[block.coinbase.to] ?? 0) + reward
  }
  return next
}

// Press "Run": three blocks in a row (the grader uses its own blocks).
let state: Balances = {}
state = applyBlock(state, { coinbase: { to: 'alice', amount: 50 }, transfers: [] })
state = applyBlock(state, { coinbase: { to: 'bob', amount: 50 }, transfers: [{ from: 'alice', to: 'carol', amount: 20 }] })
state = applyBlock(state, { coinbase: { to: 'alice', amount: 50 }, transfers: [{ from: 'carol', to: 'bob', amount: 25 }] })
console.log(state) // carol only has 20: her transfer of 25 must be skipped
