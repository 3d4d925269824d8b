/**
 * The zod schemas of the relay's messages (relayProtocol.ts), checked where they arrive from the
 * less trusted side: Electron main (IPC from the renderer) and the web server (WebSocket from the
 * page). Not for the renderer: building zod object schemas probes `new Function`, which the
 * product CSP reports as a violation (the renderer uses `parseRelayRequest`).
 *
 * @module
 */
import { z } from 'zod'

const relayIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

/** One client request, as the app receives it. */
export const relayRequestSchema = z
  .object({
    id: relayIdSchema,
    method: z.string().min(1).max(256),
    params: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  })
  .strict()

/** A JSON-RPC error object as the app reports it (EIP-1193 errors carry `code` and `data`). */
export const relayErrorObjectSchema = z
  .object({ code: z.number().int(), message: z.string().max(64 * 1024), data: z.unknown().optional() })
  .strict()

/** What the app answers one request with: a result or a JSON-RPC error. */
export const relayOutcomeSchema = z.union([
  z.object({ error: relayErrorObjectSchema }).strict(),
  z
    .object({ result: z.unknown() })
    .strict()
    .refine((o) => 'result' in o, 'expected "result" or "error"'),
])

/** Page → web server over the WebSocket. */
export const pageToServerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('expose'), port: z.number() }).strict(),
  z.object({ type: z.literal('reply'), id: relayIdSchema, outcome: relayOutcomeSchema }).strict(),
  z.object({ type: z.literal('close') }).strict(),
])
