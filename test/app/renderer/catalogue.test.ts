/**
 * The catalogue the web edition is built with: the official pack through courses/format's
 * loader, every lesson with both languages.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../../app/renderer/build/catalogue.ts'

const packDir = fileURLToPath(new URL('../../../courses', import.meta.url))

describe('buildCatalogue', () => {
  it('lists the tracks and their lessons in order, in Korean and English', async () => {
    const catalogue = await buildCatalogue(packDir)
    expect(catalogue.title).toEqual({ ko: '블록체인 놀이터', en: 'Blockchain Playground' })
    expect(catalogue.tracks.map((t) => [t.id, t.title.ko, t.title.en])).toEqual([
      ['beginner', '입문', 'Beginner'],
      ['developer', '개발', 'Developer'],
    ])
    const beginner = catalogue.tracks[0]!
    expect(beginner.lessons.length).toBeGreaterThanOrEqual(12)
    expect(beginner.lessons.map((l) => l.order)).toEqual(beginner.lessons.map((_, i) => i + 1))
    expect(beginner.lessons[0]).toMatchObject({ id: 'hash-functions', track: 'beginner', order: 1, minutes: 20 })
    for (const track of catalogue.tracks) {
      for (const lesson of track.lessons) {
        expect(lesson.title.ko).toMatch(/[\uac00-\ud7a3]/)
        expect(lesson.readme.ko).toMatch(/^# /)
        expect(lesson.readme.en).toMatch(/^# /)
        expect(lesson.objectives.ko.length).toBe(lesson.objectives.en.length)
      }
    }
    // Only what the app shows: no grader, starter or solution text travels to the browser.
    expect(Object.keys(beginner.lessons[0]!).sort()).toEqual(['id', 'minutes', 'objectives', 'order', 'readme', 'title', 'track'])
  })
})
