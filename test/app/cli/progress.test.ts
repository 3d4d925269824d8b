import { describe, expect, it } from 'vitest'
import { createProgressBar } from '../../../app/cli/progress.ts'

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true } }
  return s as unknown as NodeJS.WriteStream & { text: string }
}

describe('progress bar', () => {
  it('draws on a terminal and clears its line when done', () => {
    const s = fakeStream(true)
    const bar = createProgressBar(s)
    bar.update(0.5, '50/100')
    expect(s.text).toContain('[###############...............]  50% 50/100')
    bar.update(2, 'x') // clamped
    expect(s.text).toContain('100% x')
    bar.done()
    expect(s.text.endsWith('\r\x1b[K')).toBe(true)
  })

  it('writes nothing when stderr is not a terminal (pipes, CI, --json consumers)', () => {
    const s = fakeStream(false)
    const bar = createProgressBar(s)
    bar.update(0.5, 'x')
    bar.done()
    expect(s.text).toBe('')
  })
})
