import { describe, expect, it } from 'vitest'
import { diffLines, splitLines, unifiedDiff } from '../../../../app/shared/workspace/lineDiff.ts'

/** Applies an edit script to check it really turns a into b. */
function apply(script: ReturnType<typeof diffLines>): { a: string[]; b: string[] } {
  return { a: script.filter((l) => l.kind !== 'add').map((l) => l.text), b: script.filter((l) => l.kind !== 'remove').map((l) => l.text) }
}

describe('line diff', () => {
  it('splits lines without a phantom last line', () => {
    expect(splitLines('')).toEqual([])
    expect(splitLines('a')).toEqual(['a'])
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b'])
  })

  it('finds a minimal script (LCS)', () => {
    const a = ['a', 'b', 'c', 'a', 'b', 'b', 'a']
    const b = ['c', 'b', 'a', 'b', 'a', 'c']
    const script = diffLines(a, b)
    expect(apply(script)).toEqual({ a, b })
    // LCS length is 4, so 3 removals and 2 additions.
    expect(script.filter((l) => l.kind === 'same')).toHaveLength(4)
  })

  it('is consistent on random inputs', () => {
    let seed = 7
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let t = 0; t < 200; t++) {
      const a = Array.from({ length: rand(12) }, () => String(rand(4)))
      const b = Array.from({ length: rand(12) }, () => String(rand(4)))
      expect(apply(diffLines(a, b))).toEqual({ a, b })
    }
  })

  it('writes unified hunks with 3 lines of context', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('')
    expect(unifiedDiff('a\nb\n', 'a\nc\n')).toBe('@@ -1,2 +1,2 @@\n a\n-b\n+c\n')
    expect(unifiedDiff('', 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y\n')
    expect(unifiedDiff('x\n', '')).toBe('@@ -1,1 +0,0 @@\n-x\n')
    const old = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`)
    const changed = [...old]
    changed[1] = 'two'
    changed[17] = 'eighteen'
    expect(unifiedDiff(`${old.join('\n')}\n`, `${changed.join('\n')}\n`)).toBe(
      '@@ -1,5 +1,5 @@\n line 1\n-line 2\n+two\n line 3\n line 4\n line 5\n' +
        '@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+eighteen\n line 19\n line 20\n',
    )
  })

  it('joins nearby changes into one hunk', () => {
    const old = ['1', '2', '3', '4', '5', '6', '7', '8']
    const neu = ['1', 'two', '3', '4', '5', '6', 'seven', '8']
    const text = unifiedDiff(old.join('\n'), neu.join('\n'))
    expect(text.match(/^@@/gm)).toHaveLength(1)
    expect(text.startsWith('@@ -1,8 +1,8 @@\n')).toBe(true)
  })
})
