/**
 * JSON-RPC 2.0 shapes shared by the method table, the EIP-1193 provider and the transports
 * (HTTP/WebSocket server, MessagePort). Plain JSON only, so every message is structured-cloneable.
 *
 * @module
 */

export type JsonRpcId = string | number | null

export interface JsonRpcRequest {
  jsonrpc: '2.0'
  id?: JsonRpcId
  method: string
  params?: unknown[] | Record<string, unknown>
}

export interface JsonRpcErrorObject {
  code: number
  message: string
  data?: unknown
}

export type JsonRpcResponse =
  | { jsonrpc: '2.0'; id: JsonRpcId; result: unknown }
  | { jsonrpc: '2.0'; id: JsonRpcId; error: JsonRpcErrorObject }

/** A server push (eth_subscription) on a session that subscribed. */
export interface JsonRpcNotification {
  jsonrpc: '2.0'
  method: 'eth_subscription'
  params: { subscription: string; result: unknown }
}

/**
 * One client's conversation with the method table. A WebSocket connection gets its own session
 * (its subscriptions end with it); HTTP requests share one (filters live until uninstalled or
 * idle, as in geth).
 */
export interface JsonRpcSession {
  /**
   * Handles one parsed message: a request object or a batch array. Returns the response (an array
   * for a batch), or `undefined` when nothing is to be sent (a notification or an all-notification
   * batch). Never throws: every failure becomes a JSON-RPC error object.
   */
  handle(message: unknown): Promise<JsonRpcResponse | JsonRpcResponse[] | undefined>
  /** Registers the receiver of this session's subscription pushes. */
  onNotification(listener: (notification: JsonRpcNotification) => void): void
  /** Ends the session: drops its subscriptions. */
  close(): void
}

export interface JsonRpcService {
  /**
   * `canPush: false` for transports that cannot deliver pushes (HTTP): eth_subscribe then fails
   * with a clear error instead of subscribing into the void.
   */
  openSession(options?: { canPush?: boolean }): JsonRpcSession
}
