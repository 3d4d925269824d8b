/**
 * The workspace channels' schemas: what main accepts from the renderer (ids, paths, sizes, no
 * extra keys) and what the renderer accepts back; one id rule for the schema and the library.
 */
import { describe, expect, it } from 'vitest'
import { workspaceIdSchema } from '../../../../app/shared/ipc/ipcContract.ts'
import { MAX_WORKSPACE_BYTES, MAX_WORKSPACE_FILES, WORKSPACE_IPC_SCHEMAS } from '../../../../app/shared/ipc/workspaceIpc.ts'
import { checkWorkspaceId } from '../../../../app/shared/workspace/workspaceId.ts'

const S = WORKSPACE_IPC_SCHEMAS

describe('workspace IPC schemas', () => {
  it('one id rule: the contract schema and checkWorkspaceId agree', () => {
    for (const id of ['hello-chain', 'A1', 'project_2', 'a'.repeat(64), '', '.', '..', '-a', '_a', 'a/b', 'a\\b', 'a.b', 'a b', 'ㄱ', 'x'.repeat(65), 'a\0']) {
      const library = (() => {
        try {
          checkWorkspaceId(id)
          return true
        } catch {
          return false
        }
      })()
      expect(workspaceIdSchema.safeParse(id).success, id).toBe(library)
      expect(S.workspaceHistory.request.safeParse({ id }).success, id).toBe(library)
    }
  })

  it('requests are strict objects with bounded fields', () => {
    expect(S.workspaceWriteFile.request.safeParse({ id: 'w', path: 'a.sol', data: 'x' }).success).toBe(true)
    expect(S.workspaceWriteFile.request.safeParse({ id: 'w', path: 'a.sol', data: new Uint8Array([1]) }).success).toBe(true)
    expect(S.workspaceWriteFile.request.safeParse({ id: 'w', path: 'a.sol', data: 'x', dir: '/' }).success).toBe(false)
    expect(S.workspaceWriteFile.request.safeParse({ id: 'w', path: '', data: 'x' }).success).toBe(false)
    expect(S.workspaceWriteFile.request.safeParse({ id: 'w', path: 'a.sol', data: { length: 1 } }).success).toBe(false)
    expect(S.workspaceWriteFile.request.safeParse({ id: 'w', path: 'a.sol', data: new Uint8Array(MAX_WORKSPACE_BYTES + 1) }).success).toBe(false)
    expect(S.workspaceCommitAttempt.request.safeParse({ id: 'w', summary: { attempt: 1, passed: 0, total: 1, lessonId: 'w' } }).success).toBe(true)
    expect(S.workspaceCommitAttempt.request.safeParse({ id: 'w', summary: { attempt: 1.5, passed: 0, total: 1, lessonId: 'w' } }).success).toBe(false)
    expect(S.workspaceCommitSnapshot.request.safeParse({ id: 'w', message: '' }).success).toBe(false)
    expect(S.workspaceDiff.request.safeParse({ id: 'w', fromOid: 'abc' }).success).toBe(true)
    expect(S.workspaceDiff.request.safeParse({ id: 'w', fromOid: 'x'.repeat(65) }).success).toBe(false)
  })

  it('caps the files of one request, in number and in size', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_WORKSPACE_FILES + 1 }, (_, i) => [`f${i}.txt`, 'x']))
    expect(S.workspaceReplaceFiles.request.safeParse({ id: 'w', files: many, message: 'm' }).success).toBe(false)
    const half = 'x'.repeat(MAX_WORKSPACE_BYTES / 2 + 1)
    expect(S.workspaceInit.request.safeParse({ id: 'w', lessonId: 'w', files: { a: half, b: half } }).success).toBe(false)
    expect(S.workspaceInit.request.safeParse({ id: 'w', lessonId: 'w', files: { a: 'x', b: new Uint8Array(2) } }).success).toBe(true)
  })

  it('responses validate what main sends', () => {
    const v = { oid: 'a'.repeat(40), message: 'attempt 1: 1/1 checks', timestamp: '2026-03-01T10:00:00.000Z' }
    expect(S.workspaceRestore.response.safeParse({ version: v, saved: undefined }).success).toBe(true)
    expect(S.workspaceRestore.response.safeParse({ version: v }).success).toBe(true)
    expect(S.workspaceDiff.response.safeParse([{ path: 'a', change: 'renamed', binary: false, patch: '' }]).success).toBe(false)
    expect(S.workspaceReadFile.response.safeParse(undefined).success).toBe(true)
    expect(S.workspaceReadFile.response.safeParse('text').success).toBe(false)
  })
})
