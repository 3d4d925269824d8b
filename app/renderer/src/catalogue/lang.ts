/** The two languages of the app. */
export type Lang = 'ko' | 'en'
export const LANGS: readonly Lang[] = ['ko', 'en']
