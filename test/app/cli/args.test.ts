import { describe, expect, it } from 'vitest'
import type { FlagSpec, ParsedArgs } from '../../../app/cli/args.ts'
import { choiceFlag, durationFlag, intFlag, parseArgs } from '../../../app/cli/args.ts'
import { detectLang } from '../../../app/cli/locale.ts'
import { UsageError } from '../../../app/cli/usageError.ts'

const SPEC: Record<string, FlagSpec> = {
  nodes: { type: 'string' },
  preset: { type: 'string' },
  seed: { type: 'string' },
  duration: { type: 'string' },
  json: { type: 'boolean' },
}

const HANGUL = /[\uac00-\ud7a3]/

function args(entries: Record<string, string | true>): ParsedArgs {
  return { flags: new Map(Object.entries(entries)), positionals: [] }
}

/** Runs `fn`, expects a UsageError and returns it. */
function usageError(fn: () => unknown): UsageError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(UsageError)
  const e = caught as UsageError
  expect(e.rendered.en).toBe(e.message)
  expect(e.rendered.ko).toMatch(HANGUL)
  expect(e.rendered.en).not.toMatch(HANGUL)
  expect(e.rendered.code).toMatch(/^usage\./)
  return e
}

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, booleans and positionals', () => {
    const a = parseArgs(['kernel', '--nodes', '30', '--preset=pow-lan', '--json', 'more'], 'sim', SPEC)
    expect([...a.flags]).toEqual([
      ['nodes', '30'],
      ['preset', 'pow-lan'],
      ['json', true],
    ])
    expect(a.positionals).toEqual(['kernel', 'more'])
  })

  it('keeps a value that starts with a single dash (negative numbers)', () => {
    expect(parseArgs(['--seed', '-5'], 'sim', SPEC).flags.get('seed')).toBe('-5')
    expect(parseArgs(['--seed=-5'], 'sim', SPEC).flags.get('seed')).toBe('-5')
  })

  it('keeps "=" inside a value and accepts an empty --flag= value', () => {
    expect(parseArgs(['--preset=a=b'], 'sim', SPEC).flags.get('preset')).toBe('a=b')
    expect(parseArgs(['--preset='], 'sim', SPEC).flags.get('preset')).toBe('')
  })

  it('the last occurrence of a flag wins', () => {
    expect(parseArgs(['--nodes', '1', '--nodes', '2'], 'sim', SPEC).flags.get('nodes')).toBe('2')
  })

  it('treats a bare "--" and single-dash words as positionals', () => {
    expect(parseArgs(['--', '-x'], 'sim', SPEC).positionals).toEqual(['--', '-x'])
  })

  it('an empty argv gives no flags', () => {
    const a = parseArgs([], 'sim', SPEC)
    expect(a.flags.size).toBe(0)
    expect(a.positionals).toEqual([])
  })

  it('rejects an unknown flag, naming it, the command and every valid flag', () => {
    const e = usageError(() => parseArgs(['--nodez', '5'], 'sim', SPEC))
    expect(e.rendered.code).toBe('usage.unknown-flag')
    expect(e.rendered.en).toBe(
      'Unknown flag --nodez for "playground sim". Valid flags: --nodes, --preset, --seed, --duration, --json.',
    )
    expect(e.rendered.ko).toContain('--nodez')
    expect(e.rendered.ko).toContain('--nodes, --preset, --seed, --duration, --json')
  })

  it('rejects an unknown flag given as --flag=value', () => {
    const e = usageError(() => parseArgs(['--nodez=5'], 'bench', SPEC))
    expect(e.rendered.en).toContain('--nodez for "playground bench"')
  })

  it('rejects a missing value at the end and before another flag', () => {
    const end = usageError(() => parseArgs(['--nodes'], 'sim', SPEC))
    expect(end.rendered.code).toBe('usage.missing-value')
    expect(end.rendered.en).toContain('--nodes')
    expect(end.rendered.ko).toContain('--nodes')
    const before = usageError(() => parseArgs(['--nodes', '--json'], 'sim', SPEC))
    expect(before.rendered.code).toBe('usage.missing-value')
  })

  it('rejects a value for a boolean flag', () => {
    const e = usageError(() => parseArgs(['--json=yes'], 'sim', SPEC))
    expect(e.rendered.code).toBe('usage.bad-value')
    expect(e.rendered.en).toContain('--json')
    expect(e.rendered.en).toContain('"yes"')
  })
})

describe('intFlag', () => {
  it('is undefined when the flag is absent', () => {
    expect(intFlag(args({}), 'nodes', 1, 10)).toBeUndefined()
  })

  it.each([
    ['1', 1],
    ['10', 10],
    ['007', 7],
    ['1_000', 1000],
    ['-3', -3],
  ])('reads %s as %d', (raw, value) => {
    expect(intFlag(args({ nodes: raw }), 'nodes', -10, 10_000)).toBe(value)
  })

  it('accepts both ends of the range', () => {
    expect(intFlag(args({ nodes: '1' }), 'nodes', 1, 5)).toBe(1)
    expect(intFlag(args({ nodes: '5' }), 'nodes', 1, 5)).toBe(5)
  })

  it.each(['0', '6', '-3', 'abc', '1.5', '1e3', '', ' 3', '0x10', '3abc'])('rejects %j for a range of 1..5', (raw) => {
    const e = usageError(() => intFlag(args({ nodes: raw }), 'nodes', 1, 5))
    expect(e.rendered.code).toBe('usage.bad-value')
    expect(e.rendered.en).toBe(`Invalid value for --nodes: expected an integer from 1 to 5, got "${raw}".`)
    expect(e.rendered.ko).toContain('1부터 5까지의 정수')
    expect(e.rendered.ko).toContain(`"${raw}"`)
  })

  it('rejects integers beyond the safe range', () => {
    usageError(() => intFlag(args({ seed: '9007199254740993' }), 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER))
    expect(intFlag(args({ seed: '9007199254740991' }), 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(
      Number.MAX_SAFE_INTEGER,
    )
  })

  it('rejects a boolean use (--nodes given as a switch)', () => {
    usageError(() => intFlag(args({ nodes: true }), 'nodes', 1, 5))
  })
})

describe('choiceFlag', () => {
  const NETS = ['lan', 'wan', 'bitcoin-2019'] as const

  it('returns a valid choice and undefined when absent', () => {
    expect(choiceFlag(args({ net: 'wan' }), 'net', NETS)).toBe('wan')
    expect(choiceFlag(args({}), 'net', NETS)).toBeUndefined()
  })

  it.each(['moon', 'LAN', '', 'lan '])('rejects %j and lists the choices', (raw) => {
    const e = usageError(() => choiceFlag(args({ net: raw }), 'net', NETS))
    expect(e.rendered.code).toBe('usage.bad-choice')
    expect(e.rendered.en).toBe(`Invalid value for --net: "${raw}". Valid choices: lan, wan, bitcoin-2019.`)
    expect(e.rendered.ko).toBe(`--net 값 "${raw}"은(는) 올바르지 않습니다. 가능한 값: lan, wan, bitcoin-2019.`)
  })

  it('rejects a flag given without a value', () => {
    const e = usageError(() => choiceFlag(args({ net: true }), 'net', NETS))
    expect(e.rendered.en).toContain('lan, wan, bitcoin-2019')
  })
})

describe('durationFlag', () => {
  it('is undefined when the flag is absent', () => {
    expect(durationFlag(args({}), 'duration')).toBeUndefined()
  })

  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1.5s', 1500],
    ['0.5m', 30_000],
  ])('reads %s as %d ms', (raw, ms) => {
    expect(durationFlag(args({ duration: raw }), 'duration')).toBe(ms)
  })

  it.each(['10x', '10', 'm', '0s', '-5s', '1e3s', '10 m', '10M', '', '1w', '999999999d'])('rejects %j', (raw) => {
    const e = usageError(() => durationFlag(args({ duration: raw }), 'duration'))
    expect(e.rendered.code).toBe('usage.bad-value')
    expect(e.rendered.en).toContain('--duration')
    expect(e.rendered.en).toContain(`"${raw}"`)
    expect(e.rendered.en).toContain('90s, 10m, 2h or 1d')
    expect(e.rendered.ko).toContain('90s, 10m, 2h, 1d')
  })
})

describe('UsageError', () => {
  it('carries the rendered message in both languages', () => {
    const e = new UsageError({ code: 'usage.x', en: 'English', ko: '한국어' })
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('UsageError')
    expect(e.message).toBe('English')
    expect(e.rendered).toEqual({ code: 'usage.x', en: 'English', ko: '한국어' })
  })
})

describe('detectLang', () => {
  it.each<[Record<string, string | undefined>, 'ko' | 'en']>([
    [{ LANG: 'ko_KR.UTF-8' }, 'ko'],
    [{ LANG: 'ko' }, 'ko'],
    [{ LANG: 'KO_kr.utf8' }, 'ko'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }, 'ko'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' }, 'en'],
    [{ LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }, 'ko'],
    [{ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8' }, 'en'],
    [{ LC_ALL: '', LANG: 'ko_KR.UTF-8' }, 'ko'],
    [{ LANG: 'C', LC_MESSAGES: 'ko_KR.UTF-8' }, 'ko'],
    [{ LANG: 'POSIX', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
  ])('%j → %s', (env, lang) => {
    expect(detectLang(env)).toBe(lang)
  })

  it('falls back to the ICU default locale when no variable names one', () => {
    const icu = Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase().startsWith('ko') ? 'ko' : 'en'
    expect(detectLang({})).toBe(icu)
    expect(detectLang({ LANG: 'C' })).toBe(icu)
    expect(detectLang({ LC_ALL: 'POSIX', LANG: undefined })).toBe(icu)
  })
})
