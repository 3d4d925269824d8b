/**
 * Monaco for the lesson player, loaded only when a lesson page opens (dynamic import from
 * EditorPane): the editor API, the editing features people expect (find, folding, comments,
 * multi-cursor, hovers that show compiler markers, go to next problem) and the tokenizers of the
 * languages lessons use — Solidity (`sol`), TypeScript, JavaScript, Markdown, YAML. Not the
 * TypeScript/JSON/CSS/HTML language services: their workers are megabytes and the player asks for
 * highlighting; Solidity diagnostics come from solc. JSON files use the JavaScript tokenizer.
 *
 * The one worker Monaco needs (the editor worker: diffs, links, word suggestions) is a module
 * worker bundled by Vite; nothing here needs `eval`, and Monaco's injected styles are allowed by
 * the CSP's `style-src 'unsafe-inline'`.
 *
 * @module
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import EditorWorker from 'monaco-editor/editor/editor.worker.start?worker'
import 'monaco-editor/editor/browser/coreCommands'
import 'monaco-editor/editor/common/standaloneStrings'
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'
import 'monaco-editor/editor/contrib/caretOperations/browser/transpose'
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard'
import 'monaco-editor/editor/contrib/comment/browser/comment'
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu'
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo'
import 'monaco-editor/features/find/register'
import 'monaco-editor/editor/contrib/folding/browser/folding'
import 'monaco-editor/editor/contrib/fontZoom/browser/fontZoom'
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError'
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution'
import 'monaco-editor/editor/contrib/indentation/browser/indentation'
import 'monaco-editor/editor/contrib/inPlaceReplace/browser/inPlaceReplace'
import 'monaco-editor/editor/contrib/lineSelection/browser/lineSelection'
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations'
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor'
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution'
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/contrib/tokenization/browser/tokenization'
import 'monaco-editor/editor/contrib/unicodeHighlighter/browser/unicodeHighlighter'
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter'
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations'
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess'
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess'
// The tokenizers are registered here, synchronously, from this chunk (together ~30 kB): Monaco's
// own register files would fetch each one lazily when a file of its language first shows.
import * as javascript from 'monaco-editor/languages/definitions/javascript/javascript'
import * as markdown from 'monaco-editor/languages/definitions/markdown/markdown'
import * as solidity from 'monaco-editor/languages/definitions/solidity/solidity'
import * as typescript from 'monaco-editor/languages/definitions/typescript/typescript'
import * as yaml from 'monaco-editor/languages/definitions/yaml/yaml'

export type Monaco = typeof monaco

let configured = false

/**
 * The Monaco API, with its worker wired up (once).
 *
 * @example
 * const monaco = (await import('./monacoSetup.ts')).setupMonaco()
 */
export function setupMonaco(): Monaco {
  if (!configured) {
    const scope = globalThis as unknown as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }
    scope.MonacoEnvironment = { getWorker: () => new EditorWorker() }
    for (const [id, extensions, definition] of [
      ['sol', ['.sol'], solidity],
      ['typescript', ['.ts', '.mts', '.cts'], typescript],
      ['javascript', ['.js', '.mjs', '.cjs', '.json'], javascript],
      ['markdown', ['.md'], markdown],
      ['yaml', ['.yaml', '.yml'], yaml],
    ] as const) {
      monaco.languages.register({ id, extensions: [...extensions] })
      monaco.languages.setMonarchTokensProvider(id, definition.language)
      monaco.languages.setLanguageConfiguration(id, definition.conf)
    }
    configured = true
  }
  return monaco
}
