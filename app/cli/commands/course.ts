/**
 * `playground course validate [PATH] [--lesson ID] [--json]`: checks a course pack (the official
 * one by default) — schema, both languages, starters compile, the solution and every alternative
 * pass, the starter and every wrong answer fail where they should, no orphan files. Exit 0 when
 * everything holds, 1 otherwise.
 *
 * @module
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CourseValidation, LessonValidation } from '../../../courses/format/validateCourse.ts'
import { validateCourse } from '../../../courses/format/validateCourse.ts'
import type { Lang } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { nodeGradingEnvironment } from '../lessons/nodeGradingEnvironment.ts'
import { createNodePackSource } from '../lessons/nodePackSource.ts'
import { officialPackDir } from '../lessons/officialPack.ts'
import { createProgressBar } from '../progress.ts'
import { UsageError } from '../usageError.ts'

export const COURSE_FLAGS = {
  lesson: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

export const COURSE_SUBCOMMANDS = ['validate'] as const

export async function runCourse(args: ParsedArgs, lang: Lang, json: boolean): Promise<number> {
  const [sub, path, ...extra] = args.positionals
  if (sub !== 'validate') {
    throw new UsageError({
      code: 'usage.course-subcommand',
      en: `playground course: expected a subcommand (${COURSE_SUBCOMMANDS.join(', ')}), got ${sub === undefined ? 'nothing' : JSON.stringify(sub)}.`,
      ko: `playground course: 하위 명령(${COURSE_SUBCOMMANDS.join(', ')})이 필요하지만 ${sub === undefined ? '아무것도 없습니다' : JSON.stringify(sub)}를 받았습니다.`,
    })
  }
  if (extra.length > 0) {
    throw new UsageError({ code: 'usage.extra-argument', en: `course validate takes one PATH, got also ${extra.join(' ')}.`, ko: `course validate는 PATH 하나만 받습니다. 더 받은 인자: ${extra.join(' ')}` })
  }
  const root = path === undefined ? officialPackDir() : resolve(path)
  if (!existsSync(root)) {
    throw new UsageError({ code: 'usage.no-such-pack', en: `No course pack at ${root}.`, ko: `${root}에 코스 팩이 없습니다.` })
  }
  const only = args.flags.get('lesson')
  const bar = json ? undefined : createProgressBar()
  const report = await validateCourse(createNodePackSource(root), await nodeGradingEnvironment(), {
    ...(typeof only === 'string' ? { lessons: only.split(',') } : {}),
    onLesson: (l, i, total) => bar?.update((i + 1) / total, l.id),
  })
  bar?.done()
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`)
  else process.stdout.write(`${formatValidation(report, lang)}\n`)
  return report.ok ? 0 : 1
}

const RULES: { key: keyof LessonValidation; en: string; ko: string }[] = [
  { key: 'schema', en: 'schema', ko: '스키마' },
  { key: 'languages', en: 'languages', ko: '언어' },
  { key: 'starterCompiles', en: 'starter compiles', ko: '시작 코드 컴파일' },
  { key: 'solutionPasses', en: 'solution passes', ko: '해답 통과' },
  { key: 'altsPass', en: 'alternatives pass', ko: '다른 해답 통과' },
  { key: 'wrongsFail', en: 'wrong answers fail', ko: '오답 실패' },
  { key: 'starterFails', en: 'starter fails', ko: '시작 코드 실패' },
  { key: 'noOrphans', en: 'no orphan files', ko: '남는 파일 없음' },
]

export function formatValidation(report: CourseValidation, lang: Lang): string {
  const ko = lang === 'ko'
  const lines: string[] = []
  const withFile = (p: { file?: string | undefined; ko: string; en: string }): string => {
    const text = ko ? p.ko : p.en
    return p.file === undefined || text.startsWith(p.file) ? text : `${p.file}: ${text}`
  }
  for (const p of report.problems) lines.push(`✗ ${withFile(p)}`)
  for (const l of report.lessons) {
    const failed = RULES.filter((r) => l[r.key] !== true)
    lines.push(`${failed.length === 0 ? '✓' : '✗'} ${l.id}${failed.length === 0 ? '' : ` — ${failed.map((r) => (ko ? r.ko : r.en)).join(', ')}`}`)
    for (const p of l.problems) lines.push(`    ${withFile(p)}`)
  }
  const good = report.lessons.filter((l) => RULES.every((r) => l[r.key] === true)).length
  lines.push(
    ko
      ? `레슨 ${report.lessons.length}개 중 ${good}개 통과${report.problems.length > 0 ? `, 팩 문제 ${report.problems.length}개` : ''}: ${report.ok ? '성공' : '실패'}`
      : `${good} of ${report.lessons.length} lessons valid${report.problems.length > 0 ? `, ${report.problems.length} pack problems` : ''}: ${report.ok ? 'ok' : 'failed'}`,
  )
  return lines.join('\n')
}
