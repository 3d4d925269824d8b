// Lesson 5, another correct answer: a small Ledger class that changes the given balances in place
// (and returns them), an async applyBlock and a while loop over the transfers.
export type Balances = Record<string, number>
export const BLOCK_REWARD = 50
class Ledger {
  constructor(private b: Balances) {}
  get(who: string) { return this.b[who] ?? 0 }
  credit(who: string, n: number) { this.b[who] = this.get(who) + n }
  tryMove(from: string, to: string, n: number) {
    if (n <= 0 || this.get(from) < n) return false
    this.credit(from, -n); this.credit(to, n); return true
  }
  toJSON() { return this.b }
}
export async function applyBlock(balances: Balances, block: { coinbase: { to: string; amount: number }; transfers: { from: string; to: string; amount: number }[] }): Promise<Balances> {
  const l = new Ledger(balances)
  if (block.coinbase.amount > 0 && block.coinbase.amount <= BLOCK_REWARD) l.credit(block.coinbase.to, block.coinbase.amount)
  let i = 0
  while (i < block.transfers.length) { const t = block.transfers[i++]!; l.tryMove(t.from, t.to, t.amount) }
  return balances
}
console.log(await applyBlock({}, { coinbase: { to: 'x', amount: 50 }, transfers: [] }))
