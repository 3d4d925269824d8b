/**
 * Grades one attempt: a fresh network from the lesson's preset, the lesson's `grade.ts` in an
 * isolate, the host operations it asks for, and a result like Exercism's results.json — each
 * check `pass | fail | error` with a message `{code, ko, en}`, and `score` = passed / registered.
 *
 * Environment-neutral: the compiler, the sandbox factory (with its library loader) and the files
 * are injected, so the same engine runs in Node (CLI, tests) and in a browser worker.
 *
 * @module
 */
import { hexToBytes } from 'viem'
import { parse as parseYaml } from 'yaml'
import { keccakHex } from '../../../runtime/crypto/keccak.ts'
import { sha256, sha256Hex, toHex } from '../../../runtime/crypto/sha256.ts'
import type { CompileRequest, CompileResult } from '../../../runtime/compiler/compilerTypes.ts'
import type { Capability } from '../../../sandbox/createSandbox.ts'
import type { JsonValue } from '../../../sandbox/jsonValue.ts'
import type { AttemptNetworkOptions } from './attemptNetwork.ts'
import { createAttemptNetwork } from './attemptNetwork.ts'
import { createContractHost } from './contractHost.ts'
import type { GradingMessage } from './gradingMessage.ts'
import { LearnerFailure, learnerFailure } from './gradingMessage.ts'
import { graderHarnessSource } from './graderHarness.ts'
import type { SandboxFactory } from './learnerScript.ts'
import { runLearnerScript } from './learnerScript.ts'
import { DEV_SANDBOX_START_MS, GRADER_LIMITS } from './sandboxDefaults.ts'
import { sandboxErrorText } from './sandboxErrorText.ts'
import { fromWire, toWire } from './wireValue.ts'

export type CheckStatus = 'pass' | 'fail' | 'error'

export interface CheckResult {
  id: string
  title: { ko: string; en: string }
  status: CheckStatus
  message: GradingMessage
}

export interface GradeResult {
  lesson: string
  /** Passed checks / registered checks, 0 when none ran. */
  score: number
  /** Every check passed. */
  passed: boolean
  checks: CheckResult[]
  /** Set when grading could not start or stopped early (the grader did not load, a limit). */
  error?: GradingMessage
}

/** What the host provides; everything environment-specific is here. */
export interface GradingEnvironment {
  /**
   * The Solidity compiler. It may answer later (a Promise): in a browser it runs in a classic
   * worker of its own (soljson needs `importScripts`), in Node it answers at once.
   */
  compiler: { compile(request: CompileRequest): CompileResult | Promise<CompileResult> }
  /** Creates an isolate; the host binds its library loader (viem) into it. */
  createSandbox: SandboxFactory
  /** hardhat/console.sol's text, so `console.log` lines of transactions are captured. */
  consoleSol?: string | undefined
  customCrypto?: AttemptNetworkOptions['customCrypto']
}

export interface GradeRequest {
  lesson: { id: string; network: string }
  /** The text of the lesson's grade.ts. */
  grader: string
  /** The learner's workspace: path → text. */
  workspace: Record<string, string>
  /** Seed of the attempt's network and the isolates' randomness (default 1). */
  seed?: number
}

const GRADER_FILE = 'grade.ts'
const ANSWERS_FILE = 'answers.yaml'

/**
 * @example
 * const result = await gradeLesson(environment, { lesson, grader: gradeTs, workspace: { 'Counter.sol': source } })
 * result.score // 0.75
 * result.checks[1] // { id: 'increments', status: 'fail', message: { code: 'count-after-increment', ko: '…', en: '…' } }
 */
export async function gradeLesson(environment: GradingEnvironment, request: GradeRequest): Promise<GradeResult> {
  const seed = request.seed ?? 1
  const attempt = await createAttemptNetwork({
    network: request.lesson.network,
    seed,
    consoleSol: environment.consoleSol,
    customCrypto: environment.customCrypto,
  })
  const workspace = { ...request.workspace }
  try {
    const operations = createOperations()

    const registered: { id: string; title: { ko: string; en: string } }[] = []
    const results = new Map<string, CheckResult>()
    const capabilities: Record<string, Capability> = {
      __grader: async (op, payload) => {
        const operation = typeof op === 'string' && Object.hasOwn(operations, op) ? operations[op] : undefined
        if (!operation) return { ok: false, error: `unknown grader operation ${JSON.stringify(op)}`, errorName: 'TypeError' }
        try {
          return { ok: true, value: toWire(await operation(fromWire(payload) as Record<string, unknown> | null)) as JsonValue }
        } catch (error) {
          if (error instanceof LearnerFailure) {
            return { ok: false, failure: { ...error.failure }, ...(error.revert === undefined ? {} : { revert: toWire(error.revert) as JsonValue }) }
          }
          // The name travels apart from the message, so the grader's error reads "TypeError: …" once.
          return error instanceof Error ? { ok: false, error: error.message, errorName: error.name } : { ok: false, error: String(error) }
        }
      },
      __report: (entry) => {
        const e = entry as { registered?: typeof registered; result?: Omit<CheckResult, 'title'> }
        if (e.registered) registered.push(...e.registered)
        if (e.result) {
          const title = registered.find((r) => r.id === e.result!.id)?.title ?? { ko: e.result.id, en: e.result.id }
          results.set(e.result.id, { ...e.result, title })
        }
      },
    }
    const sandbox = environment.createSandbox({
      seed,
      startTimeMs: DEV_SANDBOX_START_MS,
      limits: GRADER_LIMITS,
      capabilities,
      files: { [GRADER_FILE]: request.grader },
    })
    const run = await sandbox.run(
      graderHarnessSource({ lesson: request.lesson, accounts: attempt.accounts, hasSim: attempt.sim !== undefined, graderFile: GRADER_FILE }),
      { filename: '__grade__.js' },
    )
    let error: GradingMessage | undefined
    if (!run.ok) {
      const e = run.error
      const text = sandboxErrorText(e, GRADER_FILE)
      error = {
        code: e.code,
        ko: `채점기를 실행하지 못했습니다(학습자의 잘못이 아닙니다): ${text.ko}`,
        en: `The grader could not run (not your fault): ${text.en}`,
      }
    }
    const checks: CheckResult[] = registered.map(
      (r) =>
        results.get(r.id) ?? {
          id: r.id,
          title: r.title,
          status: 'error',
          message: error ?? { code: 'grader.incomplete', ko: '채점이 끝나기 전에 멈췄습니다.', en: 'Grading stopped before this check ran.' },
        },
    )
    const passedCount = checks.filter((c) => c.status === 'pass').length
    return {
      lesson: request.lesson.id,
      score: checks.length === 0 ? 0 : passedCount / checks.length,
      passed: checks.length > 0 && passedCount === checks.length && error === undefined,
      checks,
      ...(error === undefined ? {} : { error }),
    }
  } finally {
    attempt.close()
  }

  function createOperations(): Record<string, (payload: Record<string, unknown> | null) => Promise<unknown>> {
    const contractsHost = createContractHost({
      attempt,
      compile: (sources) => environment.compiler.compile({ sources }),
      workspaceSources: async () => Object.fromEntries(Object.entries(workspace).filter(([path]) => path.endsWith('.sol'))),
    })
    const p = (payload: Record<string, unknown> | null): Record<string, unknown> => payload ?? {}
    const provider = attempt.provider
    return {
      readFile: async (payload) => {
        const path = String(p(payload).path ?? '').replace(/^\.\//, '')
        if (!Object.hasOwn(workspace, path)) {
          throw learnerFailure('file.missing', `작업 공간에 ${path} 파일이 없습니다. 파일 이름을 바꾸거나 지우지 않았는지 확인하세요.`, `Your workspace has no file ${path}. Check that it was not renamed or deleted.`)
        }
        return workspace[path]
      },
      files: async () => Object.keys(workspace).sort(),
      answers: async () => {
        const text = workspace[ANSWERS_FILE]
        if (text === undefined) return {}
        let parsed: unknown
        try {
          parsed = parseYaml(text)
        } catch (error) {
          const detail = ((error as Error).message.split('\n')[0] ?? '').replace(/:\s*$/, '')
          throw learnerFailure(
            'answers.invalid',
            `${ANSWERS_FILE}을(를) 읽을 수 없습니다(YAML 형식 오류): ${detail}. 한 줄에 "q1: b"처럼 답 하나만 적으세요. 답 뒤에 설명을 붙이려면 따옴표로 감싸세요: q1: "b: 이유"`,
            `${ANSWERS_FILE} cannot be read (not valid YAML): ${detail}. Write one answer per line, like "q1: b". To add words after your answer, quote it: q1: "b: because …"`,
          )
        }
        if (parsed === null || parsed === undefined) return {}
        if (typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw learnerFailure('answers.invalid', `${ANSWERS_FILE}은(는) "q1: b"처럼 한 줄에 하나씩 답을 적는 형식이어야 합니다.`, `${ANSWERS_FILE} should hold one answer per line, like "q1: b".`)
        }
        return parsed
      },
      compile: async (payload) => contractsHost.compile(p(payload).sources as Record<string, string> | undefined),
      deploy: async (payload) => contractsHost.deploy(p(payload) as unknown as Parameters<typeof contractsHost.deploy>[0]),
      at: async (payload) => contractsHost.at(p(payload) as unknown as Parameters<typeof contractsHost.at>[0]),
      call: async (payload) => contractsHost.call(p(payload) as unknown as Parameters<typeof contractsHost.call>[0]),
      send: async (payload) => contractsHost.send(p(payload) as unknown as Parameters<typeof contractsHost.send>[0]),
      events: async (payload) => contractsHost.events(p(payload) as unknown as Parameters<typeof contractsHost.events>[0]),
      balance: async (payload) => contractsHost.balance(p(payload).account),
      sendValue: async (payload) => contractsHost.sendValue(p(payload) as unknown as Parameters<typeof contractsHost.sendValue>[0]),
      sha256: async (payload) => `0x${sha256Hex(String(p(payload).text))}`,
      keccak256: async (payload) => `0x${keccakHex(String(p(payload).text))}`,
      sha256Hex: async (payload) => {
        const hex = p(payload).hex
        if (typeof hex !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError(`sha256Hex(hex): a 0x-prefixed hex string of whole bytes, got ${JSON.stringify(hex)}`)
        return `0x${toHex(sha256(hexToBytes(hex as `0x${string}`)))}`
      },
      blockNumber: async () => BigInt((await provider.request({ method: 'eth_blockNumber' })) as string),
      increaseTime: async (payload) => {
        const seconds = p(payload).seconds
        if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) throw new TypeError(`increaseTime(seconds): a non-negative integer, got ${String(seconds)}`)
        if (attempt.sim !== undefined) throw new TypeError('increaseTime is for the dev chain; on a simulated network use t.sim.runFor(ms)')
        await provider.request({ method: 'evm_increaseTime', params: [seconds] })
        return null
      },
      mine: async (payload) => {
        const blocks = p(payload).blocks
        if (typeof blocks !== 'number' || !Number.isSafeInteger(blocks) || blocks < 1 || blocks > 10_000) throw new TypeError(`mine(blocks): an integer from 1 to 10000, got ${String(blocks)}`)
        if (attempt.sim !== undefined) throw new TypeError('mine is for the dev chain; on a simulated network use t.sim.runFor(ms)')
        await provider.request({ method: 'hardhat_mine', params: [`0x${blocks.toString(16)}`] })
        return null
      },
      request: async (payload) => {
        const { method, params } = p(payload)
        if (typeof method !== 'string') throw new TypeError('request(method, params): method must be a string')
        return provider.request({ method, params: (params as unknown[] | undefined) ?? [] })
      },
      runScript: async (payload) => {
        const { file, call, args, allowError, batch } = p(payload)
        if (typeof file !== 'string') throw new TypeError('runLearnerScript(file): file must be a path')
        if (call !== undefined && call !== null && typeof call !== 'string') throw new TypeError('runLearnerScript: options.call must be an export name')
        if (batch !== undefined && batch !== null && (typeof call !== 'string' || !Array.isArray(batch) || !batch.every(Array.isArray))) {
          throw new TypeError('runLearnerScript: options.batch must be a list of argument lists, with options.call')
        }
        const run = await runLearnerScript(
          { createSandbox: environment.createSandbox, attempt, files: workspace, seed },
          { file, call: (call as string | null | undefined) ?? undefined, args: (args as unknown[] | undefined) ?? [], batch: (batch as unknown[][] | null | undefined) ?? undefined },
        )
        if (run.error !== undefined && allowError !== true) {
          const tail = run.console.slice(-5).join('\n')
          const printed = tail === '' ? '' : `\n${tail}`
          throw learnerFailure(
            ['script.missing', 'script.export-missing', 'script.unawaited', 'script.load-error'].includes(run.error.code) ? run.error.code : 'script.failed',
            ['script.missing', 'script.export-missing', 'script.unawaited', 'script.load-error'].includes(run.error.code) ? run.error.ko : `${file} 실행 중 오류가 났습니다: ${run.error.ko}${printed}`,
            ['script.missing', 'script.export-missing', 'script.unawaited', 'script.load-error'].includes(run.error.code) ? run.error.en : `${file} stopped with an error: ${run.error.en}${printed}`,
          )
        }
        return run
      },
      sim: async (payload) => {
        const sim = attempt.sim
        if (!sim) throw new TypeError('t.sim exists only on simulated networks (the lesson network is dev)')
        const { op, payload: inner } = p(payload)
        if (op === 'apply') return sim.apply(inner)
        if (op === 'query') return sim.query(inner)
        if (op === 'runFor') return sim.runFor(inner as number)
        if (op === 'now') return sim.now()
        throw new TypeError(`unknown sim operation ${String(op)}`)
      },
    }
  }
}
