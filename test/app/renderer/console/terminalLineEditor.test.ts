import { describe, expect, it } from 'vitest'
import { createConsoleHistory } from '../../../../app/renderer/src/console/consoleHistory.ts'
import { createLineEditor } from '../../../../app/renderer/src/console/terminalLineEditor.ts'

function setup() {
  const written: string[] = []
  const submitted: string[] = []
  const history = createConsoleHistory()
  let release: (() => void) | undefined
  let hold = false
  const editor = createLineEditor({
    terminal: { write: (d) => written.push(d) },
    history,
    prompt: () => '> ',
    submit: async (line) => {
      history.push(line)
      submitted.push(line)
      if (hold) await new Promise<void>((r) => (release = r))
    },
    clear: () => written.push('<clear>'),
  })
  return { editor, written, submitted, history, holdNext: () => (hold = true), release: () => ((hold = false), release?.()) }
}

describe('terminal line editor', () => {
  it('edits at the cursor and submits the line', async () => {
    const t = setup()
    t.editor.start()
    for (const key of ['n', 'o', 'e', 's', '\x1b[D', '\x1b[D', 'd', '\x1b[F', '\x7f', 's', '\x1b[H', '\x1b[3~', 'n', '\r']) t.editor.input(key)
    await t.editor.idle()
    expect(t.submitted).toEqual(['nodes'])
    expect(t.written[t.written.length - 1]).toBe('\r\x1b[2K> ')
  })

  it('recalls history with the arrows and keeps the draft', async () => {
    const t = setup()
    for (const line of ['mine', 'heal']) {
      t.editor.input(line)
      t.editor.input('\r')
      await t.editor.idle()
    }
    t.editor.input('cr')
    t.editor.input('\x1b[A')
    t.editor.input('\x1b[A')
    t.editor.input('\x1b[B')
    t.editor.input('\x1b[B')
    t.editor.input('ash 2\r')
    await t.editor.idle()
    expect(t.submitted).toEqual(['mine', 'heal', 'crash 2'])
  })

  it('drops the line on Ctrl+C, queues pasted lines while one runs, ignores keys while busy', async () => {
    const t = setup()
    t.editor.input('oops')
    t.editor.input('\x03')
    expect(t.written.some((w) => w.includes('^C'))).toBe(true)
    t.holdNext()
    t.editor.input('sim pos\r')
    expect(t.editor.busy).toBe(true)
    t.editor.input('x') // ignored while busy
    t.editor.input('nodes\nmetrics\n')
    t.release()
    await t.editor.idle()
    expect(t.submitted).toEqual(['sim pos', 'nodes', 'metrics'])
    t.editor.input('\x0c')
    expect(t.written).toContain('<clear>')
  })
})
