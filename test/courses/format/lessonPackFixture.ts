/**
 * A small, valid course pack with one script lesson (no Solidity, so it grades fast): `double`
 * asks for a function that doubles a bigint. Tests mutate copies of it.
 */
export const README_KO = `# 두 배 만들기

## 할 일

1. \`double\` 함수를 완성하세요. 입력의 두 배를 돌려줍니다.
`
export const README_EN = `# Doubling

## Task

1. Complete \`double\`. It returns twice its input.
`

export const GRADER = `import type { Grader } from '@playground/grader'
export default function grade(g: Grader): void {
  g.check('doubles', { ko: '두 배를 돌려준다', en: 'It returns twice the input' }, async (t) => {
    for (const x of [0n, 1n, 21n, 10n ** 30n]) {
      const run = await t.runLearnerScript('double.ts', { call: 'double', args: [x] })
      t.expect(run.returnValue === 2n * x, 'double-value', {
        ko: 'double(' + x + ')는 ' + 2n * x + '이어야 하는데 ' + String(run.returnValue) + '을(를) 돌려주었습니다.',
        en: 'double(' + x + ') should be ' + 2n * x + ', got ' + String(run.returnValue) + '.',
      })
    }
  })
  g.check('negative', { ko: '음수도 두 배로', en: 'Negative numbers too' }, async (t) => {
    const run = await t.runLearnerScript('double.ts', { call: 'double', args: [-5n] })
    t.expect(run.returnValue === -10n, 'double-negative', { ko: 'double(-5)는 -10이어야 합니다.', en: 'double(-5) should be -10.' })
  })
}
`

export function lessonYaml(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: 'double',
    track: 'beginner',
    order: '1',
    title: '{ ko: 두 배, en: Doubling }',
    minutes: '5',
    objectives: '{ ko: [함수를 완성한다], en: [Complete a function] }',
    network: 'dev',
    solc: '^0.8.20',
    evm: 'cancun',
    files: '[double.ts]',
    hints: '[{ ko: 곱하기를 쓰세요, en: Use multiplication }]',
    solutionPolicy: 'afterPass',
    ...overrides,
  }
  return Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')
}

const LESSON = 'tracks/beginner/01-double'

/** The pack as path → text. */
export function doublePack(): Record<string, string> {
  return {
    'course.yaml': 'id: fixture\ntitle: { ko: 연습, en: Practice }\ntracks:\n  - { id: beginner, title: { ko: 입문, en: Beginner } }\n',
    [`${LESSON}/lesson.yaml`]: lessonYaml(),
    [`${LESSON}/README.ko.md`]: README_KO,
    [`${LESSON}/README.en.md`]: README_EN,
    [`${LESSON}/grade.ts`]: GRADER,
    [`${LESSON}/starter/double.ts`]: 'export function double(x: bigint): bigint {\n  // TODO: return twice x\n  return x\n}\n',
    [`${LESSON}/solution/double.ts`]: 'export function double(x: bigint): bigint {\n  return x * 2n\n}\n',
    [`${LESSON}/solutions/alt-add/double.ts`]: 'export const double = (value: bigint): bigint => value + value\n',
    [`${LESSON}/wrong/plus-two/double.ts`]: 'export function double(x: bigint): bigint {\n  return x + 2n\n}\n',
    [`${LESSON}/wrong/plus-two/EXPECT_FAIL`]: 'doubles\n',
    [`${LESSON}/wrong/absolute/double.ts`]: 'export function double(x: bigint): bigint {\n  return (x < 0n ? -x : x) * 2n\n}\n',
    [`${LESSON}/wrong/absolute/EXPECT_FAIL`]: 'negative\n',
  }
}

export const DOUBLE_LESSON_DIR = LESSON
