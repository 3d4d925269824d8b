import { describe, expect, it } from 'vitest'
import { createBlockKnowledge, HAVE, REQUESTED, UNKNOWN } from '../../../runtime/chain/blockKnowledge.ts'
import { BASE_DIFFICULTY, createBlockStore } from '../../../runtime/chain/blockStore.ts'
import { createMostWorkForkChoice } from '../../../runtime/chain/forkChoice.ts'

function fork() {
  // 0 ← 1 ← 2 ← 3      (main)
  //       ↖ 4 ← 5 ← 6  (side, longer)
  const s = createBlockStore()
  const b1 = s.add(0, 0, 10, BASE_DIFFICULTY, 100)
  const b2 = s.add(b1, 0, 20, BASE_DIFFICULTY, 100)
  const b3 = s.add(b2, 0, 30, BASE_DIFFICULTY, 100)
  const b4 = s.add(b1, 1, 21, BASE_DIFFICULTY, 100)
  const b5 = s.add(b4, 1, 31, BASE_DIFFICULTY, 100)
  const b6 = s.add(b5, 1, 41, BASE_DIFFICULTY, 100)
  return { s, b1, b2, b3, b4, b5, b6 }
}

describe('block store', () => {
  it('tracks height, cumulative work, ancestry and common ancestors', () => {
    const { s, b1, b2, b3, b4, b6 } = fork()
    expect(s.count).toBe(7)
    expect(s.height(b3)).toBe(3)
    expect(s.cumWork(b6)).toBe(4 * BASE_DIFFICULTY)
    expect(s.ancestorAt(b6, 1)).toBe(b1)
    expect(s.ancestorAt(b2, 3)).toBe(-1)
    expect(s.commonAncestor(b3, b6)).toBe(b1)
    expect(s.commonAncestor(b4, b6)).toBe(b4)
    expect(s.isAncestor(b1, b3)).toBe(true)
    expect(s.isAncestor(b2, b6)).toBe(false)
  })

  it('grows past its initial capacity', () => {
    const s = createBlockStore()
    let tip = 0
    for (let i = 0; i < 5000; i++) tip = s.add(tip, i % 3, i, BASE_DIFFICULTY, 1)
    expect(s.height(tip)).toBe(5000)
    expect(s.ancestorAt(tip, 2500)).toBe(2500)
    expect(s.cumWork(tip)).toBe(5000 * BASE_DIFFICULTY)
  })
})

describe('fork choice: most work', () => {
  it('prefers more work; keeps the first-seen block on a tie unless the hook says otherwise', () => {
    const { s, b2, b3, b4, b5, b6 } = fork()
    const choice = createMostWorkForkChoice({ store: s })
    expect(choice.prefer(0, b6, b3)).toBe(true)
    expect(choice.prefer(0, b3, b6)).toBe(false)
    expect(choice.prefer(0, b5, b3)).toBe(false) // equal work: keep current
    expect(choice.prefer(0, b2, b4)).toBe(false)
    const calls: number[][] = []
    const gamma = createMostWorkForkChoice({
      store: s,
      tieBreak: (node, candidate, current) => {
        calls.push([node, candidate, current])
        return true
      },
    })
    expect(gamma.prefer(4, b5, b3)).toBe(true)
    expect(calls).toEqual([[4, b5, b3]])
    expect(gamma.prefer(4, b6, b3)).toBe(true)
    expect(calls).toHaveLength(1) // not a tie: hook not asked
  })
})

describe('block knowledge', () => {
  it('keeps one state per (block, node) across growth in both directions', () => {
    const k = createBlockKnowledge(2)
    k.ensure(3, 2)
    k.set(2, 1, HAVE)
    k.set(1, 0, REQUESTED)
    k.ensure(500, 37) // re-layout with a wider stride and more blocks
    expect(k.get(2, 1)).toBe(HAVE)
    expect(k.get(1, 0)).toBe(REQUESTED)
    expect(k.get(2, 36)).toBe(UNKNOWN)
    k.set(499, 36, HAVE)
    expect(k.get(499, 36)).toBe(HAVE)
    expect(k.get(499, 35)).toBe(UNKNOWN)
  })
})
