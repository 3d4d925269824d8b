import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BaseError } from '../../../runtime/errors/base.ts'
import { PINNED_HARDFORK } from '../../../runtime/exec/evm/evmCommon.ts'
import { PRESET_NAMES } from '../../../runtime/sim/presets.ts'
import { BUNDLED_SOLC_VERSION, LESSON_EVM } from '../../../courses/format/lessonSchema.ts'
import { loadPack, validatePack } from '../../../courses/format/loadPack.ts'
import type { PackError } from '../../../courses/format/packError.ts'
import { PackInvalidError } from '../../../courses/format/packError.ts'
import { createMemoryPackSource } from '../../../courses/format/packSource.ts'
import { COURSE_YAML, LESSON_DIR, lessonFiles, lessonYaml, minimalPack, packWithLesson } from './fixtures.ts'

const LESSON_FILE = `${LESSON_DIR}/lesson.yaml`

async function problemsOf(files: Record<string, string>): Promise<PackError[]> {
  const result = await validatePack(createMemoryPackSource(files))
  return result.problems
}

/** Exactly one problem; returns it. */
async function onlyProblem(files: Record<string, string>): Promise<PackError> {
  const problems = await problemsOf(files)
  expect(problems.map((p) => p.shortMessage)).toHaveLength(1)
  return problems[0]!
}

describe('loadPack: a valid pack', () => {
  it('loads the minimal pack', async () => {
    const pack = await loadPack(createMemoryPackSource(minimalPack()))
    expect(pack.course.id).toBe('blockchain-playground')
    expect(pack.course.tracks.map((t) => t.title.ko)).toEqual(['입문', '개발', '전문'])
    expect(pack.lessons).toHaveLength(1)
    const [lesson] = pack.lessons
    expect(lesson!.dir).toBe(LESSON_DIR)
    expect(lesson!.lesson).toMatchObject({ id: 'hello-chain', order: 1, network: 'pow-lan', solc: '^0.8.20', evm: 'cancun', solutionPolicy: 'afterPass' })
    expect(lesson!.lesson.hints).toHaveLength(2)
    expect(lesson!.readme).toEqual({ ko: '# 안녕, 체인\n', en: '# Hello, chain\n' })
    expect(lesson!.alternatives).toEqual([`${LESSON_DIR}/solutions/alt-assembly`])
    expect(lesson!.wrongAnswers).toEqual([
      { name: 'no-function', dir: `${LESSON_DIR}/wrong/no-function`, expectFail: 'compiles-with-n' },
      { name: 'returns-zero', dir: `${LESSON_DIR}/wrong/returns-zero`, expectFail: 'returns-block-number' },
    ])
  })

  it('loads a pack without lessons, and orders lessons by track then order', async () => {
    expect((await loadPack(createMemoryPackSource({ 'course.yaml': COURSE_YAML }))).lessons).toEqual([])
    const files = {
      ...minimalPack(),
      ...lessonFiles('tracks/beginner/02-blocks', lessonYaml({ id: 'blocks', order: 2 })),
      ...lessonFiles('tracks/developer/01-first-contract', lessonYaml({ id: 'first-contract', track: 'developer', replace: ['network: pow-lan', 'network: dev'] })),
    }
    const pack = await loadPack(createMemoryPackSource(files))
    expect(pack.lessons.map((l) => l.lesson.id)).toEqual(['hello-chain', 'blocks', 'first-contract'])
  })

  it('accepts every simulator preset and dev as network', async () => {
    for (const network of [...PRESET_NAMES, 'dev']) {
      expect(await problemsOf(packWithLesson(lessonYaml({ replace: ['network: pow-lan', `network: ${network}`] })))).toEqual([])
    }
  })

  it('keeps the bundled solc version and the pinned EVM in step with the packages', () => {
    const solc = JSON.parse(readFileSync(new URL('../../../node_modules/solc/package.json', import.meta.url), 'utf8')) as { version: string }
    expect(BUNDLED_SOLC_VERSION).toBe(solc.version)
    expect(LESSON_EVM).toBe(PINNED_HARDFORK)
  })
})

describe('loadPack: lesson.yaml mistakes name the file, the field and the expectation', () => {
  it('an unknown key', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ extra: 'difficulty: hard\n' })))
    expect(p).toBeInstanceOf(BaseError)
    expect(p).toMatchObject({ code: 'pack.schema', file: LESSON_FILE, field: 'difficulty', got: '"hard"', line: 21, column: 1 })
    expect(p.expected.en).toContain('no key "difficulty"')
    expect(p.expected.en).toContain('allowed keys: id, track, order')
    expect(p.expected.ko).toContain('허용되는 키')
    expect(p.message).toContain(`${LESSON_FILE}:21:1 (difficulty)`)
  })

  it('an unknown key inside a hint', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['    en: Call eth_blockNumber.', '    en: Call eth_blockNumber.\n    jp: x'] })))
    expect(p).toMatchObject({ field: 'hints[1].jp' })
    expect(p.expected.en).toContain('allowed keys: ko, en')
  })

  it('a missing Korean text', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['  - ko: eth_blockNumber를 호출하세요.\n    en:', '  - en:'] })))
    expect(p).toMatchObject({ code: 'pack.schema', file: LESSON_FILE, field: 'hints[1].ko', got: 'nothing' })
    expect(p.expected.en).toBe('a text (required)')
    expect(p.expected.ko).toBe('문자열 (필수)')
  })

  it('an empty Korean title', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['  ko: 안녕, 체인', "  ko: '  '"] })))
    expect(p).toMatchObject({ field: 'title.ko', got: '"  "', line: 5 })
    expect(p.expected.en).toBe('a non-empty text')
  })

  it('an unknown network preset lists the choices', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['network: pow-lan', 'network: mainnet'] })))
    expect(p).toMatchObject({ field: 'network', got: '"mainnet"', line: 11, column: 10 })
    expect(p.choices).toEqual([...PRESET_NAMES, 'dev'])
    expect(p.message).toContain('Valid choices: bitcoin-2019')
    expect(p.messageKo).toContain('가능한 값:')
  })

  it('a solc range the bundled compiler does not satisfy', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['solc: ^0.8.20', 'solc: ^0.7.6'] })))
    expect(p).toMatchObject({ field: 'solc', got: '"^0.7.6"' })
    expect(p.expected.en).toBe(`a range the bundled compiler ${BUNDLED_SOLC_VERSION} satisfies`)
  })

  it('a solc range checked against an injected compiler version', async () => {
    const source = createMemoryPackSource(packWithLesson(lessonYaml({ replace: ['solc: ^0.8.20', 'solc: ">=0.8.29 <0.9.0"'] })))
    expect((await validatePack(source)).problems.map((p) => p.field)).toEqual(['solc'])
    expect((await validatePack(source, { compilerVersion: '0.8.30+commit.abc' })).problems).toEqual([])
  })

  it('a solc value that is not a range', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['solc: ^0.8.20', 'solc: latest'] })))
    expect(p.field).toBe('solc')
    expect(p.expected.en).toContain('a semver range')
  })

  it('a hardfork other than the pinned one', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['evm: cancun', 'evm: shanghai'] })))
    expect(p).toMatchObject({ field: 'evm', got: '"shanghai"' })
    expect(p.expected.en).toBe('the pinned EVM hardfork "cancun"')
  })

  it('a file path with ..', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['files: [contracts/Hello.sol]', 'files: [contracts/Hello.sol, ../secret.txt]'] })))
    expect(p).toMatchObject({ field: 'files[1]', got: '"../secret.txt"' })
    expect(p.expected.en).toContain('no ".."')
  })

  it('an absolute file path', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['files: [contracts/Hello.sol]', 'files: [/etc/passwd]'] })))
    expect(p.field).toBe('files[0]')
  })

  it('minutes, order, hints and solutionPolicy out of range', async () => {
    const yaml = lessonYaml({ replace: ['minutes: 15', 'minutes: 500'] })
      .replace('solutionPolicy: afterPass', 'solutionPolicy: always')
      .replace(/hints:[\s\S]*?solutionPolicy/, 'hints: []\nsolutionPolicy')
    const problems = await problemsOf(packWithLesson(yaml))
    expect(problems.map((p) => [p.field, p.expected.en])).toEqual([
      ['minutes', 'a whole number of minutes from 1 to 240'],
      ['hints', '1 to 3 hint tiers'],
      ['solutionPolicy', 'a solution policy'],
    ])
    expect(problems[2]!.choices).toEqual(['afterPass', 'onRequestAfterFail', 'never'])
  })

  it('four hint tiers, and objectives in one language only partly translated', async () => {
    const hint = '  - { ko: 힌트, en: Hint }\n'
    const yaml = lessonYaml({ replace: ['hints:\n', `hints:\n${hint}${hint}`] }).replace('ko: [블록이 무엇인지 말할 수 있다]', 'ko: [하나, 둘]')
    const problems = await problemsOf(packWithLesson(yaml))
    expect(problems.map((p) => [p.field, p.expected.en])).toEqual([
      ['objectives.en', 'as many objectives as objectives.ko (2)'],
      ['hints', '1 to 3 hint tiers'],
    ])
  })

  it('a duplicate YAML key', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ extra: 'minutes: 20\n' })))
    expect(p).toMatchObject({ code: 'pack.yaml', file: LESSON_FILE, line: 21, column: 1 })
  })

  it('a YAML syntax error with line and column', async () => {
    const p = await onlyProblem(packWithLesson(lessonYaml({ replace: ['minutes: 15', 'minutes: [15'] })))
    expect(p).toMatchObject({ code: 'pack.yaml', file: LESSON_FILE, field: undefined })
    expect(p.line).toBeGreaterThanOrEqual(6)
    expect(p.column).toBeGreaterThanOrEqual(1)
    expect(p.message).toMatch(new RegExp(`^${LESSON_FILE}:\\d+:\\d+: expected valid YAML`))
  })

  it('a YAML syntax error at a known spot', async () => {
    const p = await onlyProblem({ ...minimalPack(), 'course.yaml': 'id: x\ntitle: {ko: a, en: b\ntracks: []\n' })
    expect(p).toMatchObject({ code: 'pack.yaml', file: 'course.yaml' })
    expect([p.line, p.column]).toEqual([3, 1])
    expect(p.expected.en).toMatch(/^valid YAML \(.+\)$/)
  })
})

describe('loadPack: folder mistakes', () => {
  function without(...paths: string[]): Record<string, string> {
    const files = minimalPack()
    for (const path of paths) delete files[path]
    return files
  }

  it('a missing README.en.md', async () => {
    const p = await onlyProblem(without(`${LESSON_DIR}/README.en.md`))
    expect(p).toMatchObject({ code: 'pack.missing-file', file: `${LESSON_DIR}/README.en.md`, got: 'nothing' })
    expect(p.expected).toEqual({ en: 'a file README.en.md', ko: 'README.en.md 파일' })
  })

  it('only one wrong answer', async () => {
    const p = await onlyProblem(without(`${LESSON_DIR}/wrong/no-function/EXPECT_FAIL`, `${LESSON_DIR}/wrong/no-function/contracts/Hello.sol`))
    expect(p).toMatchObject({ code: 'pack.missing-file', file: `${LESSON_DIR}/wrong/`, got: '1 wrong answer' })
    expect(p.expected.en).toBe('at least two wrong answers, each in wrong/<name>/')
  })

  it('a wrong answer without EXPECT_FAIL, or with a bad check id', async () => {
    const files = without(`${LESSON_DIR}/wrong/no-function/EXPECT_FAIL`)
    files[`${LESSON_DIR}/wrong/returns-zero/EXPECT_FAIL`] = 'Returns the block number!\n'
    const problems = await problemsOf(files)
    expect(problems.map((p) => [p.code, p.file])).toEqual([
      ['pack.missing-file', `${LESSON_DIR}/wrong/no-function/EXPECT_FAIL`],
      ['pack.schema', `${LESSON_DIR}/wrong/returns-zero/EXPECT_FAIL`],
    ])
  })

  it('no alternative solution, starter file missing, grade.ts missing', async () => {
    const problems = await problemsOf(
      without(`${LESSON_DIR}/solutions/alt-assembly/contracts/Hello.sol`, `${LESSON_DIR}/starter/contracts/Hello.sol`, `${LESSON_DIR}/grade.ts`),
    )
    expect(problems.map((p) => [p.code, p.file, p.field])).toEqual([
      ['pack.missing-file', `${LESSON_DIR}/grade.ts`, undefined],
      ['pack.missing-file', `${LESSON_DIR}/starter/`, undefined],
      ['pack.missing-file', `${LESSON_DIR}/solutions/`, undefined],
    ])
  })

  it('a solution missing a listed file names the files entry', async () => {
    const files = minimalPack()
    delete files[`${LESSON_DIR}/solution/contracts/Hello.sol`]
    files[`${LESSON_DIR}/solution/contracts/Other.sol`] = 'contract Other {}\n'
    const p = await onlyProblem(files)
    expect(p).toMatchObject({ code: 'pack.missing-file', file: `${LESSON_DIR}/solution/contracts/Hello.sol`, field: 'files[0]' })
  })

  it('wrong folder numbering', async () => {
    const files = { 'course.yaml': COURSE_YAML, ...lessonFiles('tracks/beginner/02-hello-chain', lessonYaml()) }
    const p = await onlyProblem(files)
    expect(p).toMatchObject({ code: 'pack.layout', file: 'tracks/beginner/02-hello-chain/', field: 'order', got: '"02-hello-chain"' })
    expect(p.expected.en).toContain('"01-hello-chain"')
  })

  it('a folder slug other than the id, a folder without a number, a track mismatch', async () => {
    const files = {
      'course.yaml': COURSE_YAML,
      ...lessonFiles('tracks/beginner/01-hello', lessonYaml()),
      ...lessonFiles('tracks/beginner/blocks', lessonYaml({ id: 'blocks', order: 2 })),
      ...lessonFiles('tracks/developer/01-dev', lessonYaml({ id: 'dev' })),
    }
    const problems = await problemsOf(files)
    expect(problems.map((p) => [p.code, p.file, p.field])).toEqual([
      ['pack.layout', 'tracks/beginner/01-hello/', 'id'],
      ['pack.layout', 'tracks/beginner/blocks/', undefined],
      ['pack.layout', 'tracks/developer/01-dev/lesson.yaml', 'track'],
    ])
  })

  it('a track folder not named in course.yaml', async () => {
    const files = { 'course.yaml': COURSE_YAML, ...lessonFiles('tracks/advanced/01-hello-chain', lessonYaml({ track: 'advanced' })) }
    const p = await onlyProblem(files)
    expect(p).toMatchObject({ code: 'pack.layout', file: 'tracks/advanced/', choices: ['beginner', 'developer', 'expert'] })
  })

  it('duplicate ids and orders', async () => {
    const files = {
      ...minimalPack(),
      ...lessonFiles('tracks/developer/01-hello-chain', lessonYaml({ track: 'developer' })),
      ...lessonFiles('tracks/beginner/01-other', lessonYaml({ id: 'other' })),
    }
    const result = await validatePack(createMemoryPackSource(files))
    expect(result.problems.map((p) => [p.code, p.file, p.field])).toEqual([
      ['pack.duplicate-order', 'tracks/beginner/01-other/lesson.yaml', 'order'],
      ['pack.duplicate-id', 'tracks/developer/01-hello-chain/lesson.yaml', 'id'],
    ])
    expect(result.problems[1]!.expected.en).toContain(`also used by ${LESSON_FILE}`)
    expect(result.lessons.map((l) => l.dir)).toEqual([LESSON_DIR])
  })

  it('a missing course.yaml and a bad course.yaml', async () => {
    const noCourse = without('course.yaml')
    await expect(loadPack(createMemoryPackSource(noCourse))).rejects.toBeInstanceOf(PackInvalidError)
    expect((await problemsOf(noCourse)).map((p) => [p.code, p.file])).toEqual([['pack.missing-file', 'course.yaml']])
    const bad = { ...minimalPack(), 'course.yaml': 'id: Blockchain Playground\ntitle: { ko: 놀이터 }\ntracks: []\n' }
    expect((await problemsOf(bad)).map((p) => p.field)).toEqual(['id', 'title.en', 'tracks'])
    const twice = { ...minimalPack(), 'course.yaml': COURSE_YAML.replace('id: developer', 'id: beginner') }
    expect((await problemsOf(twice)).map((p) => [p.file, p.field])).toEqual([['course.yaml', 'tracks[1].id']])
  })
})

describe('loadPack: every problem at once', () => {
  it('collects problems from several files into one PackInvalidError', async () => {
    const files = packWithLesson(lessonYaml({ extra: 'color: red\n', replace: ['evm: cancun', 'evm: prague'] }))
    delete files[`${LESSON_DIR}/README.ko.md`]
    files['course.yaml'] = COURSE_YAML + 'owner: me\n'
    const error = await loadPack(createMemoryPackSource(files)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(PackInvalidError)
    const invalid = error as PackInvalidError
    expect(invalid.code).toBe('pack.invalid')
    expect(invalid.problems.map((p) => `${p.file} ${p.field ?? ''}`.trim())).toEqual([
      'course.yaml owner',
      `${LESSON_FILE} evm`,
      `${LESSON_FILE} color`,
      `${LESSON_DIR}/README.ko.md`,
    ])
    expect(invalid.message).toContain('4 problems')
    expect(invalid.messageKo).toContain('문제가 4개')
  })
})
