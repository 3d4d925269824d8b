/**
 * ethereumjs appends the whole transaction to its error messages ("… (tx type=2 hash=… nonce=…)");
 * keep the sentence people need.
 *
 * @module
 */

/**
 * @example
 * txErrorReason(new Error("nonce too low (tx type=2 hash=0x… …)")) // 'nonce too low'
 */
export function txErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\s*\(tx type=.*$/s, '').replace(/^Error:\s*/, '')
}
