/**
 * User-facing messages shared by the CLI and (later) the app: a stable code and the text in
 * Korean and English. `{name}` placeholders are filled by {@link formatMessage}.
 *
 * @module
 */

export type Lang = 'ko' | 'en'
export const LANGS: readonly Lang[] = ['ko', 'en']

export interface Message {
  ko: string
  en: string
}

export const MESSAGES = {
  'usage.unknown-command': {
    en: 'Unknown command "{command}". Valid commands: {choices}.',
    ko: '알 수 없는 명령 "{command}"입니다. 사용할 수 있는 명령: {choices}.',
  },
  'usage.unknown-flag': {
    en: 'Unknown flag --{flag} for "playground {command}". Valid flags: {choices}.',
    ko: '"playground {command}"에는 --{flag} 플래그가 없습니다. 사용할 수 있는 플래그: {choices}.',
  },
  'usage.missing-value': {
    en: 'Flag --{flag} needs a value.',
    ko: '--{flag} 플래그에 값이 필요합니다.',
  },
  'usage.bad-value': {
    en: 'Invalid value for --{flag}: expected {expected}, got "{got}".',
    ko: '--{flag} 값이 잘못되었습니다: {expectedKo}이(가) 필요하지만 "{got}"을(를) 받았습니다.',
  },
  'usage.bad-choice': {
    en: 'Invalid value for --{flag}: "{got}". Valid choices: {choices}.',
    ko: '--{flag} 값 "{got}"은(는) 올바르지 않습니다. 가능한 값: {choices}.',
  },
  'usage.conflict': {
    en: 'Use either --{a} or --{b}, not both.',
    ko: '--{a}와 --{b} 중 하나만 쓰세요.',
  },
  'usage.unexpected-argument': {
    en: 'Unexpected argument "{arg}" for "playground {command}".',
    ko: '"playground {command}"에 예상하지 못한 인자 "{arg}"이(가) 있습니다.',
  },
  'app.not-yet': {
    en: 'The {what} is not part of this version yet: it arrives with the app (desktop and web edition). Today you can run the simulator: playground sim --help',
    ko: '{whatKo}은(는) 아직 이 버전에 없습니다. 앱(데스크톱·웹 에디션)과 함께 제공될 예정입니다. 지금은 시뮬레이터를 쓸 수 있습니다: playground sim --help',
  },
  'error.read': {
    en: 'Cannot read {path}: {details}',
    ko: '{path}을(를) 읽을 수 없습니다: {details}',
  },
  'faults.syntax': {
    en: '{path}:{line}:{col}: not valid YAML or JSON: {details}',
    ko: '{path}:{line}:{col}: 올바른 YAML이나 JSON이 아닙니다: {details}',
  },
  'faults.invalid': {
    en: '{path}:{line}: {field}: expected {expected}, got {got}{choices}.',
    ko: '{path}:{line}: {field}: {expectedKo}이(가) 필요하지만 {got}을(를) 받았습니다{choices}.',
  },
  'usage.compile-files': {
    en: 'Name the Solidity files to compile: playground compile FILE.sol [FILE.sol …]',
    ko: '컴파일할 솔리디티 파일을 적어 주세요: playground compile 파일.sol [파일.sol …]',
  },
  'usage.byzantine': {
    en: 'Invalid --byzantine "{got}": expected NODE:STRATEGY[=N][,…] with a node below {nodes} and a strategy among {choices} (=N only for censorship=SENDER or double-spend=CONFIRMATIONS).',
    ko: '--byzantine "{got}"이(가) 올바르지 않습니다: {nodes}보다 작은 노드 번호와 전략({choices})으로 된 NODE:STRATEGY[=N][,…] 형식이어야 합니다 (=N은 censorship=보내는이 또는 double-spend=확인수에만).',
  },
  'error.internal': {
    en: 'Internal error (a bug in Blockchain Playground): {details}',
    ko: '내부 오류(블록체인 놀이터의 버그): {details}',
  },
  'error.io': {
    en: 'Cannot write {path}: {details}',
    ko: '{path}에 쓸 수 없습니다: {details}',
  },
  'rpc.state-corrupt': {
    en: 'The state file {path} cannot be used ({details}). It was left untouched: move it away or name another file with --state.',
    ko: '상태 파일 {path}을(를) 쓸 수 없습니다({details}). 파일은 그대로 두었습니다: 다른 곳으로 옮기거나 --state로 다른 파일을 지정하세요.',
  },
  'rpc.state-replay': {
    en: 'The state file {path} does not replay on this version: {details}. It was left untouched.',
    ko: '상태 파일 {path}을(를) 이 버전에서 다시 실행할 수 없습니다: {details}. 파일은 그대로 두었습니다.',
  },
  'rpc.state-preset': {
    en: 'The state file {path} holds a "{saved}" chain, not "{preset}": start with --preset {saved}, or name another file with --state. It was left untouched.',
    ko: '상태 파일 {path}에는 "{preset}"이(가) 아니라 "{saved}" 체인이 들어 있습니다: --preset {saved}로 시작하거나 --state로 다른 파일을 지정하세요. 파일은 그대로 두었습니다.',
  },
  'rpc.port-in-use': {
    en: 'Port {port} on 127.0.0.1 is already in use (another node? Hardhat, Anvil, an earlier playground rpc). Choose another with --port.',
    ko: '127.0.0.1의 {port}번 포트를 이미 쓰고 있습니다(다른 노드? Hardhat, Anvil, 먼저 띄운 playground rpc). --port로 다른 포트를 고르세요.',
  },
} as const satisfies Record<string, Message>

export type MessageCode = keyof typeof MESSAGES

/** A message ready to print or serialise: `{code, ko, en}`. */
export interface RenderedMessage {
  code: string
  ko: string
  en: string
}

/**
 * Renders `code` with `params` in both languages.
 *
 * @example
 * formatMessage('usage.conflict', { a: 'blocks', b: 'duration' }).en // 'Use either --blocks or --duration, not both.'
 */
export function formatMessage(code: MessageCode, params: Record<string, string | number> = {}): RenderedMessage {
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`))
  const m: Message = MESSAGES[code]
  return { code, ko: fill(m.ko), en: fill(m.en) }
}
