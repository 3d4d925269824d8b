import { describe, expect, it } from 'vitest'
import { createEventQueue } from '../../../runtime/sim/eventQueue.ts'
import { createRandomStreams } from '../../../runtime/sim/prng.ts'

function drain(q: ReturnType<typeof createEventQueue>): { t: number; seq: number; a: number }[] {
  const out = []
  while (q.pop()) out.push({ t: q.currentTime, seq: q.currentSeq, a: q.currentA })
  return out
}

describe('event queue', () => {
  it('pops in (time, seq) order: simultaneous events in scheduling order', () => {
    const q = createEventQueue(4)
    q.push(30, 1, 0, 0, 0, 0)
    q.push(10, 1, 0, 1, 0, 0)
    q.push(10, 1, 0, 2, 0, 0)
    q.push(20, 1, 0, 3, 0, 0)
    q.push(10, 1, 0, 4, 0, 0)
    expect(drain(q).map((e) => e.a)).toEqual([1, 2, 4, 3, 0])
  })

  it('matches a stable sort on 50,000 random events, with growth from a tiny capacity', () => {
    const q = createEventQueue(1)
    const rng = createRandomStreams(42)
    const pushed: { t: number; a: number }[] = []
    for (let i = 0; i < 50_000; i++) {
      const t = rng.nextInt(0, 1000) // many ties
      q.push(t, 2, 0, i, 0, 0)
      pushed.push({ t, a: i })
    }
    const expected = [...pushed].sort((x, y) => x.t - y.t || x.a - y.a).map((e) => e.a)
    expect(drain(q).map((e) => e.a)).toEqual(expected)
  })

  it('cancels in O(1) by tombstone: cancelled events never pop, size counts live events', () => {
    const q = createEventQueue()
    const h1 = q.pushCancellable(5, 1, 7, 1, 0, 0)
    const h2 = q.push(6, 1, 7, 2, 0, 0)
    const h3 = q.pushCancellable(7, 1, 7, 3, 0, 0)
    expect(q.cancel(h2)).toBe(false) // not pushed as cancellable
    expect(q.cancel(h1)).toBe(true)
    expect(q.cancel(h1)).toBe(false)
    expect(q.size).toBe(2)
    expect(q.peekTime()).toBe(6)
    expect(q.cancel(h3)).toBe(true)
    expect(drain(q).map((e) => e.a)).toEqual([2])
    expect(q.size).toBe(0)
  })

  it('an event that already ran cannot be cancelled; handles are never reused', () => {
    const q = createEventQueue()
    const h = q.pushCancellable(1, 1, 0, 1, 0, 0)
    expect(q.pop()).toBe(true)
    const h2 = q.pushCancellable(2, 1, 0, 2, 0, 0)
    expect(h2).not.toBe(h)
    expect(q.cancel(h)).toBe(false)
    expect(drain(q).map((e) => e.a)).toEqual([2])
  })

  it('random pushes, cancels and pops agree with a simple model', () => {
    const q = createEventQueue(2)
    const rng = createRandomStreams(3)
    const model = new Map<number, { t: number; a: number }>()
    const handles: number[] = []
    for (let i = 0; i < 20_000; i++) {
      const r = rng.nextInt(0, 10)
      if (r < 5) {
        const t = rng.nextInt(0, 500)
        const h = q.pushCancellable(t, 1, 0, i, -i, i * 2)
        model.set(h, { t, a: i })
        handles.push(h)
      } else if (r < 7 && handles.length > 0) {
        const h = handles[rng.nextInt(0, handles.length)]!
        expect(q.cancel(h)).toBe(model.delete(h))
      } else if (q.pop()) {
        const expected = [...model].sort((x, y) => x[1].t - y[1].t || x[0] - y[0])[0]!
        expect([q.currentSeq, q.currentTime, q.currentA, q.currentB, q.currentC]).toEqual([expected[0], expected[1].t, expected[1].a, -expected[1].a, expected[1].a * 2])
        model.delete(expected[0])
      }
      expect(q.size).toBe(model.size)
    }
  })

  it('carries node, a, b, c and an optional object payload', () => {
    const q = createEventQueue()
    q.push(3, 9, 11, 12, 13, 14, { hello: 'world' })
    expect(q.peekKind()).toBe(9)
    expect(q.peekNode()).toBe(11)
    q.pop()
    expect([q.currentKind, q.currentNode, q.currentA, q.currentB, q.currentC]).toEqual([9, 11, 12, 13, 14])
    expect(q.currentData).toEqual({ hello: 'world' })
    expect(q.pop()).toBe(false)
    expect(q.peekTime()).toBeUndefined()
    expect(q.peekKind()).toBe(-1)
  })
})
