// Lesson 6, another correct answer: the signer recovered from the signature and compared with
// isAddressEqual, a signature checked for shape first, and the account's own sign function
// given the EIP-191 hash of the message (the same signature signMessage makes).
import type { Hex } from 'viem'
import { hashMessage, isAddressEqual, isHex, recoverMessageAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

export function addressOf(privateKey: Hex): string {
  const { address } = privateKeyToAccount(privateKey)
  return address
}

export async function sign(privateKey: Hex, message: string): Promise<Hex> {
  return privateKeyToAccount(privateKey).sign({ hash: hashMessage(message) })
}

export async function isGenuine(message: string, signature: Hex, address: string): Promise<boolean> {
  if (!isHex(signature) || signature.length !== 132) return false // 65 bytes: r, s, v
  try {
    const signer = await recoverMessageAddress({ message, signature })
    return isAddressEqual(signer, address as Hex)
  } catch {
    return false
  }
}
