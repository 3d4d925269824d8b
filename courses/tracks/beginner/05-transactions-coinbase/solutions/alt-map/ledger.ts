// Lesson 5, another correct answer: a Map for the balances, a helper that validates a transfer,
// and the zero balances left out of the result.
export type Balances = Record<string, number>

export interface Transfer {
  from: string
  to: string
  amount: number
}

export interface Block {
  coinbase: { to: string; amount: number }
  transfers: Transfer[]
}

export const BLOCK_REWARD = 50

function isAllowed(tx: Transfer, owned: Map<string, number>): boolean {
  return tx.amount > 0 && (owned.get(tx.from) ?? 0) >= tx.amount
}

export function applyBlock(balances: Balances, block: Block): Balances {
  const owned = new Map(Object.entries(balances))
  const add = (who: string, amount: number): void => {
    owned.set(who, (owned.get(who) ?? 0) + amount)
  }
  const { to, amount } = block.coinbase
  if (amount > 0 && amount <= BLOCK_REWARD) add(to, amount)
  block.transfers.forEach((tx) => {
    if (!isAllowed(tx, owned)) return
    add(tx.from, -tx.amount)
    add(tx.to, tx.amount)
  })
  return Object.fromEntries([...owned].filter(([, coins]) => coins !== 0))
}
