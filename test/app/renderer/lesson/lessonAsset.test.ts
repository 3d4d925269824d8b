import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildLessonAssets } from '../../../../app/renderer/build/lessonAssets.ts'
import { lessonAssetUrl, orderedFiles, parseLessonAsset } from '../../../../app/renderer/src/lesson/lessonAsset.ts'
import { languageOf, solidityFiles } from '../../../../app/renderer/src/lesson/languageOf.ts'

const packDir = fileURLToPath(new URL('../../../../courses', import.meta.url))

describe('lesson assets (build time)', () => {
  it('carries each lesson’s starter, grader, hints and solution over the starter', async () => {
    const assets = await buildLessonAssets(packDir)
    expect(assets.length).toBeGreaterThanOrEqual(18)
    const hash = assets.find((a) => a.id === 'hash-functions')!
    expect(hash).toMatchObject({ track: 'beginner', order: 1, network: 'dev', solutionPolicy: 'afterPass', files: ['hashing.ts'], next: 'block-mining' })
    expect(hash.starter['hashing.ts']).toContain("from 'playground'")
    expect(hash.solution['hashing.ts']).not.toBe(hash.starter['hashing.ts'])
    expect(hash.grader).toContain('export default function grade')
    expect(hash.hints.length).toBe(3)
    for (const h of hash.hints) expect(h.ko).toMatch(/[\uac00-\ud7a3]/)
    const dapp = assets.find((a) => a.id === 'dapp-script')!
    expect(Object.keys(dapp.starter).sort()).toEqual(['Greeter.json', 'Greeter.sol', 'app.ts'])
    // The last lesson has no next; every asset passes the renderer's own check.
    expect(assets.at(-1)!.next).toBeUndefined()
    for (const a of assets) expect(parseLessonAsset(JSON.parse(JSON.stringify(a)), a.id)).toEqual(JSON.parse(JSON.stringify(a)))
  })
})

describe('lesson asset checks', () => {
  const good = { id: 'x', track: 't', order: 1, network: 'dev', solutionPolicy: 'afterPass', files: ['a.ts'], starter: { 'a.ts': '' }, grader: '', hints: [], solution: { 'a.ts': '1' } }
  it('names the malformed field', () => {
    expect(() => parseLessonAsset({ ...good, id: 'y' }, 'x')).toThrow('"id"')
    expect(() => parseLessonAsset({ ...good, solutionPolicy: 'sometimes' }, 'x')).toThrow('"solutionPolicy"')
    expect(() => parseLessonAsset({ ...good, starter: { 'a.ts': 1 } }, 'x')).toThrow('"starter"')
    expect(() => parseLessonAsset({ ...good, hints: [{ ko: 'a' }] }, 'x')).toThrow('"hints"')
    expect(() => parseLessonAsset(null, 'x')).toThrow('lessons/x.json')
  })
  it('builds URLs relative to the page and refuses odd ids', () => {
    expect(lessonAssetUrl('hash-functions', 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/lessons/hash-functions.json')
    expect(lessonAssetUrl('a', 'app://playground/index.html')).toBe('app://playground/lessons/a.json')
    expect(() => lessonAssetUrl('../x', 'http://h/')).toThrow(RangeError)
  })
  it('orders files as lesson.yaml lists them, then the learner’s own', () => {
    expect(orderedFiles(['app.ts', 'Greeter.sol'], ['notes.md', 'Greeter.sol', 'app.ts', 'Greeter.json'])).toEqual(['app.ts', 'Greeter.sol', 'Greeter.json', 'notes.md'])
  })
  it('picks a highlighting language by extension', () => {
    expect(['A.sol', 'a.ts', 'a.json', 'answers.yaml', 'README.md', 'x.txt'].map(languageOf)).toEqual(['sol', 'typescript', 'javascript', 'yaml', 'markdown', 'plaintext'])
    expect(solidityFiles({ 'A.sol': '1', 'a.ts': '2' })).toEqual({ 'A.sol': '1' })
  })
})
