import type { Contract, Grader, GraderContext, RevertInfo, Text } from '@playground/grader'

const START = 5n

function isLearnerFailure(e: unknown): e is { name: 'LearnerFailure'; code: string; ko: string; en: string } {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'LearnerFailure'
}

/** Like t.reverts, but with this lesson's own message when the action did not revert. */
async function mustRevert(t: GraderContext, action: () => Promise<unknown>, code: string, message: Text): Promise<RevertInfo> {
  try {
    return await t.reverts(action)
  } catch (e) {
    if (isLearnerFailure(e) && e.code === 'tx.did-not-revert') t.fail(code, message)
    throw e
  }
}

/** Runs a transaction that must succeed; if it reverts, fails with this lesson's message plus the revert's own. */
async function mustSucceed<T>(t: GraderContext, action: () => Promise<T>, code: string, message: Text): Promise<T> {
  try {
    return await action()
  } catch (e) {
    if (isLearnerFailure(e)) t.fail(code, { ko: `${message.ko} (${e.ko})`, en: `${message.en} (${e.en})` })
    throw e
  }
}

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase()

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
  let counter: Contract | undefined

  g.check('deploys', { ko: 'Counter가 배포된다', en: 'Counter deploys' }, async (t: GraderContext) => {
    await expectSource(t, 'Counter.sol')
    counter = await deployExplained(t, 'Counter', { args: [START] })
    for (const fn of ['count', 'owner', 'setCount', 'increment', 'reset']) {
      t.expect(counter.functions.includes(fn), 'function-missing', {
        ko: `Counter에 ${fn} 함수가 없습니다. 과제에 적힌 이름 그대로(대소문자까지) 만들어 주세요. count와 owner는 public 변수로 만들면 getter가 자동으로 생깁니다.`,
        en: `Counter has no ${fn} function. Use exactly the name from the task (case matters). Making count and owner public state variables gives you their getters for free.`,
      })
    }
  })

  g.check('initial-state', { ko: '배포 직후: count는 시작값, owner는 배포한 계정', en: 'Right after deployment: count is the start value, owner is the deployer' }, async (t: GraderContext) => {
    const count = await counter!.call('count')
    t.expect(count === START, 'initial-count', {
      ko: `Counter(${START})로 배포했으니 count()가 ${START}이어야 하는데 ${String(count)}입니다. 생성자에서 받은 값을 count에 저장했는지 확인하세요.`,
      en: `Deployed as Counter(${START}), so count() should be ${START}, but it is ${String(count)}. Check that the constructor stores its argument in count.`,
    })
    const owner = await counter!.call('owner')
    t.expect(same(owner, t.accounts[0]!), 'initial-owner', {
      ko: `owner()가 배포한 계정 ${t.accounts[0]}이어야 하는데 ${String(owner)}입니다. 생성자에서 owner = msg.sender; 로 배포자를 기억하세요.`,
      en: `owner() should be the deploying account ${t.accounts[0]}, but it is ${String(owner)}. Remember the deployer in the constructor: owner = msg.sender;`,
    })
  }, { after: ['deploys'] })

  g.check('set-count', { ko: 'setCount가 값을 바꾼다', en: 'setCount replaces the value' }, async (t: GraderContext) => {
    for (const value of [42n, 0n, 123456789n]) {
      await mustSucceed(t, () => counter!.send('setCount', [value]), 'set-count-reverted', {
        ko: `setCount(${value})가 되돌려졌습니다(revert). 배포한 계정이 부른 setCount는 성공해야 합니다.`,
        en: `setCount(${value}) reverted. A setCount called by the deployer should succeed.`,
      })
      const count = await counter!.call('count')
      t.expect(count === value, 'set-count-value', {
        ko: `setCount(${value})를 부른 뒤 count()가 ${value}이어야 하는데 ${String(count)}입니다. setCount 안에서 인자를 count에 저장하세요.`,
        en: `After setCount(${value}), count() should be ${value}, but it is ${String(count)}. Store the argument in count inside setCount.`,
      })
    }
  }, { after: ['deploys'] })

  g.check('increment', { ko: 'increment가 1씩 올린다(누가 불러도)', en: 'increment adds one (whoever calls it)' }, async (t: GraderContext) => {
    for (const from of [0, 0, 3]) {
      const before = (await counter!.call('count')) as bigint
      await mustSucceed(t, () => counter!.send('increment', [], { from }), 'increment-reverted', {
        ko: `계정 ${from}에서 부른 increment()가 되돌려졌습니다. increment는 누구나 부를 수 있어야 합니다.`,
        en: `increment() called by account ${from} reverted. Anyone should be able to call increment.`,
      })
      const after = await counter!.call('count')
      t.expect(after === before + 1n, 'increment-value', {
        ko: `count()가 ${before}일 때 increment()를 부르면 ${before + 1n}이 되어야 하는데 ${String(after)}입니다. count += 1; 처럼 지금 값에 1을 더하세요.`,
        en: `With count() at ${before}, increment() should make it ${before + 1n}, but it is ${String(after)}. Add one to the current value, e.g. count += 1;`,
      })
    }
  }, { after: ['deploys'] })

  g.check('owner-only-reset', { ko: 'reset은 소유자만 부를 수 있다', en: 'Only the owner can reset' }, async (t: GraderContext) => {
    const c = await t.deploy('Counter', { args: [7n] })
    const before = (await c.call('count')) as bigint
    await mustRevert(t, () => c.send('reset', [], { from: 1 }), 'reset-by-stranger', {
      ko: '소유자가 아닌 계정 1이 reset()을 불렀는데 성공했습니다. reset 맨 앞에서 msg.sender가 owner인지 확인하고, 아니면 되돌리세요(require 또는 revert).',
      en: 'Account 1, which is not the owner, called reset() and it succeeded. At the start of reset, check that msg.sender is the owner and revert otherwise (require or revert).',
    })
    const kept = await c.call('count')
    t.expect(kept === before, 'reset-by-stranger-changed', {
      ko: `거절된 reset 뒤에도 count()가 그대로 ${before}이어야 하는데 ${String(kept)}입니다.`,
      en: `After the refused reset, count() should still be ${before}, but it is ${String(kept)}.`,
    })
    await mustSucceed(t, () => c.send('reset', [], { from: 0 }), 'reset-by-owner-reverted', {
      ko: '배포한 계정(소유자)이 부른 reset()이 되돌려졌습니다. 생성자에서 owner를 msg.sender로 정했는지, 비교 방향이 맞는지 확인하세요.',
      en: 'reset() called by the deployer (the owner) reverted. Check that the constructor sets owner to msg.sender and that the comparison is the right way round.',
    })
    const count = await c.call('count')
    t.expect(count === 0n, 'reset-value', {
      ko: `소유자가 reset()을 부른 뒤 count()가 0이어야 하는데 ${String(count)}입니다.`,
      en: `After the owner calls reset(), count() should be 0, but it is ${String(count)}.`,
    })
  }, { after: ['deploys'] })
}
