/**
 * The code editor of the player, outside Vue: one Monaco editor, one model per file (so each tab
 * keeps its own undo stack, cursor and scroll), markers per file, the theme of the app. EditorPane
 * mounts it; the player reads and writes files through it.
 *
 * @module
 */
import type { Monaco } from './monacoSetup.ts'
import type { EditorMarker } from './editorMarker.ts'
import { languageOf } from './languageOf.ts'

export type { EditorMarker } from './editorMarker.ts'

type Editor = ReturnType<Monaco['editor']['create']>
type Model = ReturnType<Monaco['editor']['createModel']>
type ViewState = ReturnType<Editor['saveViewState']>

export interface EditorController {
  /** Replaces every model with `files` (paths in `order` first); keeps the open tab if it still exists. */
  setFiles(files: Record<string, string>, order: readonly string[]): void
  /** Shows `path`'s model. */
  open(path: string): void
  /** The open tab's path. */
  current(): string | undefined
  /** Every file's current text. */
  files(): Record<string, string>
  /** Replaces the markers of `owner` on every model with `byFile` (files not named are cleared). */
  setMarkers(owner: string, byFile: Record<string, readonly EditorMarker[]>): void
  setTheme(theme: 'light' | 'dark'): void
  focus(): void
  dispose(): void
}

/** Fonts with Hangul in a fixed width first, then the usual code fonts. */
export const EDITOR_FONT =
  "'D2Coding', 'JetBrains Mono', 'Cascadia Code', 'SF Mono', Menlo, Consolas, 'Noto Sans Mono CJK KR', 'Nanum Gothic Coding', 'Malgun Gothic', monospace"

/**
 * @example
 * const editor = createEditorController(monaco, element, { theme: 'dark', uriPrefix: 'hash-functions', onChange: (path, text) => autosave.change(path, text) })
 * editor.setFiles({ 'hashing.ts': text }, ['hashing.ts'])
 */
export function createEditorController(
  monaco: Monaco,
  element: HTMLElement,
  options: {
    theme: 'light' | 'dark'
    /** Keeps the models of two editors (work, solution) apart. */
    uriPrefix: string
    readOnly?: boolean | undefined
    ariaLabel?: string | undefined
    onChange?: ((path: string, text: string) => void) | undefined
    /** Ctrl/Cmd+Enter in the editor (the player grades). */
    onSubmit?: (() => void) | undefined
  },
): EditorController {
  const models = new Map<string, Model>()
  const views = new Map<string, ViewState>()
  let open: string | undefined
  let applying = false
  // Files can arrive after the page closed the editor (a workspace read still in flight): after
  // dispose every call is a no-op, because Monaco throws on a disposed editor's view.
  let disposed = false
  const editor = monaco.editor.create(element, {
    model: null,
    theme: options.theme === 'dark' ? 'vs-dark' : 'vs',
    readOnly: options.readOnly ?? false,
    automaticLayout: true,
    fontFamily: EDITOR_FONT,
    fontSize: 14,
    lineHeight: 22,
    tabSize: 2,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    renderWhitespace: 'selection',
    fixedOverflowWidgets: true,
    ariaLabel: options.ariaLabel ?? '',
    // The whole program fits on screen for lessons; wrapping keeps long Korean comments readable.
    wordWrap: 'on',
    // Korean in comments is text, not a "confusable" character to flag.
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
  })

  if (options.onSubmit) {
    const submit = options.onSubmit
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => submit())
  }

  const uri = (path: string) => monaco.Uri.from({ scheme: 'inmemory', path: `/${options.uriPrefix}/${path}` })
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info }

  function show(path: string): void {
    if (disposed) return
    const model = models.get(path)
    if (!model) return
    if (open !== undefined && open !== path) views.set(open, editor.saveViewState())
    editor.setModel(model)
    const view = views.get(path)
    if (view) editor.restoreViewState(view)
    open = path
  }

  return {
    setFiles(files, order) {
      if (disposed) return
      applying = true
      try {
        for (const [path, model] of models) {
          if (path in files) continue
          model.dispose()
          models.delete(path)
          views.delete(path)
        }
        for (const [path, text] of Object.entries(files)) {
          const model = models.get(path)
          if (!model) {
            const created = monaco.editor.createModel(text, languageOf(path), uri(path))
            created.onDidChangeContent(() => {
              if (!applying) options.onChange?.(path, created.getValue())
            })
            models.set(path, created)
          } else if (model.getValue() !== text) {
            // An edit (not setValue) keeps undo: "reset" can itself be undone with Ctrl+Z.
            model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
          }
        }
      } finally {
        applying = false
      }
      const first = order.find((p) => models.has(p)) ?? [...models.keys()][0]
      const target = open !== undefined && models.has(open) ? open : first
      if (target !== undefined) {
        if (editor.getModel() !== models.get(target)) show(target)
      } else {
        editor.setModel(null)
        open = undefined
      }
    },
    open: show,
    current: () => open,
    files() {
      const out: Record<string, string> = {}
      for (const [path, model] of models) out[path] = model.getValue()
      return out
    },
    setMarkers(owner, byFile) {
      if (disposed) return
      for (const [path, model] of models) {
        const markers = (byFile[path] ?? []).map((m) => {
          const line = Math.min(Math.max(1, m.startLineNumber), model.getLineCount())
          let endColumn = m.endColumn
          // solc gives a point; underline the word there (or the rest of the line) so it can be seen.
          if (m.endLineNumber === m.startLineNumber && m.endColumn <= m.startColumn + 1) {
            const word = model.getWordAtPosition({ lineNumber: line, column: m.startColumn })
            endColumn = word ? word.endColumn : model.getLineMaxColumn(line)
          }
          return {
            severity: severity[m.severity],
            message: m.message,
            ...(m.code === undefined ? {} : { code: m.code }),
            startLineNumber: line,
            startColumn: m.startColumn,
            endLineNumber: m.endLineNumber === m.startLineNumber ? line : m.endLineNumber,
            endColumn: Math.max(endColumn, m.startColumn + 1),
          }
        })
        monaco.editor.setModelMarkers(model, owner, markers)
      }
    },
    setTheme(theme) {
      if (disposed) return
      monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs')
    },
    focus: () => {
      if (!disposed) editor.focus()
    },
    dispose() {
      if (disposed) return
      disposed = true
      editor.dispose()
      for (const model of models.values()) model.dispose()
      models.clear()
    },
  }
}
