import { describe, expect, it } from 'vitest'
import { attemptMessage, restoreMessage, SAVE_BEFORE_RESTORE_MESSAGE, startMessage } from '../../../../app/shared/workspace/attemptMessage.ts'
import { isPassingVersion, parseVersionMessage, versionLabel } from '../../../../app/renderer/src/history/versionLabel.ts'
import { patchLines } from '../../../../app/renderer/src/history/patchLines.ts'
import { unifiedDiff } from '../../../../app/shared/workspace/lineDiff.ts'

describe('versionLabel', () => {
  it('reads back every message the workspace library writes', () => {
    expect(parseVersionMessage(attemptMessage({ attempt: 3, passed: 4, total: 5, lessonId: 'x' }))).toEqual({ kind: 'attempt', attempt: 3, passed: 4, total: 5 })
    expect(parseVersionMessage(startMessage('hash-functions'))).toEqual({ kind: 'start', lessonId: 'hash-functions' })
    expect(parseVersionMessage(restoreMessage('0123456789abcdef0123456789abcdef01234567'))).toEqual({ kind: 'restore', shortOid: '0123456' })
    expect(parseVersionMessage(SAVE_BEFORE_RESTORE_MESSAGE)).toEqual({ kind: 'save-before-restore' })
  })

  it('words attempts in Korean and English', () => {
    const message = attemptMessage({ attempt: 2, passed: 5, total: 5, lessonId: 'x' })
    expect(versionLabel(message, 'ko')).toBe('2번째 채점: 5개 중 5개 통과')
    expect(versionLabel(message, 'en')).toBe('Attempt 2: 5 of 5 checks passed')
    expect(isPassingVersion(message)).toBe(true)
    expect(isPassingVersion(attemptMessage({ attempt: 1, passed: 4, total: 5, lessonId: 'x' }))).toBe(false)
  })

  it('shows a hand-made commit subject as it is', () => {
    expect(versionLabel('fix the owner check\n\nbody', 'ko')).toBe('fix the owner check')
  })
})

describe('patchLines', () => {
  it('numbers both sides and keeps removed lines that start with dashes', () => {
    const patch = unifiedDiff('a\n--count;\nc\n', 'a\ncount++;\nc\n')
    const lines = patchLines(patch)
    expect(lines[0]!.kind).toBe('hunk')
    expect(lines.filter((l) => l.kind === 'remove')).toEqual([{ kind: 'remove', text: '--count;', oldLine: 2 }])
    expect(lines.filter((l) => l.kind === 'add')).toEqual([{ kind: 'add', text: 'count++;', newLine: 2 }])
    expect(lines.filter((l) => l.kind === 'same').map((l) => [l.oldLine, l.newLine])).toEqual([[1, 1], [3, 3]])
  })

  it('gives nothing for an empty patch', () => {
    expect(patchLines('')).toEqual([])
  })
})
