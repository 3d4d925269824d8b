// Lesson 2: a block and mining.
// 2강: 블록과 채굴
//
// sha256(text) from the playground returns '0x' followed by 64 hex digits.
// playground의 sha256(text)는 '0x' 뒤에 16진수 64자리가 이어지는 문자열을 돌려줍니다.
import { sha256 } from 'playground'

/**
 * A block: its number, the hash of the block before it, some data, and the nonce miners change.
 * 블록: 번호, 바로 앞 블록의 해시, 데이터, 그리고 채굴자가 바꿔 가며 시도하는 넌스(nonce)로 이루어집니다.
 */
export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
}

/**
 * The text a block's hash is computed from: every field, in this order, separated by '|'.
 * Given: do not change it (the grader and the next lesson use the same text).
 * 블록의 해시를 계산할 때 쓰는 텍스트입니다. 모든 필드를 이 순서대로 '|'로 이어 붙입니다.
 * 미리 주어진 함수이니 고치지 마세요(채점기와 다음 수업도 같은 텍스트를 씁니다).
 * Example: { number: 1, previousHash: '0x00…00', data: 'Alice pays Bob 10', nonce: 7 }
 *       → '1|0x00…00|Alice pays Bob 10|7'
 */
export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

/**
 * Step 1. The block's hash: SHA-256 of blockText(block).
 * 1단계. 블록의 해시: blockText(block)의 SHA-256 값입니다.
 */
export function blockHash(block: Block): string {
  // TODO: return the SHA-256 hash of the block's text.
  // TODO: 블록 텍스트의 SHA-256 해시를 돌려주세요.
  return ''
}

/**
 * Step 2. Mining: find a nonce that makes the block's hash start with `difficulty` zeros after
 * the '0x' (difficulty 2 → the hash starts with '0x00').
 * Try nonce = 0, 1, 2, … and return the first one that works (return the nonce, not the hash).
 *
 * 2단계. 채굴: 블록의 해시가 '0x' 바로 뒤에 0이 `difficulty`개 이어지게 만드는 넌스를 찾으세요
 * (difficulty가 2이면 해시가 '0x00'으로 시작해야 합니다).
 * nonce = 0, 1, 2, …를 차례로 시도해서 처음으로 조건을 만족한 넌스를 돌려주세요(해시가 아니라 넌스입니다).
 */
export function mine(block: Block, difficulty: number): number {
  // TODO: try nonces one after another; for each, hash { ...block, nonce } and check the zeros.
  // TODO: 넌스를 하나씩 바꿔 가며 { ...block, nonce }를 해시하고, 앞의 0이 충분한지 확인하세요.
  return 0
}

// Press "Run" to mine a block (the grader mines its own blocks).
// "실행"을 눌러 블록을 채굴해 보세요(채점기는 자기 블록을 채굴합니다).
const block: Block = { number: 1, previousHash: '0x' + '0'.repeat(64), data: 'Alice pays Bob 10', nonce: 0 }
const nonce = mine(block, 2)
console.log('nonce', nonce, 'hash', blockHash({ ...block, nonce }))
