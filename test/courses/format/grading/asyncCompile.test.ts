/**
 * The engine takes a compiler that answers later (a Promise), as the browser's compiler worker
 * does: a Solidity lesson graded through it gives exactly the result of the same compiler called
 * directly, for a passing, a failing and a non-compiling workspace; pack validation (whose
 * "the starter compiles" rule calls the compiler itself) gives the same report.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { nodeGradingEnvironment } from '../../../../app/cli/lessons/nodeGradingEnvironment.ts'
import { createNodePackSource } from '../../../../app/cli/lessons/nodePackSource.ts'
import type { GradeRequest, GradingEnvironment } from '../../../../courses/format/grading/gradeLesson.ts'
import { gradeLesson } from '../../../../courses/format/grading/gradeLesson.ts'
import { validateCourse } from '../../../../courses/format/validateCourse.ts'
import type { CompileRequest, CompileResult } from '../../../../runtime/compiler/compilerTypes.ts'

const COURSES = fileURLToPath(new URL('../../../../courses/', import.meta.url))
const LESSON = join(COURSES, 'tracks/developer/01-first-contract')

function folder(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8')
  return out
}

/** The Node environment with its compiler behind a Promise that settles on a later macrotask. */
async function asyncEnvironment(): Promise<{ environment: GradingEnvironment; calls: CompileRequest[] }> {
  const sync = await nodeGradingEnvironment()
  const calls: CompileRequest[] = []
  const environment: GradingEnvironment = {
    ...sync,
    compiler: {
      compile: (request) =>
        new Promise<CompileResult>((resolve, reject) => {
          calls.push(request)
          setTimeout(() => {
            try {
              resolve(sync.compiler.compile(request))
            } catch (error) {
              reject(error)
            }
          }, 2)
        }),
    },
  }
  return { environment, calls }
}

describe('an asynchronous compiler in the grading engine', () => {
  const lesson = parseYaml(readFileSync(join(LESSON, 'lesson.yaml'), 'utf8')) as { id: string; network: string }
  const starter = folder(join(LESSON, 'starter'))
  const request = (workspace: Record<string, string>): GradeRequest => ({ lesson: { id: lesson.id, network: lesson.network }, grader: readFileSync(join(LESSON, 'grade.ts'), 'utf8'), workspace, seed: 1 })
  const cases = {
    solution: { ...starter, ...folder(join(LESSON, 'solution')) },
    starter,
    broken: { 'Counter.sol': starter['Counter.sol']!.replace(/;\s*$/m, '') + '\ncontract {' },
  }

  it.each(Object.entries(cases))('%s: the same GradeResult as the synchronous compiler', async (kind, workspace) => {
    const { environment, calls } = await asyncEnvironment()
    const viaPromise = await gradeLesson(environment, request(workspace))
    const direct = await gradeLesson(await nodeGradingEnvironment(), request(workspace))
    expect(calls.length).toBeGreaterThan(0)
    expect(viaPromise).toEqual(direct)
    expect(viaPromise.passed).toBe(kind === 'solution')
    if (kind === 'broken') expect(viaPromise.checks[0]).toMatchObject({ status: 'fail', message: { code: 'compile.failed' } })
  })

  it('validates the lesson the same way (its starter compile check awaits the compiler)', async () => {
    const { environment, calls } = await asyncEnvironment()
    const options = { lessons: [lesson.id] }
    const viaPromise = await validateCourse(createNodePackSource(COURSES), environment, options)
    const direct = await validateCourse(createNodePackSource(COURSES), await nodeGradingEnvironment(), options)
    expect(viaPromise).toEqual(direct)
    expect(viaPromise.lessons[0]).toMatchObject({ id: lesson.id, starterCompiles: true, solutionPasses: true })
    expect(calls.some((c) => Object.keys(c.sources).every((p) => p.endsWith('.sol')) && c.sources['Counter.sol'] === starter['Counter.sol'])).toBe(true)
  })

  it('a compiler that rejects makes the check an engine error, not a learner failure', async () => {
    const sync = await nodeGradingEnvironment()
    const environment: GradingEnvironment = { ...sync, compiler: { compile: () => Promise.reject(new Error('the compiler worker stopped')) } }
    const result = await gradeLesson(environment, request(cases.solution))
    expect(result.passed).toBe(false)
    expect(result.checks[0]).toMatchObject({ status: 'error', message: { en: expect.stringContaining('the compiler worker stopped') } })
  })
})
