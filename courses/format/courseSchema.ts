/**
 * `course.yaml` at a pack's root: the course id, its title in Korean and English, and its tracks
 * (each an id that names a folder under `tracks/`, and a title).
 *
 * @example
 * id: blockchain-playground
 * title: { ko: 블록체인 놀이터, en: Blockchain Playground }
 * tracks:
 *   - { id: beginner, title: { ko: 입문, en: Beginner } }
 *
 * @module
 */
import { z } from 'zod'
import { bilingualText, expectation, kebabId } from './schemaParts.ts'

export const trackSchema = z.strictObject({ id: kebabId, title: bilingualText })

export const courseSchema = z.strictObject({
  id: kebabId,
  title: bilingualText,
  tracks: z
    .array(trackSchema, expectation('a list of tracks', '트랙 목록'))
    .min(1, expectation('at least one track', '트랙 하나 이상'))
    .superRefine((tracks, ctx) => {
      const seen = new Set<string>()
      tracks.forEach((track, i) => {
        if (seen.has(track.id)) {
          ctx.addIssue({ code: 'custom', path: [i, 'id'], input: track.id, ...messageOf(expectation('a track id not used before in this list', '목록에서 처음 쓰는 트랙 id')) })
        }
        seen.add(track.id)
      })
    }),
})

function messageOf(e: { error: string }): { message: string } {
  return { message: e.error }
}

export type Track = z.infer<typeof trackSchema>
export type Course = z.infer<typeof courseSchema>
