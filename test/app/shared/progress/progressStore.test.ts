import { describe, expect, it } from 'vitest'
import { ProgressError } from '../../../../courses/format/progress/progressErrors.ts'
import { emptyProgress } from '../../../../courses/format/progress/progressSchema.ts'
import { recordAttempt } from '../../../../courses/format/progress/progressTransitions.ts'
import { createProgressStore, PROGRESS_BACKUP_FILE, PROGRESS_FILE } from '../../../../app/shared/progress/progressStore.ts'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'
import { readText } from '../../../../app/shared/storage/storageText.ts'

const NOW = new Date('2026-02-03T04:05:06.000Z')
const now = (): Date => NOW

function setup(files: Record<string, string> = {}) {
  const storage = createMemoryStorage({ files, now })
  return { storage, store: createProgressStore({ storage, now }) }
}

const sample = recordAttempt(emptyProgress(), 'hello-chain', { score: 0.5, passed: false, at: '2026-01-01T00:00:00.000Z' })

describe('progress store', () => {
  it('loads a fresh progress when there is no file, without a report', async () => {
    const { store } = setup()
    expect(await store.load()).toEqual({ progress: emptyProgress() })
  })

  it('saves and loads back', async () => {
    const { store, storage } = setup()
    await store.save(sample)
    expect((await store.load()).progress).toEqual(sample)
    expect(JSON.parse((await readText(storage, PROGRESS_FILE))!)).toEqual(sample)
  })

  it('recordAttempt stamps the store clock and saves', async () => {
    const { store } = setup()
    await store.recordAttempt('l', { score: 1, passed: true })
    const { progress } = await store.load()
    expect(progress.lessons.l).toMatchObject({ status: 'passed', attempts: 1, bestScore: 1, passedAt: NOW.toISOString(), startedAt: NOW.toISOString() })
  })

  it('recordStart and update (e.g. a hint) save through the store', async () => {
    const { store } = setup()
    await store.recordStart('l')
    const { progress } = await store.update((p) => ({ ...p, lessons: { ...p.lessons, l: { ...p.lessons.l!, hintsUsed: 1 } } }))
    expect(progress.lessons.l).toMatchObject({ status: 'started', attempts: 0, hintsUsed: 1, startedAt: NOW.toISOString() })
    expect((await store.load()).progress).toEqual(progress)
  })

  it.each([
    ['{not json', 'not valid JSON'],
    ['{"schemaVersion":1,"lessons":{"l":{"status":"won"}}}', 'lessons.l.status'],
    ['[]', 'not a JSON object'],
  ])('quarantines an unusable file (%s) and reports where it went', async (content, words) => {
    const { store, storage } = setup({ [PROGRESS_FILE]: content })
    const { progress, report } = await store.load()
    expect(progress).toEqual(emptyProgress())
    const where = 'quarantine/progress.json.2026-02-03T04-05-06-000Z.corrupt'
    expect(report).toMatchObject({ code: 'progress.quarantined' })
    expect(report!.en).toContain(where)
    expect(report!.en).toContain(words)
    expect(report!.ko).toContain(where)
    expect(await readText(storage, where)).toBe(content)
    expect(await storage.read(PROGRESS_FILE)).toBeUndefined()
  })

  it('leaves a file from a newer version untouched and throws', async () => {
    const newer = '{"schemaVersion":99,"lessons":{}}'
    const { store, storage } = setup({ [PROGRESS_FILE]: newer })
    await expect(store.load()).rejects.toMatchObject({ code: 'progress.newer-version' })
    await expect(store.update((p) => p)).rejects.toBeInstanceOf(ProgressError)
    expect(await readText(storage, PROGRESS_FILE)).toBe(newer)
    expect(await storage.list('quarantine/')).toEqual([])
  })

  it('exports JSON with schemaVersion and exportedAt, which imports back', async () => {
    const { store } = setup()
    await store.save(sample)
    const { text, report } = await store.exportProgress()
    expect(report).toBeUndefined()
    expect(JSON.parse(text)).toEqual({ schemaVersion: 1, exportedAt: NOW.toISOString(), lessons: sample.lessons })
    const other = setup()
    const change = await other.store.importProgress(text)
    expect(change.progress).toEqual(sample)
    expect(change.report).toMatchObject({ code: 'progress.imported-fresh' })
    expect((await other.store.load()).progress).toEqual(sample)
  })

  it('import replaces the progress and keeps the old file as the backup', async () => {
    const { store, storage } = setup()
    const old = recordAttempt(emptyProgress(), 'old-lesson', { score: 1, passed: true, at: '2026-01-01T00:00:00.000Z' })
    await store.save(old)
    const oldText = await readText(storage, PROGRESS_FILE)
    const change = await store.importProgress(JSON.stringify(sample))
    expect(change.report.code).toBe('progress.imported')
    expect(change.report.en).toContain(PROGRESS_BACKUP_FILE)
    expect(change.report.ko).toContain(PROGRESS_BACKUP_FILE)
    expect(await readText(storage, PROGRESS_BACKUP_FILE)).toBe(oldText)
    expect((await store.load()).progress).toEqual(sample)
  })

  it('refuses an invalid import and changes nothing', async () => {
    const { store, storage } = setup()
    await store.save(sample)
    for (const [text, code] of [
      ['nope', 'progress.invalid'],
      ['{"schemaVersion":1,"lessons":{"x":{}}}', 'progress.invalid'],
      ['{"schemaVersion":7,"lessons":{}}', 'progress.newer-version'],
    ] as const) {
      const e = await store.importProgress(text).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(ProgressError)
      expect((e as ProgressError).code).toBe(code)
      expect((e as ProgressError).text.en).toContain('left unchanged')
      expect((e as ProgressError).text.ko).toContain('그대로')
    }
    expect((await store.load()).progress).toEqual(sample)
    expect(await storage.read(PROGRESS_BACKUP_FILE)).toBeUndefined()
  })

  it('reset of one lesson or all keeps a backup; nothing to reset is said so', async () => {
    const { store, storage } = setup()
    const two = recordAttempt(sample, 'second', { score: 1, passed: true, at: '2026-01-01T00:00:00.000Z' })
    await store.save(two)
    const one = await store.reset('hello-chain')
    expect(one).toMatchObject({ changed: true, report: { code: 'progress.reset-lesson' } })
    expect(Object.keys(one.progress.lessons)).toEqual(['second'])
    expect(JSON.parse((await readText(storage, PROGRESS_BACKUP_FILE))!)).toEqual(two)
    expect(await store.reset('hello-chain')).toMatchObject({ changed: false, report: { code: 'progress.reset-nothing' } })
    const all = await store.reset()
    expect(all).toMatchObject({ changed: true, report: { code: 'progress.reset-all' }, progress: emptyProgress() })
    expect(Object.keys(JSON.parse((await readText(storage, PROGRESS_BACKUP_FILE))!).lessons)).toEqual(['second'])
    expect((await store.load()).progress).toEqual(emptyProgress())
    expect(await setup().store.reset()).toMatchObject({ changed: false, report: { code: 'progress.reset-nothing-all' } })
  })
})
