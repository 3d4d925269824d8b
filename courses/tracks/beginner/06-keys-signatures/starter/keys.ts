// Lesson 6: keys, signatures and addresses.
// 6강: 키, 서명, 주소
//
// A private key is a secret 32-byte number ('0x' + 64 hex digits). From it come the public key
// and the address that everyone may see. viem does the cryptography:
// 개인키는 남에게 알려 주지 않는 32바이트 숫자입니다('0x' + 16진수 64자리). 개인키에서 누구나 볼 수
// 있는 공개키와 주소가 나옵니다. 암호 계산은 viem이 해 줍니다.
//   privateKeyToAccount(key)                     → an account: account.address, account.signMessage(…)
//   verifyMessage({ address, message, signature }) → true / false (async)
//   recoverMessageAddress({ message, signature })  → the address that signed (async)
//   privateKeyToAccount(key): 계정을 만듭니다. account.address, account.signMessage(…)를 쓸 수 있습니다
//   verifyMessage({ address, message, signature }): 맞는 서명이면 true, 아니면 false (async)
//   recoverMessageAddress({ message, signature }): 서명한 주소를 알아냅니다 (async)
import type { Hex } from 'viem'
import { verifyMessage } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

/**
 * Step 1. The address that belongs to `privateKey`.
 * 1단계. `privateKey`에 해당하는 주소를 돌려주세요.
 */
export function addressOf(privateKey: Hex): string {
  // TODO: privateKeyToAccount(privateKey).address
  // TODO: privateKeyToAccount(privateKey).address를 돌려주세요
  return ''
}

/**
 * Step 2. Sign `message` with `privateKey` (an Ethereum "personal message" signature).
 * 2단계. `privateKey`로 `message`에 서명하세요(이더리움의 "개인 메시지(personal message)" 서명).
 */
export async function sign(privateKey: Hex, message: string): Promise<Hex> {
  // TODO: make the account, then await account.signMessage({ message })
  // TODO: 계정을 만든 다음 await account.signMessage({ message })를 쓰세요
  return '0x'
}

/**
 * Step 3. Is `signature` really `address`'s signature of exactly this `message`?
 * Return false for anything else, including a signature that is not even well-formed
 * (never throw: a verifier answers "no").
 *
 * 3단계. `signature`가 정말 `address`가 바로 이 `message`에 한 서명인가요?
 * 그 밖의 경우에는 모두 false를 돌려주세요. 형식부터 잘못된 서명도 마찬가지입니다
 * (오류를 던지지 마세요. 검증하는 쪽은 "아니요"라고 답하면 됩니다).
 */
export async function isGenuine(message: string, signature: Hex, address: string): Promise<boolean> {
  // TODO: verifyMessage({ address: address as Hex, message, signature }), inside try { … } catch { return false }
  // TODO: verifyMessage({ address: address as Hex, message, signature })를 try { … } catch { return false } 안에서 부르세요
  return true
}

// Press "Run": it calls main below: a new key pair, a signature, and two checks. (The grader calls
// your three functions directly, so this example does not run while grading.)
// "실행"을 누르면 아래 main이 불립니다. 새 키 쌍을 만들고, 서명하고, 두 번 검증해 봅니다. (채점기는
// 세 함수를 직접 부르므로, 채점할 때는 이 예시가 실행되지 않습니다.)
export default async function main(): Promise<void> {
  const key = generatePrivateKey()
  const me = addressOf(key)
  const signature = await sign(key, 'I agree')
  console.log('address', me, 'signature', signature)
  console.log('genuine?', await isGenuine('I agree', signature, me))
  console.log('changed message?', await isGenuine('I agree to pay 1000', signature, me))
}
