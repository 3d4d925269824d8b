import type { Contract, Grader, GraderContext, RevertInfo, Text, TxResult } from '@playground/grader'

// Stage numbers (an enum is a uint8 in the ABI) and the dev account that plays each participant.
const FARM = 1n
const SLAUGHTER = 2n
const PROCESSING = 3n
const SALE = 4n
const STAGES = [FARM, SLAUGHTER, PROCESSING, SALE]
const ACTOR: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4 }
const STAGE_NAME: Record<string, Text> = {
  '0': { ko: '없음(0)', en: 'None (0)' },
  '1': { ko: '사육 농장(1)', en: 'Farm (1)' },
  '2': { ko: '도축장(2)', en: 'Slaughter (2)' },
  '3': { ko: '가공·포장(3)', en: 'Processing (3)' },
  '4': { ko: '판매(4)', en: 'Sale (4)' },
}
const STRANGER = 5
const READER = 9

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
const stageName = (s: unknown): Text => STAGE_NAME[String(asBig(s))] ?? { ko: String(s), en: String(s) }

/** stepAt's three outputs, whether they come as an array or (a struct) as an object. */
function triple(v: unknown): [unknown, unknown, unknown] {
  let x: unknown = v
  if (Array.isArray(x) && x.length === 1 && typeof x[0] === 'object' && x[0] !== null) x = x[0]
  const list = Array.isArray(x) ? x : typeof x === 'object' && x !== null ? Object.values(x) : [x]
  return [list[0], list[1], list[2]]
}

/** A fresh ledger; the administrator (account 0) authorises accounts 1–4 for stages 1–4. */
async function setup(t: GraderContext): Promise<Contract> {
  const c = await t.deploy('BeefTrace')
  for (const stage of STAGES) {
    const who = ACTOR[String(stage)]!
    await mustSucceed(t, () => c.send('authorize', [t.accounts[who], stage], { from: 0 }), 'authorize-reverted', {
      ko: `관리자(계정 0)가 authorize(계정 ${who}, ${stage})를 불렀는데 되돌려졌습니다. 관리자는 참여자에게 단계를 맡길 수 있어야 합니다.`,
      en: `The administrator (account 0) called authorize(account ${who}, ${stage}) and it reverted. The administrator must be able to authorise participants.`,
    })
  }
  return c
}

async function record(t: GraderContext, c: Contract, animal: bigint, stage: bigint): Promise<TxResult> {
  const who = ACTOR[String(stage)]!
  const name = stageName(stage)
  return mustSucceed(t, () => c.send('recordStep', [animal, stage], { from: who }), 'record-reverted', {
    ko: `${name.ko} 단계를 맡은 계정 ${who}에서 가축 ${animal}의 차례에 맞게 recordStep(${animal}, ${stage})을 불렀는데 되돌려졌습니다. 권한 있는 참여자가 순서대로 기록하면 성공해야 합니다.`,
    en: `Account ${who}, authorised for ${name.en}, called recordStep(${animal}, ${stage}) in the right order for animal ${animal}, and it reverted. An authorised participant recording in order must succeed.`,
  })
}

async function expectStage(t: GraderContext, c: Contract, animal: bigint, expected: bigint, context: Text): Promise<void> {
  const got = asBig(await c.call('currentStage', [animal], { from: READER }))
  t.expect(got === expected, 'current-stage', {
    ko: `${context.ko} 가축 ${animal}의 currentStage가 ${stageName(expected).ko}여야 하는데 ${stageName(got).ko}입니다.`,
    en: `${context.en} currentStage(${animal}) should be ${stageName(expected).en}, but it is ${stageName(got).en}.`,
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
  g.check('deploys', { ko: 'BeefTrace가 배포된다', en: 'BeefTrace deploys' }, async (t: GraderContext) => {
    await expectSource(t, 'BeefTrace.sol')
    const c = await deployExplained(t, 'BeefTrace')
    const missing = ['authorize', 'recordStep', 'currentStage', 'historyLength', 'stepAt'].filter((f) => !c.functions.includes(f))
    t.expect(missing.length === 0, 'function-missing', {
      ko: `BeefTrace에 ${missing.join(', ')} 함수가 없습니다. 과제에 적힌 이름 그대로 만들어 주세요.`,
      en: `BeefTrace lacks ${missing.join(', ')}. Use exactly the names from the task.`,
    })
  })

  g.check('authorised-only', { ko: '권한을 받은 참여자만 자기 단계를 기록한다', en: 'Only authorised participants record their own stage' }, async (t: GraderContext) => {
    const c = await setup(t)
    await mustRevert(t, () => c.send('authorize', [t.accounts[STRANGER], FARM], { from: STRANGER }), 'authorize-by-stranger', {
      ko: `관리자가 아닌 계정 ${STRANGER}가 스스로 authorize(자기 자신, 1)를 불렀는데 성공했습니다. 그러면 누구나 농장 행세를 할 수 있습니다. authorize 맨 앞에서 관리자인지 확인하세요.`,
      en: `Account ${STRANGER}, not the administrator, called authorize(itself, 1) and it succeeded, so anyone could pose as a farm. Check for the administrator at the start of authorize.`,
    })
    await mustRevert(t, () => c.send('recordStep', [100n, FARM], { from: STRANGER }), 'record-by-stranger', {
      ko: `권한이 없는 계정 ${STRANGER}의 recordStep(100, 1)이 성공했습니다. 기록하는 계정이 그 단계의 권한을 받았는지 확인하세요.`,
      en: `recordStep(100, 1) by unauthorised account ${STRANGER} succeeded. Check that the caller is authorised for that stage.`,
    })
    await mustRevert(t, () => c.send('recordStep', [100n, FARM], { from: ACTOR['2']! }), 'record-wrong-role', {
      ko: '도축장(단계 2) 권한만 받은 계정 2가 새 가축 100의 농장 단계(1)를 기록했는데 성공했습니다. "권한 있는 참여자인가"만이 아니라 "바로 이 단계의 권한인가"를 확인하세요. 그래야 도축장이 농장 기록을 지어낼 수 없습니다.',
      en: 'Account 2, authorised only for Slaughter (2), recorded the Farm stage (1) of new animal 100 and it succeeded. Check not just "is this a participant" but "is it authorised for this very stage", so a slaughterhouse cannot invent a farm record.',
    })
    await record(t, c, 100n, FARM)
    await expectStage(t, c, 100n, FARM, { ko: '농장이 기록한 뒤', en: 'After the farm recorded it,' })
  }, { after: ['deploys'] })

  g.check('in-order', { ko: '단계는 농장 → 도축 → 가공 → 판매 순서로만 기록된다', en: 'Stages are recorded only in order: farm → slaughter → processing → sale' }, async (t: GraderContext) => {
    const c = await setup(t)
    const animal = 7n
    const bad = async (stage: bigint, why: Text, current: bigint): Promise<void> => {
      const who = ACTOR[String(stage)]!
      await mustRevert(t, () => c.send('recordStep', [animal, stage], { from: who }), 'out-of-order', {
        ko: `가축 ${animal}의 현재 단계가 ${stageName(current).ko}인데 ${stageName(stage).ko} 기록이 성공했습니다(${why.ko}). 새 단계가 현재 단계 + 1일 때만 받아들이세요.`,
        en: `Animal ${animal} is at ${stageName(current).en}, yet recording ${stageName(stage).en} succeeded (${why.en}). Accept a stage only when it is the current stage + 1.`,
      })
    }
    await bad(SLAUGHTER, { ko: '농장 기록 없이 도축', en: 'slaughter with no farm record' }, 0n)
    await record(t, c, animal, FARM)
    await bad(FARM, { ko: '같은 단계를 두 번', en: 'the same stage twice' }, FARM)
    await bad(PROCESSING, { ko: '도축을 건너뜀', en: 'skipping slaughter' }, FARM)
    await record(t, c, animal, SLAUGHTER)
    await bad(SLAUGHTER, { ko: '같은 단계를 두 번', en: 'the same stage twice' }, SLAUGHTER)
    await expectStage(t, c, animal, SLAUGHTER, { ko: '농장과 도축만 기록된 뒤', en: 'With only farm and slaughter recorded,' })
  }, { after: ['deploys'] })

  g.check('history', { ko: '누구나 전체 이력(단계·기록자·시각)을 읽을 수 있다', en: 'Anyone can read the full history (stage, recorder, time)' }, async (t: GraderContext) => {
    const c = await setup(t)
    const animal = 2018_12n
    const other = 2019_01n
    const times: bigint[] = []
    for (const stage of STAGES) {
      await t.increaseTime(2 * 24 * 3600)
      const tx = await record(t, c, animal, stage)
      const block = await t.request('eth_getBlockByNumber', ['0x' + tx.blockNumber.toString(16), false])
      times.push(BigInt(block.timestamp))
      if (stage === FARM) await record(t, c, other, FARM)
    }
    const length = asBig(await c.call('historyLength', [animal], { from: READER }))
    t.expect(length === 4n, 'history-length', length === 0n
      ? {
          ko: `네 단계를 모두 기록했는데 historyLength(${animal})가 0입니다. recordStep이 아직 아무것도 저장하지 않습니다. history[animalId].push(...)로 단계를 쌓으세요.`,
          en: `All four stages were recorded, but historyLength(${animal}) is 0: recordStep stores nothing yet. Append the step with history[animalId].push(...).`,
        }
      : {
          ko: `네 단계를 모두 기록했는데 historyLength(${animal})가 ${String(length)}입니다. 단계마다 기록을 덮어쓰지 말고 목록에 이어 붙이세요(push).`,
          en: `All four stages were recorded, but historyLength(${animal}) is ${String(length)}. Append each step to a list (push) instead of overwriting it.`,
        })
    for (let i = 0; i < 4; i++) {
      const [stage, actor, time] = triple(await c.call('stepAt', [animal, BigInt(i)], { from: READER }))
      const want = STAGES[i]!
      const who = t.accounts[ACTOR[String(want)]!]!
      t.expect(asBig(stage) === want && same(actor, who), 'history-entry', {
        ko: `stepAt(${animal}, ${i})는 (${want}, ${who}, …)여야 하는데 (${String(stage)}, ${String(actor)}, …)입니다. 순서대로 (단계, 기록한 계정 msg.sender, 시각)을 돌려주세요.`,
        en: `stepAt(${animal}, ${i}) should be (${want}, ${who}, …) but is (${String(stage)}, ${String(actor)}, …). Return (stage, recording account msg.sender, time) in that order.`,
      })
      t.expect(asBig(time) === times[i], 'history-time', {
        ko: `stepAt(${animal}, ${i})의 시각은 그 거래가 담긴 블록의 시각 ${times[i]}(유닉스 초)여야 하는데 ${String(time)}입니다. block.number가 아니라 block.timestamp를 저장하세요.`,
        en: `stepAt(${animal}, ${i})'s time should be the timestamp of the block holding that transaction, ${times[i]} (Unix seconds), but it is ${String(time)}. Store block.timestamp, not block.number.`,
      })
    }
    await expectStage(t, c, animal, SALE, { ko: '판매까지 기록된 뒤', en: 'After the sale was recorded,' })
    await mustRevert(t, () => c.send('recordStep', [animal, SALE], { from: ACTOR['4']! }), 'after-sale', {
      ko: '이미 판매된 가축에 판매 단계를 다시 기록했는데 성공했습니다.',
      en: 'Recording the sale again for an animal already sold succeeded.',
    })
    const otherLength = asBig(await c.call('historyLength', [other], { from: READER }))
    t.expect(otherLength === 1n, 'history-separate', {
      ko: `다른 가축 ${other}는 농장 단계 하나만 기록했으니 historyLength가 1이어야 하는데 ${String(otherLength)}입니다. 이력은 가축 번호마다 따로 두세요.`,
      en: `Animal ${other} only has its farm step, so its historyLength should be 1, but it is ${String(otherLength)}. Keep a separate history per animal id.`,
    })
  }, { after: ['deploys'] })

  g.check('step-events', { ko: '단계마다 StepRecorded 이벤트가 나온다', en: 'Each step emits StepRecorded' }, async (t: GraderContext) => {
    const c = await setup(t)
    const animal = 55n
    for (const stage of STAGES) {
      const tx = await record(t, c, animal, stage)
      const who = t.accounts[ACTOR[String(stage)]!]!
      const found = tx.events.filter((e) => e.name === 'StepRecorded')
      const seen = tx.events.map((e) => e.name).join(', ') || '-'
      t.expect(found.length === 1, 'event-missing', {
        ko: `${stageName(stage).ko} 기록에서 StepRecorded 이벤트가 한 번 나와야 하는데 ${found.length}번 나왔습니다(나온 이벤트: ${seen}). 소비자 앱은 이 이벤트를 구독해 이력을 보여 줍니다.`,
        en: `Recording ${stageName(stage).en} should emit StepRecorded once but emitted it ${found.length} time(s) (events seen: ${seen}). Consumer apps subscribe to this event to show the history.`,
      })
      const block = await t.request('eth_getBlockByNumber', ['0x' + tx.blockNumber.toString(16), false])
      const a = found[0]!.args
      t.expect(asBig(a[0]) === animal && asBig(a[1]) === stage && same(a[2], who) && asBig(a[3]) === BigInt(block.timestamp), 'event-args', {
        ko: `StepRecorded의 인자는 (${animal}, ${stage}, ${who}, ${BigInt(block.timestamp)})여야 하는데 (${String(a[0])}, ${String(a[1])}, ${String(a[2])}, ${String(a[3])})입니다. 순서는 (가축 번호, 단계, 기록한 계정, block.timestamp)입니다.`,
        en: `StepRecorded's arguments should be (${animal}, ${stage}, ${who}, ${BigInt(block.timestamp)}) but were (${String(a[0])}, ${String(a[1])}, ${String(a[2])}, ${String(a[3])}). The order is (animal id, stage, recording account, block.timestamp).`,
      })
    }
  }, { after: ['deploys'] })
}
