/**
 * `playground lesson` and `playground course validate` end to end, as a new user runs them: the
 * built CLI against a course pack on disk, a fresh data folder and a fresh workspace.
 */
import { spawnSync } from 'node:child_process'
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import git from 'isomorphic-git'
import { afterAll, describe, expect, it } from 'vitest'
import { doublePack } from '../../courses/format/lessonPackFixture.ts'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = path.join(repoRoot, 'bin', 'playground.js')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pg-lesson-'))
const packDir = path.join(tmp, 'pack')
const dataDir = path.join(tmp, 'data')
const workspace = path.join(tmp, 'work')
for (const [file, text] of Object.entries(doublePack())) {
  mkdirSync(path.dirname(path.join(packDir, file)), { recursive: true })
  writeFileSync(path.join(packDir, file), text)
}
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function run(args: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PLAYGROUND_DATA_DIR: dataDir, LANG: 'C' }
  delete env.LC_ALL
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, env, encoding: 'utf8', timeout: 120_000 })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('playground lesson', () => {
  it('lists the lessons with the JSON shape of the issue, in the chosen language otherwise', () => {
    const json = run(['lesson', 'list', '--pack', packDir, '--json'])
    expect(json.status).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual([{ id: 'double', track: 'beginner', order: 1, title: { ko: '두 배', en: 'Doubling' }, minutes: 5 }])
    const ko = run(['lesson', 'list', '--pack', packDir, '--lang', 'ko'])
    expect(ko.stdout).toContain('입문')
    expect(ko.stdout).toContain('두 배')
    const en = run(['lesson', 'list', '--pack', packDir, '--lang', 'en'])
    expect(en.stdout).toContain('Doubling')
    expect(run(['lesson', 'list', '--pack', packDir, '--track', 'nope']).status).toBe(2)
  })

  it('starts, grades the starter (exit 1, helpful message), passes after a fix, and keeps every attempt in git', async () => {
    const start = run(['lesson', 'start', 'double', '--pack', packDir, '--workspace', workspace])
    expect(start.status, start.stderr).toBe(0)
    expect(readFileSync(path.join(workspace, 'double.ts'), 'utf8')).toContain('TODO')

    const first = run(['lesson', 'grade', 'double', '--pack', packDir, '--workspace', workspace, '--json'])
    expect(first.status, first.stderr).toBe(1)
    const failed = JSON.parse(first.stdout)
    expect(failed).toMatchObject({ lesson: 'double', score: 0, passed: false, attempt: 1 })
    expect(failed.checks[0]).toMatchObject({ id: 'doubles', status: 'fail', message: { code: 'double-value' } })
    expect(failed.checks[0].message.en).toBe('double(1) should be 2, got 1.')
    expect(failed.checks[0].message.ko).toContain('double(1)는 2이어야')

    // The solution is locked until the lesson is passed; hints come in order and are recorded.
    expect(run(['lesson', 'solution', 'double', '--pack', packDir]).status).toBe(1)
    const hint = run(['lesson', 'hint', 'double', '--pack', packDir, '--json'])
    expect(JSON.parse(hint.stdout)).toMatchObject({ tier: 1, total: 1, text: { en: 'Use multiplication' } })

    writeFileSync(path.join(workspace, 'double.ts'), 'export function double(x: bigint): bigint {\n  return 2n * x\n}\n')
    const second = run(['lesson', 'grade', 'double', '--pack', packDir, '--workspace', workspace, '--lang', 'en'])
    expect(second.status, second.stdout + second.stderr).toBe(0)
    expect(second.stdout).toContain('2 of 2 checks passed (100%)')
    expect(second.stdout).toContain('Attempt 2 committed')

    const log = await git.log({ fs, dir: workspace })
    expect(log.map((c) => c.commit.message.split('\n')[0])).toEqual(['attempt 2: 2/2 checks', 'attempt 1: 0/2 checks', 'start: double'])

    const progress = JSON.parse(readFileSync(path.join(dataDir, 'progress.json'), 'utf8'))
    expect(progress.lessons.double).toMatchObject({ status: 'passed', attempts: 2, bestScore: 1, hintsUsed: 1 })
    const solution = run(['lesson', 'solution', 'double', '--pack', packDir, '--json'])
    expect(solution.status).toBe(0)
    expect(JSON.parse(solution.stdout).files['double.ts']).toContain('x * 2n')
  })

  it('refuses to start over files it would overwrite, and names a missing workspace', () => {
    const again = run(['lesson', 'start', 'double', '--pack', packDir, '--workspace', workspace, '--lang', 'en'])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('already')
    expect(readFileSync(path.join(workspace, 'double.ts'), 'utf8')).toContain('2n * x')
    const missing = run(['lesson', 'grade', 'double', '--pack', packDir, '--workspace', path.join(tmp, 'nowhere')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('playground lesson start double')
    expect(run(['lesson', 'grade', 'nope', '--pack', packDir, '--workspace', workspace]).status).toBe(2)
  })
})

describe('playground course validate', () => {
  it('validates a good pack (exit 0) and reports a broken one with the JSON shape of the issue (exit 1)', () => {
    const good = run(['course', 'validate', packDir, '--json'])
    expect(good.status, good.stdout).toBe(0)
    const report = JSON.parse(good.stdout)
    expect(report.ok).toBe(true)
    expect(report.lessons[0]).toMatchObject({ id: 'double', schema: true, languages: true, solutionPasses: true, altsPass: true, wrongsFail: true, starterFails: true })
    writeFileSync(path.join(packDir, 'tracks/beginner/01-double/wrong/absolute/EXPECT_FAIL'), 'doubles\n')
    const bad = run(['course', 'validate', packDir, '--lang', 'en'])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('wrong/absolute should fail doubles, but it got pass')
  })
})
