/**
 * vue-i18n in Composition mode. Messages are plain strings, compiled by vue-i18n's JIT compiler
 * (no `eval`/`new Function`: the CSP has no 'unsafe-eval').
 *
 * @module
 */
import { createI18n } from 'vue-i18n'
import type { Lang } from '../catalogue/lang.ts'
import { messages } from './messages.ts'

export function createAppI18n(locale: Lang) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
  })
}
