/**
 * What the history panel calls each saved version. Workspace commits have fixed English subject
 * lines (app/shared/workspace/attemptMessage.ts: "attempt 3: 4/5 checks", "start: hash-functions",
 * "restore 0123abc", "save before restore", "reset to starter"), so a CLI user's `git log` and the
 * app agree; the panel reads them back into a kind plus numbers and words them in the learner's
 * language. A subject it does not know (a commit made by hand with git) is shown as it is.
 *
 * @module
 */
import type { Lang } from '../catalogue/lang.ts'

export type VersionKind =
  | { kind: 'attempt'; attempt: number; passed: number; total: number }
  | { kind: 'start'; lessonId: string }
  | { kind: 'restore'; shortOid: string }
  | { kind: 'save-before-restore' }
  | { kind: 'save-before-reset' }
  | { kind: 'reset' }
  | { kind: 'save' }
  | { kind: 'other'; subject: string }

/**
 * @example
 * parseVersionMessage('attempt 3: 4/5 checks') // { kind: 'attempt', attempt: 3, passed: 4, total: 5 }
 * parseVersionMessage('fix typo') // { kind: 'other', subject: 'fix typo' }
 */
export function parseVersionMessage(message: string): VersionKind {
  const subject = (message.split('\n', 1)[0] ?? '').trim()
  const attempt = /^attempt (\d+): (\d+)\/(\d+) checks$/.exec(subject)
  if (attempt) return { kind: 'attempt', attempt: Number(attempt[1]), passed: Number(attempt[2]), total: Number(attempt[3]) }
  const start = /^start: (.+)$/.exec(subject)
  if (start) return { kind: 'start', lessonId: start[1]! }
  const restore = /^restore ([0-9a-f]{4,40})$/.exec(subject)
  if (restore) return { kind: 'restore', shortOid: restore[1]! }
  if (subject === 'save before restore') return { kind: 'save-before-restore' }
  if (subject === 'save before reset') return { kind: 'save-before-reset' }
  if (subject === 'reset to starter') return { kind: 'reset' }
  if (subject === 'save') return { kind: 'save' }
  return { kind: 'other', subject }
}

const WORDS = {
  ko: {
    attempt: (a: number, p: number, t: number) => `${a}번째 채점: ${t}개 중 ${p}개 통과`,
    start: '시작 (처음 코드)',
    restore: (oid: string) => `${oid} 버전으로 되돌림`,
    saveBeforeRestore: '되돌리기 전 자동 저장',
    saveBeforeReset: '초기화 전 자동 저장',
    reset: '처음 코드로 초기화',
    save: '저장한 버전',
  },
  en: {
    attempt: (a: number, p: number, t: number) => `Attempt ${a}: ${p} of ${t} checks passed`,
    start: 'Start (the starter code)',
    restore: (oid: string) => `Restored version ${oid}`,
    saveBeforeRestore: 'Saved automatically before a restore',
    saveBeforeReset: 'Saved automatically before a reset',
    reset: 'Reset to the starter code',
    save: 'Saved version',
  },
} as const

/**
 * @example
 * versionLabel('attempt 2: 5/5 checks', 'ko') // '2번째 채점: 5개 중 5개 통과'
 */
export function versionLabel(message: string, lang: Lang): string {
  const words = WORDS[lang]
  const parsed = parseVersionMessage(message)
  switch (parsed.kind) {
    case 'attempt':
      return words.attempt(parsed.attempt, parsed.passed, parsed.total)
    case 'start':
      return words.start
    case 'restore':
      return words.restore(parsed.shortOid)
    case 'save-before-restore':
      return words.saveBeforeRestore
    case 'save-before-reset':
      return words.saveBeforeReset
    case 'reset':
      return words.reset
    case 'save':
      return words.save
    case 'other':
      return parsed.subject
  }
}

/** Whether the version passed every check (an attempt with passed = total > 0). */
export function isPassingVersion(message: string): boolean {
  const parsed = parseVersionMessage(message)
  return parsed.kind === 'attempt' && parsed.total > 0 && parsed.passed === parsed.total
}

/**
 * A commit time for people: the local date and time in the learner's language.
 *
 * @example
 * versionTime('2026-12-05T06:40:00.000Z', 'en') // e.g. 'Dec 5, 06:40' (the local time zone)
 */
export function versionTime(iso: string, lang: Lang): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
}
