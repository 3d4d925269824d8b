/**
 * The compiler benchmark: a ~200-line contract compiled cold (soljson loaded and first run), warm
 * (compiler loaded, a changed source: no cache), and again unchanged (the cache). Target for warm:
 * ≤ 300 ms.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'
import { createCompiler } from '../../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../runtime/compiler/solcNode.node.ts'

export interface CompilerFigures {
  lines: number
  coldMs: number
  warmMs: number
  cachedMs: number
  compilerVersion: string
}

export const WARM_COMPILE_TARGET_MS = 300

/** A ~200-line token with `functions` extra methods (`salt` changes the source, defeating the cache). */
export function benchContract(salt: number, functions = 30): string {
  const extra = Array.from(
    { length: functions },
    (_, i) => `    function op${i}(uint256 a, uint256 b) external returns (uint256) {
        uint256 r = a * ${i + 1} + b + ${salt};
        totals[msg.sender] += r;
        emit Op(msg.sender, ${i}, r);
        return r;
    }`,
  ).join('\n')
  return `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Bench {
    string public name = "Bench";
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint256) public totals;
    uint256 public totalSupply;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Op(address indexed who, uint256 op, uint256 result);
    error Insufficient(uint256 have, uint256 want);

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
        totalSupply = supply;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        if (balanceOf[msg.sender] < value) revert Insufficient(balanceOf[msg.sender], value);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        require(allowance[from][msg.sender] >= value, "allowance");
        allowance[from][msg.sender] -= value;
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        return true;
    }
${extra}
}
`
}

export function benchCompiler(): CompilerFigures {
  let started = performance.now()
  const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
  const first = compiler.compile({ sources: { 'Bench.sol': benchContract(0) } })
  const coldMs = performance.now() - started
  if (!first.ok) throw new Error(`bench contract does not compile: ${first.diagnostics.map((d) => d.message).join('; ')}`)
  const warm: number[] = []
  for (let salt = 1; salt <= 5; salt++) {
    started = performance.now()
    compiler.compile({ sources: { 'Bench.sol': benchContract(salt) } })
    warm.push(performance.now() - started)
  }
  started = performance.now()
  compiler.compile({ sources: { 'Bench.sol': benchContract(5) } })
  const cachedMs = performance.now() - started
  warm.sort((a, b) => a - b)
  return {
    lines: benchContract(0).split('\n').length,
    coldMs: Math.round(coldMs),
    warmMs: Math.round(warm[2]!),
    cachedMs: Math.round(cachedMs * 10) / 10,
    compilerVersion: compiler.version,
  }
}
