// Lesson 5: transactions, balances and the coinbase reward.
// 5강: 거래, 잔액, 코인베이스 보상

/**
 * Who owns how many coins, e.g. { alice: 50, bob: 20 }. A name that is missing owns 0.
 * 누가 코인을 얼마나 가졌는지 나타냅니다. 예: { alice: 50, bob: 20 }. 목록에 없는 이름은 0을 가진 것으로 봅니다.
 */
export type Balances = Record<string, number>

/**
 * Moves `amount` coins from `from` to `to`.
 * `from`에서 `to`로 코인 `amount`개를 옮깁니다.
 */
export interface Transfer {
  from: string
  to: string
  amount: number
}

/**
 * A block's contents: one coinbase (the miner's reward: new coins) and a list of transfers.
 * 블록의 내용: 코인베이스 하나(채굴자의 보상으로 새로 생기는 코인)와 전송 목록입니다.
 */
export interface Block {
  coinbase: { to: string; amount: number }
  transfers: Transfer[]
}

/**
 * The most new coins one block's coinbase may create.
 * 블록 하나의 코인베이스가 새로 만들 수 있는 코인의 최대 개수입니다.
 */
export const BLOCK_REWARD = 50

/**
 * Returns the balances after `block`:
 *   1. Coinbase first: if 0 < coinbase.amount <= BLOCK_REWARD, add it to coinbase.to's balance.
 *      Otherwise the coinbase is ignored (a miner cannot print more coins than the reward).
 *   2. Then every transfer, in order. A transfer is applied only when amount > 0 and `from` owns
 *      at least `amount` at that moment; otherwise it is skipped and the next one is tried.
 * Start from a copy of `balances`, and return the new balances.
 *
 * `block`을 적용한 뒤의 잔액을 돌려줍니다.
 *   1. 코인베이스 먼저: 0 < coinbase.amount <= BLOCK_REWARD이면 coinbase.to의 잔액에 더합니다.
 *      그렇지 않으면 코인베이스를 무시합니다(채굴자는 보상보다 많은 코인을 찍어 낼 수 없습니다).
 *   2. 그다음 전송을 순서대로 하나씩 처리합니다. amount > 0이고 그 순간 `from`이 `amount` 이상을
 *      가지고 있을 때만 적용합니다. 그렇지 않으면 그 전송은 건너뛰고 다음 전송으로 넘어갑니다.
 * `balances`의 복사본에서 시작해서, 새 잔액을 돌려주세요.
 */
export function applyBlock(balances: Balances, block: Block): Balances {
  const next: Balances = { ...balances }
  // TODO 1: the coinbase.
  // TODO 1: 코인베이스를 처리하세요.
  // TODO 2: the transfers (skip the invalid ones).
  // TODO 2: 전송을 처리하세요(유효하지 않은 전송은 건너뜁니다).
  return next
}

// Press "Run": three blocks in a row (the grader uses its own blocks).
// "실행"을 누르면 블록 세 개를 차례로 적용합니다(채점기는 자기 블록을 씁니다).
let state: Balances = {}
state = applyBlock(state, { coinbase: { to: 'alice', amount: 50 }, transfers: [] })
state = applyBlock(state, { coinbase: { to: 'bob', amount: 50 }, transfers: [{ from: 'alice', to: 'carol', amount: 20 }] })
state = applyBlock(state, { coinbase: { to: 'alice', amount: 50 }, transfers: [{ from: 'carol', to: 'bob', amount: 25 }] })
// carol은 20밖에 없으니, 25를 보내는 전송은 건너뛰어야 합니다
console.log(state) // carol only has 20: her transfer of 25 must be skipped
