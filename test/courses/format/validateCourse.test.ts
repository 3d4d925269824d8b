import { describe, expect, it } from 'vitest'
import { nodeGradingEnvironment } from '../../../app/cli/lessons/nodeGradingEnvironment.ts'
import { createMemoryPackSource } from '../../../courses/format/packSource.ts'
import { validateCourse } from '../../../courses/format/validateCourse.ts'
import { DOUBLE_LESSON_DIR, doublePack, README_EN } from './lessonPackFixture.ts'

async function validate(files: Record<string, string>) {
  return validateCourse(createMemoryPackSource(files), await nodeGradingEnvironment())
}
const D = DOUBLE_LESSON_DIR

describe('validateCourse', () => {
  it('accepts a lesson whose solution and alternative pass, starter and wrong answers fail where they should', async () => {
    const report = await validate(doublePack())
    expect(report.problems).toEqual([])
    expect(report.lessons).toEqual([
      expect.objectContaining({ id: 'double', schema: true, languages: true, starterCompiles: true, solutionPasses: true, altsPass: true, wrongsFail: true, starterFails: true, noOrphans: true, problems: [] }),
    ])
    expect(report.ok).toBe(true)
  })

  it('flags a wrong answer that passes its check, an alternative that fails, and a starter that passes', async () => {
    const pack = doublePack()
    pack[`${D}/wrong/absolute/EXPECT_FAIL`] = 'doubles\n' // absolute() doubles non-negative inputs correctly
    pack[`${D}/solutions/alt-add/double.ts`] = 'export const double = (v: bigint): bigint => v + 1n\n'
    pack[`${D}/starter/double.ts`] = pack[`${D}/solution/double.ts`]!
    const report = await validate(pack)
    const lesson = report.lessons[0]!
    expect(lesson).toMatchObject({ solutionPasses: true, altsPass: false, wrongsFail: false, starterFails: false })
    expect(lesson.problems.map((p) => p.code).sort()).toEqual(['alternative.fails', 'alternative.fails', 'starter.passes', 'wrong.passes'])
    expect(report.ok).toBe(false)
  })

  it('flags orphan files, READMEs with different headings, Korean without Hangul and an unknown EXPECT_FAIL id', async () => {
    const pack = doublePack()
    pack[`${D}/notes.txt`] = 'scratch'
    pack[`${D}/solution/extra.ts`] = 'export {}'
    pack[`${D}/README.en.md`] = `${README_EN}\n## More\n`
    pack[`${D}/lesson.yaml`] = pack[`${D}/lesson.yaml`]!.replace('ko: 두 배,', 'ko: Doubling,')
    pack[`${D}/wrong/plus-two/EXPECT_FAIL`] = 'no-such-check\n'
    const lesson = (await validate(pack)).lessons[0]!
    expect(lesson).toMatchObject({ noOrphans: false, languages: false, wrongsFail: false })
    const codes = lesson.problems.map((p) => p.code)
    expect(codes.filter((c) => c === 'pack.orphan')).toHaveLength(2)
    expect(codes).toContain('language.headings')
    expect(codes).toContain('language.not-hangul')
    expect(codes).toContain('wrong.unknown-check')
  })

  it('treats a grader that breaks as a problem, whoever it grades', async () => {
    const pack = doublePack()
    pack[`${D}/grade.ts`] = pack[`${D}/grade.ts`]!.replace("g.check('negative'", "g.check('negative', undefined as never, undefined as never)\n  g.check('other'")
    const report = await validate(pack)
    expect(report.ok).toBe(false)
    expect(report.lessons[0]!.solutionPasses).toBe(false)
    expect(report.lessons[0]!.problems.some((p) => p.en.includes('title must be { ko, en }'))).toBe(true)
  })
})
