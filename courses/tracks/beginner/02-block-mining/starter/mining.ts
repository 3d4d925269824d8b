// Lesson 2: a block and mining.
//
// sha256(text) from the playground returns '0x' followed by 64 hex digits.
import { sha256 } from 'playground'

/** A block: its number, the hash of the block before it, some data, and the nonce miners change. */
export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
}

/**
 * The text a block's hash is computed from: every field, in this order, separated by '|'.
 * Given: do not change it (the grader and the next lesson use the same text).
 * Example: { number: 1, previousHash: '0x00…00', data: 'Alice pays Bob 10', nonce: 7 }
 *       → '1|0x00…00|Alice pays Bob 10|7'
 */
export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

/** Step 1. The block's hash: SHA-256 of blockText(block). */
export function blockHash(block: Block): string {
  // TODO: return the SHA-256 hash of the block's text.
  return ''
}

/**
 * Step 2. Mining: find a nonce that makes the block's hash start with `difficulty` zeros after
 * the '0x' (difficulty 2 → the hash starts with '0x00').
 * Try nonce = 0, 1, 2, … and return the first one that works (return the nonce, not the hash).
 */
export function mine(block: Block, difficulty: number): number {
  // TODO: try nonces one after another; for each, hash { ...block, nonce } and check the zeros.
  return 0
}

// Press "Run" to mine a block (the grader mines its own blocks).
const block: Block = { number: 1, previousHash: '0x' + '0'.repeat(64), data: 'Alice pays Bob 10', nonce: 0 }
const nonce = mine(block, 2)
console.log('nonce', nonce, 'hash', blockHash({ ...block, nonce }))
