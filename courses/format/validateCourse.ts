/**
 * `playground course validate`: proves a pack's lessons and graders right. For every lesson:
 * - schema: lesson.yaml and the folder layout (loadPack.ts);
 * - languages: every `{ko, en}` text non-empty, the Korean ones in Hangul, both READMEs present
 *   with the same heading structure, the Korean README written in Hangul;
 * - the Solidity starter compiles;
 * - the solution and every `solutions/alt-*` pass every check;
 * - the starter fails at least one check;
 * - every `wrong/*` fails the check its EXPECT_FAIL names;
 * - no check ends in `error` (a grader that breaks is a bug, whoever's answer it grades);
 * - no orphan files (neither listed in `files` nor a standard name).
 *
 * An answer folder (`solutions/alt-*`, `wrong/*`) is laid over the starter: it holds the files it
 * changes, and the others are the starter's.
 *
 * @module
 */
import type { GradingMessage } from './grading/gradingMessage.ts'
import type { GradeResult, GradingEnvironment } from './grading/gradeLesson.ts'
import { gradeLesson } from './grading/gradeLesson.ts'
import type { LoadedLesson, LoadPackOptions } from './loadPack.ts'
import { validatePack } from './loadPack.ts'
import type { PackSource } from './packSource.ts'
import { joinPath } from './packSource.ts'
import { readFolder } from './readFolder.ts'

export interface LessonValidation {
  id: string
  dir: string
  schema: boolean
  languages: boolean
  starterCompiles: boolean
  solutionPasses: boolean
  altsPass: boolean
  wrongsFail: boolean
  starterFails: boolean
  noOrphans: boolean
  problems: (GradingMessage & { file?: string })[]
}

export interface CourseValidation {
  ok: boolean
  lessons: LessonValidation[]
  /** Problems of the pack outside any lesson that loaded (course.yaml, a lesson.yaml that does not parse). */
  problems: (GradingMessage & { file?: string })[]
}

export interface ValidateCourseOptions extends LoadPackOptions {
  /** Only lessons with these ids. */
  lessons?: readonly string[] | undefined
  /** Called after each lesson (progress display). */
  onLesson?: ((validation: LessonValidation, index: number, total: number) => void) | undefined
}

const STANDARD_ENTRIES = new Set(['lesson.yaml', 'README.ko.md', 'README.en.md', 'grade.ts', 'starter', 'solution', 'solutions', 'wrong'])
const HANGUL = /[\uAC00-\uD7A3]/g
const LATIN = /[A-Za-z]/g

/**
 * @example
 * const report = await validateCourse(createNodePackSource('courses'), environment)
 * report.ok // true when every lesson passes every rule
 */
export async function validateCourse(source: PackSource, environment: GradingEnvironment, options: ValidateCourseOptions = {}): Promise<CourseValidation> {
  const pack = await validatePack(source, options)
  const packProblems: CourseValidation['problems'] = []
  const lessonProblems = new Map<string, LessonValidation['problems']>()
  for (const problem of pack.problems) {
    const owner = pack.lessons.find((l) => problem.file !== undefined && problem.file.startsWith(`${l.dir}/`))
    const entry = { code: problem.code, ko: problem.messageKo, en: problem.shortMessage, file: problem.file }
    if (owner) lessonProblems.set(owner.dir, [...(lessonProblems.get(owner.dir) ?? []), entry])
    else packProblems.push(entry)
  }
  const selected = options.lessons === undefined ? pack.lessons : pack.lessons.filter((l) => options.lessons!.includes(l.lesson.id))
  if (options.lessons !== undefined) {
    // Validating some lessons: other lessons' folders are not this run's business, but a named
    // lesson that did not load (its lesson.yaml is broken) must say why rather than vanish.
    const wanted = options.lessons
    const folderOf = (file: string): string | undefined => /^tracks\/[^/]+\/\d+-([^/]+)\//.exec(file)?.[1]
    const kept = packProblems.filter((p) => p.file === undefined || !p.file.startsWith('tracks/') || wanted.includes(folderOf(p.file) ?? ''))
    packProblems.splice(0, packProblems.length, ...kept)
    for (const id of wanted) {
      if (selected.some((l) => l.lesson.id === id) || kept.some((p) => p.file !== undefined && folderOf(p.file) === id)) continue
      packProblems.push({ code: 'lesson.unknown', ko: `"${id}" 레슨을 찾지 못했습니다.`, en: `No lesson "${id}" in this pack.` })
    }
  }
  const lessons: LessonValidation[] = []
  for (const [index, loaded] of selected.entries()) {
    const validation = await validateLesson(source, environment, loaded, lessonProblems.get(loaded.dir) ?? [])
    lessons.push(validation)
    options.onLesson?.(validation, index, selected.length)
  }
  const ok =
    packProblems.length === 0 &&
    lessons.every((l) => l.schema && l.languages && l.starterCompiles && l.solutionPasses && l.altsPass && l.wrongsFail && l.starterFails && l.noOrphans)
  return { ok, lessons, problems: packProblems }
}

async function validateLesson(
  source: PackSource,
  environment: GradingEnvironment,
  loaded: LoadedLesson,
  schemaProblems: LessonValidation['problems'],
): Promise<LessonValidation> {
  const { lesson, dir } = loaded
  const problems: LessonValidation['problems'] = [...schemaProblems]
  const problem = (code: string, ko: string, en: string, file?: string): void => {
    problems.push({ code, ko, en, ...(file === undefined ? {} : { file }) })
  }

  // Languages.
  let languages = true
  const texts: { field: string; ko: string; en: string }[] = [
    { field: 'title', ...lesson.title },
    ...lesson.objectives.ko.map((ko, i) => ({ field: `objectives[${i}]`, ko, en: lesson.objectives.en[i] ?? '' })),
    ...lesson.hints.map((h, i) => ({ field: `hints[${i}]`, ...h })),
  ]
  for (const t of texts) {
    if (t.ko.trim() === '' || t.en.trim() === '') {
      languages = false
      problem('language.empty', `${t.field}: 한국어와 영어 모두 비어 있으면 안 됩니다.`, `${t.field}: both Korean and English must be non-empty.`, `${dir}/lesson.yaml`)
    } else if (!hasHangul(t.ko)) {
      languages = false
      problem('language.not-hangul', `${t.field}.ko에 한글이 없습니다: "${t.ko}"`, `${t.field}.ko has no Hangul: "${t.ko}"`, `${dir}/lesson.yaml`)
    }
  }
  const headingsKo = headings(loaded.readme.ko)
  const headingsEn = headings(loaded.readme.en)
  if (headingsKo.join(',') !== headingsEn.join(',')) {
    languages = false
    problem(
      'language.headings',
      `README.ko.md와 README.en.md의 제목 구조가 다릅니다: ko [${headingsKo.join(' ')}], en [${headingsEn.join(' ')}] (# 개수 순서).`,
      `README.ko.md and README.en.md have different heading structures: ko [${headingsKo.join(' ')}], en [${headingsEn.join(' ')}] (levels in order).`,
      `${dir}/README.ko.md`,
    )
  }
  if (headingsKo.length === 0) {
    languages = false
    problem('language.headings', 'README에 제목(#)이 하나도 없습니다.', 'The READMEs have no headings (#).', `${dir}/README.ko.md`)
  }
  if (!mostlyHangul(loaded.readme.ko)) {
    languages = false
    problem('language.not-hangul', 'README.ko.md의 본문이 한글로 쓰여 있지 않습니다.', 'README.ko.md is not written in Hangul.', `${dir}/README.ko.md`)
  }

  // Orphans.
  let noOrphans = true
  const listed = new Set(lesson.files)
  for (const entry of await source.list(dir)) {
    if (!STANDARD_ENTRIES.has(entry.name)) {
      noOrphans = false
      problem('pack.orphan', `표준 이름도 아니고 lesson.yaml에도 없는 파일: ${entry.name}`, `A file that is neither a standard name nor listed in lesson.yaml: ${entry.name}`, `${dir}/${entry.name}`)
    }
  }
  const answerDirs = ['starter', 'solution', ...loaded.alternatives.map((a) => a.slice(dir.length + 1)), ...loaded.wrongAnswers.map((w) => w.dir.slice(dir.length + 1))]
  const folders = new Map<string, Record<string, string>>()
  for (const folder of answerDirs) {
    const files = await readFolder(source, joinPath(dir, folder))
    folders.set(folder, files)
    for (const path of Object.keys(files)) {
      if (listed.has(path) || (folder.startsWith('wrong/') && path === 'EXPECT_FAIL')) continue
      noOrphans = false
      problem(
        'pack.orphan',
        `lesson.yaml의 files에 없는 파일입니다: ${folder}/${path} (files에 추가하거나 지우세요)`,
        `Not listed in lesson.yaml's files: ${folder}/${path} (list it or remove it)`,
        `${dir}/${folder}/${path}`,
      )
    }
  }

  const grader = (await source.readText(joinPath(dir, 'grade.ts'))) ?? ''
  const starter = folders.get('starter') ?? {}
  const workspaceOf = (folder: string): Record<string, string> => {
    const files = { ...starter, ...(folders.get(folder) ?? {}) }
    delete files.EXPECT_FAIL
    return files
  }
  const grade = (folder: string): Promise<GradeResult> => gradeLesson(environment, { lesson: { id: lesson.id, network: lesson.network }, grader, workspace: workspaceOf(folder) })
  const noErrors = (folder: string, result: GradeResult): boolean => {
    if (result.error) {
      problem(result.error.code, `${folder}: ${result.error.ko}`, `${folder}: ${result.error.en}`, `${dir}/grade.ts`)
      return false
    }
    const broken = result.checks.filter((c) => c.status === 'error')
    for (const c of broken) problem(c.message.code, `${folder} › ${c.id}: ${c.message.ko}`, `${folder} › ${c.id}: ${c.message.en}`, `${dir}/grade.ts`)
    return broken.length === 0
  }

  // The Solidity starter compiles.
  let starterCompiles = true
  const starterSol = Object.fromEntries(Object.entries(starter).filter(([p]) => p.endsWith('.sol')))
  if (Object.keys(starterSol).length > 0) {
    const compiled = await environment.compiler.compile({ sources: starterSol })
    if (!compiled.ok) {
      starterCompiles = false
      const d = compiled.diagnostics.find((x) => x.severity === 'error')
      const where = d ? `${d.file ?? ''}:${d.line ?? '?'}:${d.column ?? '?'} ${d.message}` : ''
      problem('starter.compile', `starter의 Solidity가 컴파일되지 않습니다: ${where}`, `The starter's Solidity does not compile: ${where}`, `${dir}/starter`)
    }
  }

  // The reference solution.
  const solution = await grade('solution')
  let solutionPasses = noErrors('solution', solution) && solution.passed
  if (!solution.passed) {
    for (const c of solution.checks.filter((x) => x.status === 'fail')) {
      problem('solution.fails', `solution이 ${c.id} 검사를 통과하지 못합니다: ${c.message.ko}`, `The solution fails ${c.id}: ${c.message.en}`, `${dir}/solution`)
    }
  }
  for (const c of solution.checks) {
    if (!hasHangul(c.title.ko) || c.title.en.trim() === '') {
      languages = false
      problem('language.not-hangul', `검사 ${c.id}의 제목(ko)에 한글이 없습니다.`, `Check ${c.id}'s Korean title has no Hangul.`, `${dir}/grade.ts`)
    }
  }
  const checkIds = new Set(solution.checks.map((c) => c.id))
  if (solution.checks.length === 0) solutionPasses = false

  // Alternatives.
  let altsPass = loaded.alternatives.length > 0
  for (const alt of loaded.alternatives) {
    const folder = alt.slice(dir.length + 1)
    const result = await grade(folder)
    const fine = noErrors(folder, result) && result.passed
    if (!fine) {
      altsPass = false
      for (const c of result.checks.filter((x) => x.status === 'fail')) {
        problem('alternative.fails', `${folder}가 ${c.id} 검사를 통과하지 못합니다: ${c.message.ko}`, `${folder} fails ${c.id}: ${c.message.en}`, `${dir}/${folder}`)
      }
    }
  }

  // Wrong answers.
  let wrongsFail = loaded.wrongAnswers.length >= 2
  for (const wrong of loaded.wrongAnswers) {
    const folder = wrong.dir.slice(dir.length + 1)
    if (!checkIds.has(wrong.expectFail)) {
      wrongsFail = false
      problem(
        'wrong.unknown-check',
        `${folder}/EXPECT_FAIL이 없는 검사 "${wrong.expectFail}"를 가리킵니다. 검사: ${[...checkIds].join(', ')}`,
        `${folder}/EXPECT_FAIL names a check that does not exist: "${wrong.expectFail}". Checks: ${[...checkIds].join(', ')}`,
        `${dir}/${folder}/EXPECT_FAIL`,
      )
      continue
    }
    const result = await grade(folder)
    const named = result.checks.find((c) => c.id === wrong.expectFail)
    if (!noErrors(folder, result) || named?.status !== 'fail') {
      wrongsFail = false
      problem(
        'wrong.passes',
        `${folder}는 ${wrong.expectFail} 검사에 실패해야 하는데 결과가 ${named?.status ?? '없음'}입니다.`,
        `${folder} should fail ${wrong.expectFail}, but it got ${named?.status ?? 'no result'}.`,
        `${dir}/${folder}`,
      )
    }
  }

  // The starter.
  const starterResult = await grade('starter')
  const starterFails = noErrors('starter', starterResult) && !starterResult.passed && starterResult.checks.some((c) => c.status === 'fail')
  if (starterResult.passed) problem('starter.passes', 'starter가 모든 검사를 통과합니다. 학습자가 할 일이 남아 있어야 합니다.', 'The starter passes every check: it should leave the learner something to do.', `${dir}/starter`)

  return {
    id: lesson.id,
    dir,
    schema: schemaProblems.length === 0,
    languages,
    starterCompiles,
    solutionPasses,
    altsPass,
    wrongsFail,
    starterFails,
    noOrphans,
    problems,
  }
}

function hasHangul(text: string): boolean {
  return /[\uAC00-\uD7A3]/.test(text)
}

/** Outside code, at least a third of the letters are Hangul (English terms in Korean prose are normal). */
function mostlyHangul(markdown: string): boolean {
  const prose = stripCode(markdown)
  const hangul = prose.match(HANGUL)?.length ?? 0
  const latin = prose.match(LATIN)?.length ?? 0
  return hangul > 0 && hangul * 2 >= latin
}

function stripCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '')
}

/** Heading levels in order, outside fenced code: `['#', '##', '##']`. */
function headings(markdown: string): string[] {
  return stripCode(markdown)
    .split('\n')
    .map((line) => /^(#{1,6})\s+\S/.exec(line)?.[1])
    .filter((h): h is string => h !== undefined)
}
