/**
 * Fault schedules: a list of commands with the simulated time they happen at — crash and restart,
 * partition and heal, link faults, byzantine strategies — read from a file by the CLI (YAML or
 * JSON) or built by a lesson.
 *
 * Each entry is a command with an `at` time: `{at: "10m", type: "crash", node: 3}`. `at` is a
 * duration (`500ms`, `90s`, `10m`, `2h`, `1d`) or `atUs` an integer in µs. Errors name the entry and
 * field (`faults[2].node`), so the reader can point at the file's line.
 *
 * @module
 */
import { InvalidFieldError } from '../errors/input.ts'
import type { Command } from './commands.ts'
import { parseCommand } from './commands.ts'
import { expectInteger, expectRecord } from './validate.ts'

export interface ScheduledCommand {
  atUs: number
  command: Command
}

const UNIT_US: Record<string, number> = { ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9, d: 8.64e10 }

/** `"90s"` → 90,000,000 µs; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim())
  return m ? Math.round(Number(m[1]) * UNIT_US[m[2]!]!) : undefined
}

/**
 * Validates a schedule (an array of entries) for a network of `nodeCount` nodes.
 * @throws {@link InvalidFieldError} naming `faults[i].field`.
 */
export function parseFaultSchedule(input: unknown, nodeCount: number): ScheduledCommand[] {
  if (!Array.isArray(input)) {
    throw new InvalidFieldError({ field: 'faults', expected: { en: 'a list of timed commands', ko: '시각이 붙은 명령의 목록' }, got: input })
  }
  return input.map((raw, i) => {
    const entry = expectRecord(raw, `faults[${i}]`)
    const { at, atUs, ...rest } = entry
    let time: number
    if (atUs !== undefined) time = expectInteger(atUs, `faults[${i}].atUs`, 0)
    else {
      const parsed = typeof at === 'string' ? parseDuration(at) : typeof at === 'number' && at === 0 ? 0 : undefined
      if (parsed === undefined) {
        throw new InvalidFieldError({
          field: `faults[${i}].at`,
          expected: { en: 'a time such as 500ms, 90s, 10m, 2h or 1d', ko: '500ms, 90s, 10m, 2h, 1d 같은 시각' },
          got: at,
        })
      }
      time = parsed
    }
    try {
      return { atUs: time, command: parseCommand(rest, nodeCount) }
    } catch (error) {
      if (!(error instanceof InvalidFieldError)) throw error
      throw error.renamed(error.field.replace(/^command/, `faults[${i}]`))
    }
  })
}
