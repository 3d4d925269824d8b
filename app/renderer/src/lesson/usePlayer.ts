/**
 * The lesson page's state and actions (a Vue composable, so LessonView's script stays small):
 * loads the lesson asset and the workspace, connects the editor, autosave, live Solidity
 * diagnostics, grading, hints, reset and the solution, and cleans up when the page closes.
 *
 * @module
 */
import type { Ref, ShallowRef } from 'vue'
import { computed, onBeforeUnmount, ref, shallowRef } from 'vue'
import { availableHints } from '../../../../courses/format/progress/hintLadder.ts'
import type { Lang } from '../catalogue/lang.ts'
import { officialLesson } from '../catalogue/official.ts'
import { useProgressStore } from '../stores/progress.ts'
import { createCompilerClient } from '../workers/compilerClient.ts'
import { appGrading } from './appGrading.ts'
import { appHost } from '../host/appHost.ts'
import type { EditorController } from './editorController.ts'
import type { GradeSummary } from './gradeSummary.ts'
import { summarizeGrade } from './gradeSummary.ts'
import type { LessonAsset } from './lessonAsset.ts'
import { fetchLessonAsset, orderedFiles } from './lessonAsset.ts'
import type { GradeOutcome, LessonPlayer } from './lessonPlayer.ts'
import { hintedLesson, openLessonPlayer } from './lessonPlayer.ts'
import { loadLastResult, saveLastResult } from './lastResult.ts'
import type { DiagnosticsState, LiveDiagnostics } from './liveDiagnostics.ts'
import { createLiveDiagnostics } from './liveDiagnostics.ts'

export type SaveState = 'saved' | 'saving' | { error: string }

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'text' in error) {
    const text = (error as { text: { en: string } }).text
    if (text && typeof text.en === 'string') return text.en
  }
  return error instanceof Error ? error.message : String(error)
}

export function usePlayer(lessonId: Ref<string>, lang: Ref<Lang>) {
  const progress = useProgressStore()
  const asset = shallowRef<LessonAsset | undefined>()
  const player = shallowRef<LessonPlayer | undefined>()
  const loadError = ref<string | undefined>()
  const editor: ShallowRef<EditorController | undefined> = shallowRef()
  const files = ref<string[]>([])
  const active = ref<string | undefined>()
  const save = ref<SaveState>('saved')
  const grading = ref(false)
  const outcome = shallowRef<GradeOutcome | undefined>()
  const gradeError = ref<string | undefined>()
  const diagnostics = ref<DiagnosticsState>({ kind: 'idle' })
  const solutionOpen = ref(false)
  const solutionError = ref<string | undefined>()
  const resetNotice = ref(false)
  /** Bumped after every commit (grade, reset) so the history panel refreshes. */
  const historyKey = ref(0)

  const grader = appGrading()
  let compiler: ReturnType<typeof createCompilerClient> | undefined
  let live: LiveDiagnostics | undefined
  let disposed = false

  const summary = computed<GradeSummary | undefined>(() => (outcome.value ? summarizeGrade(outcome.value.result, lang.value) : undefined))
  const lessonProgress = computed(() => progress.progress.lessons[lessonId.value])
  const ladder = computed(() => (asset.value ? availableHints(hintedLesson(asset.value), lessonProgress.value) : undefined))

  function showFiles(working: Record<string, string>): void {
    if (disposed || !editor.value || !asset.value) return
    const order = orderedFiles(asset.value.files, Object.keys(working))
    files.value = order
    editor.value.setFiles(working, order)
    active.value = editor.value.current()
    live?.now(working)
  }

  async function start(): Promise<void> {
    try {
      const [loaded, host] = await Promise.all([fetchLessonAsset(lessonId.value, document.baseURI), appHost()])
      progress.useStorage(async () => host.storage)
      await progress.load().catch(() => undefined) // shown by the store's error
      const workspace = await host.openWorkspace(loaded.id)
      const opened = await openLessonPlayer({
        asset: loaded,
        workspace,
        progress,
        grader,
        onSaveError: (error) => (save.value = { error: reason(error) }),
        onSaved: () => (save.value = 'saved'),
      })
      if (disposed) return
      asset.value = loaded
      player.value = opened
      // The checks of the last attempt, as they were before the reload (a convenience copy).
      const last = await loadLastResult(host.storage, loaded.id).catch(() => undefined)
      if (last && !disposed && outcome.value === undefined) {
        outcome.value = { result: last.result, ms: last.ms, restored: true, restoredAttempt: last.attempt }
      }
      if (Object.keys(loaded.starter).some((p) => p.endsWith('.sol'))) {
        compiler = createCompilerClient()
        const client = compiler
        live = createLiveDiagnostics({
          compile: (sources) => client.compile({ sources }),
          apply: (markers) => editor.value?.setMarkers('solc', markers),
          state: (state) => (diagnostics.value = state),
        })
      }
      showFiles(await opened.loadFiles())
    } catch (error) {
      loadError.value = reason(error)
    }
  }

  /** The editor is mounted (EditorPane's `ready`). */
  function attachEditor(controller: EditorController): void {
    editor.value = controller
    if (player.value) void player.value.loadFiles().then(showFiles)
  }

  function onEdit(path: string, text: string): void {
    const p = player.value
    if (!p || !editor.value) return
    save.value = 'saving'
    p.autosave.change(path, text)
    live?.changed(editor.value.files())
  }

  function openFile(path: string): void {
    editor.value?.open(path)
    active.value = editor.value?.current()
  }

  async function grade(): Promise<void> {
    const p = player.value
    if (!p || !editor.value || grading.value) return
    grading.value = true
    gradeError.value = undefined
    try {
      const graded = await p.grade(editor.value.files())
      outcome.value = graded
      historyKey.value++
      const storage = (await appHost()).storage
      void saveLastResult(storage, graded.result.lesson, { version: 1, result: graded.result, attempt: graded.record?.attempt, ms: graded.ms, at: new Date().toISOString() }).catch(() => undefined)
    } catch (error) {
      gradeError.value = reason(error)
    } finally {
      grading.value = false
    }
  }

  async function revealHint(): Promise<void> {
    const next = ladder.value?.next
    if (!player.value || next === undefined) return
    await player.value.revealHint(next)
  }

  async function resetToStarter(): Promise<void> {
    const p = player.value
    if (!p) return
    showFiles(await p.resetToStarter())
    save.value = 'saved'
    outcome.value = undefined
    resetNotice.value = true
    historyKey.value++
  }

  async function toggleSolution(): Promise<void> {
    if (solutionOpen.value) {
      solutionOpen.value = false
      return
    }
    if (!player.value) return
    solutionError.value = undefined
    try {
      await player.value.revealSolution()
      solutionOpen.value = true
    } catch (error) {
      solutionError.value = reason(error)
    }
  }

  /** After a restore from the history: the working files changed under the editor. */
  async function reloadFiles(): Promise<void> {
    const p = player.value
    if (!p) return
    p.autosave.discard()
    showFiles(await p.loadFiles())
    save.value = 'saved'
    historyKey.value++
  }

  const flush = (): void => void player.value?.autosave.flush()
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') flush()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', flush)

  onBeforeUnmount(() => {
    disposed = true
    flush()
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', flush)
    live?.dispose()
    compiler?.terminate()
  })


  if (officialLesson(lessonId.value)) void start() // an unknown id shows 'not found' and fetches nothing

  return {
    asset,
    player,
    loadError,
    files,
    active,
    save,
    grading,
    outcome,
    summary,
    gradeError,
    diagnostics,
    ladder,
    lessonProgress,
    solutionOpen,
    solutionError,
    resetNotice,
    historyKey,
    attachEditor,
    onEdit,
    openFile,
    grade,
    revealHint,
    resetToStarter,
    toggleSolution,
    reloadFiles,
  }
}
