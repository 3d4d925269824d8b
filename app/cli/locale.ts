/**
 * The CLI's language: `--lang ko|en` if given, else the locale environment (LC_ALL,
 * LC_MESSAGES, LANG: the first one set wins), else the ICU default locale; Korean for any `ko*` locale, English otherwise.
 *
 * @module
 */
import type { Lang } from '../shared/messages.ts'

export function detectLang(env: Record<string, string | undefined> = process.env): Lang {
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[key]
    // The first one set wins (POSIX); "C"/"POSIX" are set values that mean English.
    if (value) return value.toLowerCase().startsWith('ko') ? 'ko' : 'en'
  }
  return Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}
