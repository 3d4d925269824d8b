/**
 * Values between the host and an isolate travel as JSON; `bigint` (every Solidity integer) does
 * not exist in JSON, so it travels as `{ "$bigint": "123" }` and is revived on the other side.
 * The same two functions exist as JavaScript inside the isolate (`WIRE_VALUE_JS`), because the
 * grader and the learner's scripts see real bigints.
 *
 * @module
 */

/** A JSON value once bigints are tagged. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue }

/**
 * Replaces bigints with tags (recursively); drops `undefined` object fields, as JSON does.
 * @example
 * toWire({ amount: 10n }) // { amount: { $bigint: '10' } }
 */
export function toWire(value: unknown): WireValue {
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value instanceof Uint8Array) return `0x${[...value].map((b) => b.toString(16).padStart(2, '0')).join('')}`
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toWire(v)))
  if (typeof value === 'object') {
    const out: { [key: string]: WireValue } = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[k] = toWire(v)
    return out
  }
  return null
}

/**
 * Revives `{ $bigint }` tags.
 * @example
 * fromWire({ amount: { $bigint: '10' } }) // { amount: 10n }
 */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire)
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
    if (keys.length === 1 && keys[0] === '$bigint' && typeof record.$bigint === 'string' && /^-?\d+$/.test(record.$bigint)) return BigInt(record.$bigint)
    const out: Record<string, unknown> = {}
    for (const k of keys) out[k] = fromWire(record[k])
    return out
  }
  return value
}

/** The isolate's copy: `toWire` and `fromWire` as plain JavaScript declarations. */
export const WIRE_VALUE_JS = String.raw`
function toWire(value) {
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value instanceof Uint8Array) return '0x' + Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toWire(v)))
  if (typeof value === 'object') {
    const out = {}
    for (const k of Object.keys(value)) {
      const v = value[k]
      if (v !== undefined && typeof v !== 'function') out[k] = toWire(v)
    }
    return out
  }
  return null
}
function fromWire(value) {
  if (Array.isArray(value)) return value.map(fromWire)
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$bigint' && typeof value.$bigint === 'string') return BigInt(value.$bigint)
    const out = {}
    for (const k of keys) out[k] = fromWire(value[k])
    return out
  }
  return value
}
`
