/**
 * The RPC relay's wire format, shared by both ends of both editions: the JSON-RPC server on
 * 127.0.0.1 (the `playground web` server, or Electron main) sends each client request to the app
 * as a {@link RelayRequest}; the app answers with a {@link RelayReply}. The relay id is the
 * relay's own counter, never the client's JSON-RPC id (the server keeps that and puts it back), so
 * a batch or two clients using the same id never mix up.
 *
 * Also here: the port rule and the relay's bilingual messages, which the page, the web server
 * and Electron main all show. No zod here (the renderer loads this file): the schemas that main
 * and the web server check with are in relaySchemas.ts.
 *
 * @module
 */
import { BaseError } from '../../../runtime/errors/base.ts'

/** The web server's WebSocket path the page connects to (same origin as the page). */
export const RPC_RELAY_PATH = '/rpc-relay'
/** Lowest port the relay opens: ports below 1024 need administrator rights on most systems. */
export const RELAY_MIN_PORT = 1024
export const RELAY_MAX_PORT = 65535
/** How long a client's request may wait for the app's answer. */
export const RELAY_TIMEOUT_MS = 30_000
/**
 * Largest message the web server takes from the page. Requests are capped at 5 MiB by the JSON-RPC
 * server, but answers are not (a `debug_traceTransaction` of a big transaction runs to megabytes),
 * and the page is the server's own: the cap only stops a runaway.
 */
export const RELAY_MAX_MESSAGE_BYTES = 64 * 1024 * 1024

/** One client request, as the app receives it (checked by `relayRequestSchema` / {@link parseRelayRequest}). */
export interface RelayRequest {
  /** The relay's own id (not the client's JSON-RPC id). */
  id: number
  method: string
  params?: unknown[] | Record<string, unknown>
}

/**
 * {@link RelayRequest}'s check without zod, for the renderer: building a zod object schema probes
 * `new Function('')`, which the product CSP refuses *and reports* as a violation even though zod
 * catches it. So the page and the Electron renderer never load relaySchemas.ts. Returns the
 * request, or undefined when `value` is not exactly one.
 *
 * @example
 * parseRelayRequest({ id: 1, method: 'eth_chainId' }) // { id: 1, method: 'eth_chainId' }
 * parseRelayRequest({ id: 1, method: 'eth_chainId', extra: 1 }) // undefined
 */
export function parseRelayRequest(value: unknown): RelayRequest | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { id, method, params, ...rest } = value as Record<string, unknown>
  if (Object.keys(rest).length > 0) return undefined
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return undefined
  if (typeof method !== 'string' || method.length < 1 || method.length > 256) return undefined
  if (params === undefined) return 'params' in (value as object) ? undefined : { id, method }
  if (typeof params !== 'object' || params === null) return undefined
  return { id, method, params: params as NonNullable<RelayRequest['params']> }
}

/** What the app answers one request with: a result or a JSON-RPC error. */
export type RelayOutcome = { result: unknown } | { error: { code: number; message: string; data?: unknown } }

/** The app's answer to the request with relay id `id`. */
export type RelayReply = { id: number } & RelayOutcome

/** `close`: free the port, then close the WebSocket (so the page knows when the port is free). */
export type PageToServer = { type: 'expose'; port: number } | { type: 'reply'; id: number; outcome: RelayOutcome } | { type: 'close' }

/** Web server → page over the WebSocket. */
export type ServerToPage =
  | { type: 'exposed'; url: string; port: number }
  | { type: 'refused'; error: RelayText }
  | ({ type: 'request' } & RelayRequest)

/** A user-facing relay message: a stable code and the text in Korean and English. */
export interface RelayText {
  code: string
  ko: string
  en: string
}

const TEXT = {
  'rpc-relay.port-invalid': {
    en: 'Cannot expose JSON-RPC on port {port}: choose a whole number from 1024 to 65535 (ports below 1024 need administrator rights), e.g. 8545.',
    ko: '{port}번 포트로 JSON-RPC를 열 수 없습니다: 1024부터 65535까지의 정수를 고르세요(1024 미만은 관리자 권한이 필요합니다). 예: 8545.',
  },
  'rpc-relay.port-in-use': {
    en: 'Port {port} on 127.0.0.1 is already in use (another node, Hardhat, or an earlier exposure?). Choose another port, or stop the program that uses it.',
    ko: '127.0.0.1의 {port}번 포트를 이미 쓰고 있습니다(다른 노드, Hardhat, 또는 앞서 연 포트?). 다른 포트를 고르거나 그 포트를 쓰는 프로그램을 멈추세요.',
  },
  'rpc-relay.listen-failed': {
    en: 'Could not open JSON-RPC on 127.0.0.1:{port}: {details}',
    ko: '127.0.0.1:{port}에 JSON-RPC를 열지 못했습니다: {details}',
  },
  'rpc-relay.already-exposed': {
    en: 'This connection already exposes a port: close it first, or open another connection.',
    ko: '이 연결은 이미 포트를 열어 두었습니다: 먼저 닫거나 새 연결을 여세요.',
  },
  'rpc-relay.timeout': {
    en: 'The app did not answer {method} within {seconds} s. Is the app (or its browser tab) still open, with the simulator running?',
    ko: '앱이 {seconds}초 안에 {method}에 답하지 않았습니다. 앱(또는 브라우저 탭)이 열려 있고 시뮬레이터가 돌고 있는지 확인하세요.',
  },
  'rpc-relay.disconnected': {
    en: 'The app is gone (its window or tab closed or reloaded), so this JSON-RPC port is closing. Expose it again from the app.',
    ko: '앱이 닫혔거나 새로 고쳐져서 이 JSON-RPC 포트를 닫습니다. 앱에서 다시 여세요.',
  },
  'rpc-relay.subscriptions': {
    en: '{method} is not available through the app relay (it answers requests but carries no pushes from the app). Poll instead: eth_newFilter / eth_newBlockFilter and eth_getFilterChanges, or viem/ethers polling.',
    ko: '앱 릴레이로는 {method}을(를) 쓸 수 없습니다(요청에 답할 뿐 앱의 푸시는 전하지 않습니다). 대신 폴링하세요: eth_newFilter / eth_newBlockFilter와 eth_getFilterChanges, 또는 viem·ethers의 폴링.',
  },
  'rpc-relay.connect-failed': {
    en: 'Could not reach the relay of the playground web server at {url}. Is `playground web` still running?',
    ko: '{url}의 놀이터 웹 서버 릴레이에 연결하지 못했습니다. `playground web`이 아직 실행 중인지 확인하세요.',
  },
  'rpc-relay.closed': {
    en: 'The relay connection closed before the port was opened ({details}).',
    ko: '포트를 열기 전에 릴레이 연결이 닫혔습니다({details}).',
  },
} as const

export type RelayTextCode = keyof typeof TEXT

/**
 * @example
 * relayText('rpc-relay.port-in-use', { port: 8545 }).en // 'Port 8545 on 127.0.0.1 is already in use …'
 */
export function relayText(code: RelayTextCode, params: Record<string, string | number> = {}): RelayText {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`))
  return { code, ko: fill(TEXT[code].ko), en: fill(TEXT[code].en) }
}

/** A relay failure the app shows: `code`, and the text in English (`shortMessage`) and Korean. */
export class RpcRelayError extends BaseError {
  override name = 'RpcRelayError'
  readonly en: string
  readonly ko: string

  /**
   * @example
   * throw new RpcRelayError(relayText('rpc-relay.port-invalid', { port: 80 }))
   */
  constructor(text: RelayText, cause?: unknown) {
    super(text.en, { code: text.code, cause })
    this.en = text.en
    this.ko = text.ko
  }

  get messageKo(): string {
    return this.ko
  }
}

/**
 * The port rule of every exposure: an integer from 1024 to 65535. Returns the refusal, or
 * undefined when `port` may be tried (whether it is free is only known by listening).
 *
 * @example
 * checkRelayPort(80)?.code // 'rpc-relay.port-invalid'
 * checkRelayPort(8545) // undefined
 */
export function checkRelayPort(port: unknown): RelayText | undefined {
  if (typeof port === 'number' && Number.isInteger(port) && port >= RELAY_MIN_PORT && port <= RELAY_MAX_PORT) return undefined
  return relayText('rpc-relay.port-invalid', { port: typeof port === 'number' ? port : JSON.stringify(port) ?? String(port) })
}
