import { describe, expect, it } from 'vitest'
import { availableHints } from '../../../../courses/format/progress/hintLadder.ts'
import { messages } from '../../../../app/renderer/src/i18n/messages.ts'
import { lockedKey } from '../../../../app/renderer/src/lesson/solutionLock.ts'

describe('lockedKey', () => {
  it('names a message, in both languages, for every locked state the policy gives', () => {
    const at = '2026-01-01T00:00:00.000Z'
    const states = [
      availableHints({ id: 'x', hints: [], solutionPolicy: 'afterPass' }, undefined).solution,
      availableHints({ id: 'x', hints: [], solutionPolicy: 'onRequestAfterFail' }, undefined).solution,
      availableHints({ id: 'x', hints: [], solutionPolicy: 'never' }, undefined).solution,
    ]
    expect(states).toEqual(['after-pass', 'after-failed-attempt', 'never'])
    for (const state of states) {
      const key = lockedKey(state)!
      expect(messages.ko.player.solutionLocked[key]).toMatch(/[\uac00-\ud7a3]/)
      expect(messages.en.player.solutionLocked[key]).toMatch(/solution/)
    }
    const passed = { status: 'passed' as const, attempts: 1, bestScore: 1, hintsUsed: 0, solutionViewed: false, startedAt: at }
    expect(lockedKey(availableHints({ id: 'x', hints: [], solutionPolicy: 'afterPass' }, passed).solution)).toBeUndefined()
  })
})
