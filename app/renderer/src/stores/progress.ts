/**
 * The learner's progress for the UI: a Pinia store over app/shared's progress store (which keeps
 * `progress.json` on the host's Storage). A progress file that had to be quarantined is kept as a
 * `notice` the app shows until dismissed — never silently dropped. Every change goes through the
 * shared store (load, apply, save) and the reactive copy is replaced with what was saved.
 *
 * @module
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { HintedLesson } from '../../../../courses/format/progress/hintLadder.ts'
import { revealHint, revealSolution } from '../../../../courses/format/progress/hintLadder.ts'
import type { Progress } from '../../../../courses/format/progress/progressSchema.ts'
import { emptyProgress } from '../../../../courses/format/progress/progressSchema.ts'
import type { RenderedMessage } from '../../../shared/messages.ts'
import type { ProgressLoad, ProgressStore } from '../../../shared/progress/progressStore.ts'
import { createProgressStore } from '../../../shared/progress/progressStore.ts'
import type { GradedAttempt, GradedAttemptRecord } from '../../../shared/progress/recordGradedAttempt.ts'
import { recordGradedAttempt } from '../../../shared/progress/recordGradedAttempt.ts'
import type { Storage } from '../../../shared/storage/storage.ts'
import type { Workspace } from '../../../shared/workspace/workspace.ts'

/** Where the store's Storage comes from (the host's; tests pass a memory one). */
export type StorageSource = () => Promise<Storage>

export const useProgressStore = defineStore('progress', () => {
  const progress = shallowRef<Progress>(emptyProgress())
  const loaded = ref(false)
  /** A quarantined progress file (or another report), shown until dismissed. */
  const notice = shallowRef<RenderedMessage | undefined>(undefined)
  /** Loading failed (e.g. a progress file from a newer app): the message, in both languages. */
  const error = shallowRef<{ ko: string; en: string } | undefined>(undefined)

  let source: StorageSource | undefined
  let store: Promise<ProgressStore> | undefined
  let queue: Promise<unknown> = Promise.resolve()

  function useStorage(from: StorageSource): void {
    source = from
    store = undefined
    loaded.value = false
  }

  function shared(): Promise<ProgressStore> {
    if (!source) return Promise.reject(new Error('progress store: no storage (call useStorage first)'))
    store ??= source().then((storage) => createProgressStore({ storage }))
    return store
  }

  /** Runs changes one at a time (two quick clicks must not both load the old file). */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  function take(result: ProgressLoad): Progress {
    progress.value = result.progress
    if (result.report) notice.value = result.report
    loaded.value = true
    error.value = undefined
    return result.progress
  }

  function failed(e: unknown): never {
    const text = e as { text?: { ko: string; en: string } }
    error.value = text.text ?? { ko: `진행 기록을 읽지 못했습니다: ${String((e as Error).message ?? e)}`, en: `Could not read the progress: ${String((e as Error).message ?? e)}` }
    throw e
  }

  async function load(): Promise<Progress> {
    return serial(async () => take(await (await shared()).load())).catch(failed)
  }

  async function update(change: (p: Progress) => Progress): Promise<Progress> {
    return serial(async () => take(await (await shared()).update(change)))
  }

  return {
    progress,
    loaded,
    notice,
    error,
    useStorage,
    load,
    /** Marks the lesson started (no change if it already was). */
    recordStart: (lessonId: string) => serial(async () => take(await (await shared()).recordStart(lessonId))),
    /** Commits the attempt in the workspace, then records it (app/shared's order: work first). */
    recordGraded: (workspace: Workspace, graded: GradedAttempt): Promise<GradedAttemptRecord> =>
      serial(async () => {
        const record = await recordGradedAttempt({ workspace, store: await shared() }, graded)
        take({ progress: record.progress, report: record.report })
        return record
      }),
    revealHint: (lesson: HintedLesson, tier: number) => update((p) => revealHint(p, lesson, tier, new Date().toISOString())),
    revealSolution: (lesson: HintedLesson) => update((p) => revealSolution(p, lesson, new Date().toISOString())),
    dismissNotice: () => {
      notice.value = undefined
    },
  }
})
