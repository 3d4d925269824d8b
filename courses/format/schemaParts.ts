/**
 * Building blocks shared by the course and lesson schemas. A schema's own expectation is stored
 * in the zod issue message as JSON `{en, ko}` (see `expectation`), so the loader can report it in
 * both languages; issues without one get a generic wording (loadPack.ts).
 *
 * @module
 */
import { z } from 'zod'
import type { Bilingual } from '../../runtime/errors/input.ts'

/** The zod `error` option carrying a bilingual expectation. */
export function expectation(en: string, ko: string): { error: string } {
  return { error: JSON.stringify({ en, ko }) }
}

/** Reads back a bilingual expectation from an issue message (undefined if it is not one). */
export function readExpectation(message: string): Bilingual | undefined {
  if (!message.startsWith('{')) return undefined
  try {
    const parsed: unknown = JSON.parse(message)
    if (parsed && typeof parsed === 'object' && 'en' in parsed && 'ko' in parsed && typeof parsed.en === 'string' && typeof parsed.ko === 'string') {
      return { en: parsed.en, ko: parsed.ko }
    }
  } catch {
    // not ours
  }
  return undefined
}

/** kebab-case: lowercase letters and digits in groups joined by single hyphens. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const kebabId = z
  .string(expectation('a text', '문자열'))
  .regex(KEBAB_ID, expectation('a kebab-case id (lowercase letters, digits and single hyphens, e.g. "hello-chain")', '케밥 표기 id(소문자·숫자·하이픈, 예: "hello-chain")'))

export const nonEmptyText = z
  .string(expectation('a text', '문자열'))
  .refine((s) => s.trim() !== '', expectation('a non-empty text', '비어 있지 않은 문자열'))

/** A text in Korean and English, both required and non-empty. */
export const bilingualText = z.strictObject({ ko: nonEmptyText, en: nonEmptyText })

/**
 * A '/'-separated path relative to a folder: not empty, not absolute, no `..` or `.` segments, no
 * empty segments, no backslashes or drive letters.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

export const relativePath = z
  .string(expectation('a text', '문자열'))
  .refine(isSafeRelativePath, expectation('a relative path inside the lesson ("/"-separated, no "..", not absolute)', '레슨 폴더 안의 상대 경로("/" 구분, ".." 금지, 절대 경로 금지)'))
