// Lesson 1: hash functions and the avalanche effect.
// 1강: 해시 함수와 눈사태 효과
//
// sha256(text) and keccak256(text) come from the playground: each takes a text and returns its
// hash as a hex string: '0x' followed by 64 hex digits (0-9, a-f), for example
// sha256(text)와 keccak256(text)는 playground가 제공합니다. 둘 다 텍스트를 받아 그 해시를
// 16진수 문자열로 돌려줍니다. '0x' 뒤에 16진수(0-9, a-f) 64자리가 이어지는 모양입니다. 예:
//   sha256('hello') === '0x2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
import { keccak256, sha256 } from 'playground'

/**
 * The two hashes of one text.
 * 텍스트 하나를 두 가지 함수로 해시한 결과입니다.
 */
export interface BothHashes {
  sha256: string
  keccak256: string
}

/**
 * Step 1. Hash `text` with SHA-256 (used by Bitcoin) and with Keccak-256 (used by Ethereum).
 * 1단계. `text`를 SHA-256(비트코인이 쓰는 해시)과 Keccak-256(이더리움이 쓰는 해시)으로 각각 해시하세요.
 */
export function hashBoth(text: string): BothHashes {
  // TODO: call sha256(text) and keccak256(text) and return both results.
  // TODO: sha256(text)와 keccak256(text)를 불러서 두 결과를 함께 돌려주세요.
  return { sha256: '', keccak256: '' }
}

/**
 * Step 2. Count the positions where two hashes have a different hex digit.
 * Both hashes look like '0x' + 64 hex digits: skip the '0x' and compare the 64 digits one by one.
 * Example: '0xab12' and '0xab02' differ in 1 position.
 *
 * 2단계. 두 해시에서 16진수 숫자가 서로 다른 자리가 몇 개인지 세세요.
 * 두 해시는 모두 '0x' + 16진수 64자리 모양입니다. '0x'는 건너뛰고 64자리를 한 자리씩 비교하세요.
 * 예: '0xab12'와 '0xab02'는 1자리가 다릅니다.
 */
export function countDifferentDigits(hashA: string, hashB: string): number {
  // TODO: compare hashA[i] with hashB[i] for every digit after '0x' and count the differences.
  // TODO: '0x' 다음의 모든 자리 i에서 hashA[i]와 hashB[i]를 비교하고, 다른 자리의 수를 세세요.
  return 0
}

/**
 * Step 3. The avalanche effect: hash both texts with both functions and count how many hex
 * digits of the hashes differ.
 * 3단계. 눈사태 효과: 두 텍스트를 두 함수로 각각 해시한 다음, 해시의 16진수 자리 중
 * 몇 자리가 다른지 세세요.
 */
export function avalanche(textA: string, textB: string): { sha256: number; keccak256: number } {
  // TODO: use hashBoth and countDifferentDigits.
  // TODO: hashBoth와 countDifferentDigits를 쓰세요.
  return { sha256: 0, keccak256: 0 }
}

// Press "Run" to see your functions at work (the grader calls them with its own texts).
// "실행"을 눌러 함수가 어떻게 동작하는지 보세요(채점기는 자기 텍스트로 함수를 부릅니다).
console.log('hello →', hashBoth('hello'))
console.log('hello vs Hello →', avalanche('hello', 'Hello'))
