/**
 * One open lesson, outside Vue: the learner's workspace (a git repository through the host), the
 * autosave of what they type, grading in the worker, and what each action records in the
 * progress. LessonView drives it; the editor is its source of the files being graded.
 *
 * - Open: the workspace is started from the starter the first time (`init` never overwrites the
 *   learner's files), then the *working* files are loaded — what they typed last, not the starter.
 * - Autosave: each change is written after ~300 ms of quiet; `flush()` writes everything pending
 *   (the view calls it on `visibilitychange`/`pagehide` and before grading, reset and leaving).
 * - Grade: the editor's files go to the grading worker (typing goes on meanwhile; its autosave is
 *   held); then the attempt is committed ("attempt N: P/T checks") — exactly what was graded —
 *   and recorded in the progress, and what was typed meanwhile is saved.
 * - Reset: `replaceAll(starter, 'reset to starter')` — the old work stays in the history.
 *
 * @module
 */
import type { GradeRequest, GradeResult } from '../../../../courses/format/grading/gradeLesson.ts'
import type { HintedLesson } from '../../../../courses/format/progress/hintLadder.ts'
import type { Progress } from '../../../../courses/format/progress/progressSchema.ts'
import type { GradedAttempt, GradedAttemptRecord } from '../../../shared/progress/recordGradedAttempt.ts'
import type { Workspace } from '../../../shared/workspace/workspace.ts'
import type { HostWorkspace } from '../host/host.ts'
import type { Autosave } from './autosave.ts'
import { createAutosave } from './autosave.ts'
import type { LessonAsset } from './lessonAsset.ts'
import type { Timers } from './latestWins.ts'

/** What the player needs of the progress (the Pinia store in the app; a fake in tests). */
export interface PlayerProgress {
  recordStart(lessonId: string): Promise<Progress>
  recordGraded(workspace: Workspace, graded: GradedAttempt): Promise<GradedAttemptRecord>
  revealHint(lesson: HintedLesson, tier: number): Promise<Progress>
  revealSolution(lesson: HintedLesson): Promise<Progress>
}

export interface Grader {
  grade(request: GradeRequest): Promise<GradeResult>
}

export interface GradeOutcome {
  result: GradeResult
  /** Undefined when recording failed (`recordError` says why); the result is still shown. */
  record?: GradedAttemptRecord | undefined
  recordError?: unknown
  /** Wall time of the grading call. */
  ms: number
  /** Shown again after a reload (the last result kept in storage), not graded in this visit. */
  restored?: boolean | undefined
  /** The attempt number of a restored result (a restored one has no `record`). */
  restoredAttempt?: number | undefined
}

export interface LessonPlayer {
  readonly asset: LessonAsset
  readonly workspace: HostWorkspace
  readonly autosave: Autosave
  /** The working files (after the start, a reset or a restore). */
  loadFiles(): Promise<Record<string, string>>
  grade(files: Record<string, string>): Promise<GradeOutcome>
  revealHint(tier: number): Promise<Progress>
  revealSolution(): Promise<Progress>
  /** Makes the working copy the starter again (committed, so the old work stays in history); returns it. */
  resetToStarter(): Promise<Record<string, string>>
}

/** The lesson as the hint ladder and solution policy see it. */
export function hintedLesson(asset: LessonAsset): HintedLesson {
  return { id: asset.id, hints: asset.hints, solutionPolicy: asset.solutionPolicy }
}

/**
 * Opens lesson `asset` in `workspace` (starting it if needed).
 *
 * @example
 * const player = await openLessonPlayer({ asset, workspace: await host.openWorkspace(asset.id), progress, grader })
 * editor.setFiles(await player.loadFiles(), asset.files)
 */
export async function openLessonPlayer(options: {
  asset: LessonAsset
  workspace: HostWorkspace
  progress: PlayerProgress
  grader: Grader
  autosaveMs?: number | undefined
  onSaveError?: ((error: unknown, path: string) => void) | undefined
  onSaved?: (() => void) | undefined
  timers?: Timers | undefined
  now?: (() => number) | undefined
}): Promise<LessonPlayer> {
  const { asset, workspace, progress, grader } = options
  const now = options.now ?? (() => performance.now())
  if (!(await workspace.isWorkspace())) await workspace.init({ lessonId: asset.id, files: asset.starter })
  else await workspace.init({ lessonId: asset.id }) // finishes an init a crash interrupted; otherwise changes nothing
  await progress.recordStart(asset.id)
  const autosave = createAutosave({
    delayMs: options.autosaveMs ?? 300,
    write: (path, text) => workspace.writeWorkingFile(path, text),
    onError: options.onSaveError,
    onSaved: options.onSaved,
    timers: options.timers,
  })
  const lesson = hintedLesson(asset)

  return {
    asset,
    workspace,
    autosave,
    loadFiles: () => workspace.readWorkingFiles(),

    async grade(files) {
      // Save what is pending (the text being graded), then hold autosave until the attempt is
      // committed, so the commit holds exactly what was graded; typing goes on meanwhile.
      await autosave.flush()
      const release = autosave.hold()
      try {
        const started = now()
        const result = await grader.grade({ lesson: { id: asset.id, network: asset.network }, grader: asset.grader, workspace: files })
        const ms = now() - started
        const passed = result.checks.filter((c) => c.status === 'pass').length
        try {
          const record = await progress.recordGraded(workspace, { lessonId: asset.id, passed, total: result.checks.length, lessonPassed: result.passed })
          return { result, record, ms }
        } catch (recordError) {
          return { result, recordError, ms }
        }
      } finally {
        void release()
      }
    },

    revealHint: (tier) => progress.revealHint(lesson, tier),
    revealSolution: () => progress.revealSolution(lesson),

    async resetToStarter() {
      await autosave.flush() // the present is committed before it is replaced
      autosave.discard()
      await workspace.replaceAll(asset.starter, 'reset to starter')
      return workspace.readWorkingFiles()
    },
  }
}
