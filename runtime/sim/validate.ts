/**
 * Small input checks for plain-JSON configs, commands and queries. Each throws an
 * {@link InvalidFieldError} naming the field, what was expected and what came — the message the
 * CLI prints as its one line.
 *
 * @module
 */
import { InvalidFieldError } from '../errors/input.ts'

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function expectRecord(value: unknown, field: string): Record<string, unknown> {
  if (!isRecord(value)) throw new InvalidFieldError({ field, expected: { en: 'an object', ko: '객체' }, got: value })
  return value
}

export function expectInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const expected =
      max === Number.MAX_SAFE_INTEGER
        ? { en: `an integer ≥ ${min}`, ko: `${min} 이상의 정수` }
        : { en: `an integer from ${min} to ${max}`, ko: `${min}부터 ${max}까지의 정수` }
    throw new InvalidFieldError({ field, expected, got: value })
  }
  return value
}

export function expectNumber(value: unknown, field: string, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const expected =
      max === Infinity
        ? { en: `a number ≥ ${min}`, ko: `${min} 이상의 수` }
        : { en: `a number from ${min} to ${max}`, ko: `${min}부터 ${max}까지의 수` }
    throw new InvalidFieldError({ field, expected, got: value })
  }
  return value
}

export function expectChoice<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new InvalidFieldError({ field, expected: { en: 'one of the valid choices', ko: '가능한 값 중 하나' }, got: value, choices })
  }
  return value as T
}

export function expectString(value: unknown, field: string, maxLength = 10_000): string {
  if (typeof value !== 'string' || value.length > maxLength) {
    throw new InvalidFieldError({
      field,
      expected: { en: `a string of at most ${maxLength} characters`, ko: `${maxLength}자 이하의 문자열` },
      got: value,
    })
  }
  return value
}

export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidFieldError({ field, expected: { en: 'true or false', ko: 'true 또는 false' }, got: value })
  return value
}

/** Rejects keys that are not in `allowed` (catches typos like `nodez`). */
export function expectKnownKeys(record: Record<string, unknown>, field: string, allowed: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      throw new InvalidFieldError({
        field: field ? `${field}.${key}` : key,
        expected: { en: 'a known field', ko: '알려진 필드' },
        got: key,
        choices: allowed,
      })
    }
  }
}
