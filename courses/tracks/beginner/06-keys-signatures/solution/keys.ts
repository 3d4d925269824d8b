// Lesson 6: keys, signatures and addresses (reference answer).
//
// A private key is a secret 32-byte number ('0x' + 64 hex digits). From it come the public key
// and the address that everyone may see. viem does the cryptography:
//   privateKeyToAccount(key)                     → an account: account.address, account.signMessage(…)
//   verifyMessage({ address, message, signature }) → true / false (async)
//   recoverMessageAddress({ message, signature })  → the address that signed (async)
import type { Hex } from 'viem'
import { verifyMessage } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

/** Step 1. The address that belongs to `privateKey`. */
export function addressOf(privateKey: Hex): string {
  return privateKeyToAccount(privateKey).address
}

/** Step 2. Sign `message` with `privateKey` (an Ethereum "personal message" signature). */
export async function sign(privateKey: Hex, message: string): Promise<Hex> {
  const account = privateKeyToAccount(privateKey)
  return account.signMessage({ message })
}

/**
 * Step 3. Is `signature` really `address`'s signature of exactly this `message`?
 * Return false for anything else, including a signature that is not even well-formed
 * (never throw: a verifier answers "no").
 */
export async function isGenuine(message: string, signature: Hex, address: string): Promise<boolean> {
  try {
    return await verifyMessage({ address: address as Hex, message, signature })
  } catch {
    return false // not even a well-formed signature (or address)
  }
}

// Press "Run": it calls main below: a new key pair, a signature, and two checks. (The grader calls
// your three functions directly, so this example does not run while grading.)
export default async function main(): Promise<void> {
  const key = generatePrivateKey()
  const me = addressOf(key)
  const signature = await sign(key, 'I agree')
  console.log('address', me, 'signature', signature)
  console.log('genuine?', await isGenuine('I agree', signature, me))
  console.log('changed message?', await isGenuine('I agree to pay 1000', signature, me))
}
