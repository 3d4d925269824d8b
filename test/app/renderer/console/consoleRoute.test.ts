import { describe, expect, it } from 'vitest'
import { messages } from '../../../../app/renderer/src/i18n/messages.ts'
import { parseRoute, routeHash } from '../../../../app/renderer/src/i18n/preferences.ts'

describe('console route and strings', () => {
  it('parses #/console and writes it back', () => {
    expect(parseRoute('#/console')).toEqual({ name: 'console' })
    expect(parseRoute('#/console/')).toEqual({ name: 'console' })
    expect(parseRoute('#/consoles')).toEqual({ name: 'home' })
    expect(routeHash({ name: 'console' })).toBe('#/console')
  })
  it('has the console page in both languages', () => {
    expect(Object.keys(messages.ko.console)).toEqual(Object.keys(messages.en.console))
    expect(messages.ko.console.nav).toBe('콘솔')
    expect(messages.en.console.nav).toBe('Console')
  })
})
