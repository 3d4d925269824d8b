// Another correct answer: viem's sha256 over the text's UTF-8 bytes (toHex) gives the same hash as
// the playground's sha256(text); mine counts the zeros itself with a while loop.
import { sha256, toHex } from 'viem'

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
  return sha256(toHex(blockText(block)))
}

/** How many '0' digits come right after '0x'. */
function zerosAfterPrefix(hash: string): number {
  return /^0x(0*)/.exec(hash)![1]!.length
}

export function mine(block: Block, difficulty: number): number {
  let tries = 0
  while (zerosAfterPrefix(blockHash({ ...block, nonce: tries })) < difficulty) tries += 1
  return tries
}

const block: Block = { number: 1, previousHash: '0x' + '0'.repeat(64), data: 'Alice pays Bob 10', nonce: 0 }
const nonce = mine(block, 2)
console.log('nonce', nonce, 'hash', blockHash({ ...block, nonce }))
