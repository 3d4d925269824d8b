import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useProgressStore } from '../../../../app/renderer/src/stores/progress.ts'
import { createMemoryStorage } from '../../../../app/shared/storage/memoryStorage.ts'

beforeEach(() => setActivePinia(createPinia()))

const lesson = { id: 'demo', hints: [{ ko: '하나', en: 'one' }], solutionPolicy: 'onRequestAfterFail' as const }

describe('useProgressStore', () => {
  it('shows a quarantined progress file as a notice instead of dropping it silently', async () => {
    const storage = createMemoryStorage({ files: { 'progress.json': '{ not json' } })
    const store = useProgressStore()
    store.useStorage(async () => storage)
    await store.load()
    expect(store.notice?.code).toBe('progress.quarantined')
    expect(store.notice?.ko).toMatch(/[\uac00-\ud7a3]/)
    expect((await storage.list('quarantine/')).length).toBe(2) // the file and its reason
    expect(store.progress.lessons).toEqual({})
    store.dismissNotice()
    expect(store.notice).toBeUndefined()
  })

  it('refuses a progress file from a newer app and says why (never overwrites it)', async () => {
    const storage = createMemoryStorage({ files: { 'progress.json': JSON.stringify({ schemaVersion: 99, lessons: {} }) } })
    const store = useProgressStore()
    store.useStorage(async () => storage)
    await expect(store.load()).rejects.toMatchObject({ code: 'progress.newer-version' })
    expect(store.error?.en).toBeTruthy()
    expect(new TextDecoder().decode(await storage.read('progress.json'))).toContain('99')
  })

  it('records starts, hints and the solution, one change at a time', async () => {
    const storage = createMemoryStorage()
    const store = useProgressStore()
    store.useStorage(async () => storage)
    await Promise.all([store.recordStart('demo'), store.revealHint(lesson, 1), store.recordStart('other')])
    expect(Object.keys(store.progress.lessons).sort()).toEqual(['demo', 'other'])
    expect(store.progress.lessons.demo?.hintsUsed).toBe(1)
    await expect(store.revealSolution(lesson)).rejects.toMatchObject({ code: 'progress.solution-locked' })
    const saved = JSON.parse(new TextDecoder().decode(await storage.read('progress.json'))) as { lessons: Record<string, { hintsUsed: number }> }
    expect(saved.lessons.demo?.hintsUsed).toBe(1)
  })

  it('fails clearly without a storage', async () => {
    await expect(useProgressStore().load()).rejects.toThrow('no storage')
  })
})
