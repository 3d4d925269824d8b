/**
 * The console page's project: Solidity (and other) files a learner or a hackathon team writes
 * beside the console, kept in the workspace `project` — a git repository like every lesson's
 * (autosaved as they type, a version saved on demand, history and restore) — and read by the
 * console's `deploy`. It starts with the Counter example.
 *
 * @module
 */
import type { ShallowRef } from 'vue'
import { ref, shallowRef } from 'vue'
import type { HostWorkspace } from '../host/host.ts'
import { appHost } from '../host/appHost.ts'
import type { Autosave } from '../lesson/autosave.ts'
import { createAutosave } from '../lesson/autosave.ts'
import type { EditorController } from '../lesson/editorController.ts'
import { orderedFiles } from '../lesson/lessonAsset.ts'
import { newFileText, projectFileNameProblem } from './projectFileName.ts'

/** The workspace id of the console page's project. */
export const PROJECT_WORKSPACE = 'project'

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * @example
 * const project = useProject({ starter: CONSOLE_EXAMPLE_FILES, lang: () => store.lang })
 * project.files() // what `deploy` compiles
 */
export function useProject(options: { starter: Record<string, string>; lang: () => 'ko' | 'en' }) {
  const workspace: ShallowRef<HostWorkspace | undefined> = shallowRef()
  const editor: ShallowRef<EditorController | undefined> = shallowRef()
  const names = ref<string[]>([])
  const active = ref<string | undefined>()
  const saving = ref<'saved' | 'saving' | { error: string }>('saved')
  const problem = ref<string | undefined>()
  const historyKey = ref(0)
  let loaded: Record<string, string> = { ...options.starter }
  let autosave: Autosave | undefined

  function show(files: Record<string, string>): void {
    loaded = files
    names.value = orderedFiles(Object.keys(options.starter), Object.keys(files))
    if (!editor.value) return
    editor.value.setFiles(files, names.value)
    active.value = editor.value.current()
  }

  async function start(): Promise<void> {
    try {
      const ws = await (await appHost()).openWorkspace(PROJECT_WORKSPACE)
      await ws.init({ lessonId: PROJECT_WORKSPACE, files: options.starter })
      autosave = createAutosave({
        delayMs: 300,
        write: (path, text) => ws.writeWorkingFile(path, text),
        onError: (error) => (saving.value = { error: reason(error) }),
        onSaved: () => (saving.value = 'saved'),
      })
      workspace.value = ws
      show(await ws.readWorkingFiles())
    } catch (error) {
      problem.value = reason(error)
    }
  }

  function attachEditor(controller: EditorController): void {
    editor.value = controller
    show(loaded)
  }

  function onEdit(path: string, text: string): void {
    saving.value = 'saving'
    autosave?.change(path, text)
  }

  function openFile(path: string): void {
    editor.value?.open(path)
    active.value = editor.value?.current()
  }

  /** The files as they are in the editor now (what `deploy` compiles). */
  function files(): Record<string, string> {
    return editor.value ? editor.value.files() : { ...loaded }
  }

  /** Adds a file (checked name; a .sol file starts as an empty contract of that name) and opens it. */
  async function addFile(name: string): Promise<boolean> {
    const trimmed = name.trim()
    const bad = projectFileNameProblem(trimmed, names.value)
    if (bad) {
      problem.value = bad[options.lang()]
      return false
    }
    const ws = workspace.value
    if (!ws) return false
    problem.value = undefined
    await autosave?.flush()
    await ws.writeWorkingFile(trimmed, newFileText(trimmed))
    show({ ...files(), [trimmed]: newFileText(trimmed) })
    openFile(trimmed)
    return true
  }

  /** Saves a version of the project in its history (what is typed is written first). */
  async function saveVersion(): Promise<void> {
    const ws = workspace.value
    if (!ws) return
    try {
      await autosave?.flush()
      await ws.commitSnapshot('save')
      historyKey.value++
    } catch (error) {
      problem.value = reason(error)
    }
  }

  /** After a restore from the history: the files changed under the editor. */
  async function reloadFiles(): Promise<void> {
    const ws = workspace.value
    if (!ws) return
    autosave?.discard()
    show(await ws.readWorkingFiles())
    saving.value = 'saved'
    historyKey.value++
  }

  const flush = (): Promise<void> => autosave?.flush() ?? Promise.resolve()

  void start()
  return { workspace, names, active, saving, problem, historyKey, attachEditor, onEdit, openFile, files, addFile, saveVersion, reloadFiles, flush }
}
