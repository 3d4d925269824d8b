// Lesson 6, another correct answer: verification by a public client on the lesson's chain
// (client.verifyMessage), the address returned in lowercase, and the message signed as raw bytes.
import { createPublicClient, custom, toHex, type Chain, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { chain, devnet } from 'playground'
const client = createPublicClient({ chain: devnet as Chain, transport: custom(chain) })
export async function addressOf(pk: Hex) { return privateKeyToAccount(pk).address.toLowerCase() }
export async function sign(pk: Hex, message: string) {
  return privateKeyToAccount(pk).signMessage({ message: { raw: toHex(message) } })
}
export async function isGenuine(message: string, signature: Hex, address: string) {
  try { return await client.verifyMessage({ address: address as Hex, message, signature }) }
  catch { return false }
}
