/**
 * The app's half of the relay: answers one relayed request by calling the provider (the simulator
 * inside the app), keeping a JSON-RPC error's `code`, `message` and `data` (EIP-1193 errors carry
 * them; a revert's `data` is the revert bytes viem and ethers decode). Used by the browser page
 * (WebSocket) and the Electron renderer (IPC) alike.
 *
 * @module
 */
import type { RelayOutcome, RelayRequest } from './relayProtocol.ts'

/** The EIP-1193 shape the relay needs (the renderer's `RequestProvider`). */
export interface RelayProvider {
  request(args: { method: string; params?: unknown }): Promise<unknown>
}

/**
 * @example
 * const outcome = await answerRelayRequest(provider, { id: 1, method: 'eth_chainId', params: [] })
 * // { result: '0x7a69' }
 */
export async function answerRelayRequest(provider: RelayProvider, request: RelayRequest): Promise<RelayOutcome> {
  try {
    const result = await provider.request(request.params === undefined ? { method: request.method } : { method: request.method, params: request.params })
    return { result: jsonSafe(result) ?? null }
  } catch (error) {
    return { error: toRelayError(error) }
  }
}

/**
 * A thrown value as a JSON-RPC error object: an integer `code` is kept (EIP-1193 and JSON-RPC
 * codes), anything else is -32603; `data` is kept when it is plain JSON.
 */
export function toRelayError(error: unknown): { code: number; message: string; data?: unknown } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; shortMessage?: unknown; data?: unknown }
  const code = typeof e.code === 'number' && Number.isInteger(e.code) ? e.code : -32603
  const raw = typeof e.shortMessage === 'string' ? e.shortMessage : typeof e.message === 'string' ? e.message : String(error)
  // Clients read the first line; a stack-like tail only fills their logs.
  const message = raw.split('\n')[0]!.slice(0, 4096) || 'internal error'
  const data = jsonSafe(e.data)
  return data === undefined ? { code, message } : { code, message, data }
}

/** `value` if it survives JSON (what every transport of the relay carries), else undefined. */
function jsonSafe(value: unknown): unknown {
  if (value === undefined) return undefined
  try {
    const text = JSON.stringify(value)
    return text === undefined ? undefined : (JSON.parse(text) as unknown)
  } catch {
    return undefined
  }
}
