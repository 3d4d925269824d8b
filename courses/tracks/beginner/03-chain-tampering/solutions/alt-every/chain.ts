// Lesson 3, another correct answer: one function that judges a single block, findIndex over the
// chain, the rules checked in another order, and the hash recomputed with viem on the UTF-8 bytes.
import { sha256, stringToHex } from 'viem'

export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
  hash: string
}

export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

export function blockHash(block: Block): string {
  return sha256(stringToHex(blockText(block)))
}

/** Is block `i` of `chain` valid on its own and linked to its predecessor? */
function blockIsValid(chain: Block[], i: number, difficulty: number): boolean {
  const block = chain[i]!
  const linked = i === 0 || block.previousHash === chain[i - 1]!.hash
  const mined = /^0x0*/.exec(block.hash)![0].length - 2 >= difficulty
  const untouched = blockHash(block).toLowerCase() === block.hash.toLowerCase()
  return linked && mined && untouched
}

export function firstInvalidBlock(chain: Block[], difficulty: number): number {
  return chain.findIndex((_, i) => !blockIsValid(chain, i, difficulty))
}

export function isValidChain(chain: Block[], difficulty: number): boolean {
  return chain.every((_, i) => blockIsValid(chain, i, difficulty))
}
