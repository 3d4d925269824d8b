/**
 * `console.log` from Solidity, as Hardhat does it: `hardhat/console.sol` makes a static call to
 * the address 0x000000000000000000636F6e736F6c652e6c6f67 with ABI-encoded arguments; the node
 * decodes the call and shows the line. This module turns such calldata into text.
 *
 * The selector table comes from `console.sol` itself (every `abi.encodeWithSignature("log(…)")`),
 * so it matches the file learners import. Formatting follows Hardhat: the first argument, if it is
 * a string, may hold `%s`, `%d`, `%i` and `%o` placeholders filled by the next arguments; the rest
 * are appended with spaces; addresses print checksummed.
 *
 * @module
 */
import { checksumAddress, keccakHex } from '../../crypto/keccak.ts'
import { toHex } from '../../crypto/sha256.ts'

/** Where console.sol sends its calls (the ASCII of "console.log", left-padded). */
export const CONSOLE_ADDRESS = '0x000000000000000000636f6e736f6c652e6c6f67'

export interface ConsoleDecoder {
  /** Number of `log(…)` signatures known. */
  readonly signatures: number
  /** The text of one console.log call, or undefined when the calldata is not one. */
  decode(calldata: Uint8Array): string | undefined
}

type Value = bigint | string | boolean

/**
 * @example
 * const decoder = createConsoleDecoder(consoleSolSource)
 * decoder.decode(calldata) // 'balance 42'
 */
export function createConsoleDecoder(consoleSol: string): ConsoleDecoder {
  const bySelector = new Map<string, string[]>()
  for (const m of consoleSol.matchAll(/encodeWithSignature\("(log\(([^)]*)\))"/g)) {
    const types = m[2]!.length === 0 ? [] : m[2]!.split(',')
    bySelector.set(keccakHex(m[1]!).slice(0, 8), types)
  }
  return {
    signatures: bySelector.size,
    decode(calldata) {
      if (calldata.length < 4) return undefined
      const types = bySelector.get(toHex(calldata.subarray(0, 4)))
      if (types === undefined) return undefined
      try {
        return format(types, types.map((type, i) => decodeValue(calldata, 4, type, i)))
      } catch {
        return undefined
      }
    },
  }
}

function word(data: Uint8Array, offset: number): Uint8Array {
  if (offset + 32 > data.length) throw new RangeError('calldata too short')
  return data.subarray(offset, offset + 32)
}

function toBig(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`)
}

function decodeValue(data: Uint8Array, base: number, type: string, index: number): Value {
  const head = word(data, base + 32 * index)
  if (type === 'uint256' || type === 'uint') return toBig(head)
  if (type === 'int256' || type === 'int') return BigInt.asIntN(256, toBig(head))
  if (type === 'bool') return toBig(head) !== 0n
  if (type === 'address') return checksumAddress(`0x${toHex(head.subarray(12))}`)
  const fixed = /^bytes(\d+)$/.exec(type)
  if (fixed) return `0x${toHex(head.subarray(0, Number(fixed[1])))}`
  if (type === 'string' || type === 'bytes') {
    const at = base + Number(toBig(head))
    const length = Number(toBig(word(data, at)))
    if (at + 32 + length > data.length) throw new RangeError('calldata too short')
    const bytes = data.subarray(at + 32, at + 32 + length)
    return type === 'string' ? new TextDecoder().decode(bytes) : `0x${toHex(bytes)}`
  }
  throw new RangeError(`unsupported type ${type}`)
}

function show(v: Value): string {
  return typeof v === 'bigint' ? v.toString() : String(v)
}

/** Hardhat's formatting: placeholders in a leading string, the rest joined by spaces. */
function format(types: readonly string[], values: Value[]): string {
  if (values.length === 0) return ''
  const [first, ...rest] = values
  if (types[0] !== 'string') return values.map(show).join(' ')
  let used = 0
  const text = String(first).replace(/%[sdio%]/g, (spec) => {
    if (spec === '%%') return '%'
    if (used >= rest.length) return spec
    return show(rest[used++]!)
  })
  return [text, ...rest.slice(used).map(show)].join(' ')
}
