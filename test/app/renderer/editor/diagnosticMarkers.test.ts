import { describe, expect, it } from 'vitest'
import { diagnosticMarkers } from '../../../../app/renderer/src/editor/diagnosticMarkers.ts'
import { createCompiler } from '../../../../runtime/compiler/compiler.ts'
import type { Diagnostic } from '../../../../runtime/compiler/compilerTypes.ts'
import { nodeLibraryReader } from '../../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../../runtime/compiler/solcNode.node.ts'

const diagnostic = (d: Partial<Diagnostic>): Diagnostic => ({ severity: 'error', message: 'm', file: null, line: null, column: null, code: 'c', ...d })

describe('diagnosticMarkers', () => {
  it("places solc's own diagnostics of a real compile on the right file, line and word", () => {
    const sources = {
      'contracts/A.sol': '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract A {\n  function f() public pure returns (uint) { return missingName; }\n}\n',
      'contracts/B.sol': '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract B {}\n',
    }
    const result = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() }).compile({ sources })
    expect(result.ok).toBe(false)
    const markers = diagnosticMarkers(result.diagnostics, { sources })
    // Every shown file has an entry, so stale markers of B.sol are cleared.
    expect(Object.keys(markers).sort()).toEqual(['contracts/A.sol', 'contracts/B.sol'])
    expect(markers['contracts/B.sol']).toEqual([])
    const line = sources['contracts/A.sol'].split('\n')[3]!
    const column = line.indexOf('missingName') + 1
    expect(markers['contracts/A.sol']).toContainEqual({
      startLineNumber: 4,
      startColumn: column,
      endLineNumber: 4,
      endColumn: column + 'missingName'.length,
      severity: 'error',
      message: expect.stringContaining('Undeclared identifier'),
      code: '7576',
    })
  })

  it('spans one character without the source text, and keeps warnings and info apart', () => {
    const markers = diagnosticMarkers([
      diagnostic({ severity: 'warning', file: 'A.sol', line: 4, column: 7, code: '2072', message: 'Unused local variable.' }),
      diagnostic({ severity: 'info', file: 'A.sol', line: 2, column: 1, code: '0', message: 'note' }),
    ])
    expect(markers).toEqual({
      'A.sol': [
        { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 2, severity: 'info', message: 'note', code: '0' },
        { startLineNumber: 4, startColumn: 7, endLineNumber: 4, endColumn: 8, severity: 'warning', message: 'Unused local variable.', code: '2072' },
      ],
    })
  })

  it('falls back to the first line: of its file without a line, of the fallback file without a file or for a library file', () => {
    const sources = { 'Token.sol': 'pragma solidity ^0.8.20;\ncontract Token {}\n', 'Other.sol': '// x\n' }
    const markers = diagnosticMarkers(
      [
        diagnostic({ file: 'Token.sol', line: null, message: 'No line here' }),
        diagnostic({ file: null, message: 'Whole compilation', code: 'solc' }),
        diagnostic({ file: '@openzeppelin/contracts/token/ERC20/ERC20.sol', line: 12, column: 5, message: 'Inside a library' }),
      ],
      { sources, fallbackFile: 'Token.sol' },
    )
    const whole = { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 'pragma solidity ^0.8.20;'.length + 1, severity: 'error' }
    expect(markers['Token.sol']).toEqual([
      { ...whole, message: 'No line here', code: 'c' },
      { ...whole, message: 'Whole compilation', code: 'solc' },
      { ...whole, message: '@openzeppelin/contracts/token/ERC20/ERC20.sol:12:5: Inside a library', code: 'c' },
    ])
    expect(markers['Other.sol']).toEqual([])
    // Without a fallback file the first shown file (by path) is used.
    const noFallback = diagnosticMarkers([diagnostic({})], { sources })
    expect(noFallback['Other.sol']).toHaveLength(1)
    expect(noFallback['Token.sol']).toEqual([])
  })

  it('clamps a place past the end of the text into it', () => {
    const markers = diagnosticMarkers([diagnostic({ file: 'A.sol', line: 9, column: 40 })], { sources: { 'A.sol': 'contract A {\n}' } })
    expect(markers['A.sol']).toEqual([{ startLineNumber: 2, startColumn: 2, endLineNumber: 2, endColumn: 3, severity: 'error', message: 'm', code: 'c' }])
  })

  it('names its argument when it is not a list', () => {
    expect(() => diagnosticMarkers(null as unknown as Diagnostic[])).toThrow(/diagnosticMarkers: diagnostics must be an array/)
  })
})
