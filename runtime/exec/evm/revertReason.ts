/**
 * Revert data to something a person can read. A reverted call returns bytes: Solidity's
 * `require(cond, "msg")` / `revert("msg")` encode `Error(string)`, compiler-inserted checks
 * (overflow, division by zero, bad index…) encode `Panic(uint256)`, and `revert MyError(…)`
 * encodes a custom error. JSON-RPC reports them as `execution reverted: …` with the raw bytes in
 * `data`, as geth and Hardhat do.
 *
 * Decoding never throws on the bytes: revert data comes from arbitrary contracts, and a
 * malformed `Error(string)` is reported as a custom error rather than crashing the node.
 *
 * @module
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { BaseError } from '../../errors/base.ts'
import type { Bilingual } from '../../errors/input.ts'

/** `bytes4(keccak256("Error(string)"))` */
export const ERROR_SELECTOR = '0x08c379a0'
/** `bytes4(keccak256("Panic(uint256)"))` */
export const PANIC_SELECTOR = '0x4e487b71'

export type DecodedRevert =
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly reason: string }
  | { readonly kind: 'panic'; readonly code: bigint; readonly reason: Bilingual }
  /** Anything else: a custom error (or malformed data); `selector` is the first (up to 4) bytes. */
  | { readonly kind: 'custom'; readonly selector: string; readonly data: string }

/** The Solidity panic codes (docs: "Panic via assert and Error via require"). */
export const PANIC_REASONS: ReadonlyMap<bigint, Readonly<Bilingual>> = new Map([
  [0x00n, { en: 'generic compiler panic', ko: '일반 컴파일러 panic' }],
  [0x01n, { en: 'assertion failed', ko: 'assert 조건이 거짓입니다' }],
  [0x11n, { en: 'arithmetic underflow or overflow', ko: '산술 연산 오버플로 또는 언더플로' }],
  [0x12n, { en: 'division or modulo by zero', ko: '0으로 나누기 또는 0으로 나머지 연산' }],
  [0x21n, { en: 'invalid enum value (conversion out of range)', ko: '범위를 벗어난 값을 enum으로 변환' }],
  [0x22n, { en: 'invalid encoded storage byte array accessed', ko: '잘못 인코딩된 storage 바이트 배열에 접근' }],
  [0x31n, { en: 'pop on an empty array', ko: '빈 배열에서 pop() 호출' }],
  [0x32n, { en: 'array index out of bounds', ko: '배열 인덱스가 범위를 벗어남' }],
  [0x41n, { en: 'out of memory (allocation too large)', ko: '메모리 부족 (너무 큰 메모리 할당)' }],
  [0x51n, { en: 'call to an uninitialized internal function', ko: '초기화되지 않은 내부 함수 호출' }],
])

const UNKNOWN_PANIC: Readonly<Bilingual> = { en: 'unknown panic code', ko: '알 수 없는 panic 코드' }

/**
 * @example
 * decodeRevert('0x4e487b710000000000000000000000000000000000000000000000000000000000000011')
 * // { kind: 'panic', code: 17n, reason: { en: 'arithmetic underflow or overflow', ko: '산술 연산 오버플로 또는 언더플로' } }
 */
export function decodeRevert(data: Uint8Array | string): DecodedRevert {
  const bytes = toBytes(data)
  if (bytes.length === 0) return { kind: 'empty' }
  const selector = `0x${bytesToHex(bytes.subarray(0, 4))}`
  const body = bytes.subarray(4)
  if (selector === ERROR_SELECTOR) {
    const reason = decodeString(body)
    if (reason !== undefined) return { kind: 'error', reason }
  } else if (selector === PANIC_SELECTOR && body.length >= 32) {
    const code = readWord(body, 0)
    return { kind: 'panic', code, reason: { ...(PANIC_REASONS.get(code) ?? UNKNOWN_PANIC) } }
  }
  return { kind: 'custom', selector, data: `0x${bytesToHex(bytes)}` }
}

/**
 * The JSON-RPC error message for a revert, in geth's and Hardhat's wording.
 *
 * @example
 * revertMessage({ kind: 'error', reason: 'not owner' }) // 'execution reverted: not owner'
 * revertMessage(decodeRevert(panic0x11)) // 'execution reverted: panic: arithmetic underflow or overflow (0x11)'
 */
export function revertMessage(decoded: DecodedRevert): string {
  switch (decoded.kind) {
    case 'empty':
      return 'execution reverted'
    case 'error':
      return `execution reverted: ${decoded.reason}`
    case 'panic':
      return `execution reverted: panic: ${decoded.reason.en} (0x${decoded.code.toString(16).padStart(2, '0')})`
    case 'custom':
      return `execution reverted: custom error ${decoded.selector}`
  }
}

/** ABI `(string)` after the selector, or undefined when it is not well formed. */
function decodeString(body: Uint8Array): string | undefined {
  if (body.length < 64) return undefined
  const offset = readWord(body, 0)
  if (offset > BigInt(body.length - 32)) return undefined
  const start = Number(offset)
  const length = readWord(body, start)
  if (length > BigInt(body.length - start - 32)) return undefined
  // Invalid UTF-8 becomes U+FFFD, as in viem and ethers: the bytes stay in `data` for whoever needs them.
  return new TextDecoder().decode(body.subarray(start + 32, start + 32 + Number(length)))
}

function readWord(bytes: Uint8Array, offset: number): bigint {
  return BigInt(`0x${bytesToHex(bytes.subarray(offset, offset + 32))}`)
}

function toBytes(data: Uint8Array | string): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (typeof data === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(data)) return hexToBytes(data.slice(2))
  // Not revert data at all (a caller bug), unlike malformed ABI inside valid bytes.
  throw new BaseError(`decodeRevert: data must be bytes or an even-length 0x hex string, got ${JSON.stringify(String(data).slice(0, 20))}.`, {
    code: 'revert.invalid-data',
  })
}
