/**
 * `lesson.yaml` in a lesson folder (`tracks/<track>/<NN-slug>/`).
 *
 * `solc` is a semver range (the subset of semverRange.ts) that the bundled compiler version must
 * satisfy; `evm` must equal the hardfork the simulator executes. The bundled compiler version is
 * a parameter (`createLessonSchema({ compilerVersion })`) because the compiler is injected;
 * `BUNDLED_SOLC_VERSION` is the default and a test keeps it equal to the `solc` package.
 *
 * @module
 */
import { z } from 'zod'
import { PINNED_EVM_VERSION } from '../../runtime/compiler/compiler.ts'
import { PRESET_NAMES } from '../../runtime/sim/presets.ts'
import { bilingualText, expectation, kebabId, nonEmptyText, relativePath } from './schemaParts.ts'
import { isValidSemverRange, satisfiesSemverRange } from './semverRange.ts'

/** The solc version bundled with the app (the `solc` package; checked by a test). */
export const BUNDLED_SOLC_VERSION = '0.8.28'

/** The EVM hardfork every lesson targets. */
export const LESSON_EVM = PINNED_EVM_VERSION

/** Networks a lesson may start: the simulator presets and the one-node `dev` chain. */
export const LESSON_NETWORKS: readonly string[] = [...PRESET_NAMES, 'dev']

export const SOLUTION_POLICIES = ['afterPass', 'onRequestAfterFail', 'never'] as const

export interface LessonSchemaOptions {
  /** The compiler version a lesson's `solc` range must accept (default BUNDLED_SOLC_VERSION). */
  compilerVersion?: string | undefined
}

const minutesSchema = z
  .number(expectation('a whole number of minutes from 1 to 240', '1부터 240까지의 정수(분)'))
  .int(expectation('a whole number of minutes from 1 to 240', '1부터 240까지의 정수(분)'))
  .min(1, expectation('a whole number of minutes from 1 to 240', '1부터 240까지의 정수(분)'))
  .max(240, expectation('a whole number of minutes from 1 to 240', '1부터 240까지의 정수(분)'))

const objectiveList = z
  .array(nonEmptyText, expectation('a list of objectives', '학습 목표 목록'))
  .min(1, expectation('at least one objective', '학습 목표 하나 이상'))

export function createLessonSchema(options: LessonSchemaOptions = {}) {
  const compilerVersion = options.compilerVersion ?? BUNDLED_SOLC_VERSION
  return z.strictObject({
    id: kebabId,
    track: kebabId,
    order: z
      .number(expectation('a positive integer', '양의 정수'))
      .int(expectation('a positive integer', '양의 정수'))
      .min(1, expectation('a positive integer', '양의 정수')),
    title: bilingualText,
    minutes: minutesSchema,
    objectives: z.strictObject({ ko: objectiveList, en: objectiveList }).superRefine((o, ctx) => {
      if (o.ko.length !== o.en.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['en'],
          input: o.en,
          message: JSON.stringify({
            en: `as many objectives as objectives.ko (${o.ko.length})`,
            ko: `objectives.ko와 같은 개수(${o.ko.length})의 학습 목표`,
          }),
        })
      }
    }),
    network: z.enum(LESSON_NETWORKS as [string, ...string[]], expectation('a network preset', '네트워크 프리셋')),
    solc: z
      .string(expectation('a semver range text', 'semver 범위 문자열'))
      .refine(
        isValidSemverRange,
        expectation('a semver range (exact, ^x.y.z, ~x.y.z, x.y.x, ">=a <b", alternatives with ||)', 'semver 범위(정확한 버전, ^x.y.z, ~x.y.z, x.y.x, ">=a <b", || 로 대안)'),
      )
      .refine(
        (range) => !isValidSemverRange(range) || satisfiesSemverRange(compilerVersion, range),
        expectation(`a range the bundled compiler ${compilerVersion} satisfies`, `내장 컴파일러 ${compilerVersion}을(를) 만족하는 범위`),
      ),
    evm: z.literal(LESSON_EVM, expectation(`the pinned EVM hardfork "${LESSON_EVM}"`, `고정된 EVM 하드포크 "${LESSON_EVM}"`)),
    files: z
      .array(relativePath, expectation('a list of file paths', '파일 경로 목록'))
      .min(1, expectation('at least one file', '파일 하나 이상'))
      .superRefine((files, ctx) => {
        files.forEach((file, i) => {
          if (files.indexOf(file) !== i) {
            ctx.addIssue({ code: 'custom', path: [i], input: file, ...expectationMessage('a path not listed before', '앞에 없던 경로') })
          }
        })
      }),
    hints: z
      .array(bilingualText, expectation('a list of hint tiers', '힌트 단계 목록'))
      .min(1, expectation('1 to 3 hint tiers', '힌트 1~3단계'))
      .max(3, expectation('1 to 3 hint tiers', '힌트 1~3단계')),
    solutionPolicy: z.enum(SOLUTION_POLICIES, expectation('a solution policy', '해답 공개 정책')),
  })
}

function expectationMessage(en: string, ko: string): { message: string } {
  return { message: JSON.stringify({ en, ko }) }
}

/** The lesson schema checked against the bundled compiler. */
export const lessonSchema = createLessonSchema()

export type LessonSchema = ReturnType<typeof createLessonSchema>
export type Lesson = z.infer<LessonSchema>
export type SolutionPolicy = (typeof SOLUTION_POLICIES)[number]
