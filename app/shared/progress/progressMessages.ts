/**
 * What the progress store tells the learner, as `{code, ko, en}` (the CLI prints one language
 * or, with --json, all three; the app shows them in its current language).
 *
 * @module
 */
import type { Message, RenderedMessage } from '../messages.ts'

export const PROGRESS_MESSAGES = {
  'progress.quarantined': {
    en: 'Your progress file could not be used ({details}). It was moved to "{where}" in the data folder and progress starts afresh; nothing was deleted.',
    ko: '진행 기록 파일을 쓸 수 없습니다({details}). 파일은 데이터 폴더의 "{where}"(으)로 옮겼고 진행 기록은 새로 시작합니다. 지운 것은 없습니다.',
  },
  'progress.imported': {
    en: 'Imported progress for {lessons} lesson(s). It replaced the previous progress, which was kept in "{backup}".',
    ko: '레슨 {lessons}개의 진행 기록을 가져왔습니다. 이전 진행 기록을 대신하며, 이전 기록은 "{backup}"에 보관했습니다.',
  },
  'progress.imported-fresh': {
    en: 'Imported progress for {lessons} lesson(s).',
    ko: '레슨 {lessons}개의 진행 기록을 가져왔습니다.',
  },
  'progress.reset-all': {
    en: 'All progress was reset. The previous progress was kept in "{backup}".',
    ko: '모든 진행 기록을 초기화했습니다. 이전 기록은 "{backup}"에 보관했습니다.',
  },
  'progress.reset-lesson': {
    en: 'Progress of lesson "{lesson}" was reset. The previous progress was kept in "{backup}".',
    ko: '레슨 "{lesson}"의 진행 기록을 초기화했습니다. 이전 기록은 "{backup}"에 보관했습니다.',
  },
  'progress.reset-nothing': {
    en: 'There is no progress recorded for lesson "{lesson}": nothing to reset.',
    ko: '레슨 "{lesson}"의 진행 기록이 없어 초기화할 것이 없습니다.',
  },
  'progress.reset-nothing-all': {
    en: 'There is no progress recorded yet: nothing to reset.',
    ko: '아직 진행 기록이 없어 초기화할 것이 없습니다.',
  },
  'progress.import-invalid': {
    en: 'Cannot import: {details} Your current progress was left unchanged.',
    ko: '가져올 수 없습니다: {details} 현재 진행 기록은 그대로입니다.',
  },
} as const satisfies Record<string, Message>

export type ProgressMessageCode = keyof typeof PROGRESS_MESSAGES

/**
 * @example
 * progressMessage('progress.reset-nothing', { lesson: 'hello-chain' }).en
 */
export function progressMessage(code: ProgressMessageCode, params: Record<string, string | number> = {}): RenderedMessage {
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`))
  const m: Message = PROGRESS_MESSAGES[code]
  return { code, ko: fill(m.ko), en: fill(m.en) }
}
