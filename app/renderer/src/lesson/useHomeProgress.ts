/**
 * The home page's view of the progress: loads it through the host after the page is shown (the
 * host is a dynamic import, so the track list never waits for it) and derives each lesson's
 * state, each track's bar and the lesson to continue.
 *
 * @module
 */
import { computed } from 'vue'
import type { CatalogueTrack } from '../catalogue/catalogue.ts'
import { officialLesson, officialTracks } from '../catalogue/official.ts'
import { useProgressStore } from '../stores/progress.ts'
import { appHost } from '../host/appHost.ts'
import { continueLesson, lessonStatus, trackProgress } from './progressView.ts'

export function useHomeProgress() {
  const store = useProgressStore()
  const tracks = officialTracks()
  const ids = tracks.flatMap((t) => t.lessons.map((l) => l.id))

  void (async () => {
    try {
      const host = await appHost()
      store.useStorage(async () => host.storage)
      await store.load()
    } catch {
      // store.error holds the reason and the page shows it
    }
  })()

  const status = (lessonId: string) => lessonStatus(store.progress, lessonId)
  const track = (t: CatalogueTrack) => trackProgress(store.progress, t.lessons.map((l) => l.id))
  const resume = computed(() => {
    const id = continueLesson(store.progress, ids)
    return id === undefined ? undefined : officialLesson(id)?.lesson
  })
  return { store, tracks, status, track, resume }
}
