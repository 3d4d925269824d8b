/**
 * A Vite plugin that builds the course catalogue from the official pack at build time: it reads
 * `courses/` (course.yaml and tracks/**) from disk, loads it with courses/format's `loadPack`
 * (the same schema checks as `playground course validate`), and answers the renderer's import of
 * `./officialCatalogue.js` with the catalogue as a JSON module. The renderer never reads the disk
 * at run time, and an invalid pack fails the build with the loader's list of problems.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { loadPack } from '../../../courses/format/loadPack.ts'
import { createMemoryPackSource } from '../../../courses/format/packSource.ts'
import type { Catalogue } from '../src/catalogue/catalogue.ts'

const VIRTUAL_ID = '\0official-catalogue'

/** Only these files of the pack are read (the loader checks the others exist): the catalogue needs no starter, solution or grader. */
const NEEDED = /(^course\.yaml$|\/lesson\.yaml$|\/README\.(ko|en)\.md$|\/EXPECT_FAIL$)/

function readPackFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'format' && entry.name !== 'node_modules') walk(full)
        continue
      }
      const rel = relative(root, full).split(sep).join('/')
      // Every other file is listed (the loader checks the layout) but only the needed ones are read.
      files[rel] = NEEDED.test(rel) ? readFileSync(full, 'utf8') : ''
    }
  }
  walk(root)
  return files
}

/** Loads the pack in `packDir` and returns the catalogue the app shows. */
export async function buildCatalogue(packDir: string): Promise<Catalogue> {
  const pack = await loadPack(createMemoryPackSource(readPackFiles(packDir)))
  return {
    id: pack.course.id,
    title: { ko: pack.course.title.ko, en: pack.course.title.en },
    tracks: pack.course.tracks.map((track) => ({
      id: track.id,
      title: { ko: track.title.ko, en: track.title.en },
      lessons: pack.lessons
        .filter((l) => l.lesson.track === track.id)
        .map(({ lesson, readme }) => ({
          id: lesson.id,
          track: lesson.track,
          order: lesson.order,
          title: { ko: lesson.title.ko, en: lesson.title.en },
          minutes: lesson.minutes,
          objectives: { ko: [...lesson.objectives.ko], en: [...lesson.objectives.en] },
          readme: { ko: readme.ko, en: readme.en },
        })),
    })),
  }
}

/** The Vite plugin (structurally typed: only the hooks it uses). */
export function catalogueFromPack(packDir: string): {
  name: string
  enforce: 'pre'
  resolveId(source: string, importer: string | undefined): string | undefined
  load(this: { addWatchFile(id: string): void }, id: string): Promise<string | undefined>
} {
  return {
    name: 'playground-course-catalogue',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './officialCatalogue.js' && importer !== undefined && /[\\/]catalogue[\\/][^\\/]+\.ts$/.test(importer)) return VIRTUAL_ID
      return undefined
    },
    async load(id) {
      if (id !== VIRTUAL_ID) return undefined
      const files = readPackFiles(packDir)
      for (const path of Object.keys(files)) if (NEEDED.test(path)) this.addWatchFile(join(packDir, path))
      const catalogue = await buildCatalogue(packDir)
      // JSON.parse of a string literal is faster to start than a large object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogue))})\n`
    },
  }
}
