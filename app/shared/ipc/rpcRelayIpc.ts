/**
 * The IPC half of the desktop app's RPC relay (`exposeRpc`): main serves JSON-RPC on
 * 127.0.0.1:port and sends each client request to the renderer, which answers it with the
 * simulator's provider.
 *
 * - renderer → main, `invoke` (validated like every channel: sender frame + zod): `rpcExpose`
 *   `{port}` → `{url, port}`; `rpcClose`; `rpcRespond` `{id, response}` for request `id`.
 * - main → renderer, `webContents.send` on {@link RPC_RELAY_REQUEST_CHANNEL}: one
 *   {@link RelayRequest} per client request. The renderer validates it with
 *   `parseRelayRequest` before answering.
 *
 * Registered in ipcContract.ts (channels, schemas, the bridge's `rpc` part).
 *
 * @module
 */
import { z } from 'zod'
import type { RelayOutcome, RelayRequest } from '../rpcRelay/relayProtocol.ts'
import { relayOutcomeSchema } from '../rpcRelay/relaySchemas.ts'

/** renderer → main channels (`ipcRenderer.invoke`). */
export const RPC_RELAY_IPC_CHANNELS = {
  rpcExpose: 'playground:rpc.expose',
  rpcClose: 'playground:rpc.close',
  rpcRespond: 'playground:rpc.respond',
} as const

/** main → renderer: each client request (`webContents.send`, payload a {@link RelayRequest}). */
export const RPC_RELAY_REQUEST_CHANNEL = 'playground:rpc.request'
export type RpcRelayRequestChannel = typeof RPC_RELAY_REQUEST_CHANNEL

/** The port's range is checked by main with a bilingual message (checkRelayPort); here only its type. */
const portSchema = z.number().int()

export const RPC_RELAY_IPC_SCHEMAS = {
  rpcExpose: {
    request: z.object({ port: portSchema }).strict(),
    response: z.object({ url: z.string(), port: z.number().int() }).strict(),
  },
  rpcClose: { request: z.undefined(), response: z.void() },
  rpcRespond: {
    request: z.object({ id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), response: relayOutcomeSchema }).strict(),
    response: z.void(),
  },
} as const

/** `window.playground.rpc`: the renderer's side of the desktop relay. */
export interface RpcRelayBridge {
  /** Opens JSON-RPC on 127.0.0.1:`port` (one exposure per app: a second call replaces the first). */
  expose(port: number): Promise<{ url: string; port: number }>
  /** Closes the exposed port (nothing happens when none is open). */
  close(): Promise<void>
  /** Receives each client request; returns the function that stops listening. */
  onRequest(listener: (request: unknown) => void): () => void
  /** Answers request `id` (a result, or a JSON-RPC error with code and data). */
  respond(id: number, response: RelayOutcome): Promise<void>
}

export type { RelayOutcome, RelayRequest }
