import { describe, expect, it } from 'vitest'
import { newFileText, projectFileNameProblem } from '../../../../app/renderer/src/project/projectFileName.ts'

describe('project file names', () => {
  it('accepts plain relative names of known kinds', () => {
    for (const name of ['MyToken.sol', 'contracts/Vault.sol', 'scripts/deploy.ts', 'notes.md', 'abi.json', 'a-b_c.yaml']) {
      expect(projectFileNameProblem(name, []), name).toBeUndefined()
    }
  })

  it('refuses paths out of the project, .git, unknown kinds, duplicates and empty names, in both languages', () => {
    const cases: [string, RegExp][] = [
      ['', /Type a file name/],
      ['../x.sol', /cannot be used/],
      ['a/../b.sol', /cannot be used/],
      ['/abs.sol', /cannot be used/],
      ['.git/config.sol', /cannot be used/],
      ['a\\b.sol', /cannot be used/],
      ['x.exe', /must end in one of/],
      ['Counter.sol', /already exists/],
      ['x'.repeat(121) + '.sol', /too long/],
    ]
    for (const [name, en] of cases) {
      const problem = projectFileNameProblem(name, ['Counter.sol'])
      expect(problem?.en, name).toMatch(en)
      expect(problem?.ko, name).toMatch(/[\uac00-\ud7a3]/)
    }
  })

  it('starts a .sol file as an empty contract named after it', () => {
    expect(newFileText('contracts/My-Token.sol')).toContain('contract My_Token {')
    expect(newFileText('9lives.sol')).toContain('contract C_9lives {')
    expect(newFileText('notes.md')).toBe('')
  })
})
