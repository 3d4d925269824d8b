/**
 * Growing the struct-of-arrays stores (blocks, nodes, metrics, held announcements): a copy of a
 * typed array into a larger one of the same kind.
 *
 * @module
 */

type Growable = Int32Array | Uint32Array | Uint8Array | Float64Array

/**
 * A copy of `array` with room for `length` elements; new elements are `fill` (default 0).
 *
 * @example
 * grown(Int32Array.of(1, 2), 4, -1) // Int32Array [1, 2, -1, -1]
 */
export function grown<T extends Growable>(array: T, length: number, fill = 0): T {
  const next = new (array.constructor as new (n: number) => T)(length)
  if (fill !== 0) next.fill(fill, array.length)
  next.set(array as never)
  return next
}
