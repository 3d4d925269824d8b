import type { Contract, DecodedEvent, Grader, GraderContext, RevertInfo, Text, TxResult } from '@playground/grader'

const ETH = 10n ** 18n

function isLearnerFailure(e: unknown): e is { name: 'LearnerFailure'; code: string; ko: string; en: string } {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'LearnerFailure'
}

async function mustRevert(t: GraderContext, action: () => Promise<unknown>, code: string, message: Text): Promise<RevertInfo> {
  try {
    return await t.reverts(action)
  } catch (e) {
    if (isLearnerFailure(e) && e.code === 'tx.did-not-revert') t.fail(code, message)
    throw e
  }
}

async function mustSucceed<T>(t: GraderContext, action: () => Promise<T>, code: string, message: Text): Promise<T> {
  try {
    return await action()
  } catch (e) {
    if (isLearnerFailure(e)) t.fail(code, { ko: `${message.ko} (${e.ko})`, en: `${message.en} (${e.en})` })
    throw e
  }
}

/** How a revert looked, in words. */
function described(r: RevertInfo): Text {
  if (r.errorName && r.errorName !== 'Error' && r.errorName !== 'Panic') {
    return { ko: `사용자 정의 오류 ${r.errorName}`, en: `the custom error ${r.errorName}` }
  }
  if (r.reason) return { ko: `메시지 "${r.reason}"`, en: `the message "${r.reason}"` }
  return { ko: '아무 이유 없이', en: 'no reason at all' }
}

const eth = (wei: bigint): string => {
  const whole = wei / ETH
  const frac = (wei % ETH).toString().padStart(18, '0').replace(/0+$/, '')
  return frac ? `${whole}.${frac} ETH` : `${whole} ETH`
}

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase()

/** Checks one emitted event: name, arguments by position (names are the learner's choice), account indexed. */
async function expectEvent(t: GraderContext, tx: TxResult, name: string, account: string, amount: bigint, what: Text): Promise<void> {
  const found: DecodedEvent[] = tx.events.filter((e) => e.name === name)
  const seen = tx.events.map((e) => e.name).join(', ') || '-'
  t.expect(found.length === 1, `${name.toLowerCase()}-missing`, {
    ko: `${what.ko} 뒤에 ${name} 이벤트가 정확히 한 번 나와야 하는데 ${found.length}번 나왔습니다(나온 이벤트: ${seen}). 이벤트를 선언하고 함수 안에서 emit ${name}(msg.sender, …); 하세요. 이름은 대소문자까지 같아야 합니다.`,
    en: `${what.en} should emit ${name} exactly once, but it emitted it ${found.length} time(s) (events seen: ${seen}). Declare the event and emit ${name}(msg.sender, …); in the function. The name must match exactly, case included.`,
  })
  const ev = found[0]!
  t.expect(same(ev.args[0], account) && ev.args[1] === amount, `${name.toLowerCase()}-args`, {
    ko: `${name}의 인자는 (${account}, ${amount})이어야 하는데 (${String(ev.args[0])}, ${String(ev.args[1])})입니다. 첫째는 함수를 부른 계정(msg.sender), 둘째는 이번에 움직인 금액(wei)입니다. 남은 잔액이 아닙니다.`,
    en: `${name}'s arguments should be (${account}, ${amount}) but were (${String(ev.args[0])}, ${String(ev.args[1])}). The first is the calling account (msg.sender), the second the amount moved this time (in wei), not the balance left.`,
  })
  const receipt = await t.request('eth_getTransactionReceipt', [tx.hash])
  const topic = '0x' + account.toLowerCase().slice(2).padStart(64, '0')
  const logs: { topics: string[] }[] = receipt?.logs ?? []
  t.expect(logs.some((l) => (l.topics ?? []).slice(1).some((x) => x.toLowerCase() === topic)), `${name.toLowerCase()}-not-indexed`, {
    ko: `${name}의 account 인자가 indexed가 아닙니다. 로그의 토픽(topic)에 계정 주소가 없어서, 지갑이나 탐색기가 "이 계정의 ${name}"만 골라 찾을 수 없습니다. 이벤트 선언에서 address indexed account 처럼 indexed를 붙이세요.`,
    en: `${name}'s account argument is not indexed: the log's topics do not hold the address, so a wallet or explorer cannot filter "${name} for this account". Declare it as address indexed account.`,
  })
}

/** t.deploy, plus a hint when the pragma pins a compiler other than the bundled solc 0.8.28. */
async function deployExplained(t: GraderContext, name: string, options?: { args?: unknown[] }): Promise<Contract> {
  try {
    return await t.deploy(name, options)
  } catch (e) {
    if (isLearnerFailure(e) && /different compiler version/.test(e.en)) {
      t.fail(e.code, {
        ko: `${e.ko} — 놀이터의 컴파일러는 solc 0.8.28입니다. pragma solidity ^0.8.20; 처럼 0.8.28을 포함하는 범위로 쓰세요.`,
        en: `${e.en} — the playground's compiler is solc 0.8.28: write a range that includes it, e.g. pragma solidity ^0.8.20;`,
      })
    }
    throw e
  }
}

/** With no .sol file at all solc only says "No input sources specified": name the missing file instead. */
async function expectSource(t: GraderContext, file: string): Promise<void> {
  const files = await t.files()
  if (!files.some((f) => f.endsWith('.sol'))) {
    t.fail('source-missing', {
      ko: `작업 공간에 ${file}이(가) 없습니다(.sol 파일이 하나도 없습니다). 지웠거나 옮겼다면 작업 공간 맨 위에 다시 만들어 주세요.`,
      en: `${file} is not in your workspace (there is no .sol file at all). If you deleted or moved it, put it back at the top of the workspace.`,
    })
  }
}

export default function grade(g: Grader): void {
  let bank: Contract | undefined

  g.check('deploys', { ko: 'PiggyBank가 배포된다', en: 'PiggyBank deploys' }, async (t: GraderContext) => {
    await expectSource(t, 'PiggyBank.sol')
    bank = await deployExplained(t, 'PiggyBank')
    for (const fn of ['deposit', 'withdraw', 'balanceOf']) {
      t.expect(bank.functions.includes(fn), 'function-missing', {
        ko: `PiggyBank에 ${fn} 함수가 없습니다. 과제에 적힌 이름 그대로 만들어 주세요.`,
        en: `PiggyBank has no ${fn} function. Use exactly the name from the task.`,
      })
    }
  })

  g.check('deposit-event', { ko: '입금하면 잔액이 늘고 Deposited 이벤트가 나온다', en: 'A deposit raises the balance and emits Deposited' }, async (t: GraderContext) => {
    const cases: [number, bigint][] = [[1, ETH], [2, ETH / 4n], [1, 3n]]
    const expected = new Map<number, bigint>()
    for (const [from, value] of cases) {
      const tx = await mustSucceed(t, () => bank!.send('deposit', [], { from, value }), 'deposit-reverted', {
        ko: `계정 ${from}에서 ${eth(value)}를 넣은 deposit()이 되돌려졌습니다. 0보다 큰 입금은 성공해야 합니다.`,
        en: `deposit() of ${eth(value)} by account ${from} reverted. A deposit above zero should succeed.`,
      })
      await expectEvent(t, tx, 'Deposited', t.accounts[from]!, value, { ko: `${eth(value)} 입금`, en: `A deposit of ${eth(value)}` })
      expected.set(from, (expected.get(from) ?? 0n) + value)
    }
    for (const [from, total] of expected) {
      const balance = await bank!.call('balanceOf', [t.accounts[from]])
      t.expect(balance === total, 'deposit-balance', {
        ko: `계정 ${from}에 모두 ${total} wei가 들어갔으니 balanceOf가 ${total}이어야 하는데 ${String(balance)}입니다. 계정마다 따로 더하세요(balanceOf[msg.sender] += msg.value).`,
        en: `Account ${from} deposited ${total} wei in all, so balanceOf should be ${total}, but it is ${String(balance)}. Add to each account's own balance (balanceOf[msg.sender] += msg.value).`,
      })
    }
  }, { after: ['deploys'] })

  g.check('withdraw-event', { ko: '출금하면 이더가 돌아가고 Withdrawn 이벤트가 나온다', en: 'A withdrawal returns the ether and emits Withdrawn' }, async (t: GraderContext) => {
    const b = await t.deploy('PiggyBank')
    await mustSucceed(t, () => b.send('deposit', [], { from: 4, value: ETH }), 'deposit-reverted', {
      ko: '계정 4의 1 ETH deposit()이 되돌려졌습니다.', en: 'deposit() of 1 ETH by account 4 reverted.',
    })
    const amount = (ETH * 2n) / 5n
    const held = await t.balance(b.address)
    const tx = await mustSucceed(t, () => b.send('withdraw', [amount], { from: 4 }), 'withdraw-reverted', {
      ko: `1 ETH를 넣은 계정이 ${eth(amount)}를 withdraw했는데 되돌려졌습니다. 잔액 안의 출금은 성공해야 합니다.`,
      en: `An account holding 1 ETH withdrew ${eth(amount)} and it reverted. A withdrawal within the balance should succeed.`,
    })
    await expectEvent(t, tx, 'Withdrawn', t.accounts[4]!, amount, { ko: `${eth(amount)} 출금`, en: `A withdrawal of ${eth(amount)}` })
    const left = await b.call('balanceOf', [t.accounts[4]])
    t.expect(left === ETH - amount, 'withdraw-balance', {
      ko: `출금 뒤 balanceOf가 ${ETH - amount}이어야 하는데 ${String(left)}입니다. 출금한 만큼 잔액에서 빼세요.`,
      en: `After the withdrawal balanceOf should be ${ETH - amount}, but it is ${String(left)}. Subtract the amount withdrawn.`,
    })
    const heldAfter = await t.balance(b.address)
    t.expect(heldAfter === held - amount, 'withdraw-ether', {
      ko: `계약이 가진 이더가 ${eth(amount)} 줄어야 하는데 ${eth(held)}에서 ${eth(heldAfter)}가 되었습니다. 출금한 이더를 msg.sender에게 실제로 보내세요.`,
      en: `The contract's ether should drop by ${eth(amount)}, but it went from ${eth(held)} to ${eth(heldAfter)}. Actually send the ether to msg.sender.`,
    })
  }, { after: ['deploys'] })

  g.check('zero-reverts', { ko: '0을 넣거나 빼면 ZeroAmount로 되돌린다', en: 'Zero deposits and withdrawals revert with ZeroAmount' }, async (t: GraderContext) => {
    const attempts: [Text, () => Promise<unknown>][] = [
      [{ ko: '이더 없이 부른 deposit()', en: 'deposit() with no ether' }, () => bank!.send('deposit', [], { from: 5, value: 0n })],
      [{ ko: 'withdraw(0)', en: 'withdraw(0)' }, () => bank!.send('withdraw', [0n], { from: 1 })],
    ]
    for (const [what, action] of attempts) {
      const r = await mustRevert(t, action, 'zero-did-not-revert', {
        ko: `${what.ko} 호출이 성공했습니다. 금액이 0이면 revert ZeroAmount(); 로 되돌리세요.`,
        en: `${what.en} succeeded. When the amount is 0, revert with revert ZeroAmount();`,
      })
      const how = described(r)
      t.expect(r.errorName === 'ZeroAmount', 'zero-wrong-error', {
        ko: `${what.ko} 호출이 되돌려지긴 했지만 ${how.ko}였습니다. 이 과제는 사용자 정의 오류 ZeroAmount()를 요구합니다: error ZeroAmount(); 를 선언하고 revert ZeroAmount(); 로 되돌리세요.`,
        en: `${what.en} reverted, but with ${how.en}. This task asks for the custom error ZeroAmount(): declare error ZeroAmount(); and revert with revert ZeroAmount();`,
      })
    }
  }, { after: ['deploys'] })

  g.check('overdraw-reverts', { ko: '잔액보다 많이 빼면 InsufficientBalance로 되돌린다', en: 'Withdrawing more than the balance reverts with InsufficientBalance' }, async (t: GraderContext) => {
    const b = await t.deploy('PiggyBank')
    await mustSucceed(t, () => b.send('deposit', [], { from: 6, value: ETH }), 'deposit-reverted', {
      ko: '계정 6의 1 ETH deposit()이 되돌려졌습니다.', en: 'deposit() of 1 ETH by account 6 reverted.',
    })
    const cases: [number, bigint, bigint][] = [[6, 2n * ETH, ETH], [6, ETH + 1n, ETH], [7, 5n, 0n]]
    for (const [from, requested, available] of cases) {
      const r = await mustRevert(t, () => b.send('withdraw', [requested], { from }), 'overdraw-did-not-revert', {
        ko: `잔액이 ${available} wei인 계정이 ${requested} wei를 withdraw했는데 성공했습니다. 잔액보다 많으면 되돌리세요.`,
        en: `An account holding ${available} wei withdrew ${requested} wei and it succeeded. Revert when the amount is more than the balance.`,
      })
      const how = described(r)
      const underflow = r.errorName === 'Panic' || /underflow|overflow|panic/i.test(r.reason ?? '')
      t.expect(r.errorName === 'InsufficientBalance', 'overdraw-wrong-error', underflow
        ? {
            ko: `잔액보다 많은 출금이 ${how.ko}로 멈췄습니다. 이것은 뺄셈이 넘친(underflow) 것이라 잔액 검사가 빠져 있다는 뜻입니다. 빼기 전에 if (amount > balance) revert InsufficientBalance(amount, balance); 로 직접 확인하세요.`,
            en: `The overdraw stopped with ${how.en}: the subtraction underflowed, which means the balance check is missing. Before subtracting, check it yourself: if (amount > balance) revert InsufficientBalance(amount, balance);`,
          }
        : {
            ko: `잔액보다 많은 출금이 되돌려지긴 했지만 ${how.ko}였습니다. 이 과제는 사용자 정의 오류를 요구합니다: error InsufficientBalance(uint256 requested, uint256 available); 를 선언하고 revert InsufficientBalance(amount, balance); 로 되돌리세요.`,
            en: `The overdraw reverted, but with ${how.en}. This task asks for a custom error: declare error InsufficientBalance(uint256 requested, uint256 available); and revert with revert InsufficientBalance(amount, balance);`,
          })
      const args = r.errorArgs ?? []
      t.expect(args[0] === requested && args[1] === available, 'overdraw-error-args', {
        ko: `InsufficientBalance의 인자는 (요청 ${requested}, 잔액 ${available})이어야 하는데 (${String(args[0])}, ${String(args[1])})입니다. 순서는 요청한 금액, 그다음 가진 금액입니다.`,
        en: `InsufficientBalance's arguments should be (requested ${requested}, available ${available}) but were (${String(args[0])}, ${String(args[1])}). The order is the amount asked for, then the amount held.`,
      })
    }
    const kept = await b.call('balanceOf', [t.accounts[6]])
    t.expect(kept === ETH, 'overdraw-balance', {
      ko: `거절된 출금 뒤에도 잔액이 ${ETH}여야 하는데 ${String(kept)}입니다.`,
      en: `After the refused withdrawals the balance should still be ${ETH}, but it is ${String(kept)}.`,
    })
  }, { after: ['deploys'] })
}
