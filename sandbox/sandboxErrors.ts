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
  | 'sandbox.source'
  | 'sandbox.import'
  | 'sandbox.stalled'
  | 'sandbox.result'
  | 'sandbox.script-error'
  | 'sandbox.library'

export interface SandboxErrorParameters {
  code: SandboxErrorCode
  message: Bilingual
  /** The learner's error name and message (`sandbox.script-error`), or the refused module. */
  details?: string | undefined
  /** The learner's file the position is in (`main.js`, `mine.ts`, `lib/util.ts`). */
  file?: string | undefined
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
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined

  constructor({ code, message, details, file, line, column }: SandboxErrorParameters) {
    super(message.en, { code, details })
    this.code = code
    this.messages = message
    this.file = file
    this.line = line
    this.column = column
  }

  /** The same message in Korean. */
  get messageKo(): string {
    return this.messages.ko
  }
}

/** The limits a run can breach, each with its own code. */
export type SandboxLimitName = 'cpu' | 'wall' | 'memory' | 'stack' | 'output' | 'timers' | 'source'

/** A limit was breached; `amount` is the configured limit, shown to the learner. */
export function limitError(limit: SandboxLimitName, amount: number): SandboxError {
  return new SandboxError({ code: `sandbox.${limit}`, message: LIMIT_MESSAGES[limit](amount) })
}

const LIMIT_MESSAGES: Record<SandboxLimitName, (amount: number) => Bilingual> = {
  cpu: (n) => ({
    en: `The script ran too long: it used its ${n} CPU steps (an endless loop, or waiting for something that never comes — an event, a receipt — by polling?).`,
    ko: `스크립트가 너무 오래 실행되었습니다: CPU 단계 ${n}개를 모두 썼습니다 (무한 루프이거나, 오지 않는 것—이벤트, 영수증—을 계속 확인하며 기다렸나요?).`,
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
  source: (n) => ({
    en: `The script is too large to run (its files exceed ${n} bytes).`,
    ko: `스크립트가 너무 커서 실행할 수 없습니다 (파일 합계가 ${n}바이트를 넘습니다).`,
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

/**
 * The learner's script threw (or rejected) and did not catch it. `file` is the learner's file the
 * position is in; the entry file is named only when the run has other files.
 */
export function scriptError(name: string, message: string, line?: number, column?: number, file?: string): SandboxError {
  const at = file === undefined ? '' : `${file}, `
  const atKo = file === undefined ? '' : `${file} `
  const where = line === undefined ? (file === undefined ? '' : ` (${file})`) : column === undefined ? ` (${at}line ${line})` : ` (${at}line ${line}, column ${column})`
  const whereKo = line === undefined ? (file === undefined ? '' : ` (${file})`) : column === undefined ? ` (${atKo}${line}행)` : ` (${atKo}${line}행 ${column}열)`
  return new SandboxError({
    code: 'sandbox.script-error',
    details: `${name}: ${message}`,
    file,
    line,
    column,
    message: {
      en: `The script threw ${name}: ${message}${where}`,
      ko: `스크립트에서 ${name} 오류가 발생했습니다: ${message}${whereKo}`,
    },
  })
}

/**
 * The learner's source does not parse (sucrase for TypeScript, QuickJS for JavaScript). A syntax
 * error is a script error (`details` starts with `SyntaxError: `) with the file, line and column.
 *
 * @example
 * syntaxError('Unexpected token', 'mine.ts', 2, 8).message // 'The script threw SyntaxError: Unexpected token (mine.ts, line 2, column 8)'
 */
export function syntaxError(message: string, file: string, line?: number, column?: number): SandboxError {
  return scriptError('SyntaxError', message, line, column, file)
}

/** The host could not supply a library the script imports (the isolate bundle is missing or broken). */
export function libraryError(module: string, reason: string): SandboxError {
  return new SandboxError({
    code: 'sandbox.library',
    details: `${module}: ${reason}`,
    message: {
      en: `The library "${module}" could not be loaded into the sandbox (${reason}). Rebuild with \`npm run build\`.`,
      ko: `라이브러리 "${module}"을(를) 샌드박스에 불러오지 못했습니다 (${reason}). \`npm run build\`로 다시 빌드하세요.`,
    },
  })
}
