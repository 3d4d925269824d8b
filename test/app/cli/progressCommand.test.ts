/**
 * `playground progress …` run in-process (the command module, as main.ts will call it), with
 * PLAYGROUND_DATA_DIR pointing at a temp folder and stdout/stderr captured.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseArgs } from '../../../app/cli/args.ts'
import { PROGRESS_FLAGS, progressHelp, runProgress } from '../../../app/cli/commands/progress.ts'
import { UsageError } from '../../../app/cli/usageError.ts'
import type { Lang } from '../../../app/shared/messages.ts'

let base: string
let data: string
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'playground-progress-cli-'))
  data = join(base, 'data')
  vi.stubEnv('PLAYGROUND_DATA_DIR', data)
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  rmSync(base, { recursive: true, force: true })
})

const LESSON = { status: 'passed', attempts: 3, bestScore: 1, hintsUsed: 2, solutionViewed: false, startedAt: '2026-01-01T00:00:00.000Z', lastAttemptAt: '2026-01-01T01:00:00.000Z', passedAt: '2026-01-01T01:00:00.000Z' }
const PROGRESS = { schemaVersion: 1, lessons: { 'hello-chain': LESSON } }

/** Runs like main.ts does: UsageError → its message, exit 2. */
async function run(argv: string[], lang: Lang = 'en'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  const json = argv.includes('--json')
  let code: number
  try {
    code = await runProgress(parseArgs(argv, 'progress', PROGRESS_FLAGS), lang, json)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    if (json) stdout += `${JSON.stringify({ error: error.rendered })}\n`
    else stderr += `${error.rendered[lang]}\n`
    code = 2
  } finally {
    vi.restoreAllMocks()
  }
  return { code, stdout, stderr }
}

function writeProgress(value: unknown): void {
  mkdirSync(data, { recursive: true })
  writeFileSync(join(data, 'progress.json'), typeof value === 'string' ? value : JSON.stringify(value))
}

describe('playground progress', () => {
  it('show: empty, then one line per lesson, in both languages and as JSON', async () => {
    expect(await run(['show'])).toMatchObject({ code: 0, stdout: `No lesson started yet. Progress is kept in ${data}.\n` })
    writeProgress(PROGRESS)
    const en = await run(['show'])
    expect(en.code).toBe(0)
    expect(en.stdout).toContain('hello-chain  passed  3 attempts  best 100%  hints 2  last 2026-01-01T01:00:00.000Z')
    const ko = await run(['show'], 'ko')
    expect(ko.stdout).toContain('hello-chain  통과  시도 3회  최고 100%  힌트 2단계')
    const json = await run(['show', '--json'])
    expect(JSON.parse(json.stdout)).toEqual({ dataFolder: data, progress: PROGRESS, messages: [] })
  })

  it('show quarantines a corrupt file and reports where it went (stderr; in --json, messages)', async () => {
    writeProgress('{"schemaVersion": 1, "lessons": ')
    const r = await run(['show'])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/moved to "quarantine\/progress\.json\.[0-9T-]+Z\.corrupt"/)
    expect(readdirSync(join(data, 'quarantine'))).toHaveLength(2)
    writeProgress('garbage')
    const j = JSON.parse((await run(['show', '--json'])).stdout) as { messages: { code: string; ko: string; en: string }[] }
    expect(j.messages).toHaveLength(1)
    expect(j.messages[0]).toMatchObject({ code: 'progress.quarantined' })
    expect(j.messages[0]!.ko).toContain('quarantine/')
  })

  it('a progress file from a newer version: exit 1, file untouched', async () => {
    writeProgress({ schemaVersion: 5, lessons: {} })
    const r = await run(['show', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('progress.newer-version')
    expect(JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8'))).toEqual({ schemaVersion: 5, lessons: {} })
  })

  it('export FILE writes the JSON atomically; bare export prints it', async () => {
    writeProgress(PROGRESS)
    const file = join(base, 'out', 'my-progress.json')
    mkdirSync(join(base, 'out'))
    const r = await run(['export', file])
    expect(r).toMatchObject({ code: 0, stdout: `Exported the progress of 1 lesson(s) to ${file}.\n` })
    const exported = JSON.parse(readFileSync(file, 'utf8'))
    expect(exported).toMatchObject({ schemaVersion: 1, lessons: PROGRESS.lessons })
    expect(typeof exported.exportedAt).toBe('string')
    const bare = await run(['export'])
    expect(JSON.parse(bare.stdout).lessons).toEqual(PROGRESS.lessons)
  })

  it('import FILE replaces the progress and keeps a backup; invalid files change nothing', async () => {
    writeProgress({ schemaVersion: 1, lessons: {} })
    const file = join(base, 'in.json')
    writeFileSync(file, JSON.stringify({ ...PROGRESS, exportedAt: '2026-01-02T00:00:00.000Z' }))
    const r = await run(['import', file, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.messages[0].code).toBe('progress.imported')
    expect(out.progress).toEqual(PROGRESS)
    expect(JSON.parse(readFileSync(join(data, 'progress.backup.json'), 'utf8'))).toEqual({ schemaVersion: 1, lessons: {} })
    writeFileSync(file, '{"schemaVersion":1,"lessons":{"x":{"status":"started"}}}')
    const bad = await run(['import', file], 'ko')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('가져올 수 없습니다')
    expect(JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8'))).toEqual(PROGRESS)
    const missing = await run(['import', join(base, 'nope.json')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Cannot read')
  })

  it('reset refuses without --yes (exit 2), then resets one lesson or all with a backup', async () => {
    writeProgress(PROGRESS)
    const refused = await run(['reset', 'hello-chain'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--yes')
    expect(refused.stderr).toContain('playground progress reset hello-chain --yes')
    expect((await run(['reset'], 'ko')).stderr).toContain('모든 레슨의 진행 기록')
    expect(JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8'))).toEqual(PROGRESS)
    expect(await run(['reset', 'other', '--yes'])).toMatchObject({ code: 1 })
    const one = await run(['reset', 'hello-chain', '--yes'])
    expect(one.code).toBe(0)
    expect(one.stdout).toContain('progress.backup.json')
    expect(JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8'))).toEqual({ schemaVersion: 1, lessons: {} })
    expect(existsSync(join(data, 'progress.backup.json'))).toBe(true)
  })

  it('bad usage: exit 2 naming what is expected', async () => {
    const none = await run([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('show|export [FILE]|import FILE|reset [LESSON] --yes')
    expect((await run(['frobnicate', '--json'])).stdout).toContain('"code":"usage.progress-subcommand"')
    expect((await run(['import'])).stderr).toContain('Name the file to import')
    expect((await run(['show', 'extra'])).stderr).toContain('Unexpected argument "extra"')
    await expect(run(['show', '--force'])).resolves.toMatchObject({ code: 2 })
  })

  it('has help in both languages', () => {
    expect(progressHelp.en).toContain('playground progress reset [LESSON] --yes')
    expect(progressHelp.ko).toContain('playground progress reset [레슨] --yes')
    expect(progressHelp.ko).toContain('PLAYGROUND_DATA_DIR')
  })
})
