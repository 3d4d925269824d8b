/**
 * End-to-end tests of the `playground` command: spawns `bin/playground.js` (the built CLI in
 * dist/, rebuilt by test/globalSetup.ts) and checks exit codes, stdout, stderr and files.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { BENCH_SUITES } from '../../../app/cli/commands/bench.ts'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = path.join(repoRoot, 'bin', 'playground.js')
const HANGUL = /[\uac00-\ud7a3]/
const PRESETS = ['bitcoin-2019', 'pow-lan', 'pow-wan-100'] as const

interface RunResult {
  status: number | null
  stdout: string
  stderr: string
}

/** The environment without any locale variable but `LANG` (C, i.e. neutral, unless given). */
function localeEnv(lang = 'C'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete env[key]
  env.LANG = lang
  return env
}

function run(args: readonly string[], env: NodeJS.ProcessEnv = localeEnv()): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface SimJson {
  preset: string
  net: string
  topology: string
  traceHash: string
  events: number
  seed: number
  nodes: number
  blocks: number
  orphans: number
  staleRate: number
  propagation: { t50Ms: number | null; t90Ms: number | null; t100Ms: number | null }
  messages: number
  bytes: number
  simulatedMs: number
  wallMs: number
  peakRssMb: number
}

interface ErrorJson {
  error: { code: string; ko: string; en: string; [key: string]: unknown }
}

/** Exactly one line on stdout, parsed. */
function oneJsonLine<T>(stdout: string): T {
  expect(stdout.endsWith('\n')).toBe(true)
  const lines = stdout.slice(0, -1).split('\n')
  expect(lines).toHaveLength(1)
  return JSON.parse(lines[0]!) as T
}

function sim(args: readonly string[], env?: NodeJS.ProcessEnv): SimJson {
  const r = run(['sim', ...args, '--json'], env)
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return oneJsonLine<SimJson>(r.stdout)
}

/** A usage error: exit 2, nothing on stdout, one line on stderr without any stack trace. */
function expectUsageError(r: RunResult): string {
  expect(r.status).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr.endsWith('\n')).toBe(true)
  const text = r.stderr.slice(0, -1)
  expect(text).not.toContain('\n')
  expect(text.length).toBeGreaterThan(10)
  expect(text).not.toMatch(/^\s+at /m)
  expect(text).not.toMatch(/\.(?:ts|js):\d/)
  expect(text).not.toMatch(/Error:|RangeError|TypeError/)
  return text
}

const tmpDirs: string[] = []
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true })
})

describe('help', () => {
  it.each([['--help'], ['help'], ['-h']])('%s --lang en prints the English overview', (cmd) => {
    const r = run([cmd, '--lang', 'en'])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Usage: playground <command> [options]')
    expect(r.stdout).toMatch(/^ {2}sim {6}/m)
    expect(r.stdout).toMatch(/^ {2}bench {4}/m)
    expect(r.stdout).toContain('Exit codes: 0 success, 1 failed run or check (safety violated, liveness stalled, compile error, experiment row missed), 2 bad usage')
    expect(r.stdout).not.toMatch(HANGUL)
  })

  it.each([['--help'], ['help']])('%s --lang ko prints the Korean overview', (cmd) => {
    const r = run([cmd, '--lang', 'ko'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('사용법: playground <명령> [옵션]')
    expect(r.stdout).toContain('종료 코드: 0 성공, 1 실행 실패 또는 검사 실패(안전성 위반, 활성 멈춤, 컴파일 오류, 실험 기준 미달), 2 잘못된 사용법')
    expect(r.stdout).not.toContain('Usage:')
  })

  it('accepts --lang before the command', () => {
    const r = run(['--lang', 'ko', 'help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('사용법')
  })

  it('no arguments prints the overview', () => {
    const r = run([])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Usage: playground <command>')
  })

  it('sim --help lists the three presets in English', () => {
    const r = run(['sim', '--help', '--lang', 'en'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Usage: playground sim --preset NAME [options]')
    expect(r.stdout).toContain('Presets:')
    for (const p of PRESETS) expect(r.stdout).toMatch(new RegExp(`^ {2}${p} +\\S`, 'm'))
    expect(r.stdout).toContain('network model: lan|wan|bitcoin-2019')
    expect(r.stdout).not.toMatch(HANGUL)
  })

  it('sim --help lists the three presets in Korean', () => {
    const r = run(['sim', '--help', '--lang', 'ko'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('사용법: playground sim --preset 이름 [옵션]')
    expect(r.stdout).toContain('프리셋:')
    for (const p of PRESETS) expect(r.stdout).toMatch(new RegExp(`^ {2}${p} +\\S`, 'm'))
    expect(r.stdout).toContain('교실용 작업증명 네트워크')
  })

  it('bench --help is bilingual too and names every suite', () => {
    const usage = `[${BENCH_SUITES.join('|')}]`
    expect(run(['bench', '--help', '--lang', 'en']).stdout).toContain(usage)
    expect(run(['bench', '--help', '--lang', 'en']).stdout).toContain('Usage: playground bench [kernel|simblock|consensus|compiler|rpc|sandbox|lessons|experiments]')
    expect(run(['bench', '--help', '--lang', 'ko']).stdout).toContain('사용법: playground bench [kernel|simblock|consensus|compiler|rpc|sandbox|lessons|experiments]')
  })

  it('follows LANG when --lang is not given', () => {
    const ko = run(['--help'], localeEnv('ko_KR.UTF-8'))
    expect(ko.status).toBe(0)
    expect(ko.stdout).toContain('사용법')
    const en = run(['--help'], localeEnv('en_US.UTF-8'))
    expect(en.stdout).toContain('Usage:')
    expect(en.stdout).not.toMatch(HANGUL)
    // --lang wins over the environment.
    expect(run(['--help', '--lang', 'en'], localeEnv('ko_KR.UTF-8')).stdout).toContain('Usage:')
  })

  it('LANG=ko_KR gives Korean errors too', () => {
    const text = expectUsageError(run(['sim', '--preset', 'nope'], localeEnv('ko_KR.UTF-8')))
    expect(text).toMatch(HANGUL)
  })
})

describe('sim --json', () => {
  const base = ['--preset', 'pow-lan', '--blocks', '20', '--seed', '3']
  let first: SimJson | undefined
  const firstRun = (): SimJson => (first ??= sim(base))

  it('prints one JSON line with the run summary', () => {
    const o = firstRun()
    for (const key of [
      'traceHash',
      'events',
      'seed',
      'nodes',
      'blocks',
      'orphans',
      'staleRate',
      'propagation',
      'messages',
      'bytes',
      'simulatedMs',
      'wallMs',
      'peakRssMb',
    ]) {
      expect(o).toHaveProperty(key)
    }
    expect(o.traceHash).toMatch(/^[0-9a-f]{16}$/)
    expect(o.preset).toBe('pow-lan')
    expect(o.net).toBe('lan')
    expect(o.topology).toBe('full-mesh')
    expect(o.seed).toBe(3)
    expect(o.nodes).toBe(8)
    expect(o.blocks).toBeGreaterThanOrEqual(20)
    expect(Number.isInteger(o.events)).toBe(true)
    expect(o.events).toBeGreaterThan(o.blocks)
    expect(o.orphans).toBeGreaterThanOrEqual(0)
    expect(o.staleRate).toBeGreaterThanOrEqual(0)
    expect(o.staleRate).toBeLessThan(1)
    expect(Object.keys(o.propagation).sort()).toEqual(['t100Ms', 't50Ms', 't90Ms'])
    const { t50Ms, t90Ms, t100Ms } = o.propagation
    expect(typeof t50Ms).toBe('number')
    expect(t50Ms!).toBeGreaterThan(0)
    expect(t50Ms!).toBeLessThanOrEqual(t90Ms!)
    expect(t90Ms!).toBeLessThanOrEqual(t100Ms!)
    // A LAN: a 100 KB block reaches everyone well within a second.
    expect(t100Ms!).toBeLessThan(1000)
    expect(o.messages).toBeGreaterThan(0)
    expect(o.bytes).toBeGreaterThan(o.messages)
    expect(o.simulatedMs).toBeGreaterThan(0)
    expect(o.wallMs).toBeGreaterThanOrEqual(0)
    expect(o.peakRssMb).toBeGreaterThan(0)
  })

  it('is deterministic: the same seed gives the same trace hash and figures', () => {
    const again = sim(base)
    const a = firstRun()
    expect(again.traceHash).toBe(a.traceHash)
    expect(again.events).toBe(a.events)
    expect(again.simulatedMs).toBe(a.simulatedMs)
    expect(again.messages).toBe(a.messages)
    expect(again.bytes).toBe(a.bytes)
    expect(again.propagation).toEqual(a.propagation)
  })

  it('a different seed gives a different trace hash', () => {
    const other = sim(['--preset', 'pow-lan', '--blocks', '20', '--seed', '4'])
    expect(other.seed).toBe(4)
    expect(other.traceHash).toMatch(/^[0-9a-f]{16}$/)
    expect(other.traceHash).not.toBe(firstRun().traceHash)
  })

  it('the output language does not change the run', () => {
    const r = run(['sim', ...base, '--lang', 'ko'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('블록체인 놀이터 — 시뮬레이션')
    expect(r.stdout).toContain(`traceHash ${firstRun().traceHash}`)
  })

  it('reflects --nodes and --topology', () => {
    const o = sim(['--preset', 'pow-lan', '--nodes', '30', '--topology', 'ring', '--blocks', '3', '--seed', '3'])
    expect(o.nodes).toBe(30)
    expect(o.topology).toBe('ring')
    expect(o.net).toBe('lan')
    expect(o.blocks).toBeGreaterThanOrEqual(3)
    // On a ring a block needs ~15 hops to reach the far side: slower than the 8-node full mesh.
    expect(o.propagation.t100Ms!).toBeGreaterThan(firstRun().propagation.t100Ms!)
  })

  it('reflects --net', () => {
    const o = sim(['--preset', 'pow-lan', '--net', 'wan', '--blocks', '3'])
    expect(o.net).toBe('wan')
    expect(o.nodes).toBe(8)
  })

  it('--duration 30m simulates exactly 30 minutes', () => {
    const o = sim(['--preset', 'pow-lan', '--duration', '30m'])
    expect(o.simulatedMs).toBe(1_800_000)
    // 15-second blocks: about 120 in 30 minutes.
    expect(o.blocks).toBeGreaterThan(60)
    expect(o.blocks).toBeLessThan(240)
  })

  it('accepts --flag=value and negative seeds', () => {
    const a = sim(['--preset=pow-lan', '--blocks=3', '--seed=-5'])
    const b = sim(['--preset', 'pow-lan', '--blocks', '3', '--seed', '-5'])
    expect(a.seed).toBe(-5)
    expect(a.traceHash).toBe(b.traceHash)
  })

  it('--trace writes every processed event as NDJSON', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-trace-'))
    tmpDirs.push(dir)
    const file = path.join(dir, 'trace.ndjson')
    const o = sim([...base, '--trace', file])
    // Tracing observes the run; it does not change it.
    expect(o.traceHash).toBe(firstRun().traceHash)
    const text = readFileSync(file, 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    const lines = text.slice(0, -1).split('\n')
    expect(lines).toHaveLength(o.events)
    let prevT = -Infinity
    let prevSeq = -Infinity
    for (const line of lines) {
      const r = JSON.parse(line) as Record<string, unknown>
      expect(Object.keys(r).sort()).toEqual(['from', 'kind', 'node', 'seq', 'subject', 't'])
      const t = r.t as number
      const seq = r.seq as number
      expect(typeof t).toBe('number')
      expect(typeof seq).toBe('number')
      expect(typeof r.kind).toBe('string')
      expect(Number.isInteger(r.node)).toBe(true)
      expect(t).toBeGreaterThanOrEqual(prevT)
      if (t === prevT) expect(seq).toBeGreaterThan(prevSeq)
      prevT = t
      prevSeq = seq
    }
    // The last event happens at the end of the run (t in microseconds).
    expect(prevT).toBeLessThanOrEqual(Math.ceil(o.simulatedMs * 1000))
  })
})

describe('usage errors: exit 2, one line on stderr, valid choices listed', () => {
  const cases: { args: string[]; contains: string[] }[] = [
    { args: ['sim', '--preset', 'nope'], contains: ['--preset', '"nope"', 'bitcoin-2019', 'pow-lan', 'pow-wan-100'] },
    { args: ['sim', '--nodes', '-3'], contains: ['--nodes', '"-3"', 'integer'] },
    { args: ['sim', '--nodes', 'abc'], contains: ['--nodes', '"abc"', 'integer'] },
    { args: ['sim', '--nodes', '0'], contains: ['--nodes', '"0"', 'from 1'] },
    { args: ['sim', '--seed', '1.5'], contains: ['--seed', '"1.5"', 'integer'] },
    { args: ['sim', '--blocks', '5', '--duration', '10m'], contains: ['--blocks', '--duration'] },
    { args: ['sim', '--nodez', '5'], contains: ['--nodez', '--nodes', '--preset', '--seed'] },
    { args: ['frobnicate'], contains: ['"frobnicate"', 'sim', 'bench', 'help'] },
    { args: ['sim', '--net', 'moon'], contains: ['--net', '"moon"', 'lan, wan, bitcoin-2019'] },
    { args: ['sim', '--topology', 'x'], contains: ['--topology', '"x"', 'full-mesh', 'ring', 'star', 'small-world'] },
    { args: ['sim', '--duration', '10x'], contains: ['--duration', '"10x"', '10m'] },
    { args: ['sim', '--lang', 'fr'], contains: ['--lang', '"fr"', 'ko, en'] },
    { args: ['--lang', 'fr', 'help'], contains: ['--lang', '"fr"', 'ko, en'] },
    { args: ['sim', '--nodes'], contains: ['--nodes'] },
    { args: ['sim', '--nodes', '--json'], contains: ['--nodes'] },
    { args: ['sim', 'extra'], contains: ['"extra"'] },
    { args: ['sim', '--json=yes'], contains: ['--json'] },
    { args: ['bench', 'nope'], contains: ['"nope"', 'kernel, simblock'] },
  ]
  it.each(cases)('$args', ({ args, contains }) => {
    // --nodes --json: the missing value is reported in JSON.
    if (args.includes('--json')) {
      const r = run(args)
      expect(r.status).toBe(2)
      expect(r.stderr).toBe('')
      const e = oneJsonLine<ErrorJson>(r.stdout).error
      for (const c of contains) expect(e.en).toContain(c)
      return
    }
    const text = expectUsageError(run(args))
    for (const c of contains) expect(text).toContain(c)
    expect(text).not.toMatch(HANGUL)
  })

  it('names the conflict in words', () => {
    expect(expectUsageError(run(['sim', '--blocks', '5', '--duration', '10m']))).toBe(
      'Use either --blocks or --duration, not both.',
    )
  })

  it('speaks Korean with --lang ko', () => {
    const text = expectUsageError(run(['sim', '--preset', 'nope', '--lang', 'ko']))
    expect(text).toMatch(HANGUL)
    expect(text).toContain('가능한 값: bitcoin-2019, pow-lan, pow-wan-100')
    expect(text).not.toContain('Invalid value')
    const flag = expectUsageError(run(['sim', '--nodez', '5', '--lang', 'ko']))
    expect(flag).toContain('사용할 수 있는 플래그')
    expect(flag).toContain('--nodes')
    const conflict = expectUsageError(run(['sim', '--blocks', '5', '--duration', '10m', '--lang', 'ko']))
    expect(conflict).toBe('--blocks와 --duration 중 하나만 쓰세요.')
  })

  it('a bad --lang is reported in the environment language', () => {
    const text = expectUsageError(run(['sim', '--lang', 'fr'], localeEnv('ko_KR.UTF-8')))
    expect(text).toMatch(HANGUL)
    expect(text).toContain('ko, en')
  })
})

describe('usage errors with --json: {"error": {code, ko, en}} on stdout', () => {
  const cases: { args: string[]; code: string; en: string[] }[] = [
    { args: ['sim', '--preset', 'nope'], code: 'usage.bad-choice', en: ['--preset', 'bitcoin-2019'] },
    { args: ['sim', '--nodes', 'abc'], code: 'usage.bad-value', en: ['--nodes', 'abc'] },
    { args: ['sim', '--blocks', '5', '--duration', '10m'], code: 'usage.conflict', en: ['--blocks', '--duration'] },
    { args: ['sim', '--nodez', '5'], code: 'usage.unknown-flag', en: ['--nodez', '--nodes'] },
    { args: ['frobnicate'], code: 'usage.unknown-command', en: ['frobnicate', 'sim'] },
    { args: ['sim', '--lang', 'fr'], code: 'usage.bad-choice', en: ['--lang', 'ko, en'] },
    { args: ['sim', '--net', 'moon'], code: 'usage.bad-choice', en: ['lan, wan, bitcoin-2019'] },
  ]
  it.each(cases)('$args', ({ args, code, en }) => {
    const r = run([...args, '--json'])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('')
    const parsed = oneJsonLine<ErrorJson>(r.stdout)
    expect(Object.keys(parsed)).toEqual(['error'])
    const e = parsed.error
    expect(e.code).toBe(code)
    expect(typeof e.ko).toBe('string')
    expect(e.ko).toMatch(HANGUL)
    expect(e.en).not.toMatch(HANGUL)
    for (const c of en) {
      expect(e.en).toContain(c)
      expect(e.ko).toContain(c)
    }
    expect(JSON.stringify(e)).not.toMatch(/\.(?:ts|js):\d/)
  })

  it('both languages are present whatever --lang says', () => {
    const en = oneJsonLine<ErrorJson>(run(['sim', '--preset', 'nope', '--json', '--lang', 'en']).stdout)
    const ko = oneJsonLine<ErrorJson>(run(['sim', '--preset', 'nope', '--json', '--lang', 'ko']).stdout)
    expect(ko).toEqual(en)
  })
})

describe('commands of later steps', () => {
  it.each([['start', 'desktop app', '데스크톱 앱']])('playground %s exits 1 with a bilingual "not yet"', (cmd, en, ko) => {
    const e = run([cmd, '--lang', 'en'])
    expect(e.status).toBe(1)
    expect(e.stdout).toBe('')
    expect(e.stderr).toBe(`The ${en} is not part of this version yet: it arrives with the app (desktop and web edition). Today you can run the simulator: playground sim --help\n`)
    const k = run([cmd, '--lang', 'ko'])
    expect(k.status).toBe(1)
    expect(k.stdout).toBe('')
    expect(k.stderr.split('\n')).toHaveLength(2)
    expect(k.stderr).toContain(ko)
    expect(k.stderr).toContain('아직 이 버전에 없습니다')
    expect(k.stderr).not.toContain('not part of')
  })

  it('with --json the "not yet" is a {code, ko, en} object', () => {
    const r = run(['start', '--json'])
    expect(r.status).toBe(1)
    const e = oneJsonLine<ErrorJson>(r.stdout).error
    expect(e.code).toBe('app.not-yet')
    expect(e.en).toContain('desktop app')
    expect(e.ko).toContain('데스크톱 앱')
  })
})

describe('common options without a command', () => {
  it('--lang alone prints the help in that language (no recursion), exit 0', () => {
    const ko = run(['--lang', 'ko'])
    expect(ko.status).toBe(0)
    expect(ko.stdout).toContain('사용법')
    const en = run(['--lang=en'])
    expect(en.status).toBe(0)
    expect(en.stdout).toContain('Usage')
  })

  it('--json alone prints the help; a stray word is an unknown command', () => {
    expect(run(['--json']).status).toBe(0)
    const bad = run(['--lang', 'en', 'frob'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('frob')
  })

  it('a missing value has no English left in the Korean message', () => {
    const r = run(['sim', '--nodes', '--lang', 'ko'])
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toBe('--nodes 플래그에 값이 필요합니다.')
  })

  it('LC_ALL=C wins over LANG=ko_KR (POSIX order)', () => {
    const env = localeEnv('ko_KR.UTF-8')
    env.LC_ALL = 'C'
    expect(run(['--help'], env).stdout).toContain('Usage')
  })
})

describe('playground experiment', () => {
  it('--json prints the result object; every row has the issue’s fields; exit 0 when all pass', () => {
    const r = run(['experiment', 'double-spend', '--trials', '400', '--seed', '3', '--json'])
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as {
      experiment: string
      seed: number
      trials: number
      pass: boolean
      rows: { params: { q: number; z: number }; measured: number; expected: number; nakamoto: number; ciLow: number; ciHigh: number; pass: boolean; events: number; traceHash: string }[]
    }
    expect(out).toMatchObject({ experiment: 'double-spend', seed: 3, pass: true })
    expect(out.rows).toHaveLength(20)
    expect(out.rows.map((x) => `${x.params.q}:${x.params.z}`)).toContain('0.3:10')
    for (const row of out.rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['params', 'measured', 'expected', 'nakamoto', 'ciLow', 'ciHigh', 'pass', 'events', 'traceHash']))
    }
    expect(out.trials).toBe(8000)
  })

  it('prints a table in Korean or English, and --help in both', () => {
    expect(run(['experiment', 'double-spend', '--trials', '50', '--lang', 'ko']).stdout).toContain('설정:')
    expect(run(['experiment', '--help', '--lang', 'en']).stdout).toContain('Rosenfeld')
    expect(run(['experiment', '--help', '--lang', 'ko']).stdout).toContain('사용법')
  })

  it('an unknown experiment is a usage error listing the valid ones', () => {
    const r = run(['experiment', 'moon-landing'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('double-spend, selfish-mining')
    expect(run(['experiment', 'double-spend', '--trials', '1']).status).toBe(2)
  })
})

describe('sim --faults, --byzantine, --gamma', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-faults-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name)
    writeFileSync(p, text)
    return p
  }

  it('applies a YAML schedule and reports safety and liveness', () => {
    const file = write('partition.yaml', '- at: 5m\n  type: partition\n  groups: [[0, 1, 2], [3, 4, 5, 6, 7]]\n- at: 65m\n  type: heal\n')
    const r = run(['sim', '--preset', 'pow-lan', '--faults', file, '--duration', '2h', '--json'])
    // The deep reorg fails the safety check: exit 1, with the full result on stdout.
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as { safety: string; liveness: string; checks: { violations: unknown[]; faultsEndUs: number } }
    expect(out.safety).toBe('violated')
    expect(out.liveness).toBe('ok')
    expect(out.checks.faultsEndUs).toBe(65 * 60_000_000)
    const healthyRun = run(['sim', '--preset', 'pow-lan', '--json'])
    expect(healthyRun.status).toBe(0)
    const healthy = JSON.parse(healthyRun.stdout) as { safety: string; liveness: string }
    expect(healthy).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })

  it('points a bad field at its line (YAML and JSON), syntax errors at line:col', () => {
    const yamlFile = write('bad.yaml', '- at: 1m\n  type: crash\n  node: 1\n- at: 2m\n  type: crash\n  node: 12\n')
    const a = run(['sim', '--preset', 'pow-lan', '--faults', yamlFile])
    expect(a.status).toBe(2)
    expect(a.stderr.trim()).toBe(`${yamlFile}:6: faults[1].node: expected an integer from 0 to 7, got 12.`)
    const jsonFile = write('bad.json', '[\n  {"at": "1m", "type": "crash", "node": 1},\n  {"at": "2x", "type": "heal"}\n]\n')
    expect(run(['sim', '--preset', 'pow-lan', '--faults', jsonFile]).stderr).toContain(`${jsonFile}:3: faults[1].at`)
    const syntax = write('syntax.yaml', '- at: 1m\n  type: [\n')
    expect(run(['sim', '--preset', 'pow-lan', '--faults', syntax]).stderr).toMatch(/syntax\.yaml:\d+:\d+: not valid YAML or JSON/)
    const missing = run(['sim', '--faults', path.join(dir, 'nope.yaml'), '--lang', 'ko'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('읽을 수 없습니다')
  })

  it('--byzantine and --gamma configure attackers; bad values are usage errors', () => {
    const r = run(['sim', '--preset', 'pow-lan', '--byzantine', '0:selfish-mining', '--gamma', '0.5', '--blocks', '50', '--json'])
    expect(r.status).toBe(0)
    expect(run(['sim', '--preset', 'pow-lan', '--byzantine', '8:selfish-mining']).stderr).toContain('node below 8')
    expect(run(['sim', '--preset', 'pow-lan', '--byzantine', '1:evil']).stderr).toContain('selfish-mining, double-spend')
    expect(run(['sim', '--preset', 'pow-lan', '--gamma', '2']).status).toBe(2)
  })
})

describe('sim: explicit finality that stalls', () => {
  it('stops after a liveness window without a new final height and says stalled (instead of running forever)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-stall-'))
    const faults = path.join(dir, 'faults.yaml')
    writeFileSync(faults, '- {at: 5s, type: crash, node: 0}\n- {at: 5s, type: crash, node: 1}\n')
    const r = run(['sim', '--preset', 'bft', '--nodes', '4', '--rate', '0', '--faults', faults, '--json'])
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as { liveness: string; stoppedStalled: boolean; finalizedHeight: number; simulatedMs: number }
    expect(out).toMatchObject({ liveness: 'stalled', stoppedStalled: true })
    expect(out.finalizedHeight).toBeLessThan(100)
    expect(out.simulatedMs).toBeLessThan(600_000)
  })
})

describe('compile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-compile-'))
  writeFileSync(
    path.join(dir, 'Token.sol'),
    '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\nimport {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";\nimport "./Supply.sol";\ncontract Token is ERC20 {\n    constructor() ERC20("Play", "PLAY") { _mint(msg.sender, Supply.amount()); }\n}\n',
  )
  writeFileSync(path.join(dir, 'Supply.sol'), '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\nlibrary Supply { function amount() internal pure returns (uint256) { return 1e24; } }\n')
  writeFileSync(path.join(dir, 'Broken.sol'), 'pragma solidity ^0.8.20;\ncontract Broken {\n  function f() public { uint x = ; }\n}\n')
  const inDir = (args: string[]): RunResult => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: localeEnv(), encoding: 'utf8', timeout: 60_000 })
    return { status: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  it('compiles a token importing OpenZeppelin and a sibling file, offline, and prints artifacts as JSON', () => {
    const r = inDir(['compile', 'Token.sol', '--json'])
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as { ok: boolean; artifacts: { contractName: string; bytecode: string; evmVersion: string }[] }
    expect(out.ok).toBe(true)
    expect(out.artifacts.map((a) => a.contractName)).toEqual(['Token'])
    expect(out.artifacts[0]!.bytecode).toMatch(/^0x60/)
    expect(out.artifacts[0]!.evmVersion).toBe('cancun')
  })

  it('a compile error prints file:line:column in the chosen language and exits 1', () => {
    const en = inDir(['compile', 'Broken.sol', '--lang', 'en'])
    expect(en.status).toBe(1)
    expect(en.stdout).toMatch(/^Broken\.sol:3:\d+: error \d+: /m)
    const ko = inDir(['compile', 'Broken.sol', '--lang', 'ko'])
    expect(ko.stdout).toMatch(/^Broken\.sol:3:\d+: 오류 \d+: /m)
    expect(ko.stdout).toContain('실패')
  })

  it('no file, or a file that does not exist, is a usage error (exit 2)', () => {
    expect(inDir(['compile', '--lang', 'en']).status).toBe(2)
    const missing = inDir(['compile', 'Nope.sol', '--lang', 'en'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('Cannot read Nope.sol')
  })
})
