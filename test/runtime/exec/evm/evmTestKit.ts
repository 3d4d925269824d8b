/**
 * Shared pieces for the EVM tests: the fixture token compiled once, signed transactions from
 * the dev accounts, a fixed clock.
 */
import { readFileSync } from 'node:fs'
import { createFeeMarket1559Tx } from '@ethereumjs/tx'
import type { TypedTransaction } from '@ethereumjs/tx'
import { createAddressFromString, hexToBytes } from '@ethereumjs/util'
import { encodeFunctionData, parseAbi } from 'viem'
import { createCompiler } from '../../../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../../runtime/compiler/solcNode.node.ts'
import type { Common } from '@ethereumjs/common'

const libraries = nodeLibraryReader()
export const consoleSol = libraries('hardhat/console.sol')!

let token: { abi: unknown[]; bytecode: `0x${string}` } | undefined
export function tokenArtifact(): { abi: unknown[]; bytecode: `0x${string}` } {
  if (token === undefined) {
    const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: libraries })
    const source = readFileSync(new URL('../../rpc/fixtures/Token.sol', import.meta.url), 'utf8')
    const r = compiler.compile({ sources: { 'Token.sol': source } })
    const a = r.artifacts.find((x) => x.contractName === 'Token')!
    token = { abi: a.abi as unknown[], bytecode: a.bytecode as `0x${string}` }
  }
  return token
}

export const ERC20 = parseAbi(['function transfer(address to, uint256 value) returns (bool)', 'function balanceOf(address) view returns (uint256)', 'function divide(uint256 a, uint256 b) view returns (uint256)', 'function transferLogged(address to, uint256 value) returns (bool)'])

export function deployData(supply: bigint): Uint8Array {
  const { bytecode } = tokenArtifact()
  return hexToBytes(`${bytecode}${supply.toString(16).padStart(64, '0')}` as `0x${string}`)
}

export function transferData(to: string, value: bigint): Uint8Array {
  return hexToBytes(encodeFunctionData({ abi: ERC20, functionName: 'transfer', args: [to as `0x${string}`, value] }))
}

export function signedTx(common: Common, key: Uint8Array, fields: { nonce: bigint; to?: string; data?: Uint8Array; value?: bigint; gasLimit?: bigint; maxFeePerGas?: bigint; chainId?: bigint }): TypedTransaction {
  return createFeeMarket1559Tx(
    {
      chainId: fields.chainId ?? common.chainId(),
      nonce: fields.nonce,
      gasLimit: fields.gasLimit ?? 3_000_000n,
      maxFeePerGas: fields.maxFeePerGas ?? 10_000_000_000n,
      maxPriorityFeePerGas: (fields.maxFeePerGas ?? 10_000_000_000n) < 1_000_000_000n ? (fields.maxFeePerGas ?? 0n) : 1_000_000_000n,
      ...(fields.to === undefined ? {} : { to: createAddressFromString(fields.to) }),
      data: fields.data ?? new Uint8Array(0),
      value: fields.value ?? 0n,
    },
    { common },
  ).sign(key)
}
