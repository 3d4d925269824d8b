/**
 * EIP-1193, the provider interface wallets inject as `window.ethereum` and that viem
 * (`custom(provider)`) and ethers (`BrowserProvider`) wrap: `request`, events, and the error a
 * request rejects with. The in-process provider and the message-port provider implement it.
 *
 * @module
 */

/** The argument of `provider.request` (EIP-1193). */
export interface Eip1193RequestArguments {
  method: string
  params?: readonly unknown[] | Record<string, unknown> | undefined
}

/** The payload of the EIP-1193 `message` event. */
export interface Eip1193ProviderMessage {
  type: string
  data: unknown
}

/** An `eth_subscribe` push as an EIP-1193 `message` event. */
export interface Eip1193SubscriptionMessage extends Eip1193ProviderMessage {
  type: 'eth_subscription'
  data: { subscription: string; result: unknown }
}

/** The events of EIP-1193 and their listener signatures. */
export interface Eip1193EventMap {
  message(message: Eip1193ProviderMessage): void
  connect(info: { chainId: string }): void
  disconnect(error: ProviderRpcError): void
  chainChanged(chainId: string): void
  accountsChanged(accounts: string[]): void
}

/**
 * An EIP-1193 provider: what wallets inject as `window.ethereum` and what viem and ethers wrap.
 * The port provider and the in-process provider both implement it.
 */
export interface Eip1193Provider {
  request(args: Eip1193RequestArguments): Promise<unknown>
  on<event extends keyof Eip1193EventMap>(event: event, listener: Eip1193EventMap[event]): void
  removeListener<event extends keyof Eip1193EventMap>(event: event, listener: Eip1193EventMap[event]): void
}

/** Provider-side code for "the provider is disconnected" (EIP-1193). */
export const PROVIDER_DISCONNECTED = 4900

/**
 * The error an EIP-1193 provider rejects with: the JSON-RPC error's numeric `code`, `message` and
 * `data` (e.g. revert bytes for code 3), which is what viem and ethers read to classify it.
 *
 * A plain `Error`, not a `BaseError`: EIP-1193 fixes `code` as a number, while `BaseError.code` is
 * the project's string id.
 *
 * @example
 * await provider.request({ method: 'eth_call', params: [tx] }).catch((e: ProviderRpcError) => e.code) // 3
 */
export class ProviderRpcError extends Error {
  override name = 'ProviderRpcError'
  readonly code: number
  readonly data: unknown

  constructor(code: number, message: string, options: { data?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.data = options.data
  }
}

