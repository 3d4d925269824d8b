/**
 * The official pack (courses/) proven right, as `playground course validate` proves it: every
 * lesson's solution and alternatives pass, its starter and wrong answers fail where they should,
 * both languages are complete, no orphan files. Also the minimums: at least 12 beginner
 * lessons of which at most 3 quiz-only, and the first 6 developer lessons.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { nodeGradingEnvironment } from '../../app/cli/lessons/nodeGradingEnvironment.ts'
import { createNodePackSource } from '../../app/cli/lessons/nodePackSource.ts'
import { loadPack } from '../../courses/format/loadPack.ts'
import { validateCourse } from '../../courses/format/validateCourse.ts'

const root = fileURLToPath(new URL('../../courses', import.meta.url))

describe('the official course pack', () => {
  it('has the lessons the curriculum asks for', async () => {
    const pack = await loadPack(createNodePackSource(root))
    const beginner = pack.lessons.filter((l) => l.lesson.track === 'beginner')
    const developer = pack.lessons.filter((l) => l.lesson.track === 'developer')
    expect(beginner.length).toBeGreaterThanOrEqual(12)
    expect(beginner.filter((l) => l.lesson.files.length === 1 && l.lesson.files[0] === 'answers.yaml').length).toBeLessThanOrEqual(3)
    expect(developer.length).toBeGreaterThanOrEqual(6)
  })

  it('validates: every solution and alternative passes, every starter and wrong answer fails its check', { timeout: 1_200_000 }, async () => {
    const report = await validateCourse(createNodePackSource(root), await nodeGradingEnvironment())
    const broken = report.lessons.filter((l) => !(l.schema && l.languages && l.starterCompiles && l.solutionPasses && l.altsPass && l.wrongsFail && l.starterFails && l.noOrphans))
    expect(report.problems, JSON.stringify(report.problems, null, 1)).toEqual([])
    expect(broken.map((l) => ({ id: l.id, problems: l.problems.map((p) => `${p.file ?? ''}: ${p.en}`) }))).toEqual([])
    expect(report.ok).toBe(true)
  })
})
