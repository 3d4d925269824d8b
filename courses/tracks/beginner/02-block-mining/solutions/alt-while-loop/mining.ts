// Lesson 2, another correct answer: a while loop that changes a copy of the block, and the zeros
// counted one by one instead of compared with a prefix.
import { sha256 } from 'playground'

export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
}

export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

export function blockHash(block: Block): string {
  const text = blockText(block)
  return sha256(text)
}

/** How many '0' digits the hash starts with, after '0x'. */
function leadingZeros(hash: string): number {
  let zeros = 0
  while (hash[2 + zeros] === '0') zeros++
  return zeros
}

export function mine(block: Block, difficulty: number): number {
  const candidate: Block = { ...block, nonce: 0 }
  while (leadingZeros(blockHash(candidate)) < difficulty) {
    candidate.nonce += 1
  }
  return candidate.nonce
}
