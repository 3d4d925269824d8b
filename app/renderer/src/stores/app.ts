/**
 * The app's state: language, theme and where we are (the URL hash). Remembers the language and
 * theme in localStorage and mirrors them on <html> (`lang`, `data-theme`), so CSS variables and
 * screen readers follow.
 *
 * Later: progress and workspaces come through the host interface (Electron IPC or IndexedDB),
 * not localStorage; these two preferences are the only things kept here.
 *
 * @module
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Lang } from '../catalogue/lang.ts'
import type { Route, Theme } from '../i18n/preferences.ts'
import { STORAGE_KEYS, defaultLang, parseLang, parseRoute, parseTheme, routeHash } from '../i18n/preferences.ts'

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null // storage disabled (privacy mode): defaults apply
  }
}

function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // storage disabled or full: the choice lasts for this visit
  }
}

export function initialLang(): Lang {
  return parseLang(readStored(STORAGE_KEYS.lang)) ?? defaultLang(navigator.languages.length > 0 ? navigator.languages : [navigator.language])
}

function initialTheme(): Theme {
  return parseTheme(readStored(STORAGE_KEYS.theme)) ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
}

export const useAppStore = defineStore('app', () => {
  const lang = ref<Lang>(initialLang())
  const theme = ref<Theme>(initialTheme())
  const route = ref<Route>(parseRoute(window.location.hash))

  const root = document.documentElement
  watch(lang, (value) => root.setAttribute('lang', value), { immediate: true })
  watch(theme, (value) => root.setAttribute('data-theme', value), { immediate: true })
  window.addEventListener('hashchange', () => {
    route.value = parseRoute(window.location.hash)
    window.scrollTo(0, 0) // a new page starts at its top
  })

  function setLang(value: Lang): void {
    lang.value = value
    writeStored(STORAGE_KEYS.lang, value)
  }

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
    writeStored(STORAGE_KEYS.theme, theme.value)
  }

  function go(to: Route): void {
    window.location.hash = routeHash(to)
  }

  return { lang, theme, route, setLang, toggleTheme, go }
})
