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
  if (!isRecord(value)) throw new InvalidFieldError({ field, expected: 'an object', got: value })
  return value
}

export function expectInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`
    throw new InvalidFieldError({ field, expected: range, got: value })
  }
  return value
}

export function expectNumber(value: unknown, field: string, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `a number ≥ ${min}` : `a number from ${min} to ${max}`
    throw new InvalidFieldError({ field, expected: range, got: value })
  }
  return value
}

export function expectChoice<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new InvalidFieldError({ field, expected: `one of ${choices.join(', ')}`, got: value, choices })
  }
  return value as T
}

export function expectString(value: unknown, field: string, maxLength = 10_000): string {
  if (typeof value !== 'string' || value.length > maxLength) {
    throw new InvalidFieldError({ field, expected: `a string of at most ${maxLength} characters`, got: value })
  }
  return value
}

export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidFieldError({ field, expected: 'true or false', got: value })
  return value
}

/** Rejects keys that are not in `allowed` (catches typos like `nodez`). */
export function expectKnownKeys(record: Record<string, unknown>, field: string, allowed: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      throw new InvalidFieldError({
        field: field ? `${field}.${key}` : key,
        expected: `a known field (${allowed.join(', ')})`,
        got: key,
      })
    }
  }
}
