import { describe, expect, it } from 'vitest'
import { createAutosave } from '../../../../app/renderer/src/lesson/autosave.ts'
import { manualTimers, settle } from './fakeTimers.ts'

describe('createAutosave', () => {
  it('writes each file’s newest text once after the quiet time', async () => {
    const timers = manualTimers()
    const writes: [string, string][] = []
    let saved = 0
    const autosave = createAutosave({ delayMs: 300, timers, write: async (p, t) => void writes.push([p, t]), onSaved: () => saved++ })
    autosave.change('a.ts', '1')
    autosave.change('a.ts', '12')
    autosave.change('b.sol', 'x')
    timers.advance(299)
    expect(writes).toEqual([])
    expect(autosave.pending().sort()).toEqual(['a.ts', 'b.sol'])
    timers.advance(1)
    await settle()
    expect(writes).toEqual([
      ['a.ts', '12'],
      ['b.sol', 'x'],
    ])
    expect(saved).toBe(1)
    expect(autosave.pending()).toEqual([])
  })

  it('flush writes at once (page hidden) and waits for writes in flight', async () => {
    const timers = manualTimers()
    const writes: string[] = []
    let release!: () => void
    const slow = new Promise<void>((r) => (release = r))
    let first = true
    const autosave = createAutosave({
      delayMs: 300,
      timers,
      write: async (_p, t) => {
        if (first) {
          first = false
          await slow
        }
        writes.push(t)
      },
    })
    autosave.change('a.ts', 'one')
    const firstFlush = autosave.flush()
    autosave.change('a.ts', 'two')
    let done = false
    const second = autosave.flush().then(() => (done = true))
    await settle()
    expect(done).toBe(false) // 'two' waits for 'one'
    release()
    await firstFlush
    await second
    expect(writes).toEqual(['one', 'two']) // in order: the newest text is the last written
    expect(timers.pending()).toBe(0)
  })

  it('keeps a text whose write failed and retries it on the next flush', async () => {
    const timers = manualTimers()
    const errors: string[] = []
    let fail = true
    const written: string[] = []
    const autosave = createAutosave({
      delayMs: 300,
      timers,
      write: async (_p, t) => {
        if (fail) throw new Error('quota exceeded')
        written.push(t)
      },
      onError: (e, p) => errors.push(`${p}: ${(e as Error).message}`),
    })
    autosave.change('a.ts', 'work')
    await autosave.flush()
    expect(errors).toEqual(['a.ts: quota exceeded'])
    expect(autosave.pending()).toEqual(['a.ts'])
    fail = false
    await autosave.flush()
    expect(written).toEqual(['work'])
  })

  it('discard forgets pending changes (after a restore replaced the files)', async () => {
    const timers = manualTimers()
    const writes: string[] = []
    const autosave = createAutosave({ delayMs: 300, timers, write: async (_p, t) => void writes.push(t) })
    autosave.change('a.ts', 'stale')
    autosave.discard()
    timers.advance(1000)
    await autosave.flush()
    expect(writes).toEqual([])
  })
})

describe('createAutosave hold', () => {
  it('collects changes while held and writes them on release', async () => {
    const timers = manualTimers()
    const writes: string[] = []
    const autosave = createAutosave({ delayMs: 300, timers, write: async (_p, t) => void writes.push(t) })
    const release = autosave.hold()
    autosave.change('a.ts', 'typed while grading')
    timers.advance(1000)
    await autosave.flush()
    expect(writes).toEqual([])
    await release()
    expect(writes).toEqual(['typed while grading'])
    await release() // a second call changes nothing
    expect(writes).toEqual(['typed while grading'])
  })
})
