/**
 * Why a sandbox run failed, with a stable `code` and the message in English and Korean. A breached
 * limit names the limit (DESIGN.md: "sandbox limits (which limit)"), so a learner reads "your
 * script used too much memory" rather than a QuickJS internal error; the learner's own exception
 * comes back as `sandbox.script-error` with its line and column.
 *
 * @module
 */
import { BaseError } from '../runtime/errors/base.ts'
import type { Bilingual } from '../runtime/errors/input.ts'

/** The stable codes of a failed run. */
export type SandboxErrorCode =
  | 'sandbox.cpu'
  | 'sandbox.wall'
  | 'sandbox.memory'
  | 'sandbox.stack'
  | 'sandbox.output'
  | 'sandbox.timers'
  | 'sandbox.import'
  | 'sandbox.stalled'
  | 'sandbox.result'
  | 'sandbox.script-error'

export interface SandboxErrorParameters {
  code: SandboxErrorCode
  message: Bilingual
  /** The learner's error name and message (`sandbox.script-error`), or the refused module. */
  details?: string | undefined
  /** 1-based line of the learner's source, when QuickJS reports it. */
  line?: number | undefined
  /** 1-based column of the learner's source, when QuickJS reports it. */
  column?: number | undefined
}

/**
 * @example
 * const result = await sandbox.run('while (true) {}')
 * if (!result.ok && result.error.code === 'sandbox.cpu') console.log(result.error.messageKo)
 */
export class SandboxError extends BaseError {
  override name = 'SandboxError'
  override readonly code: SandboxErrorCode
  readonly messages: Bilingual
  readonly line: number | undefined
  readonly column: number | undefined

  constructor({ code, message, details, line, column }: SandboxErrorParameters) {
    super(message.en, { code, details })
    this.code = code
    this.messages = message
    this.line = line
    this.column = column
  }

  /** The same message in Korean. */
  get messageKo(): string {
    return this.messages.ko
  }
}

/** The limits a run can breach, each with its own code. */
export type SandboxLimitName = 'cpu' | 'wall' | 'memory' | 'stack' | 'output' | 'timers'

/** A limit was breached; `amount` is the configured limit, shown to the learner. */
export function limitError(limit: SandboxLimitName, amount: number): SandboxError {
  return new SandboxError({ code: `sandbox.${limit}`, message: LIMIT_MESSAGES[limit](amount) })
}

const LIMIT_MESSAGES: Record<SandboxLimitName, (amount: number) => Bilingual> = {
  cpu: (n) => ({
    en: `The script ran too long: it used its ${n} CPU steps (an endless loop?).`,
    ko: `스크립트가 너무 오래 실행되었습니다: CPU 단계 ${n}개를 모두 썼습니다 (무한 루프인가요?).`,
  }),
  wall: (n) => ({
    en: `The script did not finish within ${n} ms of real time.`,
    ko: `스크립트가 실제 시간 ${n}ms 안에 끝나지 않았습니다.`,
  }),
  memory: (n) => ({
    en: `The script used too much memory (limit ${n} bytes).`,
    ko: `스크립트가 메모리를 너무 많이 썼습니다 (한도 ${n}바이트).`,
  }),
  stack: (n) => ({
    en: `The script recursed too deeply (stack limit ${n} bytes).`,
    ko: `스크립트의 재귀가 너무 깊습니다 (스택 한도 ${n}바이트).`,
  }),
  output: (n) => ({
    en: `The script printed too much (console output limit ${n} bytes).`,
    ko: `스크립트가 너무 많이 출력했습니다 (콘솔 출력 한도 ${n}바이트).`,
  }),
  timers: (n) => ({
    en: `The script created too many timers (limit ${n}).`,
    ko: `스크립트가 타이머를 너무 많이 만들었습니다 (한도 ${n}개).`,
  }),
}

/** `import` of a module that is not on the allowed list. */
export function importError(module: string): SandboxError {
  return new SandboxError({
    code: 'sandbox.import',
    details: module,
    message: {
      en: `The script may not import "${module}": there is no such module in the sandbox.`,
      ko: `스크립트는 "${module}"을(를) 가져올 수 없습니다: 샌드박스에 없는 모듈입니다.`,
    },
  })
}

/** The script waits for something that can never happen: no timers, no host calls left. */
export function stalledError(): SandboxError {
  return new SandboxError({
    code: 'sandbox.stalled',
    message: {
      en: 'The script is waiting for a promise that nothing will ever resolve.',
      ko: '스크립트가 아무것도 이행하지 않을 프로미스를 기다리고 있습니다.',
    },
  })
}

/** The default export cannot be turned into JSON (a BigInt, a cycle). */
export function resultError(details: string): SandboxError {
  return new SandboxError({
    code: 'sandbox.result',
    details,
    message: {
      en: 'The default export is not a JSON value.',
      ko: '기본 내보내기(default export)가 JSON 값이 아닙니다.',
    },
  })
}

/** The learner's script threw (or rejected) and did not catch it. */
export function scriptError(name: string, message: string, line?: number, column?: number): SandboxError {
  const where = line === undefined ? '' : column === undefined ? ` (line ${line})` : ` (line ${line}, column ${column})`
  const whereKo = line === undefined ? '' : column === undefined ? ` (${line}행)` : ` (${line}행 ${column}열)`
  return new SandboxError({
    code: 'sandbox.script-error',
    details: `${name}: ${message}`,
    line,
    column,
    message: {
      en: `The script threw ${name}: ${message}${where}`,
      ko: `스크립트에서 ${name} 오류가 발생했습니다: ${message}${whereKo}`,
    },
  })
}
