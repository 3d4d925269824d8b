/**
 * Line editing on a terminal (xterm.js gives raw key data, not lines): typing and pasting at the
 * cursor, Backspace and Delete, arrows left/right, Home/End (and Ctrl+A/E), arrows up/down through
 * the history, Ctrl+C to drop the line, Ctrl+L to clear, Enter to submit. While a submitted line
 * runs, keys are ignored (the console runs one line at a time); pasted lines wait their turn.
 *
 * @module
 */
import type { ConsoleHistory } from './consoleHistory.ts'
import { cellWidth } from './consoleFormat.ts'

/** What the editor writes to (an xterm `Terminal`, or an array in tests). */
export interface TerminalLike {
  write(data: string): void
}

export interface LineEditorOptions {
  terminal: TerminalLike
  history: ConsoleHistory
  prompt: () => string
  /** Runs a submitted line; the next prompt is drawn when it settles. */
  submit: (line: string) => Promise<void>
  clear: () => void
}

export interface LineEditor {
  /** Feeds key data from the terminal (`terminal.onData`). */
  input(data: string): void
  /** Draws the prompt (after the greeting). */
  start(): void
  readonly busy: boolean
  /** Settles when every queued line has run (tests). */
  idle(): Promise<void>
}

/**
 * @example
 * const editor = createLineEditor({ terminal, history, prompt: session.prompt, submit: session.run, clear: () => terminal.clear() })
 * terminal.onData((data) => editor.input(data))
 * editor.start()
 */
export function createLineEditor(options: LineEditorOptions): LineEditor {
  const { terminal, history } = options
  let buffer = ''
  let cursor = 0
  let busy = false
  const waiting: string[] = []
  let done: Promise<void> = Promise.resolve()

  function redraw(): void {
    const after = cellWidth(buffer.slice(cursor))
    terminal.write(`\r\x1b[2K${options.prompt()}${buffer}${after > 0 ? `\x1b[${after}D` : ''}`)
  }

  function insert(text: string): void {
    buffer = buffer.slice(0, cursor) + text + buffer.slice(cursor)
    cursor += text.length
    history.reset()
    redraw()
  }

  function submit(): void {
    const line = buffer
    buffer = ''
    cursor = 0
    terminal.write('\r\n')
    busy = true
    done = options.submit(line).then(
      () => next(),
      () => next(),
    )
  }

  function next(): void {
    busy = false
    const line = waiting.shift()
    if (line !== undefined) {
      buffer = line
      cursor = line.length
      redraw()
      submit()
    } else redraw()
  }

  function recall(line: string | undefined): void {
    if (line === undefined) return
    buffer = line
    cursor = line.length
    redraw()
  }

  const editor: LineEditor = {
    get busy() {
      return busy
    },
    start: () => redraw(),
    idle: async () => {
      while (busy || waiting.length > 0) await done
    },
    input(data) {
      if (busy) {
        // Only a paste is kept while a line runs: its lines run next, in order.
        if (data.length > 1 && /[\r\n]/.test(data)) waiting.push(...data.split(/\r\n|\r|\n/).filter((l) => l !== ''))
        return
      }
      switch (data) {
        case '\r':
          return submit()
        case '\x7f':
        case '\b':
          if (cursor > 0) {
            buffer = buffer.slice(0, cursor - 1) + buffer.slice(cursor)
            cursor--
            redraw()
          }
          return
        case '\x1b[3~':
          if (cursor < buffer.length) {
            buffer = buffer.slice(0, cursor) + buffer.slice(cursor + 1)
            redraw()
          }
          return
        case '\x1b[D':
          if (cursor > 0) cursor--
          return redraw()
        case '\x1b[C':
          if (cursor < buffer.length) cursor++
          return redraw()
        case '\x1b[H':
        case '\x1bOH':
        case '\x01':
          cursor = 0
          return redraw()
        case '\x1b[F':
        case '\x1bOF':
        case '\x05':
          cursor = buffer.length
          return redraw()
        case '\x1b[A':
          return recall(history.previous(buffer))
        case '\x1b[B':
          return recall(history.next())
        case '\x03':
          terminal.write(`${buffer.slice(cursor)}^C\r\n`)
          buffer = ''
          cursor = 0
          history.reset()
          return redraw()
        case '\x0c':
          options.clear()
          return redraw()
      }
      if (data.startsWith('\x1b')) return // other escape sequences (F-keys, …)
      const lines = data.split(/\r\n|\r|\n/)
      if (lines.length > 1) {
        // A paste of several lines: the first completes the current line, the rest queue.
        // eslint-disable-next-line no-control-regex
        insert(lines[0]!.replace(/[\x00-\x1f\x7f]/g, ''))
        waiting.push(...lines.slice(1).filter((l) => l !== ''))
        return submit()
      }
      // eslint-disable-next-line no-control-regex
      const printable = data.replace(/[\x00-\x1f\x7f]/g, '')
      if (printable !== '') insert(printable)
    },
  }
  return editor
}
