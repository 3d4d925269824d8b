// Lesson 3, another correct answer: rule 3 recomputes the previous block's hash instead of reading its stored hash, and the rules are checked in another order.
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

function isMined(hash: string, difficulty: number): boolean {
  return hash.startsWith('0x' + '0'.repeat(difficulty))
}
export function firstInvalidBlock(chain: Block[], difficulty: number): number {
  let i = 0
  while (i < chain.length) {
    const block = chain[i]!
    if (i > 0 && block.previousHash !== blockHash(chain[i - 1]!)) return i
    if (blockHash(block) !== block.hash) return i
    if (!isMined(block.hash, difficulty)) return i
    i++
  }
  return -1
}
export function isValidChain(chain: Block[], difficulty: number): boolean {
  return firstInvalidBlock(chain, difficulty) < 0
}

// A small valid chain (difficulty 2) from a beef-traceability ledger. Press "Run", then change the
// data of block 1 (e.g. '002-9999') and run again: which block becomes invalid?
const example: Block[] = [
  { number: 0, previousHash: '0x0000000000000000000000000000000000000000000000000000000000000000', data: '제네시스: 한우 이력 장부를 시작합니다', nonce: 279, hash: '0x00ac516d4ef8a1f0f4acc43f3daf73adf66b62196092758085984feaa2b01906' },
  { number: 1, previousHash: '0x00ac516d4ef8a1f0f4acc43f3daf73adf66b62196092758085984feaa2b01906', data: '농장 A: 송아지 002-1234 출생', nonce: 35, hash: '0x006a44b691a0450098f99775c2f8d825e5faaa81cbd7122d1a35c17a811a0d6e' },
  { number: 2, previousHash: '0x006a44b691a0450098f99775c2f8d825e5faaa81cbd7122d1a35c17a811a0d6e', data: '도축장 B: 002-1234 도축 검사 합격, 등급 1++', nonce: 83, hash: '0x00080386d23f6a98a40bab24122b0ebfe6039b947700627e0dd1c6168607fafb' },
]
console.log('first invalid block:', firstInvalidBlock(example, 2), '| valid chain:', isValidChain(example, 2))
