// Wrong: the target forgets the '0x' prefix, so the '0' of '0x' counts as a zero.
// Difficulty 1 accepts any hash at once; difficulty 2 never finds '00' at the start and loops forever.
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
  return sha256(blockText(block))
}

export function mine(block: Block, difficulty: number): number {
  const target = '0'.repeat(difficulty)
  for (let nonce = 0; ; nonce++) {
    if (blockHash({ ...block, nonce }).startsWith(target)) return nonce
  }
}
