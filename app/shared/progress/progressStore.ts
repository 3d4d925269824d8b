/**
 * Progress on a Storage (`progress.json`): load, save, export, import, reset.
 *
 * - A file that is not JSON or not a valid progress is quarantined (moved, byte for byte, to
 *   `quarantine/…`) and the load returns a fresh progress *and* a report naming where the file
 *   went: never silently dropped.
 * - A file from a newer version of the app is not touched at all: the load throws
 *   `progress.newer-version`, because an older app rewriting it would lose what it cannot read.
 * - Import replaces the progress (merging two learners' histories has no right answer) and
 *   keeps the old file in `progress.backup.json`; reset does the same.
 *
 * @module
 */
import { ProgressError } from '../../../courses/format/progress/progressErrors.ts'
import type { Progress } from '../../../courses/format/progress/progressSchema.ts'
import { emptyProgress } from '../../../courses/format/progress/progressSchema.ts'
import { parseProgress } from '../../../courses/format/progress/parseProgress.ts'
import { recordAttempt, recordStart, resetProgress } from '../../../courses/format/progress/progressTransitions.ts'
import type { AttemptResult } from '../../../courses/format/progress/progressTransitions.ts'
import type { RenderedMessage } from '../messages.ts'
import type { Storage } from '../storage/storage.ts'
import { progressMessage } from './progressMessages.ts'

export const PROGRESS_FILE = 'progress.json'
export const PROGRESS_BACKUP_FILE = 'progress.backup.json'

export interface ProgressLoad {
  progress: Progress
  /** Present when the stored file was unusable and was quarantined. */
  report?: RenderedMessage | undefined
}

export interface ProgressChange {
  progress: Progress
  report: RenderedMessage
  /** False when there was nothing to change (reset of a lesson with no progress). */
  changed: boolean
}

export interface ProgressStore {
  load(): Promise<ProgressLoad>
  save(progress: Progress): Promise<void>
  /**
   * Load, apply `change`, save: the usual way to record something, e.g.
   * `update((p) => revealHint(p, lesson, 2, new Date().toISOString()))`.
   */
  update(change: (progress: Progress) => Progress): Promise<ProgressLoad>
  /** Marks a lesson started at the store's clock (no change if it already was). */
  recordStart(lessonId: string): Promise<ProgressLoad>
  /** Records a graded attempt at the store's clock. */
  recordAttempt(lessonId: string, result: Omit<AttemptResult, 'at'>): Promise<ProgressLoad>
  /** JSON text with `schemaVersion`, `exportedAt` and the lessons. */
  exportProgress(): Promise<{ text: string; report?: RenderedMessage | undefined }>
  /** Validates `text` and replaces the progress with it (the old one goes to the backup). */
  importProgress(text: string): Promise<ProgressChange>
  /** Forgets one lesson or (no id) everything, keeping a backup. */
  reset(lessonId?: string): Promise<ProgressChange>
}

export interface ProgressStoreOptions {
  storage: Storage
  /** Clock for timestamps (default: the real time). */
  now?: (() => Date) | undefined
}

/**
 * @example
 * const store = createProgressStore({ storage })
 * const { progress, report } = await store.load()
 * await store.recordAttempt('hello-chain', { score: 0.8, passed: false })
 */
export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const { storage } = options
  const now = options.now ?? (() => new Date())
  const serialise = (progress: Progress): string => `${JSON.stringify(progress, null, 2)}\n`

  async function load(): Promise<ProgressLoad> {
    const bytes = await storage.read(PROGRESS_FILE)
    if (bytes === undefined) return { progress: emptyProgress() }
    let problem: string
    try {
      return { progress: parseProgress(JSON.parse(new TextDecoder().decode(bytes))) }
    } catch (error) {
      if (error instanceof ProgressError && error.code === 'progress.newer-version') throw error
      problem = error instanceof ProgressError ? error.text.en : `not valid JSON: ${(error as Error).message}`
    }
    const where = await storage.quarantine(PROGRESS_FILE, problem)
    return { progress: emptyProgress(), report: progressMessage('progress.quarantined', { details: problem, where }) }
  }

  async function save(progress: Progress): Promise<void> {
    await storage.writeAtomic(PROGRESS_FILE, serialise(progress))
  }

  async function update(change: (progress: Progress) => Progress): Promise<ProgressLoad> {
    const loaded = await load()
    const progress = change(loaded.progress)
    await save(progress)
    return { progress, report: loaded.report }
  }

  /** Copies the current file (byte for byte, even if damaged) to the backup; its name, or undefined if there was none. */
  async function backup(): Promise<string | undefined> {
    const bytes = await storage.read(PROGRESS_FILE)
    if (bytes === undefined) return undefined
    await storage.writeAtomic(PROGRESS_BACKUP_FILE, bytes)
    return PROGRESS_BACKUP_FILE
  }

  return {
    load,
    save,
    update,
    recordStart: (lessonId) => update((p) => recordStart(p, lessonId, now().toISOString())),
    recordAttempt: (lessonId, result) => update((p) => recordAttempt(p, lessonId, { ...result, at: now().toISOString() })),

    async exportProgress() {
      const { progress, report } = await load()
      const text = `${JSON.stringify({ schemaVersion: progress.schemaVersion, exportedAt: now().toISOString(), lessons: progress.lessons }, null, 2)}\n`
      return { text, report }
    },

    async importProgress(text) {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch (error) {
        const details = { en: `the file is not valid JSON (${(error as Error).message}).`, ko: `파일이 올바른 JSON이 아닙니다(${(error as Error).message}).` }
        throw new ProgressError('progress.invalid', { en: progressMessage('progress.import-invalid', { details: details.en }).en, ko: progressMessage('progress.import-invalid', { details: details.ko }).ko })
      }
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        // An export carries `exportedAt`; the stored file does not.
        const { exportedAt: _exportedAt, ...rest } = parsed as Record<string, unknown>
        parsed = rest
      }
      let progress: Progress
      try {
        progress = parseProgress(parsed)
      } catch (error) {
        if (!(error instanceof ProgressError)) throw error
        throw new ProgressError(error.code, {
          en: progressMessage('progress.import-invalid', { details: error.text.en }).en,
          ko: progressMessage('progress.import-invalid', { details: error.text.ko }).ko,
        })
      }
      const saved = await backup()
      await save(progress)
      const lessons = Object.keys(progress.lessons).length
      const report = saved === undefined ? progressMessage('progress.imported-fresh', { lessons }) : progressMessage('progress.imported', { lessons, backup: saved })
      return { progress, report, changed: true }
    },

    async reset(lessonId) {
      const { progress } = await load()
      if (lessonId !== undefined && !progress.lessons[lessonId]) {
        return { progress, report: progressMessage('progress.reset-nothing', { lesson: lessonId }), changed: false }
      }
      const saved = await backup()
      if (saved === undefined) return { progress, report: progressMessage('progress.reset-nothing-all'), changed: false }
      const next = resetProgress(progress, lessonId)
      await save(next)
      const report = lessonId === undefined ? progressMessage('progress.reset-all', { backup: saved }) : progressMessage('progress.reset-lesson', { lesson: lessonId, backup: saved })
      return { progress: next, report, changed: true }
    },
  }
}
