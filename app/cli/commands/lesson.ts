/**
 * `playground lesson list [--track T] | show ID | start ID --workspace DIR | grade ID --workspace DIR
 * | hint ID | solution ID [--json]`: the lessons of the official pack (or `--pack PATH`) from the
 * terminal, in the user's language.
 *
 * - `start` copies the starter into DIR and makes the first commit (DIR must not hold files the
 *   starter would overwrite);
 * - `grade` grades DIR's files, commits the attempt in DIR ("attempt 3: 4/5 checks") and records
 *   it in the progress file; exit 0 when every check passes, 1 otherwise;
 * - `hint` reveals the next hint tier (recorded); `solution` prints the solution when the lesson's
 *   `solutionPolicy` allows it.
 *
 * @module
 */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { GradeResult } from '../../../courses/format/grading/gradeLesson.ts'
import type { LoadedLesson } from '../../../courses/format/loadPack.ts'
import { validatePack } from '../../../courses/format/loadPack.ts'
import type { PackSource } from '../../../courses/format/packSource.ts'
import { joinPath } from '../../../courses/format/packSource.ts'
import { readFolder } from '../../../courses/format/readFolder.ts'
import type { Lang } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { createNodePackSource } from '../lessons/nodePackSource.ts'
import { officialPackDir } from '../lessons/officialPack.ts'
import { createLessonSession } from '../lessons/lessonSession.ts'
import { readWorkspaceFiles } from '../lessons/workspaceFiles.ts'
import { UsageError } from '../usageError.ts'

export const LESSON_FLAGS = {
  track: { type: 'string' },
  workspace: { type: 'string' },
  pack: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

export const LESSON_SUBCOMMANDS = ['list', 'show', 'start', 'grade', 'hint', 'solution'] as const

interface Catalog {
  source: PackSource
  lessons: LoadedLesson[]
  tracks: string[]
  problems: number
}

async function loadCatalog(args: ParsedArgs): Promise<Catalog> {
  const pack = args.flags.get('pack')
  const root = typeof pack === 'string' ? resolve(pack) : officialPackDir()
  if (!existsSync(root)) throw new UsageError({ code: 'usage.no-such-pack', en: `No course pack at ${root}.`, ko: `${root}에 코스 팩이 없습니다.` })
  const source = createNodePackSource(root)
  const result = await validatePack(source)
  if (result.problems.length > 0) {
    process.stderr.write(
      `! ${result.problems.length} problem(s) in the course pack; lessons with problems are left out (run: playground course validate${typeof pack === 'string' ? ` ${pack}` : ''})\n`,
    )
  }
  return { source, lessons: result.lessons, tracks: result.course?.tracks.map((t) => t.id) ?? [], problems: result.problems.length }
}

function findLesson(catalog: Catalog, id: string | undefined): LoadedLesson {
  const lesson = catalog.lessons.find((l) => l.lesson.id === id)
  if (id === undefined || !lesson) {
    throw new UsageError({
      code: 'usage.unknown-lesson',
      en: `${id === undefined ? 'A lesson id is needed' : `No lesson "${id}"`}. Lessons: ${catalog.lessons.map((l) => l.lesson.id).join(', ')}.`,
      ko: `${id === undefined ? '레슨 id가 필요합니다' : `"${id}" 레슨이 없습니다`}. 레슨: ${catalog.lessons.map((l) => l.lesson.id).join(', ')}`,
    })
  }
  return lesson
}

function workspaceFlag(args: ParsedArgs, sub: string): string {
  const dir = args.flags.get('workspace')
  if (typeof dir !== 'string') {
    throw new UsageError({
      code: 'usage.missing-workspace',
      en: `lesson ${sub} needs --workspace DIR (the folder with your files).`,
      ko: `lesson ${sub}에는 --workspace DIR(내 파일이 있는 폴더)이 필요합니다.`,
    })
  }
  return resolve(dir)
}

export async function runLesson(args: ParsedArgs, lang: Lang, json: boolean): Promise<number> {
  const [sub, id, ...extra] = args.positionals
  if (sub === undefined || !(LESSON_SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError({
      code: 'usage.lesson-subcommand',
      en: `playground lesson: expected a subcommand (${LESSON_SUBCOMMANDS.join(', ')}), got ${sub === undefined ? 'nothing' : JSON.stringify(sub)}.`,
      ko: `playground lesson: 하위 명령(${LESSON_SUBCOMMANDS.join(', ')})이 필요하지만 ${sub === undefined ? '아무것도 없습니다' : JSON.stringify(sub)}를 받았습니다.`,
    })
  }
  if (extra.length > 0) throw new UsageError({ code: 'usage.extra-argument', en: `Unexpected arguments: ${extra.join(' ')}.`, ko: `필요 없는 인자: ${extra.join(' ')}` })
  const ko = lang === 'ko'
  const catalog = await loadCatalog(args)
  const session = createLessonSession(lang)

  if (sub === 'list') {
    const track = args.flags.get('track')
    if (typeof track === 'string' && !catalog.tracks.includes(track)) {
      throw new UsageError({ code: 'usage.bad-choice', en: `--track: no track "${track}". Valid choices: ${catalog.tracks.join(', ')}.`, ko: `--track: "${track}" 트랙이 없습니다. 가능한 값: ${catalog.tracks.join(', ')}` })
    }
    if (id !== undefined) throw new UsageError({ code: 'usage.extra-argument', en: `lesson list takes no id (got ${id}).`, ko: `lesson list는 id를 받지 않습니다(${id}).` })
    const lessons = catalog.lessons.filter((l) => typeof track !== 'string' || l.lesson.track === track)
    if (json) {
      const out = lessons.map((l) => ({ id: l.lesson.id, track: l.lesson.track, order: l.lesson.order, title: l.lesson.title, minutes: l.lesson.minutes }))
      process.stdout.write(`${JSON.stringify(out)}\n`)
      return 0
    }
    const progress = await session.progress()
    let current = ''
    for (const l of lessons) {
      if (l.lesson.track !== current) {
        current = l.lesson.track
        process.stdout.write(`\n${ko ? trackKo(current) : trackEn(current)}\n`)
      }
      const p = progress.lessons[l.lesson.id]
      const mark = p?.status === 'passed' ? '✓' : p ? '…' : ' '
      const minutes = ko ? `${l.lesson.minutes}분` : `${l.lesson.minutes} min`
      process.stdout.write(`  ${mark} ${String(l.lesson.order).padStart(2)}. ${padDisplay(ko ? l.lesson.title.ko : l.lesson.title.en, 34)} ${minutes.padStart(7)}  ${l.lesson.id}\n`)
    }
    process.stdout.write(ko ? `\n시작: playground lesson start <id> --workspace <폴더>\n` : `\nStart one: playground lesson start <id> --workspace <folder>\n`)
    return 0
  }

  const loaded = findLesson(catalog, id)
  const { lesson } = loaded

  if (sub === 'show') {
    const progress = (await session.progress()).lessons[lesson.id]
    if (json) {
      process.stdout.write(`${JSON.stringify({ ...lesson, readme: loaded.readme, progress: progress ?? null })}\n`)
      return 0
    }
    const lines = [
      `${ko ? lesson.title.ko : lesson.title.en}  (${lesson.id}, ${ko ? `${lesson.minutes}분` : `${lesson.minutes} min`}, ${ko ? '네트워크' : 'network'} ${lesson.network})`,
      '',
      ko ? '학습 목표' : 'Objectives',
      ...(ko ? lesson.objectives.ko : lesson.objectives.en).map((o) => `  - ${o}`),
      '',
      `${ko ? '파일' : 'Files'}: ${lesson.files.join(', ')}`,
      `${ko ? '힌트' : 'Hints'}: ${lesson.hints.length}${progress ? ` (${ko ? '본 것' : 'seen'} ${progress.hintsUsed})` : ''}`,
      progress ? `${ko ? '진행' : 'Progress'}: ${progress.status}, ${ko ? '시도' : 'attempts'} ${progress.attempts}, ${ko ? '최고 점수' : 'best score'} ${Math.round(progress.bestScore * 100)}%` : '',
      '',
      ko ? loaded.readme.ko : loaded.readme.en,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  }

  if (sub === 'start') {
    const dir = workspaceFlag(args, sub)
    const starter = await readFolder(catalog.source, joinPath(loaded.dir, 'starter'))
    const started = await session.start(dir, lesson.id, starter)
    if (json) process.stdout.write(`${JSON.stringify({ lesson: lesson.id, workspace: dir, created: started.created, files: Object.keys(starter).sort(), commit: started.oid })}\n`)
    else if (!started.created) {
      process.stdout.write(
        ko
          ? `${dir}은(는) 이미 작업 공간입니다: 파일을 하나도 바꾸지 않았습니다. 채점: playground lesson grade ${lesson.id} --workspace ${dir}\n`
          : `${dir} is already a workspace: none of your files were changed. Grade: playground lesson grade ${lesson.id} --workspace ${dir}\n`,
      )
    } else {
      process.stdout.write(
        ko
          ? `「${lesson.title.ko}」 시작: ${dir}에 ${Object.keys(starter).length}개 파일을 만들고 첫 커밋을 했습니다 (${started.oid.slice(0, 7)}).\n설명: playground lesson show ${lesson.id}\n채점: playground lesson grade ${lesson.id} --workspace ${dir}\n`
          : `Started "${lesson.title.en}": ${Object.keys(starter).length} file(s) in ${dir}, first commit ${started.oid.slice(0, 7)}.\nInstructions: playground lesson show ${lesson.id}\nGrade: playground lesson grade ${lesson.id} --workspace ${dir}\n`,
      )
    }
    return 0
  }

  if (sub === 'grade') {
    const dir = workspaceFlag(args, sub)
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError({ code: 'usage.no-workspace', en: `No workspace folder ${dir} (start with: playground lesson start ${lesson.id} --workspace ${dir}).`, ko: `작업 공간 폴더 ${dir}이(가) 없습니다 (시작: playground lesson start ${lesson.id} --workspace ${dir}).` })
    }
    const workspace = readWorkspaceFiles(dir)
    const grader = (await catalog.source.readText(joinPath(loaded.dir, 'grade.ts'))) ?? ''
    // Loaded here: solc, the EVM and QuickJS are for grading only (list and show stay quick).
    const { gradeLesson } = await import('../../../courses/format/grading/gradeLesson.ts')
    const { nodeGradingEnvironment } = await import('../lessons/nodeGradingEnvironment.ts')
    const result = await gradeLesson(await nodeGradingEnvironment(), { lesson: { id: lesson.id, network: lesson.network }, grader, workspace })
    const recorded = await session.recordAttempt(dir, lesson.id, result)
    if (json) {
      process.stdout.write(
        `${JSON.stringify({
          lesson: result.lesson,
          score: result.score,
          passed: result.passed,
          checks: result.checks.map((c) => ({ id: c.id, status: c.status, title: c.title, message: c.message })),
          ...(result.error ? { error: result.error } : {}),
          attempt: recorded.attempt,
          commit: recorded.oid,
        })}\n`,
      )
    } else process.stdout.write(`${formatGrade(result, lang, recorded, lesson.id, lesson.hints.length)}\n`)
    return result.passed ? 0 : 1
  }

  if (sub === 'hint') {
    const hint = await session.nextHint(loaded)
    if (json) process.stdout.write(`${JSON.stringify(hint)}\n`)
    else if (hint.tier === undefined) process.stdout.write(ko ? '힌트를 모두 보았습니다. 해답: playground lesson solution ' + lesson.id + '\n' : `No more hints. Solution: playground lesson solution ${lesson.id}\n`)
    else process.stdout.write(`${ko ? `힌트 ${hint.tier}/${lesson.hints.length}` : `Hint ${hint.tier}/${lesson.hints.length}`}: ${ko ? hint.text!.ko : hint.text!.en}\n`)
    return 0
  }

  // solution
  const allowed = await session.solutionAllowed(loaded)
  if (!allowed.ok) {
    if (json) process.stdout.write(`${JSON.stringify({ lesson: lesson.id, available: false, reason: allowed.reason })}\n`)
    else process.stdout.write(`${ko ? allowed.reason.ko : allowed.reason.en}\n`)
    return 1
  }
  const solution = await readFolder(catalog.source, joinPath(loaded.dir, 'solution'))
  await session.recordSolutionViewed(loaded)
  if (json) process.stdout.write(`${JSON.stringify({ lesson: lesson.id, available: true, files: solution })}\n`)
  else for (const [path, text] of Object.entries(solution)) process.stdout.write(`── ${path} ──\n${text}\n`)
  return 0
}

/** Pads to a terminal width: Hangul and other wide characters take two columns. */
function padDisplay(text: string, width: number): string {
  let columns = 0
  for (const ch of text) columns += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1
  return text + ' '.repeat(Math.max(0, width - columns))
}

function trackKo(track: string): string {
  return { beginner: '입문', developer: '개발', expert: '전문' }[track] ?? track
}
function trackEn(track: string): string {
  return { beginner: 'Beginner', developer: 'Developer', expert: 'Expert' }[track] ?? track
}

export function formatGrade(result: GradeResult, lang: Lang, recorded: { attempt: number; oid: string }, lessonId: string, hints: number): string {
  const ko = lang === 'ko'
  const passed = result.checks.filter((c) => c.status === 'pass').length
  const lines = [
    ko
      ? `${lessonId}: 검사 ${result.checks.length}개 중 ${passed}개 통과 (${Math.round(result.score * 100)}%)`
      : `${lessonId}: ${passed} of ${result.checks.length} checks passed (${Math.round(result.score * 100)}%)`,
  ]
  if (result.error) lines.push(`  ! ${ko ? result.error.ko : result.error.en}`)
  for (const c of result.checks) {
    const mark = c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '!'
    lines.push(`  ${mark} ${ko ? c.title.ko : c.title.en}`)
    if (c.status !== 'pass') lines.push(...(ko ? c.message.ko : c.message.en).split('\n').map((l) => `      ${l}`))
  }
  lines.push(
    ko
      ? `시도 ${recorded.attempt}번을 작업 공간에 커밋했습니다 (${recorded.oid.slice(0, 7)}).`
      : `Attempt ${recorded.attempt} committed in the workspace (${recorded.oid.slice(0, 7)}).`,
  )
  if (result.passed) lines.push(ko ? '모두 통과했습니다! 🎉' : 'All checks passed! 🎉')
  else if (hints > 0) lines.push(ko ? `막혔다면: playground lesson hint ${lessonId}` : `Stuck? playground lesson hint ${lessonId}`)
  return lines.join('\n')
}
