// Lesson 3: the chain and tampering.
// 3강: 체인과 위변조
import { sha256 } from 'playground'

/**
 * A mined block as it is stored in the chain: its fields plus the hash it was mined to.
 * 체인에 저장된, 채굴을 마친 블록입니다. 블록의 필드에 채굴로 얻은 해시(hash)가 더해져 있습니다.
 */
export interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
  hash: string
}

/**
 * The block's text, exactly as in lesson 2 (given).
 * 블록의 텍스트로, 2강과 똑같습니다(미리 주어짐).
 */
export function blockText(block: Block): string {
  return `${block.number}|${block.previousHash}|${block.data}|${block.nonce}`
}

/**
 * SHA-256 of the block's text (given: you wrote it in lesson 2).
 * 블록 텍스트의 SHA-256 값입니다(미리 주어짐: 2강에서 직접 만든 함수입니다).
 */
export function blockHash(block: Block): string {
  return sha256(blockText(block))
}

/**
 * Step 1. Return the index of the first invalid block of `chain`, or -1 if every block is valid.
 * Block i is valid when all three rules hold:
 *   1. its stored `hash` is really blockHash(block)                 (nobody edited it after mining)
 *   2. its `hash` starts with `difficulty` zeros after '0x'          (it was really mined)
 *   3. for i > 0: its `previousHash` equals chain[i - 1].hash        (it is linked to the block before)
 *
 * 1단계. `chain`에서 처음으로 유효하지 않은 블록의 인덱스를 돌려주세요. 모든 블록이 유효하면 -1을 돌려줍니다.
 * 블록 i는 다음 세 규칙을 모두 지킬 때 유효합니다.
 *   1. 저장된 `hash`가 정말 blockHash(block)와 같다            (채굴한 뒤에 아무도 고치지 않았다)
 *   2. `hash`가 '0x' 바로 뒤에 0이 `difficulty`개 이어진다     (정말 채굴되었다)
 *   3. i > 0이면 `previousHash`가 chain[i - 1].hash와 같다     (바로 앞 블록과 이어져 있다)
 */
export function firstInvalidBlock(chain: Block[], difficulty: number): number {
  // TODO: go through the blocks in order; return i as soon as block i breaks a rule.
  // TODO: 블록을 순서대로 살피다가, 규칙을 어긴 블록 i를 만나면 바로 i를 돌려주세요.
  return -1
}

/**
 * Step 2. true when the whole chain is valid.
 * 2단계. 체인 전체가 유효하면 true를 돌려주세요.
 */
export function isValidChain(chain: Block[], difficulty: number): boolean {
  // TODO: use firstInvalidBlock.
  // TODO: firstInvalidBlock을 쓰세요.
  return true
}

// A small valid chain (difficulty 2) from a beef-traceability ledger. Press "Run", then change the
// data of block 1 (e.g. '002-9999') and run again: which block becomes invalid?
// 한우 이력 장부에서 가져온 작은 유효한 체인입니다(난이도 2). "실행"을 누른 다음, 블록 1의
// data를 바꾸고(예: '002-9999') 다시 실행해 보세요. 어느 블록이 유효하지 않게 되나요?
const example: Block[] = [
  { number: 0, previousHash: '0x0000000000000000000000000000000000000000000000000000000000000000', data: '제네시스: 한우 이력 장부를 시작합니다', nonce: 279, hash: '0x00ac516d4ef8a1f0f4acc43f3daf73adf66b62196092758085984feaa2b01906' },
  { number: 1, previousHash: '0x00ac516d4ef8a1f0f4acc43f3daf73adf66b62196092758085984feaa2b01906', data: '농장 A: 송아지 002-1234 출생', nonce: 35, hash: '0x006a44b691a0450098f99775c2f8d825e5faaa81cbd7122d1a35c17a811a0d6e' },
  { number: 2, previousHash: '0x006a44b691a0450098f99775c2f8d825e5faaa81cbd7122d1a35c17a811a0d6e', data: '도축장 B: 002-1234 도축 검사 합격, 등급 1++', nonce: 83, hash: '0x00080386d23f6a98a40bab24122b0ebfe6039b947700627e0dd1c6168607fafb' },
]
console.log('first invalid block:', firstInvalidBlock(example, 2), '| valid chain:', isValidChain(example, 2))
