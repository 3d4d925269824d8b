import type { Contract, Grader, GraderContext, RevertInfo, Text } from '@playground/grader'

const NAMES = ['Kim', 'Lee', 'Park']

/** Small integer types (uint8 … uint48) arrive as `number`: compare every count as a bigint. */
const big = (v: unknown): unknown => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v)

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

/** A fresh election (admin = account 0) with these candidates and registered voters. */
async function setup(t: GraderContext, candidates: string[], voters: number[]): Promise<Contract> {
  const e = await t.deploy('Election')
  for (const name of candidates) {
    await mustSucceed(t, () => e.send('addCandidate', [name], { from: 0 }), 'admin-add-reverted', {
      ko: `관리자(배포한 계정 0)가 addCandidate("${name}")를 불렀는데 되돌려졌습니다. 관리자는 후보를 등록할 수 있어야 합니다.`,
      en: `The administrator (deployer, account 0) called addCandidate("${name}") and it reverted. The administrator must be able to add candidates.`,
    })
  }
  for (const v of voters) {
    await mustSucceed(t, () => e.send('registerVoter', [t.accounts[v]], { from: 0 }), 'admin-register-reverted', {
      ko: `관리자가 registerVoter(계정 ${v})를 불렀는데 되돌려졌습니다. 관리자는 유권자를 등록할 수 있어야 합니다.`,
      en: `The administrator called registerVoter(account ${v}) and it reverted. The administrator must be able to register voters.`,
    })
  }
  return e
}

async function castVote(t: GraderContext, e: Contract, voter: number, candidate: number): Promise<void> {
  await mustSucceed(t, () => e.send('vote', [BigInt(candidate)], { from: voter }), 'vote-reverted', {
    ko: `등록된 유권자(계정 ${voter})가 처음으로 vote(${candidate})를 불렀는데 되돌려졌습니다. 투표가 열려 있고 후보가 있으면 첫 투표는 성공해야 합니다.`,
    en: `Registered voter account ${voter} called vote(${candidate}) for the first time and it reverted. While voting is open and the candidate exists, a first vote must succeed.`,
  })
}

async function expectVotes(t: GraderContext, e: Contract, expected: bigint[], context: Text): Promise<void> {
  for (let i = 0; i < expected.length; i++) {
    const got = big(await e.call('votesFor', [BigInt(i)]))
    t.expect(got === expected[i], 'tally-wrong', {
      ko: `${context.ko} 후보 ${i}의 votesFor가 ${expected[i]}여야 하는데 ${String(got)}입니다. (기대한 전체 결과: [${expected.join(', ')}])`,
      en: `${context.en} votesFor(${i}) should be ${expected[i]}, but it is ${String(got)}. (Expected tally: [${expected.join(', ')}])`,
    })
  }
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
  g.check('deploys', { ko: 'Election이 배포된다', en: 'Election deploys' }, async (t: GraderContext) => {
    await expectSource(t, 'Election.sol')
    const e = await deployExplained(t, 'Election')
    const missing = ['addCandidate', 'registerVoter', 'vote', 'closeVoting', 'candidateCount', 'votesFor'].filter((f) => !e.functions.includes(f))
    t.expect(missing.length === 0, 'function-missing', {
      ko: `Election에 ${missing.join(', ')} 함수가 없습니다. 과제에 적힌 이름 그대로 만들어 주세요.`,
      en: `Election lacks ${missing.join(', ')}. Use exactly the names from the task.`,
    })
  })

  g.check('admin-only', { ko: '관리자만 후보·유권자를 등록하고 투표를 마감한다', en: 'Only the administrator registers candidates and voters and closes the vote' }, async (t: GraderContext) => {
    const e = await setup(t, NAMES, [])
    const count = big(await e.call('candidateCount'))
    t.expect(count === BigInt(NAMES.length), 'candidate-count', {
      ko: `후보 ${NAMES.length}명을 등록했는데 candidateCount()가 ${String(count)}입니다.`,
      en: `${NAMES.length} candidates were added, but candidateCount() is ${String(count)}.`,
    })
    const attempts: [string, () => Promise<unknown>][] = [
      ['addCandidate("Choi")', () => e.send('addCandidate', ['Choi'], { from: 2 })],
      ['registerVoter(계정 2)|registerVoter(account 2)', () => e.send('registerVoter', [t.accounts[2]], { from: 2 })],
      ['closeVoting()', () => e.send('closeVoting', [], { from: 2 })],
    ]
    for (const [label, action] of attempts) {
      const [ko, en] = label.includes('|') ? label.split('|') : [label, label]
      await mustRevert(t, action, 'not-admin-allowed', {
        ko: `관리자가 아닌 계정 2가 ${ko}를 불렀는데 성공했습니다. 이 함수 맨 앞에서 msg.sender가 관리자인지 확인하고 아니면 되돌리세요. 그렇지 않으면 누구나 자기 자신을 유권자로 등록하거나 후보를 끼워 넣을 수 있습니다.`,
        en: `Account 2, not the administrator, called ${en} and it succeeded. Check at the start of the function that msg.sender is the administrator, and revert otherwise; if not, anyone could register themselves as a voter or slip in a candidate.`,
      })
    }
    const after = big(await e.call('candidateCount'))
    t.expect(after === BigInt(NAMES.length), 'candidate-count-changed', {
      ko: `거절된 addCandidate 뒤에도 candidateCount()가 ${NAMES.length}여야 하는데 ${String(after)}입니다.`,
      en: `After the refused addCandidate, candidateCount() should still be ${NAMES.length}, but it is ${String(after)}.`,
    })
  }, { after: ['deploys'] })

  g.check('registered-only', { ko: '등록되지 않은 계정은 투표할 수 없다', en: 'Unregistered accounts cannot vote' }, async (t: GraderContext) => {
    const e = await setup(t, NAMES, [1])
    for (const stranger of [2, 5]) {
      await mustRevert(t, () => e.send('vote', [0n], { from: stranger }), 'unregistered-voted', {
        ko: `등록되지 않은 계정 ${stranger}의 vote(0)가 성공했습니다. 투표하기 전에 호출한 계정이 등록된 유권자인지 확인하세요.`,
        en: `vote(0) by unregistered account ${stranger} succeeded. Before counting a vote, check that the caller is a registered voter.`,
      })
    }
    await castVote(t, e, 1, 0)
    await expectVotes(t, e, [1n, 0n, 0n], { ko: '등록된 유권자 한 명만 투표했으니', en: 'Only one registered voter voted, so' })
  }, { after: ['deploys'] })

  g.check('one-vote', { ko: '한 사람은 한 번만 투표한다', en: 'One person, one vote' }, async (t: GraderContext) => {
    const e = await setup(t, NAMES, [1, 2])
    await castVote(t, e, 1, 0)
    for (const again of [0, 1]) {
      await mustRevert(t, () => e.send('vote', [BigInt(again)], { from: 1 }), 'double-vote', {
        ko: `이미 투표한 계정 1이 다시 vote(${again})를 불렀는데 성공했습니다. 투표할 때 그 계정이 투표했다는 사실을 기록하고(예: hasVoted[msg.sender] = true), 다음번에는 되돌리세요.`,
        en: `Account 1 had already voted and called vote(${again}) again, and it succeeded. Record that the account has voted (e.g. hasVoted[msg.sender] = true) and revert the next time.`,
      })
    }
    await castVote(t, e, 2, 1)
    await expectVotes(t, e, [1n, 1n, 0n], { ko: '두 사람이 한 표씩 던졌으니', en: 'Two people cast one vote each, so' })
  }, { after: ['deploys'] })

  g.check('tally', { ko: '개표 결과가 정확하고 없는 후보에는 투표할 수 없다', en: 'The tally is right and votes for unknown candidates revert' }, async (t: GraderContext) => {
    const voters = [1, 2, 3, 4, 5, 6, 7, 8]
    const e = await setup(t, NAMES, voters)
    const choices = [2, 0, 2, 1, 2, 0, 2]
    for (let i = 0; i < choices.length; i++) await castVote(t, e, voters[i]!, choices[i]!)
    await mustRevert(t, () => e.send('vote', [3n], { from: 8 }), 'unknown-candidate', {
      ko: '후보가 0, 1, 2번뿐인데 vote(3)이 성공했습니다. candidateId가 등록된 후보 수보다 작은지 확인하세요.',
      en: 'There are only candidates 0, 1 and 2, yet vote(3) succeeded. Check that candidateId is below the number of candidates.',
    })
    await expectVotes(t, e, [2n, 1n, 4n], { ko: '일곱 표 [2, 0, 2, 1, 2, 0, 2]를 세면', en: 'Counting the seven votes [2, 0, 2, 1, 2, 0, 2],' })
  }, { after: ['deploys'] })

  g.check('closing', { ko: '마감한 뒤에는 투표할 수 없다', en: 'No votes after closing' }, async (t: GraderContext) => {
    const e = await setup(t, NAMES, [1, 2])
    await castVote(t, e, 1, 1)
    await mustSucceed(t, () => e.send('closeVoting', [], { from: 0 }), 'close-reverted', {
      ko: '관리자가 closeVoting()을 불렀는데 되돌려졌습니다.', en: 'The administrator called closeVoting() and it reverted.',
    })
    await mustRevert(t, () => e.send('vote', [0n], { from: 2 }), 'voted-after-close', {
      ko: '투표를 마감한 뒤 아직 투표하지 않은 등록 유권자(계정 2)의 vote(0)가 성공했습니다. closeVoting()에서 상태를 바꾸고, vote() 맨 앞에서 그 상태를 확인해 되돌리세요.',
      en: 'After closing, vote(0) by registered voter account 2, who had not voted yet, succeeded. Have closeVoting() change a state variable and make vote() check it first and revert.',
    })
    await expectVotes(t, e, [0n, 1n, 0n], { ko: '마감 뒤에도 결과는 공개되어야 하고,', en: 'The result must stay public after closing:' })
  }, { after: ['deploys'] })
}
