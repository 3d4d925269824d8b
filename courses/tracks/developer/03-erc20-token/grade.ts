import type { Contract, Grader, GraderContext, RevertInfo, Text, TxResult } from '@playground/grader'

const UNIT = 10n ** 18n
const SUPPLY = 1_000_000n * UNIT

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

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase()
const asBig = (v: unknown): bigint | undefined => (typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : undefined)

/** Expects exactly one `name` event with these three positional arguments (address, address, amount). */
function expectEvent(t: GraderContext, tx: TxResult, name: 'Transfer' | 'Approval', a: string, b: string, value: bigint, what: Text): void {
  const found = tx.events.filter((e) => e.name === name)
  const seen = tx.events.map((e) => e.name).join(', ') || '-'
  const code = `${name.toLowerCase()}-event`
  t.expect(found.length === 1, code, {
    ko: `${what.ko} 뒤에 ${name} 이벤트가 한 번 나와야 하는데 ${found.length}번 나왔습니다(나온 이벤트: ${seen}). ERC-20 지갑과 거래소는 이 이벤트로 ${name === 'Transfer' ? '잔액' : '허용량'} 변화를 알아챕니다. ${name === 'Transfer' ? '잔액을 옮긴' : '허용량을 바꾼'} 곳에서 emit ${name}(…); 하세요.`,
    en: `${what.en} should emit one ${name} event but emitted ${found.length} (events seen: ${seen}). ERC-20 wallets and exchanges learn about ${name === 'Transfer' ? 'balance' : 'allowance'} changes from this event: emit ${name}(…); where ${name === 'Transfer' ? 'the tokens move' : 'the allowance is set'}.`,
  })
  const ev = found[0]!
  t.expect(same(ev.args[0], a) && same(ev.args[1], b) && ev.args[2] === value, `${code}-args`, {
    ko: `${name}의 인자는 (${a}, ${b}, ${value})여야 하는데 (${String(ev.args[0])}, ${String(ev.args[1])}, ${String(ev.args[2])})입니다.`,
    en: `${name}'s arguments should be (${a}, ${b}, ${value}) but were (${String(ev.args[0])}, ${String(ev.args[1])}, ${String(ev.args[2])}).`,
  })
}

async function expectBalance(t: GraderContext, token: Contract, who: number, expected: bigint, context: Text): Promise<void> {
  const got = await token.call('balanceOf', [t.accounts[who]])
  t.expect(got === expected, 'balance', {
    ko: `${context.ko} 계정 ${who}의 balanceOf가 ${expected}여야 하는데 ${String(got)}입니다.`,
    en: `${context.en} account ${who}'s balanceOf should be ${expected}, but it is ${String(got)}.`,
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
  let token: Contract | undefined

  g.check('deploys', { ko: 'PlaygroundToken이 배포되고 ERC-20 함수가 모두 있다', en: 'PlaygroundToken deploys with every ERC-20 function' }, async (t: GraderContext) => {
    await expectSource(t, 'PlaygroundToken.sol')
    token = await deployExplained(t, 'PlaygroundToken', { args: [SUPPLY] })
    const needed = ['name', 'symbol', 'decimals', 'totalSupply', 'balanceOf', 'transfer', 'approve', 'allowance', 'transferFrom']
    const missing = needed.filter((fn) => !token!.functions.includes(fn))
    t.expect(missing.length === 0, 'function-missing', {
      ko: `ERC-20 함수 ${missing.join(', ')}이(가) 없습니다. 표준 이름 그대로 있어야 지갑이 토큰을 알아봅니다.`,
      en: `The ERC-20 function(s) ${missing.join(', ')} are missing. Wallets only recognise the token with the standard names.`,
    })
  })

  g.check('metadata', { ko: '이름·기호·소수 자릿수·총발행량, 배포자가 전부 받는다', en: 'Name, symbol, decimals, total supply; the deployer gets it all' }, async (t: GraderContext) => {
    const name = await token!.call('name')
    const symbol = await token!.call('symbol')
    const decimals = asBig(await token!.call('decimals'))
    t.expect(name === 'Playground Token' && symbol === 'PLAY', 'metadata-names', {
      ko: `name()은 "Playground Token", symbol()은 "PLAY"여야 하는데 "${String(name)}", "${String(symbol)}"입니다.`,
      en: `name() should be "Playground Token" and symbol() "PLAY", but they are "${String(name)}" and "${String(symbol)}".`,
    })
    t.expect(decimals === 18n, 'metadata-decimals', {
      ko: `decimals()는 18이어야 하는데 ${String(decimals)}입니다.`,
      en: `decimals() should be 18, but it is ${String(decimals)}.`,
    })
    for (const supply of [SUPPLY, 777n]) {
      const tk = supply === SUPPLY ? token! : await t.deploy('PlaygroundToken', { args: [supply] })
      const total = await tk.call('totalSupply')
      t.expect(total === supply, 'metadata-supply', {
        ko: `PlaygroundToken(${supply})으로 배포했으니 totalSupply()가 ${supply}여야 하는데 ${String(total)}입니다. 생성자 인자를 그대로 발행하세요(숫자를 고정하거나 10**decimals를 또 곱하지 마세요).`,
        en: `Deployed as PlaygroundToken(${supply}), so totalSupply() should be ${supply}, but it is ${String(total)}. Mint exactly the constructor argument (do not hard-code it or multiply by 10**decimals again).`,
      })
      await expectBalance(t, tk, 0, supply, { ko: '배포 직후', en: 'Right after deployment,' })
      await expectBalance(t, tk, 1, 0n, { ko: '배포 직후', en: 'Right after deployment,' })
    }
  }, { after: ['deploys'] })

  g.check('transfer', { ko: 'transfer가 잔액을 옮기고 Transfer를 내보내며, 잔액이 모자라면 되돌린다', en: 'transfer moves tokens, emits Transfer and reverts on too small a balance' }, async (t: GraderContext) => {
    const tk = await t.deploy('PlaygroundToken', { args: [SUPPLY] })
    const returned = await mustSucceed(t, () => tk.call('transfer', [t.accounts[1], 1n], { from: 0 }), 'transfer-call', {
      ko: 'transfer를 시험 호출(eth_call)했는데 되돌려졌습니다.', en: 'A trial call (eth_call) of transfer reverted.',
    })
    t.expect(returned === true, 'transfer-returns', {
      ko: `성공한 transfer는 true를 돌려줘야 하는데 ${String(returned)}를 돌려줍니다. ERC-20 표준은 returns (bool)이고, 다른 계약들이 이 값을 확인합니다.`,
      en: `A successful transfer should return true but returns ${String(returned)}. The ERC-20 standard says returns (bool), and other contracts check it.`,
    })
    const amount = 100n * UNIT
    const tx = await mustSucceed(t, () => tk.send('transfer', [t.accounts[1], amount], { from: 0 }), 'transfer-reverted', {
      ko: `배포자가 계정 1에게 ${amount}을 transfer했는데 되돌려졌습니다.`,
      en: `transfer of ${amount} from the deployer to account 1 reverted.`,
    })
    expectEvent(t, tx, 'Transfer', t.accounts[0]!, t.accounts[1]!, amount, { ko: 'transfer', en: 'transfer' })
    await expectBalance(t, tk, 0, SUPPLY - amount, { ko: `${amount}을 보낸 뒤`, en: `After sending ${amount},` })
    await expectBalance(t, tk, 1, amount, { ko: `${amount}을 받은 뒤`, en: `After receiving ${amount},` })

    const poor: [number, number, bigint, bigint][] = [[2, 3, 1n, 0n], [1, 3, amount + 1n, amount]]
    for (const [from, to, value, held] of poor) {
      await mustRevert(t, () => tk.send('transfer', [t.accounts[to], value], { from }), 'transfer-no-revert', {
        ko: `${held}만 가진 계정 ${from}에서 ${value}을 transfer했는데 되돌려지지 않았습니다. false를 돌려주거나 조용히 넘어가면 안 되고, 되돌려야(revert) 합니다. 많은 앱이 반환값을 확인하지 않아서 "보냈다"고 착각합니다.`,
        en: `Account ${from}, holding ${held}, transferred ${value} and it did not revert. Returning false or silently doing nothing is not enough: revert. Many apps never check the return value and would think the tokens were sent.`,
      })
    }
    await expectBalance(t, tk, 1, amount, { ko: '거절된 transfer 뒤에도', en: 'After the refused transfers,' })
    await expectBalance(t, tk, 3, 0n, { ko: '거절된 transfer 뒤에도', en: 'After the refused transfers,' })
    const total = await tk.call('totalSupply')
    t.expect(total === SUPPLY, 'transfer-supply', {
      ko: `transfer는 토큰을 옮길 뿐이라 totalSupply가 ${SUPPLY} 그대로여야 하는데 ${String(total)}입니다.`,
      en: `transfer only moves tokens, so totalSupply should stay ${SUPPLY}, but it is ${String(total)}.`,
    })
  }, { after: ['deploys'] })

  g.check('approve', { ko: 'approve가 허용량을 정하고 Approval을 내보낸다', en: 'approve sets the allowance and emits Approval' }, async (t: GraderContext) => {
    const tk = await t.deploy('PlaygroundToken', { args: [SUPPLY] })
    for (const [k, value] of [50n * UNIT, 20n * UNIT].entries()) {
      const tx = await mustSucceed(t, () => tk.send('approve', [t.accounts[1], value], { from: 0 }), 'approve-reverted', k === 0
        ? { ko: `approve(계정 1, ${value})가 되돌려졌습니다. 토큰이 없어도, 처음 허락할 때도 approve는 성공해야 합니다.`, en: `approve(account 1, ${value}) reverted. approve should succeed even for a first approval.` }
        : {
            ko: `이미 ${50n * UNIT}을 허락한 뒤 approve(계정 1, ${value})로 허용량을 바꾸려 했는데 되돌려졌습니다. approve는 기존 허용량이 0이 아니어도 새 값으로 바로 바꿔야 합니다(ERC-20 표준은 "먼저 0으로 바꾸라"를 계약이 강제하지 말라고 합니다. 그 대비는 앱 쪽의 몫입니다).`,
            en: `After approving ${50n * UNIT}, approve(account 1, ${value}) to change the allowance reverted. approve must replace a non-zero allowance directly (the ERC-20 standard says the contract itself should not enforce "set it to 0 first"; guarding against that race is the app's job).`,
          })
      expectEvent(t, tx, 'Approval', t.accounts[0]!, t.accounts[1]!, value, { ko: 'approve', en: 'approve' })
      const allowed = await tk.call('allowance', [t.accounts[0], t.accounts[1]])
      t.expect(allowed === value, 'approve-allowance', {
        ko: `approve(계정 1, ${value}) 뒤 allowance(계정 0, 계정 1)이 ${value}여야 하는데 ${String(allowed)}입니다. approve는 기존 값에 더하지 않고 새 값으로 바꿉니다. 또 allowance[주인][쓰는 사람] 순서를 확인하세요.`,
        en: `After approve(account 1, ${value}), allowance(account 0, account 1) should be ${value}, but it is ${String(allowed)}. approve replaces the old value rather than adding to it; also check the order allowance[owner][spender].`,
      })
    }
    const other = await tk.call('allowance', [t.accounts[1], t.accounts[0]])
    t.expect(other === 0n, 'approve-direction', {
      ko: `계정 0이 계정 1에게 허락했을 뿐인데 allowance(계정 1, 계정 0)이 ${String(other)}입니다. 주인과 쓰는 사람의 순서가 뒤바뀐 것 같습니다.`,
      en: `Only account 0 approved account 1, yet allowance(account 1, account 0) is ${String(other)}. The owner and spender seem swapped.`,
    })
  }, { after: ['deploys'] })

  g.check('transfer-from', { ko: 'transferFrom이 허용량 안에서만 옮기고 허용량을 줄인다', en: 'transferFrom moves tokens only within the allowance and spends it' }, async (t: GraderContext) => {
    const tk = await t.deploy('PlaygroundToken', { args: [SUPPLY] })
    await mustSucceed(t, () => tk.send('approve', [t.accounts[1], 50n], { from: 0 }), 'approve-reverted', {
      ko: 'approve(계정 1, 50)이 되돌려졌습니다.', en: 'approve(account 1, 50) reverted.',
    })
    const tx = await mustSucceed(t, () => tk.send('transferFrom', [t.accounts[0], t.accounts[2], 30n], { from: 1 }), 'transfer-from-reverted', {
      ko: '50만큼 허락받은 계정 1이 계정 0의 토큰 30을 계정 2에게 transferFrom했는데 되돌려졌습니다. 허용량을 확인할 때 allowance[from][msg.sender]를 보세요.',
      en: 'Account 1, allowed 50, called transferFrom(account 0 → account 2, 30) and it reverted. The allowance to check is allowance[from][msg.sender].',
    })
    expectEvent(t, tx, 'Transfer', t.accounts[0]!, t.accounts[2]!, 30n, { ko: 'transferFrom', en: 'transferFrom' })
    await expectBalance(t, tk, 0, SUPPLY - 30n, { ko: 'transferFrom(계정 0 → 계정 2, 30) 뒤', en: 'After transferFrom(account 0 → account 2, 30),' })
    await expectBalance(t, tk, 2, 30n, { ko: 'transferFrom(계정 0 → 계정 2, 30) 뒤', en: 'After transferFrom(account 0 → account 2, 30),' })
    await expectBalance(t, tk, 1, 0n, { ko: '대신 보내 준 사람(spender)의 토큰은 그대로이므로', en: 'The spender’s own tokens do not move, so' })
    const left = await tk.call('allowance', [t.accounts[0], t.accounts[1]])
    t.expect(left === 20n, 'allowance-spent', {
      ko: `50을 허락받아 30을 썼으니 allowance(계정 0, 계정 1)이 20이어야 하는데 ${String(left)}입니다. transferFrom에서 허용량을 줄이지 않으면 허락받은 사람이 같은 허락으로 몇 번이고 다시 가져갈 수 있습니다.`,
      en: `Allowed 50 and spent 30, so allowance(account 0, account 1) should be 20, but it is ${String(left)}. If transferFrom does not lower the allowance, the spender can take the same amount again and again.`,
    })
    await mustRevert(t, () => tk.send('transferFrom', [t.accounts[0], t.accounts[2], 21n], { from: 1 }), 'allowance-exceeded', {
      ko: '허용량이 20 남은 계정 1이 21을 transferFrom했는데 되돌려지지 않았습니다. 허용량보다 많으면 되돌리세요.',
      en: 'Account 1, with 20 allowance left, transferFrom-ed 21 and it did not revert. Revert when the amount is above the allowance.',
    })
    await mustRevert(t, () => tk.send('transferFrom', [t.accounts[0], t.accounts[3], 1n], { from: 3 }), 'no-allowance', {
      ko: '아무 허락도 받지 않은 계정 3이 계정 0의 토큰 1을 transferFrom했는데 되돌려지지 않았습니다. 누구든 남의 토큰을 가져갈 수 있는 상태입니다.',
      en: 'Account 3, never approved, transferFrom-ed 1 token out of account 0 and it did not revert: anyone can take anyone’s tokens.',
    })
    await mustSucceed(t, () => tk.send('approve', [t.accounts[1], 1000n], { from: 2 }), 'approve-reverted', {
      ko: 'approve(계정 1, 1000)이 되돌려졌습니다.', en: 'approve(account 1, 1000) reverted.',
    })
    await mustRevert(t, () => tk.send('transferFrom', [t.accounts[2], t.accounts[3], 31n], { from: 1 }), 'transfer-from-balance', {
      ko: '토큰이 30뿐인 계정 2에게서 31을 transferFrom했는데(허용량은 1000) 되돌려지지 않았습니다. 허용량이 넉넉해도 잔액이 모자라면 되돌려야 합니다.',
      en: 'transferFrom of 31 out of account 2, which holds only 30 (allowance 1000), did not revert. Even with a large allowance, revert when the balance is too small.',
    })
    await expectBalance(t, tk, 3, 0n, { ko: '거절된 transferFrom 뒤', en: 'After the refused transferFrom calls,' })
  }, { after: ['deploys'] })
}
