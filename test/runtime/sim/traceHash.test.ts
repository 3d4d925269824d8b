import { describe, expect, it } from 'vitest'
import { createTraceHasher } from '../../../runtime/sim/traceHash.ts'

function hashOf(events: number[][]): string {
  const h = createTraceHasher()
  for (const [t, s, k, n, x] of events) h.fold(t!, s!, k!, n!, x!)
  return h.digest()
}

describe('trace hash', () => {
  const base = [
    [1_000_000, 0, 1, 3, 7],
    [2_500_000_000_000, 1, 2, 4, 8],
  ]
  it('is 16 hex digits and repeatable', () => {
    expect(hashOf(base)).toMatch(/^[0-9a-f]{16}$/)
    expect(hashOf(base)).toBe(hashOf(base))
  })
  it('changes with any field, including 1 µs of time beyond 2^32 µs, and with order', () => {
    const variants = [
      [[1_000_001, 0, 1, 3, 7], base[1]!],
      [base[0]!, [2_500_000_000_001, 1, 2, 4, 8]],
      [base[0]!, [2_500_000_000_000 + 2 ** 32, 1, 2, 4, 8]],
      [[1_000_000, 1, 1, 3, 7], base[1]!],
      [[1_000_000, 0, 2, 3, 7], base[1]!],
      [[1_000_000, 0, 1, 4, 7], base[1]!],
      [[1_000_000, 0, 1, 3, 8], base[1]!],
      [base[1]!, base[0]!],
    ]
    const hashes = new Set(variants.map(hashOf))
    hashes.add(hashOf(base))
    expect(hashes.size).toBe(variants.length + 1)
  })
})
