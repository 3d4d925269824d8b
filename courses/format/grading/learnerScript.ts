/**
 * Runs one of the learner's scripts in a fresh isolate against the attempt's network: the
 * workspace's files are importable relative to each other; `viem` and `playground` resolve;
 * nothing else does. Optionally calls a named export with the grader's arguments, so a grader can
 * test a learner's function on inputs of its own choosing.
 *
 * When the script is idle (awaiting a timer — viem polling for a receipt), the simulated network
 * is advanced to the sandbox's clock, so waiting for a block finishes, the same way every run.
 *
 * @module
 */
import { keccakHex } from '../../../runtime/crypto/keccak.ts'
import { sha256Hex } from '../../../runtime/crypto/sha256.ts'
import type { Capability, Sandbox, SandboxOptions } from '../../../sandbox/createSandbox.ts'
import type { AttemptNetwork } from './attemptNetwork.ts'
import { DEV_SANDBOX_START_MS, SCRIPT_LIMITS } from './sandboxDefaults.ts'
import { playgroundModuleSource } from './playgroundModule.ts'
import { sandboxErrorText } from './sandboxErrorText.ts'
import { fromWire, toWire, WIRE_VALUE_JS } from './wireValue.ts'

export type SandboxFactory = (options: SandboxOptions) => Sandbox

export interface ScriptRunResult {
  console: string[]
  returnValue: unknown
  error?: { code: string; ko: string; en: string; line?: number; column?: number; file?: string }
}

export interface LearnerScriptRequest {
  file: string
  call?: string | undefined
  args?: unknown[] | undefined
  /** Argument lists: `call` once per list in the same isolate; the results come back as an array. */
  batch?: unknown[][] | undefined
}

export interface LearnerScriptContext {
  createSandbox: SandboxFactory
  attempt: AttemptNetwork
  /** Every text file of the workspace, path → text. */
  files: Record<string, string>
  seed: number
}

const SCRIPT_EXTENSIONS = /\.(ts|js|mjs)$/

/**
 * @example
 * const run = await runLearnerScript(context, { file: 'mine.ts', call: 'mine', args: [block, 2] })
 * run.returnValue // the nonce the learner's function found
 */
export async function runLearnerScript(context: LearnerScriptContext, request: LearnerScriptRequest): Promise<ScriptRunResult> {
  const { attempt, files } = context
  const file = request.file.replace(/^\.\//, '')
  if (!Object.hasOwn(files, file)) {
    return {
      console: [],
      returnValue: undefined,
      error: { code: 'script.missing', ko: `스크립트 파일 ${file}이(가) 작업 공간에 없습니다.`, en: `The script ${file} is not in your workspace.`, file },
    }
  }
  if (!SCRIPT_EXTENSIONS.test(file)) throw new TypeError(`runLearnerScript(file): ${file} is not a .ts or .js file`)
  const entry = `${WIRE_VALUE_JS}
import * as learner from './${file}'
const callName = ${JSON.stringify(request.call ?? null)}
const callArgs = fromWire(${JSON.stringify(toWire(request.args ?? []))})
// Imports have run: an error from here on is the called function's, not the file's loading.
__pg_phase('call')
const batch = fromWire(${JSON.stringify(request.batch === undefined ? null : toWire(request.batch))})
// A promise inside the returned value is almost always a missing \`await\`: name where it is.
function findPromise(value, path, seen) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  if (typeof value.then === 'function') return path
  if (seen.has(value)) return undefined
  seen.add(value)
  for (const key of Object.keys(value)) {
    const found = findPromise(value[key], Array.isArray(value) ? path + '[' + key + ']' : path + '.' + key, seen)
    if (found !== undefined) return found
  }
  return undefined
}
function settle(value) {
  const pending = findPromise(value, 'result', new Set())
  return pending === undefined ? { value: toWire(value) } : { unawaited: pending }
}
let result
if (callName !== null) {
  const fn = learner[callName]
  if (typeof fn !== 'function') result = { missingExport: callName, exports: Object.keys(learner) }
  else if (batch !== null) {
    const values = []
    for (const args of batch) values.push(await fn(...args))
    result = settle(values)
  } else result = settle(await fn(...callArgs))
} else {
  let value = await learner.default
  if (typeof value === 'function') value = await value()
  result = settle(value)
}
export default result
`
  let loaded = false
  const capabilities: Record<string, Capability> = {
    __pg_phase: () => {
      loaded = true
    },
    __pg_chain: async (args) => toWire(await attempt.provider.request(fromWire(args) as { method: string; params?: unknown[] })),
    __pg_sim: async (op, payload) => {
      const sim = attempt.sim
      if (!sim) throw new Error('sim is only available on simulated networks')
      if (op === 'apply') return toWire(await sim.apply(fromWire(payload)))
      if (op === 'query') return toWire(sim.query(fromWire(payload)))
      if (op === 'runFor') return sim.runFor(payload as number)
      if (op === 'now') return sim.now()
      throw new Error(`unknown sim operation ${String(op)}`)
    },
    __pg_readFile: (path) => {
      if (typeof path !== 'string' || !Object.hasOwn(files, path.replace(/^\.\//, ''))) throw new Error(`readFile: no file ${String(path)} in the workspace`)
      return files[path.replace(/^\.\//, '')]!
    },
    __pg_sha256: (text) => `0x${sha256Hex(String(text))}`,
    __pg_keccak256: (text) => `0x${keccakHex(String(text))}`,
  }
  const startMs = DEV_SANDBOX_START_MS
  const netStartMs = attempt.nowMs()
  const sandbox = context.createSandbox({
    seed: context.seed,
    limits: SCRIPT_LIMITS,
    startTimeMs: startMs,
    capabilities,
    modules: { playground: playgroundModuleSource({ accounts: attempt.accounts, chainId: 31337, hasSim: attempt.sim !== undefined }) },
    files,
    onIdle: async ({ nextTimerMs }) => {
      // The network follows the script's clock: a timer due at +4 s lets the network run 4 s.
      if (attempt.sim !== undefined && nextTimerMs !== undefined) await attempt.advanceToMs(netStartMs + (nextTimerMs - startMs))
      return false
    },
  })
  const run = await sandbox.run(entry, { filename: '__run__.js' })
  const lines = run.console.map((l) => l.text)
  if (!run.ok) {
    const e = run.error
    const text = sandboxErrorText(e, file)
    if (!loaded && e.code === 'sandbox.script-error') {
      // The file itself did not load (a syntax error, or top-level code that throws): say so,
      // rather than blame whichever function the grader meant to call.
      return {
        console: lines,
        returnValue: undefined,
        error: {
          code: 'script.load-error',
          ko: `${file}을(를) 불러오다가 멈췄습니다(함수를 부르기 전, 파일 맨 위 수준의 코드나 문법 오류): ${e.messages.ko}`,
          en: `${file} stopped while loading, before any function was called (a syntax error, or code at the top level of the file): ${e.messages.en}`,
          ...(e.line === undefined ? {} : { line: e.line }),
          ...(e.column === undefined ? {} : { column: e.column }),
          ...(e.file === undefined ? {} : { file: e.file }),
        },
      }
    }
    return {
      console: lines,
      returnValue: undefined,
      error: {
        code: e.code,
        ko: text.ko,
        en: text.en,
        ...(e.line === undefined ? {} : { line: e.line }),
        ...(e.column === undefined ? {} : { column: e.column }),
        ...(e.file === undefined ? {} : { file: e.file }),
      },
    }
  }
  const result = run.value as { value?: unknown; missingExport?: string; exports?: string[]; unawaited?: string } | undefined
  if (result?.unawaited !== undefined) {
    const where = result.unawaited === 'result' ? '' : ` (${result.unawaited.replace(/^result\.?/, '')})`
    return {
      console: lines,
      returnValue: undefined,
      error: {
        code: 'script.unawaited',
        ko: `${file}이(가) 돌려준 값${where}이 아직 끝나지 않은 Promise입니다. 그 호출 앞에 await를 붙였는지 확인하세요.`,
        en: `${file} returned a Promise${where} that was never awaited. Check that the call has \`await\` in front of it.`,
        file,
      },
    }
  }
  if (result?.missingExport !== undefined) {
    const list = (result.exports ?? []).join(', ') || '—'
    return {
      console: lines,
      returnValue: undefined,
      error: {
        code: 'script.export-missing',
        ko: `${file}에서 \`${result.missingExport}\` 함수를 export하지 않았습니다. export된 것: ${list}. \`export function ${result.missingExport}(…)\` 형태인지 확인하세요.`,
        en: `${file} does not export a function \`${result.missingExport}\`. Exported: ${list}. Check that it is declared as \`export function ${result.missingExport}(…)\`.`,
        file,
      },
    }
  }
  return { console: lines, returnValue: fromWire(result?.value) }
}
