/**
 * `playground progress show|export|import|reset`: the learner's progress in the data folder
 * (see app/cli/dataFolder.ts; PLAYGROUND_DATA_DIR overrides it). Import and reset replace the
 * progress and keep the previous file as `progress.backup.json`; reset needs `--yes` because
 * it forgets attempts. A damaged progress file is quarantined and reported, never dropped.
 *
 * Exit codes: 0 done, 1 failed (unreadable file, invalid import, nothing to reset), 2 bad usage.
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { ProgressError } from '../../../courses/format/progress/progressErrors.ts'
import type { LessonProgress, Progress } from '../../../courses/format/progress/progressSchema.ts'
import type { Lang, Message, RenderedMessage } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import { createProgressStore } from '../../shared/progress/progressStore.ts'
import type { ProgressStore } from '../../shared/progress/progressStore.ts'
import { InvalidStoragePathError, StorageIoError } from '../../shared/storage/storageErrors.ts'
import type { ParsedArgs } from '../args.ts'
import { dataFolder } from '../dataFolder.ts'
import { createNodeStorage } from '../../shared/storage/nodeStorage.node.ts'
import { UsageError } from '../usageError.ts'

export const PROGRESS_FLAGS = {
  yes: { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

const SUBCOMMANDS = ['show', 'export', 'import', 'reset'] as const

const TEXT = {
  'usage.progress-subcommand': {
    en: 'Say what to do with the progress: playground progress show|export [FILE]|import FILE|reset [LESSON] --yes (got {got}).',
    ko: '진행 기록으로 할 일을 적어 주세요: playground progress show|export [파일]|import 파일|reset [레슨] --yes (받은 값: {got}).',
  },
  'usage.progress-import-file': {
    en: 'Name the file to import: playground progress import FILE',
    ko: '가져올 파일을 적어 주세요: playground progress import 파일',
  },
  'usage.progress-reset-confirm': {
    en: 'Resetting forgets {what} (a backup is kept in progress.backup.json). To go ahead, add --yes: playground progress reset {args}--yes',
    ko: '초기화하면 {whatKo}이(가) 지워집니다(progress.backup.json에 백업을 남깁니다). 계속하려면 --yes를 붙이세요: playground progress reset {args}--yes',
  },
  'progress.exported': {
    en: 'Exported the progress of {lessons} lesson(s) to {file}.',
    ko: '레슨 {lessons}개의 진행 기록을 {file}(으)로 내보냈습니다.',
  },
  'progress.empty': {
    en: 'No lesson started yet. Progress is kept in {folder}.',
    ko: '아직 시작한 레슨이 없습니다. 진행 기록은 {folder}에 저장됩니다.',
  },
  'progress.where': {
    en: 'Progress is kept in {folder}.',
    ko: '진행 기록 위치: {folder}',
  },
} as const satisfies Record<string, Message>

function text(code: keyof typeof TEXT, params: Record<string, string | number> = {}): RenderedMessage {
  const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`))
  const m: Message = TEXT[code]
  return { code, ko: fill(m.ko), en: fill(m.en) }
}

/**
 * Runs `playground progress …`; returns the exit code. Usage mistakes throw {@link UsageError}
 * (main prints them, exit 2).
 *
 * @example
 * await runProgress(parseArgs(['show', '--json'], 'progress', PROGRESS_FLAGS), 'en', true)
 */
export async function runProgress(args: ParsedArgs, lang: Lang, json: boolean): Promise<number> {
  const [sub, ...rest] = args.positionals
  if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError(text('usage.progress-subcommand', { got: sub === undefined ? 'nothing' : `"${sub}"` }))
  }
  const maxArgs = sub === 'show' ? 0 : 1
  if (rest.length > maxArgs) throw new UsageError(formatMessage('usage.unexpected-argument', { arg: rest[maxArgs]!, command: `progress ${sub}` }))
  if (sub === 'import' && rest.length === 0) throw new UsageError(text('usage.progress-import-file'))
  if (sub === 'reset' && !args.flags.has('yes')) {
    const lesson = rest[0]
    throw new UsageError(
      text('usage.progress-reset-confirm', {
        what: lesson === undefined ? 'the progress of every lesson' : `the progress of lesson "${lesson}"`,
        whatKo: lesson === undefined ? '모든 레슨의 진행 기록' : `레슨 "${lesson}"의 진행 기록`,
        args: lesson === undefined ? '' : `${lesson} `,
      }),
    )
  }
  const folder = dataFolder()
  const store = createProgressStore({ storage: createNodeStorage({ root: folder }) })
  const out = new Output(lang, json)
  try {
    switch (sub) {
      case 'show':
        return await show(store, folder, out)
      case 'export':
        return await exportTo(store, rest[0], out)
      case 'import':
        return await importFrom(store, rest[0]!, out)
      default:
        return await reset(store, rest[0], out)
    }
  } catch (error) {
    const rendered = knownError(error)
    if (rendered === undefined) throw error
    out.fail(rendered)
    return 1
  }
}

async function show(store: ProgressStore, folder: string, out: Output): Promise<number> {
  const { progress, report } = await store.load()
  if (out.json) {
    out.result({ dataFolder: folder, progress, messages: report ? [report] : [] })
    return 0
  }
  if (report) out.warn(report)
  const ids = Object.keys(progress.lessons).sort()
  if (ids.length === 0) {
    out.say(text('progress.empty', { folder }))
    return 0
  }
  for (const id of ids) process.stdout.write(`${formatLesson(id, progress.lessons[id]!, out.lang)}\n`)
  out.say(text('progress.where', { folder }))
  return 0
}

async function exportTo(store: ProgressStore, file: string | undefined, out: Output): Promise<number> {
  const { text: exported, report } = await store.exportProgress()
  if (report) out.warn(report)
  if (file === undefined) {
    // Bare export goes to stdout so it can be piped; the JSON is the result in both modes.
    process.stdout.write(exported)
    return 0
  }
  const target = resolve(file)
  await createNodeStorage({ root: dirname(target) }).writeAtomic(basename(target), exported)
  const lessons = Object.keys((JSON.parse(exported) as Progress).lessons).length
  const done = text('progress.exported', { lessons, file })
  if (out.json) out.result({ file: target, lessons, messages: [...(report ? [report] : []), done] })
  else out.say(done)
  return 0
}

async function importFrom(store: ProgressStore, file: string, out: Output): Promise<number> {
  let content: string
  try {
    content = readFileSync(file, 'utf8')
  } catch (error) {
    out.fail(formatMessage('error.read', { path: file, details: (error as Error).message }))
    return 1
  }
  const change = await store.importProgress(content)
  if (out.json) out.result({ progress: change.progress, messages: [change.report] })
  else out.say(change.report)
  return 0
}

async function reset(store: ProgressStore, lessonId: string | undefined, out: Output): Promise<number> {
  const change = await store.reset(lessonId)
  if (out.json) out.result({ changed: change.changed, progress: change.progress, messages: [change.report] })
  else if (change.changed) out.say(change.report)
  else out.warn(change.report)
  return change.changed ? 0 : 1
}

/**
 * One line per lesson, e.g. `hello-chain  passed  3 attempts  best 100%  hints 1  solution viewed`.
 *
 * @example
 * formatLesson('hello-chain', entry, 'en')
 */
export function formatLesson(id: string, p: LessonProgress, lang: Lang): string {
  const best = `${Math.round(p.bestScore * 100)}%`
  if (lang === 'ko') {
    const status = p.status === 'passed' ? '통과' : '진행 중'
    const parts = [id, status, `시도 ${p.attempts}회`, `최고 ${best}`, `힌트 ${p.hintsUsed}단계`]
    if (p.solutionViewed) parts.push('해답 봄')
    parts.push(`최근 ${p.lastAttemptAt ?? p.startedAt}`)
    return parts.join('  ')
  }
  const parts = [id, p.status, `${p.attempts} attempt${p.attempts === 1 ? '' : 's'}`, `best ${best}`, `hints ${p.hintsUsed}`]
  if (p.solutionViewed) parts.push('solution viewed')
  parts.push(`last ${p.lastAttemptAt ?? p.startedAt}`)
  return parts.join('  ')
}

/** Errors with a bilingual message of their own: reported as they are, exit 1. */
function knownError(error: unknown): RenderedMessage | undefined {
  if (error instanceof ProgressError) return error.rendered
  if (error instanceof StorageIoError || error instanceof InvalidStoragePathError) {
    const en = error.details ? `${error.shortMessage} (${error.details})` : error.shortMessage
    return { code: error.code, en, ko: error.messageKo }
  }
  return undefined
}

class Output {
  constructor(
    readonly lang: Lang,
    readonly json: boolean,
  ) {}
  say(m: RenderedMessage): void {
    process.stdout.write(`${m[this.lang]}\n`)
  }
  warn(m: RenderedMessage): void {
    process.stderr.write(`${m[this.lang]}\n`)
  }
  result(value: Record<string, unknown>): void {
    process.stdout.write(`${JSON.stringify(value)}\n`)
  }
  fail(m: RenderedMessage): void {
    if (this.json) process.stdout.write(`${JSON.stringify({ error: m })}\n`)
    else process.stderr.write(`${m[this.lang]}\n`)
  }
}

/** `playground progress --help`. */
export const progressHelp: { ko: string; en: string } = {
  ko: `사용법: playground progress show [--json]
       playground progress export [파일]
       playground progress import 파일
       playground progress reset [레슨] --yes

레슨별 진행 기록(상태, 시도 횟수, 최고 점수, 사용한 힌트 단계, 해답 열람, 시각)을 다룹니다.
  show           레슨마다 한 줄로 보여 줍니다 (--json: {dataFolder, progress, messages})
  export [파일]  진행 기록을 JSON으로 내보냅니다 (schemaVersion, exportedAt 포함; 파일을 안 적으면 표준 출력)
  import 파일    내보낸 파일로 진행 기록을 바꿉니다. 이전 기록은 progress.backup.json에 남깁니다
  reset [레슨]   한 레슨 또는 전체 기록을 지웁니다. --yes가 있어야 하며 progress.backup.json에 백업을 남깁니다

저장 위치(데이터 폴더): Linux $XDG_DATA_HOME/blockchain-playground (기본 ~/.local/share/blockchain-playground),
macOS ~/Library/Application Support/Blockchain Playground, Windows %APPDATA%\\Blockchain Playground.
PLAYGROUND_DATA_DIR 환경 변수로 바꿀 수 있습니다. 손상된 파일은 quarantine/ 폴더로 옮기고 알려 드립니다.
종료 코드: 0 성공, 1 실패(읽을 수 없는 파일, 잘못된 가져오기, 초기화할 기록 없음), 2 잘못된 사용법`,
  en: `Usage: playground progress show [--json]
       playground progress export [FILE]
       playground progress import FILE
       playground progress reset [LESSON] --yes

Your progress per lesson: status, attempts, best score, hint tiers used, solution viewed, times.
  show            one line per lesson (--json: {dataFolder, progress, messages})
  export [FILE]   write the progress as JSON (with schemaVersion and exportedAt; stdout without FILE)
  import FILE     replace the progress with an exported file; the previous one is kept in progress.backup.json
  reset [LESSON]  forget one lesson or everything; needs --yes and keeps a backup in progress.backup.json

Where it is kept (the data folder): Linux $XDG_DATA_HOME/blockchain-playground (default
~/.local/share/blockchain-playground), macOS ~/Library/Application Support/Blockchain Playground,
Windows %APPDATA%\\Blockchain Playground. PLAYGROUND_DATA_DIR overrides it. A damaged file is moved
to the quarantine/ folder and reported.
Exit codes: 0 done, 1 failed (unreadable file, invalid import, nothing to reset), 2 bad usage`,
}
