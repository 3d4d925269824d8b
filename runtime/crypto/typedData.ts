/**
 * EIP-712 typed structured data hashing, as MetaMask's `eth_signTypedData_v4` and viem's
 * `hashTypedData` do it: `keccak256(0x1901 ‖ hashStruct(EIP712Domain, domain) ‖ hashStruct(primaryType, message))`.
 *
 * Values are accepted the way JSON-RPC carries them (numbers, decimal or hex strings, bigints,
 * hex byte strings) because the JSON-RPC server hands wallet requests straight to this module.
 * Every bad input is a `BaseError` with code `typed-data.invalid` whose message names the path
 * of the field at fault (e.g. `message.to.wallet`), so a learner can find the typo.
 *
 * @see https://eips.ethereum.org/EIPS/eip-712
 * @module
 */
import { concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import { BaseError } from '../errors/base.ts'
import { checksumAddress, keccak_256 } from './keccak.ts'

/** One member of a struct type: `{ name: 'wallet', type: 'address' }`. */
export interface TypedDataField {
  readonly name: string
  readonly type: string
}

/** Struct definitions by name; `EIP712Domain` may be given, otherwise it is derived from the domain. */
export type TypedDataTypes = Readonly<Record<string, readonly TypedDataField[]>>

/** The EIP-712 domain. The standard fields are typed; a custom `EIP712Domain` may use others. */
export interface TypedDataDomain {
  readonly name?: string | undefined
  readonly version?: string | undefined
  readonly chainId?: number | bigint | string | undefined
  readonly verifyingContract?: string | undefined
  readonly salt?: string | Uint8Array | undefined
  readonly [field: string]: unknown
}

/** The argument of `eth_signTypedData_v4` (its second parameter, parsed). */
export interface TypedDataDefinition {
  readonly domain?: TypedDataDomain | undefined
  readonly types: TypedDataTypes
  /** The struct `message` is an instance of; `EIP712Domain` signs the domain alone. */
  readonly primaryType: string
  readonly message?: Readonly<Record<string, unknown>> | undefined
}

/** Code of every error this module throws. */
export const TYPED_DATA_INVALID = 'typed-data.invalid'

/**
 * The 32-byte EIP-712 signing hash of typed data.
 *
 * @example
 * const digest = hashTypedData({
 *   domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
 *   types: { Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }], Mail: [...] },
 *   primaryType: 'Mail',
 *   message: { from: {...}, to: {...}, contents: 'Hello, Bob!' },
 * })
 * // 0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2 (the EIP's own example)
 */
export function hashTypedData(typedData: TypedDataDefinition): Uint8Array {
  if (typedData === null || typeof typedData !== 'object') throw invalid('typedData', 'must be an object', typedData)
  const domain = typedData.domain ?? {}
  if (domain === null || typeof domain !== 'object') throw invalid('domain', 'must be an object', domain)
  const types = resolveTypes(typedData.types, domain)
  const { primaryType } = typedData
  if (typeof primaryType !== 'string' || !Object.hasOwn(types, primaryType)) {
    throw invalid('primaryType', `must name one of the types (${Object.keys(types).join(', ')})`, primaryType)
  }
  const parts = [Uint8Array.of(0x19, 0x01), hashStructAt('domain', 'EIP712Domain', domain, types)]
  // primaryType `EIP712Domain` signs the domain alone (viem and eth-sig-util agree).
  if (primaryType !== 'EIP712Domain') parts.push(hashStructAt('message', primaryType, typedData.message, types))
  return keccak_256(concatBytes(...parts))
}

/**
 * The domain separator: `hashStruct(EIP712Domain, domain)`. `EIP712Domain` is derived from the
 * fields present unless `types.EIP712Domain` is given.
 *
 * @example
 * hashDomain({ name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCC…cccC' })
 * // 0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f
 */
export function hashDomain(domain: TypedDataDomain, types: TypedDataTypes = {}): Uint8Array {
  return hashStructAt('domain', 'EIP712Domain', domain, resolveTypes(types, domain))
}

/**
 * `hashStruct(s) = keccak256(typeHash ‖ encodeData(s))` of one struct value.
 *
 * @example
 * hashStruct('Person', { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }, types)
 */
export function hashStruct(primaryType: string, data: Readonly<Record<string, unknown>>, types: TypedDataTypes): Uint8Array {
  const all = resolveTypes(types, {})
  if (!Object.hasOwn(all, primaryType)) throw invalid('primaryType', 'must name one of the types', primaryType)
  return hashStructAt('data', primaryType, data, all)
}

/**
 * The type string hashed into `typeHash`: the struct, then its dependencies sorted by name.
 *
 * @example
 * encodeType('Mail', types) // 'Mail(Person from,Person to,string contents)Person(string name,address wallet)'
 */
export function encodeType(primaryType: string, types: TypedDataTypes): string {
  const deps = new Set<string>()
  collectDependencies(primaryType, types, deps)
  deps.delete(primaryType)
  // Default sort (UTF-16 code units) is what the EIP's reference code and every wallet use.
  return [primaryType, ...[...deps].sort()]
    .map((name) => `${name}(${(types[name] ?? []).map((f) => `${f.type} ${f.name}`).join(',')})`)
    .join('')
}

/**
 * The `EIP712Domain` fields for a domain, in the EIP's order, for the fields that are present
 * (not `undefined` or `null`).
 *
 * @example
 * domainFields({ name: 'Permit', chainId: 1 }) // [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }]
 */
export function domainFields(domain: TypedDataDomain): TypedDataField[] {
  const fields: TypedDataField[] = []
  if (domain.name != null) fields.push({ name: 'name', type: 'string' })
  if (domain.version != null) fields.push({ name: 'version', type: 'string' })
  if (domain.chainId != null) fields.push({ name: 'chainId', type: 'uint256' })
  if (domain.verifyingContract != null) fields.push({ name: 'verifyingContract', type: 'address' })
  if (domain.salt != null) fields.push({ name: 'salt', type: 'bytes32' })
  return fields
}

// ---------------------------------------------------------------------------------------------
// Types

const INTEGER = /^(u?int)(\d+)$/
const FIXED_BYTES = /^bytes(\d+)$/
const ARRAY_SUFFIX = /\[(\d*)\]$/

/** Validates `types` (shape, names, every field type known) and adds the derived `EIP712Domain`. */
function resolveTypes(types: unknown, domain: TypedDataDomain): TypedDataTypes {
  if (types === null || typeof types !== 'object' || Array.isArray(types)) throw invalid('types', 'must be an object of struct definitions', types)
  const given = types as Record<string, unknown>
  const all: Record<string, readonly TypedDataField[]> = { EIP712Domain: domainFields(domain) }
  for (const [name, fields] of Object.entries(given)) {
    // A struct name that parses as a Solidity type would be ambiguous to other implementations.
    if (!/^[A-Za-z0-9_$:]+$/.test(name) || isAtomic(name) || /^(u?int|bytes)\d*$/.test(name)) {
      throw invalid(`types.${name}`, 'is not a valid struct name (letters, digits, _ $ :, and not a Solidity type)')
    }
    if (!Array.isArray(fields)) throw invalid(`types.${name}`, 'must be an array of { name, type }', fields)
    const seen = new Set<string>()
    fields.forEach((field: unknown, i) => {
      const at = `types.${name}[${i}]`
      if (field === null || typeof field !== 'object') throw invalid(at, 'must be { name, type }', field)
      const { name: fieldName, type } = field as Record<string, unknown>
      if (typeof fieldName !== 'string' || fieldName === '') throw invalid(`${at}.name`, 'must be a non-empty string', fieldName)
      if (typeof type !== 'string' || type === '') throw invalid(`${at}.type`, 'must be a non-empty string', type)
      if (seen.has(fieldName)) throw invalid(`types.${name}.${fieldName}`, 'is defined twice')
      seen.add(fieldName)
    })
    all[name] = fields as TypedDataField[]
  }
  for (const [name, fields] of Object.entries(all)) {
    for (const field of fields) {
      const base = field.type.replace(/(\[\d*\])+$/, '')
      if (!Object.hasOwn(all, base) && !isAtomic(base) && !isDynamic(base)) {
        throw invalid(`types.${name}.${field.name}`, `has unknown type "${field.type}" (not a struct in types, nor an EIP-712 atomic type)`)
      }
    }
  }
  return all
}

function isAtomic(type: string): boolean {
  if (type === 'address' || type === 'bool') return true
  const int = INTEGER.exec(type)
  if (int) {
    const bits = Number(int[2])
    return bits >= 8 && bits <= 256 && bits % 8 === 0 && !int[2]!.startsWith('0')
  }
  const bytes = FIXED_BYTES.exec(type)
  if (bytes) {
    const size = Number(bytes[1])
    return size >= 1 && size <= 32 && !bytes[1]!.startsWith('0')
  }
  return false
}

function isDynamic(type: string): boolean {
  return type === 'string' || type === 'bytes'
}

function collectDependencies(type: string, types: TypedDataTypes, into: Set<string>): void {
  const base = type.replace(/(\[\d*\])+$/, '')
  if (into.has(base) || !Object.hasOwn(types, base)) return
  into.add(base)
  for (const field of types[base]!) collectDependencies(field.type, types, into)
}

// ---------------------------------------------------------------------------------------------
// Data

function hashStructAt(path: string, type: string, value: unknown, types: TypedDataTypes): Uint8Array {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
    throw invalid(path, `must be an object (struct ${type})`, value)
  }
  const data = value as Record<string, unknown>
  const words: Uint8Array[] = [keccak_256(new TextEncoder().encode(encodeType(type, types)))]
  for (const field of types[type]!) {
    const at = `${path}.${field.name}`
    // A missing member would silently hash as something (viem throws, eth-sig-util v4 writes zero):
    // refuse it so the signer sees the mistake.
    if (!Object.hasOwn(data, field.name) || data[field.name] === undefined || data[field.name] === null) {
      throw invalid(at, `is missing (type ${field.type})`)
    }
    words.push(encodeField(at, field.type, data[field.name], types))
  }
  return keccak_256(concatBytes(...words))
}

/** One 32-byte word of `encodeData`: atomic values in place, everything else hashed. */
function encodeField(path: string, type: string, value: unknown, types: TypedDataTypes): Uint8Array {
  if (Object.hasOwn(types, type)) return hashStructAt(path, type, value, types)
  const array = ARRAY_SUFFIX.exec(type)
  if (array) {
    const inner = type.slice(0, array.index)
    if (!Array.isArray(value)) throw invalid(path, `must be an array (${type})`, value)
    if (array[1] !== '' && value.length !== Number(array[1])) {
      throw invalid(path, `must have exactly ${array[1]} elements (${type}), has ${value.length}`)
    }
    return keccak_256(concatBytes(...value.map((item: unknown, i) => encodeField(`${path}[${i}]`, inner, item, types))))
  }
  if (type === 'string') {
    if (typeof value !== 'string') throw invalid(path, 'must be a string', value)
    return keccak_256(new TextEncoder().encode(value))
  }
  if (type === 'bytes') return keccak_256(toBytes(path, value, 'bytes'))
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw invalid(path, 'must be true or false', value)
    return word(value ? 1n : 0n)
  }
  if (type === 'address') return word(toAddress(path, value))
  const int = INTEGER.exec(type)
  if (int) return word(toInteger(path, value, int[1] === 'int', Number(int[2])))
  const fixed = FIXED_BYTES.exec(type)
  if (fixed) {
    const size = Number(fixed[1])
    const bytes = toBytes(path, value, type)
    // Exact size, as viem checks: a short value is more likely a mistake than intended padding.
    if (bytes.length !== size) throw invalid(path, `must be exactly ${size} bytes (${type}), has ${bytes.length}`)
    const out = new Uint8Array(32)
    out.set(bytes)
    return out
  }
  // resolveTypes has checked every field type, so only a bug lands here.
  throw new Error(`typedData: unhandled type ${type}`)
}

function word(value: bigint): Uint8Array {
  return hexToBytes(BigInt.asUintN(256, value).toString(16).padStart(64, '0'))
}

function toInteger(path: string, value: unknown, signed: boolean, bits: number): bigint {
  let n: bigint
  if (typeof value === 'bigint') n = value
  else if (typeof value === 'number') {
    // Beyond 2^53 a JSON number has already lost digits: ask for a string instead.
    if (!Number.isSafeInteger(value)) throw invalid(path, 'must be an integer (use a decimal string or bigint beyond 2^53)', value)
    n = BigInt(value)
  } else if (typeof value === 'string' && /^-?(0x[0-9a-fA-F]+|\d+)$/.test(value.trim())) {
    const text = value.trim()
    n = text.startsWith('-') ? -BigInt(text.slice(1)) : BigInt(text)
  } else {
    throw invalid(path, `must be an integer (number, decimal or 0x string, or bigint) for ${signed ? 'int' : 'uint'}${bits}`, value)
  }
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n
  if (n < min || n > max) throw invalid(path, `is out of range for ${signed ? 'int' : 'uint'}${bits} (${min} to ${max})`, value)
  return n
}

function toAddress(path: string, value: unknown): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) {
    throw invalid(path, 'must be an address (0x followed by 40 hex digits)', value)
  }
  // Mixed case promises an EIP-55 checksum; a wrong one usually means a mistyped address.
  const body = value.slice(2)
  if (body !== body.toLowerCase() && body !== body.toUpperCase() && checksumAddress(value) !== value) {
    throw invalid(path, `has a wrong EIP-55 checksum (expected ${checksumAddress(value)})`, value)
  }
  return BigInt(value.toLowerCase())
}

function toBytes(path: string, value: unknown, type: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (typeof value === 'string' && /^0x[0-9a-fA-F]*$/.test(value)) {
    // An odd digit count is read with a leading zero, as MetaMask does.
    const digits = value.slice(2)
    return hexToBytes(digits.length % 2 === 1 ? `0${digits}` : digits)
  }
  throw invalid(path, `must be a 0x hex string or bytes (${type})`, value)
}

/** `got` is a rest parameter so that "no value to show" differs from a value `undefined`. */
function invalid(path: string, problem: string, ...got: unknown[]): BaseError {
  const shown = got.length > 0 ? ` Got: ${show(got[0])}.` : ''
  return new BaseError(`Invalid typed data: ${path} ${problem}.${shown}`, { code: TYPED_DATA_INVALID })
}

function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`
  try {
    const text = JSON.stringify(value)
    if (text === undefined) return String(value)
    return text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    return String(value)
  }
}
