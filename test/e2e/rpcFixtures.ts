/**
 * The contracts the JSON-RPC client tests deploy: test/runtime/rpc/fixtures/Token.sol (a
 * hand-written ERC-20 with console.log, custom errors and require messages) and OzToken.sol (on
 * the bundled OpenZeppelin), compiled once by our compiler.
 */
import { readFileSync } from 'node:fs'
import { createCompiler } from '../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../runtime/compiler/solcNode.node.ts'

export interface CompiledFixture<TAbi> {
  abi: TAbi
  bytecode: `0x${string}`
}

const fixture = (name: string) => readFileSync(new URL(`../runtime/rpc/fixtures/${name}`, import.meta.url), 'utf8')

/** Both tokens, typed for the client at hand (viem's `Abi`, ethers' `InterfaceAbi`). */
export function compileFixtures<TAbi>(): { token: CompiledFixture<TAbi>; oz: CompiledFixture<TAbi> } {
  const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
  const r = compiler.compile({ sources: { 'contracts/Token.sol': fixture('Token.sol'), 'contracts/OzToken.sol': fixture('OzToken.sol') } })
  if (!r.ok) throw new Error(`fixtures do not compile: ${JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))}`)
  const pick = (name: string): CompiledFixture<TAbi> => {
    const a = r.artifacts.find((x) => x.contractName === name)
    if (a === undefined) throw new Error(`no artifact ${name}`)
    return { abi: a.abi as TAbi, bytecode: a.bytecode as `0x${string}` }
  }
  return { token: pick('Token'), oz: pick('OzToken') }
}
