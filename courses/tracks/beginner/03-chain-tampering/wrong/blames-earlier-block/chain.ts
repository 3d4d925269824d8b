// Lesson 3 (wrong): a broken link is blamed on the earlier block (chain[i + 1].previousHash vs block.hash returns i).
import { sha256 } from 'playground'

/** A mined block as it is stored in the chain: its fields plus the hash it was mined to. */
export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
  hash: string
}

/** The block's text, exactly as in lesson 2 (given). */
export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

/** SHA-256 of the block's text (given: you wrote it in lesson 2). */
export function blockHash(block: Block): string {
  return sha256(blockText(block))
}

export function firstInvalidBlock(chain: Block[], difficulty: number): number {
  const target = '0x' + '0'.repeat(difficulty)
  for (let i = 0; i < chain.length; i++) {
    const block = chain[i]!
    if (block.hash !== blockHash(block) || !block.hash.startsWith(target)) return i
    if (i + 1 < chain.length && chain[i + 1]!.previousHash !== block.hash) return i
  }
  return -1
}
export function isValidChain(chain: Block[], difficulty: number): boolean { return firstInvalidBlock(chain, difficulty) === -1 }
