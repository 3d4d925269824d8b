import { describe, expect, it } from 'vitest'
import { createConsoleHistory } from '../../../../app/renderer/src/console/consoleHistory.ts'

function memoryStore() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map }
}

describe('console history', () => {
  it('walks back and forth and gives the draft back', () => {
    const h = createConsoleHistory()
    h.push('nodes')
    h.push('mine')
    h.push('mine') // a repeat is stored once
    h.push('   ') // blank lines are not stored
    expect(h.entries()).toEqual(['nodes', 'mine'])
    expect(h.previous('hea')).toBe('mine')
    expect(h.previous('ignored')).toBe('nodes')
    expect(h.previous('x')).toBeUndefined()
    expect(h.next()).toBe('mine')
    expect(h.next()).toBe('hea')
    expect(h.next()).toBeUndefined()
  })

  it('persists in the store, caps its length and survives damaged data', () => {
    const store = memoryStore()
    const h = createConsoleHistory({ store, max: 3 })
    for (const line of ['a', 'b', 'c', 'd']) h.push(line)
    expect(h.entries()).toEqual(['b', 'c', 'd'])
    const again = createConsoleHistory({ store, max: 3 })
    expect(again.entries()).toEqual(['b', 'c', 'd'])
    expect(again.previous('')).toBe('d')
    store.map.set('playground.console.history', '{not json')
    expect(createConsoleHistory({ store }).entries()).toEqual([])
    again.clear()
    expect(createConsoleHistory({ store }).entries()).toEqual([])
  })
})
