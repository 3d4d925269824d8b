import { describe, expect, it } from 'vitest'
import type { GradeRequest } from '../../../../courses/format/grading/gradeLesson.ts'
import { gradeLesson } from '../../../../courses/format/grading/gradeLesson.ts'
import { nodeGradingEnvironment } from '../../../../app/cli/lessons/nodeGradingEnvironment.ts'

const COUNTER = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Counter {
  uint256 public count;
  event Incremented(address indexed by, uint256 newCount);
  error TooBig(uint256 value);
  function increment() public { count += 1; emit Incremented(msg.sender, count); }
  function set(uint256 value) public { if (value > 100) revert TooBig(value); count = value; }
}
`
const STARTER = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Counter {
  uint256 public count;
  event Incremented(address indexed by, uint256 newCount);
  function increment() public { }
  function set(uint256 value) public { count = value; }
}
`

const COUNTER_GRADER = `
import type { Contract, Grader } from '@playground/grader'
export default function grade(g: Grader): void {
  let counter: Contract | undefined
  g.check('deploys', { ko: '배포된다', en: 'It deploys' }, async (t) => {
    counter = await t.deploy('Counter')
  })
  g.check('increments', { ko: '1 올린다', en: 'It adds one' }, async (t) => {
    const result = await counter!.send('increment', [], { from: 1 })
    const count: bigint = await counter!.call('count')
    t.expect(count === 1n, 'count-after-increment', { ko: 'count가 1이어야 합니다: ' + count, en: 'count should be 1, got ' + count })
    const event = result.events.find((e) => e.name === 'Incremented')
    t.expect(event !== undefined && event.args.by === t.accounts[1] && event.args[1] === 1n, 'event', { ko: '이벤트가 없습니다', en: 'No Incremented event' })
  }, { after: ['deploys'] })
  g.check('rejects-big', { ko: '큰 값을 거부한다', en: 'It rejects big values' }, async (t) => {
    const info = await t.reverts(() => counter!.send('set', [101n]))
    t.expect(info.errorName === 'TooBig' && info.errorArgs![0] === 101n, 'wrong-error', { ko: 'TooBig(101)이어야 합니다', en: 'Expected TooBig(101)' })
  }, { after: ['deploys'] })
}
`

let environment: Awaited<ReturnType<typeof nodeGradingEnvironment>> | undefined
async function grade(request: Omit<GradeRequest, 'lesson'> & { lesson?: GradeRequest['lesson'] }) {
  environment ??= await nodeGradingEnvironment()
  return gradeLesson(environment, { lesson: { id: 'test-lesson', network: 'dev' }, ...request })
}

describe('gradeLesson', () => {
  it('passes a correct contract on every check, with bigints, events and custom errors', async () => {
    const result = await grade({ grader: COUNTER_GRADER, workspace: { 'Counter.sol': COUNTER } })
    expect(result.checks.map((c) => [c.id, c.status, c.message.code])).toEqual([
      ['deploys', 'pass', 'check.passed'],
      ['increments', 'pass', 'check.passed'],
      ['rejects-big', 'pass', 'check.passed'],
    ])
    expect(result).toMatchObject({ lesson: 'test-lesson', score: 1, passed: true })
  })

  it('fails the starter with the grader\'s own message and the revert that did not happen', async () => {
    const result = await grade({ grader: COUNTER_GRADER, workspace: { 'Counter.sol': STARTER } })
    expect(result.passed).toBe(false)
    expect(result.score).toBeCloseTo(1 / 3)
    const byId = Object.fromEntries(result.checks.map((c) => [c.id, c]))
    expect(byId.increments).toMatchObject({ status: 'fail', message: { code: 'count-after-increment', en: 'count should be 1, got 0' } })
    expect(byId['rejects-big']).toMatchObject({ status: 'fail', message: { code: 'tx.did-not-revert' } })
  })

  it('fails dependent checks as blocked when the contract does not compile, naming the line', async () => {
    const result = await grade({ grader: COUNTER_GRADER, workspace: { 'Counter.sol': COUNTER.replace('count += 1;', 'count += 1') } })
    expect(result.checks[0]).toMatchObject({ id: 'deploys', status: 'fail', message: { code: 'compile.failed' } })
    expect(result.checks[0]!.message.en).toMatch(/Counter\.sol:7:\d+/)
    expect(result.checks[1]).toMatchObject({ status: 'fail', message: { code: 'check.blocked' } })
    expect(result.checks[1]!.message.ko).toContain('배포된다')
  })

  it('tells a missing function and a different contract name apart from a broken grader', async () => {
    const renamed = await grade({ grader: COUNTER_GRADER, workspace: { 'Counter.sol': COUNTER.replace('contract Counter', 'contract Tally') } })
    expect(renamed.checks[0]).toMatchObject({ status: 'fail', message: { code: 'contract.missing' } })
    expect(renamed.checks[0]!.message.en).toContain('Tally')
    const missing = await grade({ grader: COUNTER_GRADER, workspace: { 'Counter.sol': COUNTER.replace('function increment()', 'function incr()') } })
    expect(missing.checks[1]).toMatchObject({ status: 'fail', message: { code: 'contract.function-missing' } })
  })

  it('reports a grader bug as error, never as the learner failing', async () => {
    const grader = `export default function grade(g) {
      g.check('broken', { ko: '고장', en: 'Broken' }, async () => { const x = undefined; x.y = 1 })
      g.check('fine', { ko: '정상', en: 'Fine' }, async () => {})
    }`
    const result = await grade({ grader, workspace: {} })
    expect(result.checks[0]).toMatchObject({ id: 'broken', status: 'error', message: { code: 'grader.error' } })
    expect(result.checks[0]!.message.en).toMatch(/TypeError.*grade\.ts:2/)
    expect(result.checks[1]).toMatchObject({ status: 'pass' })
    expect(result.score).toBe(0.5)
    expect(result.passed).toBe(false)
  })

  it('names a host error once ("TypeError: …", never "Error: TypeError: …")', async () => {
    const grader = `export default function grade(g) {
      g.check('bad-call', { ko: '잘못된 호출', en: 'Bad call' }, async (t) => { await t.runLearnerScript('main.ts', { call: 5 }) })
    }`
    const result = await grade({ grader, workspace: { 'main.ts': 'export function main() { return 1 }' } })
    expect(result.checks[0]).toMatchObject({ status: 'error', message: { code: 'grader.error' } })
    expect(result.checks[0]!.message.en).toContain('TypeError: runLearnerScript: options.call must be an export name')
    expect(result.checks[0]!.message.en).not.toContain('Error: TypeError')
  })

  it('reports a check held up by an errored one as error too, and one held up by a failure as blocked', async () => {
    const grader = `export default function grade(g) {
      g.check('broken', { ko: '고장', en: 'Broken' }, async () => { throw new TypeError('grader bug') })
      g.check('learner', { ko: '학습자', en: 'Learner' }, async (t) => t.fail('nope', { ko: '아니요', en: 'no' }))
      g.check('after-broken', { ko: '고장 다음', en: 'After broken' }, async () => {}, { after: ['broken'] })
      g.check('after-learner', { ko: '학습자 다음', en: 'After learner' }, async () => {}, { after: ['learner'] })
    }`
    const result = await grade({ grader, workspace: {} })
    expect(result.checks.map((c) => [c.id, c.status, c.message.code])).toEqual([
      ['broken', 'error', 'grader.error'],
      ['learner', 'fail', 'nope'],
      ['after-broken', 'error', 'check.blocked-by-error'],
      ['after-learner', 'fail', 'check.blocked'],
    ])
    expect(result.checks[2]!.message.ko).toContain('「고장」')
    expect(result.checks[2]!.message.en).toContain('not your fault')
  })

  it('keeps the results before a grader breaks a sandbox limit and errors the rest', async () => {
    const grader = `export default function grade(g) {
      g.check('first', { ko: '첫째', en: 'First' }, () => {})
      g.check('loops', { ko: '무한', en: 'Loops' }, () => { for (;;) {} })
      g.check('never', { ko: '못 감', en: 'Never' }, () => {})
    }`
    const result = await grade({ grader, workspace: {} })
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'error', 'error'])
    expect(result.error?.code).toBe('sandbox.cpu')
  })

  it("runs learner scripts with the grader's inputs (bigints both ways) and fails on their errors with the line", async () => {
    const grader = `export default function grade(g) {
      g.check('doubles', { ko: '두 배', en: 'Doubles' }, async (t) => {
        const run = await t.runLearnerScript('math.ts', { call: 'double', args: [21n] })
        t.expect(run.returnValue === 42n, 'double', { ko: '42가 아닙니다', en: 'Not 42: ' + String(run.returnValue) })
        t.expect(run.console.includes('doubling 21'), 'console', { ko: '출력 없음', en: 'No output' })
      })
      g.check('hash', { ko: '해시', en: 'Hash' }, async (t) => {
        const run = await t.runLearnerScript('math.ts', { call: 'hash', args: ['abc'] })
        t.expect(run.returnValue === '0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' && run.returnValue === await t.sha256('abc'), 'sha', { ko: '다름', en: 'Different: ' + run.returnValue })
      })
      g.check('throws', { ko: '오류', en: 'Throws' }, async (t) => { await t.runLearnerScript('math.ts', { call: 'broken' }) })
      g.check('missing', { ko: '없음', en: 'Missing' }, async (t) => { await t.runLearnerScript('math.ts', { call: 'nothing' }) })
    }`
    const script = `import { sha256 } from 'playground'
export function double(x: bigint): bigint {
  console.log('doubling', String(x))
  return x * 2n
}
export const hash = (text: string): string => sha256(text)
export function broken(): never {
  throw new Error('oops')
}
`
    const result = await grade({ grader, workspace: { 'math.ts': script } })
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'fail', 'fail'])
    expect(result.checks[2]!.message.code).toBe('script.failed')
    expect(result.checks[2]!.message.en).toMatch(/oops \(math\.ts, line 8, column \d+\)$/)
    expect(result.checks[3]!.message.code).toBe('script.export-missing')
    expect(result.checks[3]!.message.en).toContain('double')
  })

  it('gives a simulated network to sim lessons and grades the same way twice', async () => {
    const grader = `export default function grade(g) {
      g.check('runs', { ko: '실행', en: 'Runs' }, async (t) => {
        const run = await t.runLearnerScript('watch.ts')
        const heads = await t.sim.query({ type: 'heads' })
        t.expect(typeof run.returnValue === 'number' && run.returnValue > 0, 'height', { ko: '높이 없음', en: 'No height: ' + JSON.stringify(run.returnValue) })
        t.expect(Array.isArray(heads) || typeof heads === 'object', 'heads', { ko: '없음', en: 'No heads' })
      })
    }`
    const script = `import { sim } from 'playground'
export default async function () {
  await sim.runFor(120_000)
  const status = await sim.query({ type: 'status' })
  return status.blocks
}`
    const first = await grade({ grader, workspace: { 'watch.ts': script }, lesson: { id: 'sim-lesson', network: 'pow-lan' } })
    const second = await grade({ grader, workspace: { 'watch.ts': script }, lesson: { id: 'sim-lesson', network: 'pow-lan' } })
    expect(first.checks[0]!.status, JSON.stringify(first.checks[0])).toBe('pass')
    expect(second).toEqual(first)
  })
})

describe('quiz answers', () => {
  const grader = `export default function grade(g) {
    for (const [id, answer] of [['q1', 'b'], ['q2', 'c'], ['q3', 'a'], ['q4', 'd']]) {
      g.check(id, { ko: id + ' 문제', en: 'Question ' + id }, async (t) => {
        const letter = await t.choice(id, 'abcd')
        t.expect(letter === answer, 'wrong-answer', { ko: id + ': 다시 생각해 보세요', en: id + ': think again' })
      })
    }
  }`
  it('reads answers generously and says what to write when one is missing or not a choice', async () => {
    const result = await grade({ grader, workspace: { 'answers.yaml': 'Q1: (B)\nq2: c. because of the table\nq3: z\n' } })
    expect(result.error).toBeUndefined()
    expect(result.checks.map((c) => [c.id, c.status, c.message.code])).toEqual([
      ['q1', 'pass', 'check.passed'],
      ['q2', 'pass', 'check.passed'],
      ['q3', 'fail', 'quiz.not-a-choice'],
      ['q4', 'fail', 'quiz.no-answer'],
    ])
    expect(result.checks[3]!.message.en).toContain('one of a, b, c, d')
    expect(result.checks[2]!.message.en).not.toContain('numbers')
    const broken = await grade({ grader, workspace: { 'answers.yaml': 'q1: [unclosed\n' } })
    expect(broken.checks[0]!.message.code).toBe('answers.invalid')
  })
})

describe('time travel and plain transfers', () => {
  it('moves the dev chain forward in time and in blocks, and sends value between accounts', async () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Clock {
  uint256 public immutable born = block.timestamp;
  function age() external view returns (uint256) { return block.timestamp - born; }
}
`
    const grader = `export default function grade(g) {
      g.check('time', { ko: '시간', en: 'Time' }, async (t) => {
        const clock = await t.deploy('Clock')
        const before = await t.blockNumber()
        await t.increaseTime(3600)
        await t.mine(2)
        t.expect(await t.blockNumber() === before + 2n, 'blocks', { ko: '블록', en: 'blocks: ' + (await t.blockNumber()) })
        const age = await clock.call('age')
        t.expect(age >= 3600n && age < 3700n, 'age', { ko: '나이', en: 'age ' + age })
      })
      g.check('value', { ko: '송금', en: 'Value' }, async (t) => {
        const before = await t.balance(2)
        await t.sendValue(2, 10n ** 18n, { from: 3 })
        t.expect((await t.balance(t.accounts[2])) - before === 10n ** 18n, 'balance', { ko: '잔액', en: 'balance' })
      })
    }`
    const result = await grade({ grader, workspace: { 'Clock.sol': source } })
    expect(result.checks.map((c) => [c.id, c.status, c.message.en])).toEqual([
      ['time', 'pass', 'Time'],
      ['value', 'pass', 'Value'],
    ])
  })
})

describe('messages for common learner mistakes', () => {
  it('names a promise that was never awaited, a missing .sol file and a pinned compiler version', async () => {
    const grader = `export default function grade(g) {
      g.check('script', { ko: '스크립트', en: 'Script' }, async (t) => { await t.runLearnerScript('app.ts', { call: 'main' }) })
      g.check('deploy', { ko: '배포', en: 'Deploy' }, async (t) => { await t.deploy('Counter') })
    }`
    const script = 'async function read(): Promise<number> { return 1 }\nexport function main() { return { greeting: read() } }\n'
    const noSol = await grade({ grader, workspace: { 'app.ts': script } })
    expect(noSol.checks[0]).toMatchObject({ status: 'fail', message: { code: 'script.unawaited' } })
    expect(noSol.checks[0]!.message.en).toContain('(greeting)')
    expect(noSol.checks[1]).toMatchObject({ status: 'fail', message: { code: 'source.missing' } })
    const pinned = await grade({ grader, workspace: { 'app.ts': script, 'Counter.sol': 'pragma solidity 0.8.19;\ncontract Counter {}\n' } })
    expect(pinned.checks[1]).toMatchObject({ status: 'fail', message: { code: 'compile.failed' } })
    expect(pinned.checks[1]!.message.en).toContain('pragma solidity ^0.8.20;')
  })
})

describe('batched script calls', () => {
  it('calls an export once per argument list in one isolate (top-level code runs once)', async () => {
    const grader = `export default function grade(g) {
      g.check('batch', { ko: '묶음', en: 'Batch' }, async (t) => {
        const run = await t.runLearnerScript('math.ts', { call: 'square', batch: [[2n], [3n], [-4n]] })
        t.expect(JSON.stringify(run.returnValue.map(String)) === '["4","9","16"]', 'values', { ko: '값', en: 'values ' + run.returnValue })
        t.expect(run.console.filter((l) => l === 'loaded').length === 1, 'once', { ko: '한 번', en: 'loaded ' + run.console.length })
      })
    }`
    const script = "console.log('loaded')\nexport const square = (x: bigint): bigint => x * x\n"
    const result = await grade({ grader, workspace: { 'math.ts': script } })
    expect(result.checks[0]).toMatchObject({ status: 'pass' })
  })
})

describe('where a script failed', () => {
  it('tells an error while the file loads from an error in the called function', async () => {
    const grader = `export default function grade(g) {
      g.check('call', { ko: '호출', en: 'Call' }, async (t) => { await t.runLearnerScript('lib.ts', { call: 'f' }) })
    }`
    const loading = await grade({ grader, workspace: { 'lib.ts': "export function f() { return 1 }\nconst demo: number = (undefined as any).x\n" } })
    expect(loading.checks[0]!.message.code).toBe('script.load-error')
    expect(loading.checks[0]!.message.en).toMatch(/while loading.*line 2/)
    const calling = await grade({ grader, workspace: { 'lib.ts': "export function f(): number { throw new Error('inside') }\n" } })
    expect(calling.checks[0]!.message.code).toBe('script.failed')
    expect(calling.checks[0]!.message.en).toContain('inside')
  })
})
