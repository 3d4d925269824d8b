// Lesson 6, a plausible mistake: the EIP-191 hash built by hand with the message's length in
// characters (message.length) instead of UTF-8 bytes: English works, Korean does not.
import { keccak256, recoverAddress, stringToHex, isAddressEqual, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
export const addressOf = (k: Hex) => privateKeyToAccount(k).address
export const sign = (k: Hex, m: string) => privateKeyToAccount(k).signMessage({ message: m })
export async function isGenuine(message: string, signature: Hex, address: string) {
  try {
    const hash = keccak256(stringToHex('\x19Ethereum Signed Message:\n' + message.length + message))
    return isAddressEqual(await recoverAddress({ hash, signature }), address as Hex)
  } catch { return false }
}
