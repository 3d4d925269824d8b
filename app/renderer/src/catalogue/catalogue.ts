/**
 * The course catalogue the app shows: built from the official pack at build time
 * (`build/catalogue.ts` loads `courses/` with courses/format's loader), so the renderer never
 * reads the disk. The shapes are plain JSON.
 *
 * @module
 */
import type { Lang } from './lang.ts'

export interface Bilingual {
  ko: string
  en: string
}

export interface CatalogueLesson {
  id: string
  track: string
  order: number
  title: Bilingual
  minutes: number
  objectives: { ko: string[]; en: string[] }
  readme: Bilingual
}

export interface CatalogueTrack {
  id: string
  title: Bilingual
  lessons: CatalogueLesson[]
}

export interface Catalogue {
  id: string
  title: Bilingual
  tracks: CatalogueTrack[]
}

export function findLesson(catalogue: Catalogue, id: string): CatalogueLesson | undefined {
  for (const track of catalogue.tracks) {
    const lesson = track.lessons.find((l) => l.id === id)
    if (lesson) return lesson
  }
  return undefined
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang]
}
