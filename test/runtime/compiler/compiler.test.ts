/**
 * The real solc through our wrapper, offline: artifacts with versions, diagnostics with line and
 * column, imports from the workspace and the bundled libraries (OpenZeppelin, hardhat/console.sol),
 * missing imports named at their line, and the cache.
 */
import { describe, expect, it } from 'vitest'
import { PINNED_EVM_VERSION, createCompiler } from '../../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../../runtime/compiler/librariesNode.node.ts'
import { importTarget, lineColumn, resolveImports } from '../../../runtime/compiler/resolveImports.ts'
import { loadSolcNode } from '../../../runtime/compiler/solcNode.node.ts'

const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })

const COUNTER = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Counter {
    uint256 public count;
    event Incremented(uint256 to);
    function increment() external {
        count += 1;
        emit Incremented(count);
    }
}
`

describe('compiler: the real solc', () => {
  it('compiles a contract to an artifact carrying ABI, bytecode and the compiler and EVM versions', () => {
    const r = compiler.compile({ sources: { 'contracts/Counter.sol': COUNTER } })
    expect(r.ok).toBe(true)
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const a = r.artifacts.find((x) => x.contractName === 'Counter')!
    expect(a.sourceName).toBe('contracts/Counter.sol')
    expect(a.bytecode).toMatch(/^0x6080/)
    expect(a.deployedBytecode.length).toBeGreaterThan(10)
    expect(a.abi.map((e) => (e as { name?: string }).name)).toEqual(expect.arrayContaining(['count', 'increment', 'Incremented']))
    expect(a.compilerVersion).toBe(compiler.version)
    expect(compiler.version).toMatch(/^0\.8\.\d+\+commit\./)
    expect(a.evmVersion).toBe(PINNED_EVM_VERSION)
  })

  it('invalid Solidity gives diagnostics with file, line, column and code — never a throw', () => {
    const broken = COUNTER.replace('count += 1;', 'count += ;')
    const r = compiler.compile({ sources: { 'Counter.sol': broken } })
    expect(r.ok).toBe(false)
    const e = r.diagnostics.find((d) => d.severity === 'error')!
    expect(e).toMatchObject({ file: 'Counter.sol', line: 8 })
    expect(e.column).toBeGreaterThan(1)
    expect(e.code).toMatch(/^\d+$/)
    expect(e.message.length).toBeGreaterThan(0)
  })

  it('a type error points at its own line', () => {
    const r = compiler.compile({ sources: { 'T.sol': 'pragma solidity ^0.8.20;\ncontract T {\n  function f() public pure returns (uint) {\n    return "x";\n  }\n}\n' } })
    expect(r.ok).toBe(false)
    expect(r.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ file: 'T.sol', line: 4 })
  })

  it('an ERC-20 importing OpenZeppelin compiles offline; library contracts are not listed as artifacts', () => {
    const token = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract PlayToken is ERC20 {
    constructor() ERC20("Play", "PLAY") { _mint(msg.sender, 1_000_000e18); }
}
`
    const r = compiler.compile({ sources: { 'contracts/PlayToken.sol': token } })
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(r.artifacts.map((a) => a.contractName)).toEqual(['PlayToken'])
    expect(r.artifacts[0]!.abi.map((e) => (e as { name?: string }).name)).toEqual(expect.arrayContaining(['transfer', 'balanceOf', 'Transfer']))
  })

  it('hardhat/console.sol resolves offline', () => {
    const src = 'pragma solidity ^0.8.20;\nimport "hardhat/console.sol";\ncontract C { function f() public view { console.log("hi", 42); } }\n'
    expect(compiler.compile({ sources: { 'C.sol': src } }).ok).toBe(true)
  })

  it('workspace imports resolve relative to the importing file', () => {
    const r = compiler.compile({
      sources: {
        'contracts/lib/Math.sol': 'pragma solidity ^0.8.20;\nlibrary Math { function twice(uint x) internal pure returns (uint) { return 2 * x; } }\n',
        'contracts/app/App.sol': 'pragma solidity ^0.8.20;\nimport "../lib/Math.sol";\ncontract App { function f(uint x) public pure returns (uint) { return Math.twice(x); } }\n',
      },
    })
    expect(r.ok).toBe(true)
    expect(r.artifacts.map((a) => a.contractName).sort()).toEqual(['App', 'Math'])
  })

  it('a missing import is a diagnostic at the import line, naming the source', () => {
    const r = compiler.compile({ sources: { 'A.sol': 'pragma solidity ^0.8.20;\n// import "./Old.sol";\nimport "./Missing.sol";\ncontract A {}\n' } })
    expect(r.ok).toBe(false)
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'import-not-found', file: 'A.sol', line: 3, column: 1 })])
    expect(r.diagnostics[0]!.message).toContain('Missing.sol')
  })

  it('library paths cannot escape their folder', () => {
    const read = nodeLibraryReader()
    expect(read('@openzeppelin/contracts/../../../package.json')).toBeUndefined()
    expect(read('hardhat/../../../package.json')).toBeUndefined()
    expect(read('@openzeppelin/contracts/token/ERC20/ERC20.sol')).toContain('abstract contract ERC20')
  })

  it('the same sources again come from the cache; a changed source compiles anew', () => {
    const c = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
    const first = c.compile({ sources: { 'Counter.sol': COUNTER } })
    const again = c.compile({ sources: { 'Counter.sol': COUNTER } })
    expect(first.cached).toBe(false)
    expect(again.cached).toBe(true)
    expect(again.artifacts).toEqual(first.artifacts)
    expect(c.compile({ sources: { 'Counter.sol': COUNTER.replace('+= 1', '+= 2') } }).cached).toBe(false)
  })
})

describe('compiler: import resolution helpers', () => {
  it('importTarget resolves ./ and ../ against the importing file and leaves package paths alone', () => {
    expect(importTarget('contracts/app/App.sol', '../lib/M.sol')).toBe('contracts/lib/M.sol')
    expect(importTarget('contracts/App.sol', './M.sol')).toBe('contracts/M.sol')
    expect(importTarget('contracts/App.sol', '@openzeppelin/contracts/x.sol')).toBe('@openzeppelin/contracts/x.sol')
  })

  it('lineColumn is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })

  it('every import form is followed once', () => {
    const seen: string[] = []
    const r = resolveImports(
      { 'A.sol': 'import "x/1.sol";\nimport "x/2.sol" as Two;\nimport * as Three from "x/3.sol";\nimport {A, B as C} from "x/4.sol";\nimport "x/1.sol";\n' },
      (p) => {
        seen.push(p)
        return '// empty\n'
      },
    )
    expect(seen).toEqual(['x/1.sol', 'x/2.sol', 'x/3.sol', 'x/4.sol'])
    expect(Object.keys(r.sources).sort()).toEqual(['A.sol', 'x/1.sol', 'x/2.sol', 'x/3.sol', 'x/4.sol'])
  })
})
