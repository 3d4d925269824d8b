/**
 * Puts a console session on an xterm.js terminal inside an element: the terminal and its fit
 * addon, the line editor, output written with colours, the theme following the app's, and a plain
 * transcript of the last lines (a `role="log"` region for screen readers, and what tests read).
 *
 * @module
 */
import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import type { ITheme } from '@xterm/xterm'
import type { Theme } from '../i18n/preferences.ts'
import { createConsoleHistory } from './consoleHistory.ts'
import type { HistoryStore } from './consoleHistory.ts'
import { ansi, stripAnsi } from './consoleFormat.ts'
import type { ConsoleSession } from './consoleSession.ts'
import { createConsoleSession } from './consoleSession.ts'
import type { ConsoleContext } from './consoleTypes.ts'
import { createLineEditor } from './terminalLineEditor.ts'

/** Terminal colours from the app's palette (app.css), light and dark. */
export const TERMINAL_THEMES: Record<Theme, ITheme> = {
  light: { background: '#ffffff', foreground: '#1b2333', cursor: '#4f46e5', cursorAccent: '#ffffff', selectionBackground: '#c7c9f5', red: '#c4271c', green: '#0f7d5e', yellow: '#8a6100', cyan: '#0a6f8a', blue: '#3f37c9', brightBlack: '#5b6478' },
  dark: { background: '#1c1f27', foreground: '#e6e8ee', cursor: '#8b85ff', cursorAccent: '#1c1f27', selectionBackground: '#3b3c6a', red: '#ff6b5e', green: '#37c99e', yellow: '#f1d99a', cyan: '#6fd3ee', blue: '#a9a4ff', brightBlack: '#9aa2b5' },
}

/** Transcript lines kept for the log region. */
const TRANSCRIPT_LINES = 400

export interface MountedConsole {
  session: ConsoleSession
  setTheme(theme: Theme): void
  focus(): void
  /** Runs a line as if typed (buttons of the page, tests). */
  type(line: string): void
  dispose(): void
}

export interface MountOptions extends Omit<ConsoleContext, 'out' | 'history'> {
  theme: Theme
  /** sessionStorage, so a reload keeps the history (absent: in memory). */
  historyStore?: HistoryStore | undefined
  /** Called with the transcript (plain text) after output. */
  onTranscript?: ((text: string) => void) | undefined
}

/**
 * @example
 * const mounted = mountConsole(element, { sim, lang: () => store.lang, files: () => CONSOLE_EXAMPLE_FILES, theme: store.theme })
 */
export function mountConsole(element: HTMLElement, options: MountOptions): MountedConsole {
  const terminal = new Terminal({
    theme: TERMINAL_THEMES[options.theme],
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
    fontSize: 14,
    cursorBlink: true,
    convertEol: false,
    scrollback: 5000,
    allowProposedApi: false,
  })
  const fit = new FitAddon()
  terminal.loadAddon(fit)
  terminal.open(element)
  fit.fit()
  const resize = new ResizeObserver(() => {
    try {
      fit.fit()
    } catch {
      // hidden or zero-sized: fits on the next resize
    }
  })
  resize.observe(element)

  const transcript: string[] = []
  const record = (text: string) => {
    transcript.push(...stripAnsi(text).split('\n'))
    if (transcript.length > TRANSCRIPT_LINES) transcript.splice(0, transcript.length - TRANSCRIPT_LINES)
    options.onTranscript?.(transcript.join('\n'))
  }
  const write = (text: string) => {
    terminal.write(`${text.replace(/\r?\n/g, '\r\n')}\r\n`)
    record(text)
  }
  const history = createConsoleHistory({ store: options.historyStore })
  const session = createConsoleSession({
    ...options,
    history,
    out: {
      line: write,
      error: (text) => write(ansi.red(text)),
      clear: () => {
        terminal.clear()
        transcript.length = 0
        options.onTranscript?.('')
      },
    },
  })
  const editor = createLineEditor({
    terminal,
    history,
    prompt: session.prompt,
    submit: (line) => {
      record(`${session.prompt()}${line}`)
      return session.run(line)
    },
    clear: () => terminal.clear(),
  })
  const data = terminal.onData((d) => editor.input(d))
  for (const line of session.welcome()) write(line)
  editor.start()

  return {
    session,
    setTheme: (theme) => {
      terminal.options.theme = TERMINAL_THEMES[theme]
    },
    focus: () => terminal.focus(),
    type: (line) => editor.input(`${line}\r`),
    dispose: () => {
      data.dispose()
      resize.disconnect()
      terminal.dispose()
    },
  }
}
