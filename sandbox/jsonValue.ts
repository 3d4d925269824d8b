/**
 * The only values that cross the isolate boundary. Everything is copied as JSON text, so no host
 * object (and no host prototype) ever reaches the isolate, and nothing the isolate builds reaches
 * the host as more than fresh plain data.
 *
 * @module
 */

/** A value JSON can carry. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/**
 * JSON text for a value crossing the boundary; `''` stands for `undefined` (no JSON text exists
 * for it). Throws on what JSON cannot carry (BigInt, cycles).
 *
 * @example
 * toJsonText({ a: 1 }) // '{"a":1}'
 * toJsonText(undefined) // ''
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? ''
}

/** The inverse of {@link toJsonText}. */
export function fromJsonText(text: string): JsonValue | undefined {
  return text === '' ? undefined : (JSON.parse(text) as JsonValue)
}
