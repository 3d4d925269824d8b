/**
 * The official course pack's catalogue, as built into the bundle (see `officialCatalogue.d.ts`),
 * and what the views ask of it.
 *
 * @module
 */
import type { Catalogue, CatalogueLesson, CatalogueTrack } from './catalogue.ts'
import { findLesson } from './catalogue.ts'
import catalogue from './officialCatalogue.js'

export const officialCatalogue: Catalogue = catalogue

export function officialTracks(): CatalogueTrack[] {
  return officialCatalogue.tracks
}

export function officialLesson(id: string): { lesson: CatalogueLesson; track: CatalogueTrack } | undefined {
  const lesson = findLesson(officialCatalogue, id)
  const track = lesson && officialCatalogue.tracks.find((t) => t.id === lesson.track)
  return lesson && track ? { lesson, track } : undefined
}

export function totalMinutes(track: CatalogueTrack): number {
  return track.lessons.reduce((sum, l) => sum + l.minutes, 0)
}
