/**
 * A Vite plugin that writes the lesson player's data at build time: one `lessons/<id>.json` per
 * lesson of the official pack (starter, grader, hints, solution, solution policy, attempt
 * network), loaded with courses/format's `loadPack` like `catalogue.ts`. The player fetches the
 * file when a lesson opens, so the home page does not carry every starter and grader.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { loadPack } from '../../../courses/format/loadPack.ts'
import { createMemoryPackSource } from '../../../courses/format/packSource.ts'
import type { LessonAsset } from '../src/lesson/lessonAsset.ts'

function readTree(root: string, skip: (name: string) => boolean = () => false): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip(entry.name)) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else files[relative(root, full).split(sep).join('/')] = readFileSync(full, 'utf8')
    }
  }
  walk(root)
  return files
}

/**
 * Builds every lesson's asset from the pack in `packDir`.
 *
 * @example
 * const assets = await buildLessonAssets('courses')
 * assets[0].starter['hashing.ts'] // the starter's text
 */
export async function buildLessonAssets(packDir: string): Promise<LessonAsset[]> {
  const files = readTree(packDir, (name) => name === 'node_modules' || name === 'format')
  const pack = await loadPack(createMemoryPackSource(files))
  const folder = (dir: string, name: string): Record<string, string> => {
    const prefix = `${dir}/${name}/`
    const out: Record<string, string> = {}
    for (const [path, text] of Object.entries(files)) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text
    return out
  }
  return pack.lessons.map(({ lesson, dir }, i) => {
    const starter = folder(dir, 'starter')
    return {
      id: lesson.id,
      track: lesson.track,
      order: lesson.order,
      network: lesson.network,
      solutionPolicy: lesson.solutionPolicy,
      files: [...lesson.files],
      starter,
      grader: files[`${dir}/grade.ts`] ?? '',
      hints: lesson.hints.map((h) => ({ ko: h.ko, en: h.en })),
      // Answer folders overlay the starter (courses/AUTHORING.md).
      solution: { ...starter, ...folder(dir, 'solution') },
      next: pack.lessons[i + 1]?.lesson.id,
    }
  })
}

/** The Vite plugin (structurally typed: only the hooks it uses). */
export function lessonAssetsFromPack(packDir: string): {
  name: string
  apply: 'build'
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }): Promise<void>
} {
  return {
    name: 'playground-lesson-assets',
    apply: 'build',
    async generateBundle() {
      for (const asset of await buildLessonAssets(packDir)) {
        this.emitFile({ type: 'asset', fileName: `lessons/${asset.id}.json`, source: JSON.stringify(asset) })
      }
    },
  }
}
