/**
 * The JavaScript that runs a lesson's `grade.ts` inside the isolate: it builds the `Grader` and
 * `GraderContext` of graderApi.ts on top of two capabilities — `__grader(op, payload)` (the host's
 * operations, JSON in and out) and `__report(result)` (one check's outcome, sent as soon as it is
 * known, so a grader that later breaks a sandbox limit still keeps the results before it) — then
 * runs the registered checks one by one.
 *
 * How an outcome is decided (the rules in graderApi.ts):
 * - the check's function returns → pass;
 * - it throws a LearnerFailure (from `t.fail`, `t.expect`, or a host operation the learner's work
 *   made fail) → fail, with that message;
 * - anything else → error: the grader or the platform broke, not the learner.
 *
 * @module
 */
import { WIRE_VALUE_JS } from './wireValue.ts'

export interface HarnessOptions {
  lesson: { id: string; network: string }
  accounts: readonly string[]
  hasSim: boolean
  /** The grader's module path among the isolate's files. */
  graderFile: string
}

/**
 * @example
 * sandbox.run(graderHarnessSource({ lesson, accounts, hasSim: false, graderFile: 'grade.ts' }), { filename: '__grade__.js' })
 */
export function graderHarnessSource(options: HarnessOptions): string {
  return `${WIRE_VALUE_JS}
import grade from './${options.graderFile}'
const hostCall = __grader
const report = __report
const CHECK_ID = /^[a-z0-9][a-z0-9._:-]*$/

function failure(code, ko, en, revert) {
  const e = new Error(en)
  e.name = 'LearnerFailure'
  e.code = code
  e.ko = ko
  e.en = en
  if (revert !== undefined) e.revert = revert
  return e
}
function isText(t) {
  return t !== null && typeof t === 'object' && typeof t.ko === 'string' && t.ko.trim() !== '' && typeof t.en === 'string' && t.en.trim() !== ''
}
async function host(op, payload) {
  const r = await hostCall(op, toWire(payload === undefined ? null : payload))
  if (r.ok) return fromWire(r.value)
  if (r.failure) throw failure(r.failure.code, r.failure.ko, r.failure.en, r.revert === undefined ? undefined : fromWire(r.revert))
  const e = new Error(r.error)
  if (typeof r.errorName === 'string' && r.errorName !== '') e.name = r.errorName
  throw e
}
function event(e) {
  const args = e.argList.slice()
  for (const k of Object.keys(e.argNamed)) args[k] = e.argNamed[k]
  return Object.freeze({ name: e.name, address: e.address, args })
}
function txResult(r) {
  return Object.freeze({ hash: r.hash, blockNumber: r.blockNumber, gasUsed: r.gasUsed, events: r.events.map(event), console: r.console })
}
function options(o) {
  return o === undefined || o === null ? {} : { from: o.from, value: o.value }
}
function contract(d) {
  return Object.freeze({
    address: d.address,
    name: d.name,
    functions: Object.freeze(d.functions.slice()),
    call: (fn, args, o) => host('call', Object.assign({ address: d.address, fn, args: args === undefined ? [] : args }, options(o))),
    send: async (fn, args, o) => txResult(await host('send', Object.assign({ address: d.address, fn, args: args === undefined ? [] : args }, options(o)))),
    events: async (name) => (await host('events', { address: d.address, name })).map(event),
  })
}
function message(code, text, what) {
  if (typeof code !== 'string' || code === '') throw new TypeError(what + ': code must be a non-empty string')
  if (!isText(text)) throw new TypeError(what + '(' + JSON.stringify(code) + '): the message must be { ko, en }, both non-empty')
}

const lesson = Object.freeze(${JSON.stringify(options.lesson)})
const t = Object.freeze({
  lesson,
  accounts: Object.freeze(${JSON.stringify(options.accounts)}),
  readFile: (path) => host('readFile', { path }),
  files: () => host('files'),
  answers: () => host('answers'),
  async choice(question, letters) {
    if (typeof question !== 'string' || question === '') throw new TypeError('choice(question, letters): question must be the answer key, e.g. "q1"')
    if (typeof letters !== 'string' || !/^[a-z]+$/.test(letters)) throw new TypeError('choice(question, letters): letters must be the choice letters, e.g. "abcd"')
    const answers = await host('answers')
    const key = Object.hasOwn(answers, question) ? question : Object.keys(answers).find((k) => k.trim().toLowerCase() === question.toLowerCase())
    const raw = key === undefined ? undefined : answers[key]
    const text = raw === undefined || raw === null ? '' : String(raw).trim().toLowerCase()
    const choices = letters.split('').join(', ')
    if (text === '') {
      throw failure('quiz.no-answer',
        question + '에 아직 답이 없습니다. answers.yaml에서 "' + question + ':" 뒤에 보기 글자 하나(' + choices + ' 가운데)를 적으세요.',
        question + ' has no answer yet. In answers.yaml write one choice letter (one of ' + choices + ') after "' + question + ':".')
    }
    // 'b', 'B', ' b ', '(b)', 'b)', 'b.', 'b: text' and 'b. text' all mean b.
    const match = /^\\(?([a-z])\\)?[.):]?(?:\\s[\\s\\S]*)?$/.exec(text)
    if (!match || !letters.includes(match[1])) {
      const numbered = /^[1-9]/.test(text)
      throw failure('quiz.not-a-choice',
        question + '의 답 ' + JSON.stringify(raw) + '은(는) 보기 글자가 아닙니다. ' + choices + ' 가운데 글자 하나만 적으세요.' + (numbered ? ' (번호가 아니라 글자입니다: 1번 → a, 2번 → b …)' : ''),
        question + "'s answer " + JSON.stringify(raw) + ' is not one of the choice letters. Write a single letter: one of ' + choices + '.' + (numbered ? ' (Letters, not numbers: 1 → a, 2 → b, …)' : ''))
    }
    return match[1]
  },
  compile: (sources) => host('compile', { sources }),
  deploy: async (name, o) => contract(await host('deploy', Object.assign({ name }, o === undefined || o === null ? {} : { args: o.args, from: o.from, value: o.value, sources: o.sources }))),
  at: async (name, address, sources) => contract(await host('at', { name, address, sources })),
  async reverts(action) {
    if (typeof action !== 'function') throw new TypeError('reverts(action): action must be a function returning a promise')
    try {
      await action()
    } catch (e) {
      if (e && e.name === 'LearnerFailure' && e.code === 'tx.reverted') return Object.freeze(Object.assign({}, e.revert))
      throw e
    }
    throw failure('tx.did-not-revert', '되돌려져야(revert) 하는 호출이 성공했습니다. 잘못된 입력을 거부하는 검사(require, revert)가 있는지 확인하세요.', 'A call that should revert succeeded. Check that your contract rejects this input (require / revert).')
  },
  balance: (account) => host('balance', { account }),
  sendValue: async (to, value, o) => txResult(await host('sendValue', { to, value, from: o === undefined || o === null ? undefined : o.from })),
  blockNumber: () => host('blockNumber'),
  sha256: (text) => host('sha256', { text }),
  keccak256: (text) => host('keccak256', { text }),
  sha256Hex: (hex) => host('sha256Hex', { hex }),
  increaseTime: (seconds) => host('increaseTime', { seconds }),
  mine: (blocks) => host('mine', { blocks: blocks === undefined ? 1 : blocks }),
  request: (method, params) => host('request', { method, params: params === undefined ? [] : params }),
  runLearnerScript: (file, o) => host('runScript', Object.assign({ file }, o === undefined || o === null ? {} : { call: o.call, args: o.args, batch: o.batch, allowError: o.allowError === true })),
  sim: ${
    options.hasSim
      ? `Object.freeze({
    apply: (command) => host('sim', { op: 'apply', payload: command }),
    query: (query) => host('sim', { op: 'query', payload: query }),
    runFor: (ms) => host('sim', { op: 'runFor', payload: ms }),
    now: () => host('sim', { op: 'now', payload: null }),
  })`
      : 'undefined'
  },
  fail(code, text) {
    message(code, text, 'fail')
    throw failure(code, text.ko, text.en)
  },
  expect(condition, code, text) {
    message(code, text, 'expect')
    if (!condition) throw failure(code, text.ko, text.en)
  },
})

const checks = []
const registry = Object.freeze({
  check(id, title, run, opts) {
    if (typeof id !== 'string' || !CHECK_ID.test(id)) throw new TypeError('check(id): id must be kebab-case (a-z, 0-9, -), got ' + JSON.stringify(id))
    if (checks.some((c) => c.id === id)) throw new TypeError('check(id): ' + JSON.stringify(id) + ' is registered twice')
    if (!isText(title)) throw new TypeError('check(' + JSON.stringify(id) + '): the title must be { ko, en }, both non-empty')
    if (typeof run !== 'function') throw new TypeError('check(' + JSON.stringify(id) + '): the third argument must be a function')
    const after = opts && Array.isArray(opts.after) ? opts.after.slice() : []
    checks.push({ id, title: { ko: title.ko, en: title.en }, run, after })
  },
})

if (typeof grade !== 'function') throw new TypeError('grade.ts must export a default function grade(g)')
await grade(registry)
if (checks.length === 0) throw new TypeError('grade.ts registered no checks')
report({ registered: checks.map((c) => ({ id: c.id, title: c.title })) })

function where(e) {
  const stack = e && typeof e.stack === 'string' ? e.stack : ''
  const m = new RegExp(${JSON.stringify(`${escapeRegExp(options.graderFile)}:(\\d+)(?::(\\d+))?`)}).exec(stack)
  return m ? ' (' + ${JSON.stringify(options.graderFile)} + ':' + m[1] + (m[2] ? ':' + m[2] : '') + ')' : ''
}
const outcome = new Map()
for (const c of checks) {
  const blockers = c.after.filter((id) => outcome.get(id) !== 'pass')
  let result
  if (blockers.length > 0) {
    const titles = blockers.map((id) => { const b = checks.find((x) => x.id === id); return b ? b.title : { ko: id, en: id } })
    // A check held up by one the grader could not run is the grader's problem too, not the learner's.
    const byError = blockers.some((id) => outcome.get(id) === 'error')
    result = byError
      ? {
          id: c.id,
          status: 'error',
          message: {
            code: 'check.blocked-by-error',
            ko: '먼저 돌아야 하는 검사가 채점기 문제로 실행되지 못해 이 검사도 건너뛰었습니다(학습자의 잘못이 아닙니다): ' + titles.map((x) => '「' + x.ko + '」').join(', '),
            en: 'Skipped because a check it depends on could not run (a grader problem, not your fault): ' + titles.map((x) => '"' + x.en + '"').join(', '),
          },
        }
      : {
          id: c.id,
          status: 'fail',
          message: {
            code: 'check.blocked',
            ko: '먼저 통과해야 하는 검사가 있습니다: ' + titles.map((x) => '「' + x.ko + '」').join(', '),
            en: 'This needs another check to pass first: ' + titles.map((x) => '"' + x.en + '"').join(', '),
          },
        }
  } else {
    try {
      await c.run(t)
      result = { id: c.id, status: 'pass', message: { code: 'check.passed', ko: c.title.ko, en: c.title.en } }
    } catch (e) {
      if (e && e.name === 'LearnerFailure' && typeof e.code === 'string') {
        result = { id: c.id, status: 'fail', message: { code: e.code, ko: e.ko, en: e.en } }
      } else {
        const text = e instanceof Error ? e.name + ': ' + e.message : String(e)
        result = {
          id: c.id,
          status: 'error',
          message: {
            code: 'grader.error',
            ko: '채점기 자체에 문제가 생겼습니다(학습자의 잘못이 아닙니다): ' + text + where(e),
            en: 'The grader itself failed (not your fault): ' + text + where(e),
          },
        }
      }
    }
  }
  outcome.set(c.id, result.status)
  report({ result })
}
export default checks.length
`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
