import type { Grader, GraderContext, Text } from '@playground/grader'

const FILE = 'ledger.ts'
const BLOCK_REWARD = 50

type Balances = Record<string, number>
interface Transfer {
  from: string
  to: string
  amount: number
}
interface Block {
  coinbase: { to: string; amount: number }
  transfers: Transfer[]
}

/** The grader's own rules: coinbase first (0 < amount <= reward), then the valid transfers in order. */
function reference(balances: Balances, block: Block): Balances {
  const next: Balances = { ...balances }
  const { to, amount } = block.coinbase
  if (amount > 0 && amount <= BLOCK_REWARD) next[to] = (next[to] ?? 0) + amount
  for (const tx of block.transfers) {
    if (tx.amount > 0 && (next[tx.from] ?? 0) >= tx.amount) {
      next[tx.from] = next[tx.from]! - tx.amount
      next[tx.to] = (next[tx.to] ?? 0) + tx.amount
    }
  }
  return next
}

/** Balances without the zero entries, names sorted: a missing name and a 0 mean the same. */
function normal(b: unknown): string {
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return JSON.stringify(b)
  const entries = Object.entries(b as Record<string, unknown>).filter(([, v]) => v !== 0).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
  return JSON.stringify(Object.fromEntries(entries))
}

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))
const describeBlock = (b: Block): string =>
  `{ coinbase: ${b.coinbase.to} +${b.coinbase.amount}${b.transfers.length === 0 ? '' : ', transfers: ' + b.transfers.map((t) => `${t.from}→${t.to} ${t.amount}`).join(', ')} }`

interface Step {
  block: Block
  /** Why this block matters, for the failure message. */
  note: Text
}

/** Applies the blocks one after another with the learner's applyBlock and the grader's rules. */
async function runSteps(t: GraderContext, start: Balances, steps: Step[], advice: Text): Promise<void> {
  let mine: unknown = start
  let want: Balances = start
  for (const [i, step] of steps.entries()) {
    const before = mine
    const run = await t.runLearnerScript(FILE, { call: 'applyBlock', args: [before, step.block], allowError: true })
    if (run.error) {
      if (run.error.code === 'script.missing' || run.error.code === 'script.export-missing') {
        t.fail(run.error.code === 'script.missing' ? 'file-missing' : 'export-missing', { ko: run.error.ko, en: run.error.en })
      }
      // Does the file fail on its own, before applyBlock is called (a syntax error, or the example
      // at the bottom of the file)? Then say so rather than blame applyBlock.
      // (A call of an export that does not exist loads the file without running a default export such as main.)
      const load = await t.runLearnerScript(FILE, { allowError: true, call: '__load_only__' })
      if (load.error && load.error.code !== 'script.export-missing') {
        t.fail('script-error', {
          ko: `${FILE}이(가) applyBlock을 부르기도 전에, 파일을 불러오는 단계에서 멈췄습니다: ${clean(load.error.ko)}. 문법 오류가 없는지, 그리고 함수 밖의 코드(맨 아래 "실행" 예시)도 채점할 때마다 함께 실행된다는 점을 생각해 그 코드가 오류를 내지 않는지 확인하세요.`,
          en: `${FILE} stopped while loading, before applyBlock was called: ${clean(load.error.en)}. Check for syntax errors, and remember that code outside the functions (the "Run" example at the bottom) runs every time too: make sure it does not throw.`,
        })
      }
      t.fail('script-error', {
        ko: `applyBlock(${show(before)}, ${describeBlock(step.block)})을(를) 부르자 오류가 났습니다: ${clean(run.error.ko)}. 처음 보는 이름(잔액이 없는 사람)도 0으로 다루는지 확인하세요.`,
        en: `Calling applyBlock(${show(before)}, ${describeBlock(step.block)}) failed: ${clean(run.error.en)}. Check that applyBlock treats a name it has never seen (no balance yet) as 0.`,
      })
    }
    want = reference(want, step.block)
    mine = run.returnValue
    // A balance that is not a number (NaN arrives as null) usually means `next[name] + x` for a name with no balance yet.
    const notNumbers = typeof mine === 'object' && mine !== null && Object.values(mine).some((v) => typeof v !== 'number' || !Number.isFinite(v))
    t.expect(normal(mine) === normal(want), 'wrong-balances', {
      ko: `${i + 1}번째 블록 ${describeBlock(step.block)}을(를) ${show(before)}에 적용한 결과는 ${normal(want)}이어야 하는데 ${normal(mine)}입니다. ${notNumbers ? '숫자가 아닌 잔액(null은 NaN이 바뀐 것)이 있습니다. 잔액이 없는 이름은 undefined이니 (next[name] ?? 0)처럼 0으로 바꿔서 계산하세요. ' : ''}${step.note.ko} ${advice.ko}`,
      en: `Applying block ${i + 1}, ${describeBlock(step.block)}, to ${show(before)} should give ${normal(want)}, but it gave ${normal(mine)}. ${notNumbers ? 'Some balances are not numbers (null is what NaN turns into): a name with no balance is undefined, so count it as 0 with (next[name] ?? 0). ' : ''}${step.note.en} ${advice.en}`,
    })
  }
}

export default function grade(g: Grader): void {
  g.check('coinbase', { ko: '코인베이스가 채굴자에게 새 코인을 만들어 준다', en: 'The coinbase creates new coins for the miner' }, async (t: GraderContext) => {
    await runSteps(t, {}, [
      { block: { coinbase: { to: 'alice', amount: 50 }, transfers: [] }, note: { ko: '빈 장부에서 첫 블록의 보상 50이 alice에게 생겨야 합니다.', en: 'In an empty ledger, the first block’s reward of 50 should appear for alice.' } },
      { block: { coinbase: { to: 'bob', amount: 50 }, transfers: [] }, note: { ko: '두 번째 코인베이스는 bob에게 새 코인 50을 더 만듭니다. 총량은 100이 됩니다.', en: 'The second coinbase creates 50 more coins, for bob: 100 in total now.' } },
      { block: { coinbase: { to: 'alice', amount: 50 }, transfers: [] }, note: { ko: 'alice가 또 채굴했으니 그 잔액에 50이 더해져야 합니다(덮어쓰지 않기).', en: "alice mined again, so 50 is added to her balance (not overwritten)." } },
      {
        block: { coinbase: { to: 'bob', amount: 50 }, transfers: [{ from: 'bob', to: 'carol', amount: 80 }] },
        note: { ko: '블록 안에서는 코인베이스가 먼저입니다. bob은 이 블록의 보상 50을 받아 100을 가진 뒤라서 carol에게 80을 보낼 수 있습니다.', en: "The coinbase comes first in a block: bob owns 100 once this block's reward of 50 is added, so he can send 80 to carol." },
      },
    ], {
      ko: 'coinbase.to의 잔액(없으면 0)에 coinbase.amount를 더하세요. 전송보다 먼저 더합니다.',
      en: "Add coinbase.amount to coinbase.to's balance (0 if it has none), before the transfers.",
    })
  })

  g.check('transfers', { ko: '전송이 순서대로 잔액을 옮긴다', en: 'Transfers move balances, in order' }, async (t: GraderContext) => {
    await runSteps(t, { alice: 100, bob: 50 }, [
      {
        block: { coinbase: { to: 'carol', amount: 50 }, transfers: [{ from: 'alice', to: 'bob', amount: 30 }, { from: 'bob', to: 'dave', amount: 70 }] },
        note: { ko: 'bob은 alice에게 30을 받은 뒤라서 80을 가지고 있으니 dave에게 70을 보낼 수 있습니다. 전송은 적힌 순서대로 하나씩 적용합니다.', en: 'bob owns 80 once alice’s 30 has arrived, so he can send 70 to dave: apply the transfers one by one, in order.' },
      },
      {
        block: { coinbase: { to: 'dave', amount: 50 }, transfers: [{ from: 'carol', to: '김철수', amount: 50 }] },
        note: { ko: 'carol은 자기가 채굴해 받은 50을 모두 보낼 수 있습니다.', en: 'carol can send all 50 coins she got from mining.' },
      },
    ], {
      ko: '보내는 사람(from)의 잔액에서 빼고 받는 사람(to)의 잔액에 더하세요. 받는 사람이 처음 보는 이름이면 0에서 시작합니다.',
      en: 'Subtract the amount from the sender (from) and add it to the recipient (to); a recipient seen for the first time starts at 0.',
    })
  })

  g.check('overspend', { ko: '가진 것보다 많이 보내는 전송은 건너뛴다', en: 'A transfer of more than the sender owns is skipped' }, async (t: GraderContext) => {
    await runSteps(t, { alice: 70, bob: 10 }, [
      {
        block: {
          coinbase: { to: 'dave', amount: 50 },
          transfers: [
            { from: 'bob', to: 'alice', amount: 20 },
            { from: 'alice', to: 'bob', amount: 70 },
            { from: 'erin', to: 'alice', amount: 5 },
            { from: 'bob', to: 'carol', amount: 80 },
          ],
        },
        note: {
          ko: 'bob→alice 20은 bob이 10뿐이라 건너뜁니다. alice→bob 70은 가진 것을 전부 보내는 것이라 유효합니다. 잔액이 없는 erin의 전송은 건너뜁니다. 그 뒤 bob은 80을 가졌으니 carol에게 80을 보낼 수 있습니다.',
          en: 'bob→alice 20 is skipped (bob has only 10); alice→bob 70 sends everything she has, which is valid; erin owns nothing, so hers is skipped; after that bob owns 80 and can send 80 to carol.',
        },
      },
    ], {
      ko: '전송마다 그 순간 보내는 사람의 잔액(없으면 0)이 금액 이상인지 확인하고, 모자라면 그 전송만 건너뛰고 다음 전송으로 넘어가세요. 잔액은 절대 음수가 되면 안 됩니다.',
      en: "For each transfer, check that the sender's balance at that moment (0 if none) is at least the amount; if not, skip just that transfer and go on with the next. A balance must never go negative.",
    })
  })

  g.check('coinbase-limit', { ko: '보상보다 큰 코인베이스는 무시한다', en: 'A coinbase larger than the reward is ignored' }, async (t: GraderContext) => {
    await runSteps(t, { alice: 10 }, [
      { block: { coinbase: { to: 'mallory', amount: 1000 }, transfers: [] }, note: { ko: `mallory가 보상 ${BLOCK_REWARD} 대신 1000을 적었습니다. 이 코인베이스는 무시해야 합니다.`, en: `mallory wrote 1000 instead of the reward of ${BLOCK_REWARD}: ignore this coinbase.` } },
      { block: { coinbase: { to: 'mallory', amount: 51 }, transfers: [] }, note: { ko: `51도 보상 ${BLOCK_REWARD}보다 큽니다.`, en: `51 is more than the reward of ${BLOCK_REWARD} too.` } },
      { block: { coinbase: { to: 'bob', amount: 20 }, transfers: [] }, note: { ko: '보상보다 적게 받는 것은 허용됩니다(0보다 크면).', en: 'Claiming less than the reward is allowed (as long as it is more than 0).' } },
    ], {
      ko: `코인베이스는 0보다 크고 BLOCK_REWARD(${BLOCK_REWARD}) 이하일 때만 더하세요. 그렇지 않으면 아무도 마음대로 코인을 찍어 낼 수 없다는 규칙이 무너집니다.`,
      en: `Add the coinbase only when it is more than 0 and at most BLOCK_REWARD (${BLOCK_REWARD}); otherwise any miner could print as many coins as they like.`,
    })
  })

  g.check('negative-amount', { ko: '음수 금액 전송은 건너뛴다', en: 'A transfer with a negative amount is skipped' }, async (t: GraderContext) => {
    await runSteps(t, { alice: 5, bob: 100 }, [
      {
        block: { coinbase: { to: 'carol', amount: 50 }, transfers: [{ from: 'alice', to: 'bob', amount: -30 }, { from: 'alice', to: 'carol', amount: 5 }] },
        note: {
          ko: 'alice→bob -30을 적용하면 alice가 bob의 코인 30을 빼앗게 됩니다. 이 전송은 건너뛰고, 다음 alice→carol 5는 적용합니다.',
          en: "Applying alice→bob -30 would let alice take 30 of bob's coins: skip it, then apply alice→carol 5.",
        },
      },
    ], {
      ko: '금액이 0보다 큰지도 확인하세요. "잔액이 금액 이상"이라는 검사는 음수 금액을 막지 못합니다.',
      en: 'Also check that the amount is more than 0: "the balance is at least the amount" does not stop a negative amount.',
    })
  })
}
