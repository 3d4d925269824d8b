// Lesson 2: a block and mining (a plausible mistake: previousHash is not part of the hash).
import { sha256 } from 'playground'

export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
}

/** The text a block's hash is computed from (given). */
export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

/** Step 1. SHA-256 of the block's text. */
export function blockHash(block: Block): string {
  // Hashes the number, data and nonce: previousHash is left out.
  return sha256(`${block.number}|${block.data}|${block.nonce}`)
}

/** Step 2. The first nonce (from 0) whose hash starts with `difficulty` zeros after '0x'. */
export function mine(block: Block, difficulty: number): number {
  const target = '0x' + '0'.repeat(difficulty)
  for (let nonce = 0; ; nonce++) {
    if (blockHash({ ...block, nonce }).startsWith(target)) return nonce
  }
}

const block: Block = { number: 1, previousHash: '0x' + '0'.repeat(64), data: 'Alice pays Bob 10', nonce: 0 }
const nonce = mine(block, 2)
console.log('nonce', nonce, 'hash', blockHash({ ...block, nonce }))
