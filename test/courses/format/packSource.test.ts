import { describe, expect, it } from 'vitest'
import { createMemoryPackSource, normalizePath } from '../../../courses/format/packSource.ts'

describe('createMemoryPackSource', () => {
  const source = createMemoryPackSource({ 'course.yaml': 'id: x', 'tracks/a/01-x/lesson.yaml': 'y', './tracks/a/notes.md': 'z' })

  it('reads files and answers undefined for missing ones', async () => {
    expect(await source.readText('course.yaml')).toBe('id: x')
    expect(await source.readText('/tracks/a/notes.md')).toBe('z')
    expect(await source.readText('tracks/a')).toBeUndefined()
    expect(await source.readText('nope')).toBeUndefined()
  })

  it('lists files and implicit folders; a missing folder is empty', async () => {
    expect(await source.list('')).toEqual([
      { name: 'course.yaml', kind: 'file' },
      { name: 'tracks', kind: 'dir' },
    ])
    expect(await source.list('tracks/a/')).toEqual([
      { name: '01-x', kind: 'dir' },
      { name: 'notes.md', kind: 'file' },
    ])
    expect(await source.list('tracks/b')).toEqual([])
    expect(await source.list('trac')).toEqual([])
  })

  it('normalizes paths', () => {
    expect(normalizePath('./a/b/')).toBe('a/b')
    expect(normalizePath('.')).toBe('')
    expect(normalizePath('/a')).toBe('a')
  })
})
