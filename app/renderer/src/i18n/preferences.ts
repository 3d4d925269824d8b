/**
 * Defaults and parsing of the user's preferences (pure: tested in Node).
 *
 * - Language: Korean if the first Korean-or-English entry of `navigator.languages` is Korean,
 *   English otherwise (also when neither appears).
 * - Theme: dark if the system prefers a dark colour scheme.
 * A remembered choice (localStorage) wins over both defaults; an unknown stored value is ignored.
 *
 * @module
 */
import type { Lang } from '../catalogue/lang.ts'

export type Theme = 'light' | 'dark'

export const STORAGE_KEYS = { lang: 'playground.lang', theme: 'playground.theme' } as const

export function defaultLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    if (primary === 'ko') return 'ko'
    if (primary === 'en') return 'en'
  }
  return 'en'
}

export function parseLang(value: string | null | undefined): Lang | undefined {
  return value === 'ko' || value === 'en' ? value : undefined
}

export function parseTheme(value: string | null | undefined): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined
}

/** Where the hash says we are: `#/lesson/<id>` is a lesson, `#/console` the console, anything else is home. */
export type Route = { name: 'home' } | { name: 'lesson'; id: string } | { name: 'console' }

export function parseRoute(hash: string): Route {
  if (/^#\/console\/?$/.test(hash)) return { name: 'console' }
  const m = /^#\/lesson\/([a-z0-9][a-z0-9-]*)\/?$/.exec(hash)
  return m ? { name: 'lesson', id: m[1]! } : { name: 'home' }
}

export function routeHash(route: Route): string {
  if (route.name === 'console') return '#/console'
  return route.name === 'lesson' ? `#/lesson/${route.id}` : '#/'
}
