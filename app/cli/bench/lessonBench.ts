/**
 * The grading benchmark: every lesson of the official pack graded with its reference solution,
 * warm (the grading environment — solc, QuickJS, the viem bundle — already loaded; each lesson
 * graded once before it is timed). Target: ≤ 2 s per lesson warm. Figures, not a test.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'
import { gradeLesson } from '../../../courses/format/grading/gradeLesson.ts'
import { loadPack } from '../../../courses/format/loadPack.ts'
import { joinPath } from '../../../courses/format/packSource.ts'
import { readFolder } from '../../../courses/format/readFolder.ts'
import { median } from '../../../runtime/metrics/percentile.ts'
import { nodeGradingEnvironment } from '../lessons/nodeGradingEnvironment.ts'
import { createNodePackSource } from '../lessons/nodePackSource.ts'
import { officialPackDir } from '../lessons/officialPack.ts'

export const WARM_GRADE_TARGET_MS = 2000

export interface LessonGradeFigure {
  id: string
  network: string
  checks: number
  passed: boolean
  /** Median of the timed runs, ms. */
  warmMs: number
}

export interface LessonBenchFigures {
  /** Loading the environment and grading the first lesson, ms. */
  coldMs: number
  lessons: LessonGradeFigure[]
  slowest: LessonGradeFigure | undefined
  medianMs: number
}

/**
 * @example
 * const figures = await benchLessons({ runs: 3 })
 * figures.slowest?.warmMs // ≤ 2000
 */
export async function benchLessons(options: { runs?: number } = {}): Promise<LessonBenchFigures> {
  const runs = options.runs ?? 3
  const source = createNodePackSource(officialPackDir())
  const pack = await loadPack(source)
  const t0 = performance.now()
  const environment = await nodeGradingEnvironment()
  let coldMs = 0
  const lessons: LessonGradeFigure[] = []
  for (const [i, loaded] of pack.lessons.entries()) {
    const grader = (await source.readText(joinPath(loaded.dir, 'grade.ts'))) ?? ''
    const workspace = await readFolder(source, joinPath(loaded.dir, 'solution'))
    const request = { lesson: { id: loaded.lesson.id, network: loaded.lesson.network }, grader, workspace }
    const first = await gradeLesson(environment, request)
    if (i === 0) coldMs = performance.now() - t0
    const times: number[] = []
    for (let r = 0; r < runs; r++) {
      const start = performance.now()
      await gradeLesson(environment, request)
      times.push(performance.now() - start)
    }
    lessons.push({ id: loaded.lesson.id, network: loaded.lesson.network, checks: first.checks.length, passed: first.passed, warmMs: Math.round(median(times) ?? 0) })
  }
  const slowest = [...lessons].sort((a, b) => b.warmMs - a.warmMs)[0]
  return { coldMs: Math.round(coldMs), lessons, slowest, medianMs: Math.round(median(lessons.map((l) => l.warmMs)) ?? 0) }
}
