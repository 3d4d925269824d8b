/**
 * The renderer's pure parts: language and theme defaults, hash routes, and the message catalogue
 * (both languages, same keys, no empty text).
 */
import { describe, expect, it } from 'vitest'
import { defaultLang, parseLang, parseRoute, parseTheme, routeHash } from '../../../app/renderer/src/i18n/preferences.ts'
import { messages } from '../../../app/renderer/src/i18n/messages.ts'

describe('defaultLang', () => {
  it('follows the first Korean-or-English entry of navigator.languages', () => {
    expect(defaultLang(['ko-KR', 'en-US'])).toBe('ko')
    expect(defaultLang(['ko'])).toBe('ko')
    expect(defaultLang(['en-US', 'ko-KR'])).toBe('en')
    expect(defaultLang(['ja-JP', 'ko-KR', 'en'])).toBe('ko')
    expect(defaultLang(['de-DE', 'en-GB', 'ko'])).toBe('en')
    expect(defaultLang(['fr-FR'])).toBe('en')
    expect(defaultLang([])).toBe('en')
    expect(defaultLang(['KO_kr'])).toBe('ko')
  })
})

describe('stored preferences', () => {
  it('accepts only known values', () => {
    expect(parseLang('ko')).toBe('ko')
    expect(parseLang('en')).toBe('en')
    expect(parseLang('fr')).toBeUndefined()
    expect(parseLang(null)).toBeUndefined()
    expect(parseTheme('dark')).toBe('dark')
    expect(parseTheme('light')).toBe('light')
    expect(parseTheme('blue')).toBeUndefined()
  })
})

describe('routes', () => {
  it('maps #/lesson/<id> to a lesson and everything else home', () => {
    expect(parseRoute('#/lesson/hash-functions')).toEqual({ name: 'lesson', id: 'hash-functions' })
    expect(parseRoute('#/lesson/hash-functions/')).toEqual({ name: 'lesson', id: 'hash-functions' })
    expect(parseRoute('')).toEqual({ name: 'home' })
    expect(parseRoute('#/')).toEqual({ name: 'home' })
    expect(parseRoute('#/lesson/')).toEqual({ name: 'home' })
    expect(parseRoute('#/lesson/../x')).toEqual({ name: 'home' })
    expect(parseRoute('#/lesson/<img>')).toEqual({ name: 'home' })
    expect(routeHash({ name: 'lesson', id: 'voting' })).toBe('#/lesson/voting')
    expect(routeHash({ name: 'home' })).toBe('#/')
  })
})

describe('messages', () => {
  const flatten = (o: object, prefix = ''): Record<string, string> =>
    Object.fromEntries(
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v as object, `${prefix}${k}.`)))),
    )
  it('has the same keys in Korean and English, none empty', () => {
    const ko = flatten(messages.ko)
    const en = flatten(messages.en)
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries({ ...ko, ...en })) expect(text.trim(), key).not.toBe('')
  })
  it('writes the Korean texts in Korean', () => {
    const ko = flatten(messages.ko)
    const hangul = /[\uac00-\ud7a3]/
    // Names that are the same in both languages.
    const sameInBoth = new Set(['settings.english', 'settings.korean'])
    for (const [key, text] of Object.entries(ko)) if (!sameInBoth.has(key)) expect(text, key).toMatch(hangul)
  })
  it('uses no vue-i18n special characters that would change the text', () => {
    for (const lang of ['ko', 'en'] as const) for (const [key, text] of Object.entries(flatten(messages[lang]))) expect(text, key).not.toMatch(/[@|$]/)
  })
})
