/**
 * Loads and validates a course pack through an injected `PackSource`.
 *
 * Layout (the official pack is `courses/` itself; a third-party pack is any folder shaped alike):
 * ```
 * course.yaml
 * tracks/<track>/<NN-slug>/       <track> one of course.yaml's tracks; NN = `order` zero-padded
 *   lesson.yaml                    to two digits (more if order ≥ 100); slug = the lesson id
 *   README.ko.md  README.en.md  grade.ts
 *   starter/  solution/            each holds every path listed in `files`
 *   solutions/alt-<name>/          at least one alternative correct answer
 *   wrong/<name>/EXPECT_FAIL       at least two wrong answers; EXPECT_FAIL holds the id of the
 *                                  check the answer must fail (one line), beside its files
 * ```
 * A missing `tracks/` folder means a pack without lessons.
 *
 * Every problem becomes a `PackError`; nothing stops at the first one. `validatePack` returns
 * them all (with whatever loaded cleanly); `loadPack` throws one `PackInvalidError` listing them.
 *
 * @module
 */
import type { Document } from 'yaml'
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { z } from 'zod'
import type { Course } from './courseSchema.ts'
import { courseSchema } from './courseSchema.ts'
import type { Lesson, LessonSchemaOptions } from './lessonSchema.ts'
import { createLessonSchema } from './lessonSchema.ts'
import type { Bilingual, PackErrorCode } from './packError.ts'
import { PackError, PackInvalidError, show } from './packError.ts'
import type { PackEntry, PackSource } from './packSource.ts'
import { joinPath } from './packSource.ts'
import { readExpectation } from './schemaParts.ts'

export interface LoadedWrongAnswer {
  name: string
  /** Folder relative to the pack root, e.g. `tracks/beginner/01-hello/wrong/no-return`. */
  dir: string
  /** The check id from EXPECT_FAIL. */
  expectFail: string
}

export interface LoadedLesson {
  lesson: Lesson
  /** Folder relative to the pack root, e.g. `tracks/beginner/01-hello`. */
  dir: string
  readme: Bilingual
  /** Folders of the alternative correct answers (`solutions/alt-*`). */
  alternatives: string[]
  wrongAnswers: LoadedWrongAnswer[]
}

export interface LoadedPack {
  course: Course
  lessons: LoadedLesson[]
}

export interface PackValidation {
  /** Undefined when course.yaml is missing or invalid. */
  course: Course | undefined
  /** Lessons whose own folder has no problem, ordered by track (as in course.yaml) and order. */
  lessons: LoadedLesson[]
  problems: PackError[]
}

export type LoadPackOptions = LessonSchemaOptions

/** A wrong answer's EXPECT_FAIL content: a check id. */
export const CHECK_ID = /^[a-z0-9][a-z0-9._:-]*$/

const LESSON_DIR = /^(\d{2,})-(.+)$/

/**
 * Loads a pack, throwing if anything is wrong.
 * @throws {@link PackInvalidError} listing every problem.
 */
export async function loadPack(source: PackSource, options: LoadPackOptions = {}): Promise<LoadedPack> {
  const result = await validatePack(source, options)
  if (result.problems.length > 0 || !result.course) throw new PackInvalidError(result.problems)
  return { course: result.course, lessons: result.lessons }
}

/** Checks a whole pack and returns every problem found (never throws for pack content). */
export async function validatePack(source: PackSource, options: LoadPackOptions = {}): Promise<PackValidation> {
  const problems: PackError[] = []
  const lessonSchema = createLessonSchema(options)

  const course = await readYaml(source, 'course.yaml', courseSchema, problems)
  const trackIds = course?.tracks.map((t) => t.id)

  const loaded: LoadedLesson[] = []
  const keys: LessonKey[] = []
  const trackEntries = sorted(await source.list('tracks')).filter((e) => e.kind === 'dir')
  for (const track of trackEntries) {
    const trackDir = joinPath('tracks', track.name)
    if (trackIds && !trackIds.includes(track.name)) {
      problems.push(
        new PackError({
          code: 'pack.layout',
          file: `${trackDir}/`,
          expected: { en: "a track folder named after one of course.yaml's tracks", ko: 'course.yaml의 트랙 이름을 딴 트랙 폴더' },
          got: show(track.name),
          choices: trackIds,
        }),
      )
    }
    const lessonDirs = sorted(await source.list(trackDir)).filter((e) => e.kind === 'dir')
    for (const entry of lessonDirs) {
      const before = problems.length
      const lesson = await loadLesson(source, track.name, entry.name, lessonSchema, problems, keys)
      if (lesson && problems.length === before) loaded.push(lesson)
    }
  }

  checkUnique(problems, keys)

  const trackRank = (id: string) => (trackIds ? trackIds.indexOf(id) : 0)
  loaded.sort((a, b) => trackRank(a.lesson.track) - trackRank(b.lesson.track) || a.lesson.order - b.lesson.order)
  // A lesson with a duplicate id or order is not loaded either.
  const faulty = new Set(problems.map((p) => p.file.split('/').slice(0, 3).join('/')))
  return { course, lessons: loaded.filter((l) => !faulty.has(l.dir)), problems }
}

async function loadLesson(
  source: PackSource,
  track: string,
  name: string,
  schema: ReturnType<typeof createLessonSchema>,
  problems: PackError[],
  keys: LessonKey[],
): Promise<LoadedLesson | undefined> {
  const dir = joinPath('tracks', track, name)
  const at = (path: string) => joinPath(dir, path)
  const entries = await source.list(dir)
  const kindOf = (n: string) => entries.find((e) => e.name === n)?.kind

  const requireEntry = (entryName: string, kind: PackEntry['kind']): boolean => {
    if (kindOf(entryName) === kind) return true
    problems.push(missing(kind === 'dir' ? `${at(entryName)}/` : at(entryName), kind === 'dir' ? folderText(entryName) : fileText(entryName)))
    return false
  }

  // Folder name: NN-slug.
  const nameMatch = LESSON_DIR.exec(name)
  if (!nameMatch) {
    problems.push(
      new PackError({
        code: 'pack.layout',
        file: `${dir}/`,
        expected: { en: 'a lesson folder named NN-slug (e.g. "01-hello-chain")', ko: 'NN-slug 형식의 레슨 폴더 이름(예: "01-hello-chain")' },
        got: show(name),
      }),
    )
  }

  let lesson: Lesson | undefined
  if (requireEntry('lesson.yaml', 'file')) lesson = await readYaml(source, at('lesson.yaml'), schema, problems)

  if (lesson) {
    const file = at('lesson.yaml')
    keys.push({ file, track, id: lesson.id, order: lesson.order })
    if (lesson.track !== track) {
      problems.push(
        new PackError({
          code: 'pack.layout',
          file,
          field: 'track',
          expected: { en: `the track of the folder the lesson is in ("${track}")`, ko: `레슨이 들어 있는 트랙 폴더 이름("${track}")` },
          got: show(lesson.track),
        }),
      )
    }
    if (nameMatch) {
      const expectedNumber = String(lesson.order).padStart(2, '0')
      if (nameMatch[1] !== expectedNumber) {
        problems.push(
          new PackError({
            code: 'pack.layout',
            file: `${dir}/`,
            field: 'order',
            expected: {
              en: `the folder number to be order ${lesson.order} zero-padded ("${expectedNumber}-${lesson.id}")`,
              ko: `폴더 번호가 order ${lesson.order}를 0으로 채운 값("${expectedNumber}-${lesson.id}")`,
            },
            got: show(name),
          }),
        )
      }
      if (nameMatch[2] !== lesson.id) {
        problems.push(
          new PackError({
            code: 'pack.layout',
            file: `${dir}/`,
            field: 'id',
            expected: { en: `the folder slug to equal the lesson id ("${lesson.id}")`, ko: `폴더 이름의 slug가 레슨 id("${lesson.id}")와 같음` },
            got: show(nameMatch[2]),
          }),
        )
      }
    }
  }

  const readme: Partial<Bilingual> = {}
  for (const lang of ['ko', 'en'] as const) {
    if (requireEntry(`README.${lang}.md`, 'file')) readme[lang] = (await source.readText(at(`README.${lang}.md`))) ?? ''
  }
  requireEntry('grade.ts', 'file')

  for (const folder of ['starter', 'solution']) {
    if (!requireEntry(folder, 'dir') || !lesson) continue
    for (const [i, path] of lesson.files.entries()) {
      if ((await source.readText(at(joinPath(folder, path)))) === undefined) {
        problems.push(
          new PackError({
            code: 'pack.missing-file',
            file: at(joinPath(folder, path)),
            field: `files[${i}]`,
            expected: { en: `every file listed in lesson.yaml's files inside ${folder}/`, ko: `lesson.yaml의 files에 있는 모든 파일이 ${folder}/ 안에 있음` },
            got: 'nothing',
          }),
        )
      }
    }
  }

  // Alternative correct answers.
  const alternatives: string[] = []
  const solutionEntries = sorted(await source.list(at('solutions')))
  for (const entry of solutionEntries) {
    if (entry.kind === 'dir' && entry.name.startsWith('alt-')) alternatives.push(at(joinPath('solutions', entry.name)))
    else {
      problems.push(
        new PackError({
          code: 'pack.layout',
          file: at(joinPath('solutions', entry.name)) + (entry.kind === 'dir' ? '/' : ''),
          expected: { en: 'only folders named alt-<name> in solutions/', ko: 'solutions/ 안에는 alt-<이름> 폴더만' },
          got: show(entry.name),
        }),
      )
    }
  }
  if (alternatives.length === 0) {
    problems.push(missing(`${at('solutions')}/`, {
      en: 'at least one alternative correct answer, written differently, in solutions/alt-<name>/',
      ko: 'solutions/alt-<이름>/ 에 다르게 쓴 또 하나의 정답이 하나 이상',
    }, solutionEntries.length === 0 ? 'nothing' : `${alternatives.length} alternatives`))
  }

  // Wrong answers.
  const wrongAnswers: LoadedWrongAnswer[] = []
  const wrongEntries = sorted(await source.list(at('wrong')))
  for (const entry of wrongEntries) {
    const wrongDir = at(joinPath('wrong', entry.name))
    if (entry.kind !== 'dir') {
      problems.push(
        new PackError({
          code: 'pack.layout',
          file: wrongDir,
          expected: { en: 'only folders (one per wrong answer) in wrong/', ko: 'wrong/ 안에는 폴더(오답 하나당 하나)만' },
          got: show(entry.name),
        }),
      )
      continue
    }
    const files = await source.list(wrongDir)
    const expectFile = joinPath(wrongDir, 'EXPECT_FAIL')
    const text = await source.readText(expectFile)
    if (text === undefined) {
      problems.push(missing(expectFile, { en: 'a file EXPECT_FAIL naming the check this wrong answer must fail', ko: '이 오답이 실패해야 하는 검사 id를 적은 EXPECT_FAIL 파일' }))
    } else if (!CHECK_ID.test(text.trim())) {
      problems.push(
        new PackError({
          code: 'pack.schema',
          file: expectFile,
          expected: { en: 'one check id (lowercase letters, digits, ".", "_", ":", "-"), e.g. "returns-sum"', ko: '검사 id 하나(소문자·숫자·".", "_", ":", "-"), 예: "returns-sum"' },
          got: show(text.trim()),
        }),
      )
    } else {
      wrongAnswers.push({ name: entry.name, dir: wrongDir, expectFail: text.trim() })
    }
    if (!files.some((f) => f.name !== 'EXPECT_FAIL')) {
      problems.push(missing(`${wrongDir}/`, { en: 'the files of the wrong answer beside EXPECT_FAIL', ko: 'EXPECT_FAIL 옆에 오답 파일' }))
    }
  }
  const wrongDirs = wrongEntries.filter((e) => e.kind === 'dir').length
  if (wrongDirs < 2) {
    problems.push(
      new PackError({
        code: 'pack.missing-file',
        file: `${at('wrong')}/`,
        expected: { en: 'at least two wrong answers, each in wrong/<name>/', ko: 'wrong/<이름>/ 에 오답이 둘 이상' },
        got: `${wrongDirs} wrong answer${wrongDirs === 1 ? '' : 's'}`,
      }),
    )
  }

  if (!lesson || readme.ko === undefined || readme.en === undefined) return undefined
  return { lesson, dir, readme: { ko: readme.ko, en: readme.en }, alternatives, wrongAnswers }
}

interface LessonKey {
  file: string
  track: string
  id: string
  order: number
}

function checkUnique(problems: PackError[], lessons: readonly LessonKey[]): void {
  const firstById = new Map<string, string>()
  const firstByOrder = new Map<string, string>()
  for (const lesson of lessons) {
    const sameId = firstById.get(lesson.id)
    if (sameId === undefined) firstById.set(lesson.id, lesson.file)
    else {
      problems.push(
        new PackError({
          code: 'pack.duplicate-id',
          file: lesson.file,
          field: 'id',
          expected: { en: `a lesson id unique in the pack (also used by ${sameId})`, ko: `팩 안에서 유일한 레슨 id(${sameId}에서 이미 사용)` },
          got: show(lesson.id),
        }),
      )
    }
    const key = `${lesson.track}\u0000${lesson.order}`
    const sameOrder = firstByOrder.get(key)
    if (sameOrder === undefined) firstByOrder.set(key, lesson.file)
    else {
      problems.push(
        new PackError({
          code: 'pack.duplicate-order',
          file: lesson.file,
          field: 'order',
          expected: { en: `an order unique in the track (also used by ${sameOrder})`, ko: `트랙 안에서 유일한 order(${sameOrder}에서 이미 사용)` },
          got: show(lesson.order),
        }),
      )
    }
  }
}

/** Reads, parses and validates one YAML file; problems are appended, undefined when any. */
async function readYaml<T>(source: PackSource, file: string, schema: z.ZodType<T>, problems: PackError[]): Promise<T | undefined> {
  const text = await source.readText(file)
  if (text === undefined) {
    problems.push(missing(file, fileText(file.split('/').pop() ?? file)))
    return undefined
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: true })
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0]
      problems.push(
        new PackError({
          code: 'pack.yaml',
          file,
          expected: { en: `valid YAML (${firstLine(error.message)})`, ko: `올바른 YAML (${firstLine(error.message)})` },
          got: show(error.code),
          line: pos?.line,
          column: pos?.col,
        }),
      )
    }
    return undefined
  }
  const data: unknown = doc.toJS()
  const result = schema.safeParse(data)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    for (const problem of issueToProblems(issue, data, schema, file, doc, lineCounter)) problems.push(problem)
  }
  return undefined
}

function issueToProblems(
  issue: z.core.$ZodIssue,
  data: unknown,
  schema: z.ZodType,
  file: string,
  doc: Document,
  lineCounter: LineCounter,
): PackError[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
  const make = (fieldPath: (string | number)[], expected: Bilingual, got: string, choices?: readonly string[], atKey = false) => {
    const pos = positionOf(doc, fieldPath, lineCounter, atKey)
    return new PackError({
      code: 'pack.schema',
      file,
      field: fieldPath.length === 0 ? undefined : formatPath(fieldPath),
      expected,
      got,
      choices,
      line: pos?.line,
      column: pos?.col,
    })
  }
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, path)
    return issue.keys.map((key) =>
      make(
        [...path, key],
        {
          en: `no key "${key}" here${allowed ? ` (allowed keys: ${allowed.join(', ')})` : ''}`,
          ko: `여기에 없어야 할 키 "${key}"${allowed ? ` (허용되는 키: ${allowed.join(', ')})` : ''}`,
        },
        show(valueAt(data, [...path, key])),
        undefined,
        true,
      ),
    )
  }
  const value = valueAt(data, path)
  const ours = readExpectation(issue.message)
  let expected: Bilingual = ours ?? { en: issue.message, ko: issue.message }
  if (!ours && issue.code === 'invalid_type') expected = { en: `a ${issue.expected}`, ko: `${issue.expected} 값` }
  if (value === undefined && issue.code === 'invalid_type') expected = { en: `${expected.en} (required)`, ko: `${expected.ko} (필수)` }
  const choices = issue.code === 'invalid_value' ? issue.values.map((v) => String(v)) : undefined
  return [make(path, expected, show(value), choices)]
}

/** `['hints', 1, 'ko']` → `hints[1].ko`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`
  return out
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[part]
  }
  return current
}

/** The keys an object schema at `path` accepts (our schemas: objects, arrays, wrappers). */
function allowedKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] | undefined {
  let current: z.ZodType | undefined = schema
  for (const part of [...path, undefined]) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodPipe) {
      current = current instanceof z.ZodOptional ? (current.unwrap() as z.ZodType) : (current.in as z.ZodType)
    }
    if (part === undefined) return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined
    if (current instanceof z.ZodObject && typeof part === 'string') current = current.shape[part] as z.ZodType | undefined
    else if (current instanceof z.ZodArray && typeof part === 'number') current = current.element as z.ZodType
    else return undefined
  }
  return undefined
}

/**
 * Line and column (1-based) of the YAML node at `path` (of its key when `atKey`), or of its
 * nearest present ancestor.
 */
function positionOf(doc: Document, path: readonly (string | number)[], lineCounter: LineCounter, atKey: boolean): { line: number; col: number } | undefined {
  let node: unknown = doc.contents
  let offset: number | undefined = rangeStart(node)
  for (const [i, part] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part))
      if (!pair) break
      offset = rangeStart(pair.key) ?? offset
      if (atKey && i === path.length - 1) break
      node = pair.value
      offset = rangeStart(node) ?? offset
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part]
      if (node === undefined) break
      offset = rangeStart(node) ?? offset
    } else break
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset)
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0]
    return typeof start === 'number' ? start : undefined
  }
  return undefined
}

function missing(file: string, expected: Bilingual, got = 'nothing', code: PackErrorCode = 'pack.missing-file'): PackError {
  return new PackError({ code, file, expected, got })
}

function fileText(name: string): Bilingual {
  return { en: `a file ${name}`, ko: `${name} 파일` }
}

function folderText(name: string): Bilingual {
  return { en: `a folder ${name}/`, ko: `${name}/ 폴더` }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

function sorted(entries: PackEntry[]): PackEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
