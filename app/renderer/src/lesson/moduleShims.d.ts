/** Types for imports Vite and Monaco provide without declarations. */
/** Vite's `?worker` imports: a constructor of the bundled module worker. */
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker
  export default WorkerConstructor
}

/** Monaco's Monarch tokenizers (plain JS in the package): a language configuration and a Monarch grammar. */
declare module 'monaco-editor/languages/definitions/*' {
  import type { languages } from 'monaco-editor/editor/editor.api'
  export const conf: languages.LanguageConfiguration
  export const language: languages.IMonarchLanguage
}
