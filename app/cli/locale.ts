/**
 * The CLI's language: `--lang ko|en` if given, else the locale environment (LC_ALL,
 * LC_MESSAGES, LANG), else the ICU default locale; Korean for any `ko*` locale, English otherwise.
 *
 * @module
 */
import type { Lang } from '../shared/messages.ts'

export function detectLang(env: Record<string, string | undefined> = process.env): Lang {
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[key]
    if (value && value !== 'C' && value !== 'POSIX') return value.toLowerCase().startsWith('ko') ? 'ko' : 'en'
  }
  return Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}
