/**
 * Electron main's JSON-RPC server for the RPC relay: HTTP POST on 127.0.0.1 with the edge policy
 * of DESIGN.md § Security — loopback only, Host checked against DNS rebinding, no Origin / local
 * pages / browser extensions allowed and other web origins refused (the runtime's
 * `checkRequestOrigin`, through app/shared), CORS preflight answered (with Chrome's Private
 * Network Access), body and batch capped. Any input becomes a JSON-RPC response, never a crash.
 *
 * Why not the runtime's `startRpcServer`: main may not import runtime/ (ARCHITECTURE.md), and the
 * relay needs only HTTP (subscriptions are not relayed), so this is the HTTP half of that server,
 * with the same limits, status codes and headers.
 *
 * @module
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkRequestOrigin } from '../../shared/rpcRelay/relayEdgePolicy.ts'
import type { JsonRpcId, JsonRpcService } from '../../shared/rpcRelay/relayService.ts'
import { RPC_INTERNAL_ERROR, RPC_INVALID_REQUEST, RPC_PARSE_ERROR } from '../../shared/rpcRelay/relayService.ts'

export interface StartRelayHttpServerOptions {
  service: JsonRpcService
  /** 0 picks a free port (tests). */
  port: number
  /** Largest body, in bytes. Default 5 MiB (geth's limit, as the runtime's server). */
  maxBodyBytes?: number
  /** Most requests in one batch. Default 1000. */
  maxBatch?: number
  log?: (line: string) => void
}

export interface RelayHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  /** Stops listening and drops every connection; resolves once the port is free. */
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const KEEP_ALIVE_TIMEOUT_MS = 60_000
const DEFAULT_ALLOW_HEADERS = 'Content-Type, Accept, Authorization, X-Requested-With'
const HEADER_LIST_PATTERN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/
const GET_HINT = 'Blockchain Playground JSON-RPC endpoint (relayed to the app).\nSend JSON-RPC 2.0 requests with POST (Content-Type: application/json).\n'

/**
 * Listens on 127.0.0.1:`port`; rejects with the listen error (its `code`, e.g. `EADDRINUSE`).
 *
 * @example
 * const server = await startRelayHttpServer({ service: createRelayService({ forward }), port: 8545 })
 * // viem: createPublicClient({ transport: http(server.url) })
 */
export async function startRelayHttpServer(options: StartRelayHttpServerOptions): Promise<RelayHttpServer> {
  const { service, maxBodyBytes = 5 * 1024 * 1024, maxBatch = 1000, log = () => {} } = options
  const session = service.openSession({ canPush: false })
  let boundPort = options.port

  const server = createServer({ noDelay: true }, (req, res) => {
    try {
      onRequest(req, res)
    } catch (error) {
      log(`rpc relay http: ${describe(error)}`)
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorText(RPC_INTERNAL_ERROR, 'Internal error.'), undefined)
      else res.destroy()
    }
  })
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000
  // No WebSocket on the relay: an upgrade is answered, not left hanging.
  server.on('upgrade', (_req, socket) => {
    socket.end('HTTP/1.1 501 Not Implemented\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const policy = checkRequestOrigin({ origin: req.headers.origin, host: req.headers.host, port: boundPort })
    if (!policy.ok) {
      log(`rpc relay http: refused ${req.method ?? '?'} ${req.url ?? ''}: ${policy.reason}`)
      sendJson(res, 403, errorText(RPC_INVALID_REQUEST, `Forbidden: ${policy.reason}`), undefined)
      return
    }
    const allowOrigin = policy.allowOrigin
    const path = (req.url ?? '/').split('?')[0]
    if (req.method === 'OPTIONS') return answerPreflight(req, res, allowOrigin)
    if (path !== '/' && path !== '') {
      sendJson(res, 404, errorText(RPC_INVALID_REQUEST, `Not found: no JSON-RPC endpoint at ${req.url ?? ''}.`), allowOrigin)
      return
    }
    if (req.method === 'POST') return readBody(req, res, allowOrigin)
    if (req.method === 'GET' || req.method === 'HEAD') {
      const headers: OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(GET_HINT) }
      addCors(headers, allowOrigin)
      res.writeHead(200, headers)
      res.end(req.method === 'HEAD' ? undefined : GET_HINT)
      return
    }
    sendJson(res, 405, errorText(RPC_INVALID_REQUEST, `Method ${req.method ?? '?'} not allowed: send JSON-RPC with POST.`), allowOrigin, { allow: 'POST, OPTIONS' })
  }

  function readBody(req: IncomingMessage, res: ServerResponse, allowOrigin: string | undefined): void {
    const tooLarge = () =>
      sendJson(res, 413, errorText(RPC_INVALID_REQUEST, `Invalid request: body exceeds the limit of ${maxBodyBytes} bytes.`), allowOrigin, { connection: 'close' })
    const declared = req.headers['content-length']
    if (declared !== undefined && Number(declared) > maxBodyBytes) return tooLarge()
    let chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        req.off('data', onData)
        req.off('end', onEnd)
        chunks = []
        req.resume()
        tooLarge()
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      const text = Buffer.concat(chunks, size).toString('utf8')
      chunks = []
      answer(text).then(
        (body) => {
          if (body !== undefined) return sendJson(res, 200, body, allowOrigin)
          if (res.destroyed || res.headersSent) return
          const headers: OutgoingHttpHeaders = {}
          addCors(headers, allowOrigin)
          res.writeHead(204, headers)
          res.end()
        },
        (error: unknown) => {
          log(`rpc relay http: ${describe(error)}`)
          sendJson(res, 500, errorText(RPC_INTERNAL_ERROR, 'Internal error.'), allowOrigin)
        },
      )
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', (error) => log(`rpc relay http: request aborted: ${describe(error)}`))
  }

  async function answer(text: string): Promise<string | undefined> {
    let message: unknown
    try {
      message = JSON.parse(text)
    } catch {
      return errorText(RPC_PARSE_ERROR, 'Parse error: the request is not valid JSON.')
    }
    if (Array.isArray(message)) {
      if (message.length === 0) return errorText(RPC_INVALID_REQUEST, 'Invalid request: empty batch.')
      if (message.length > maxBatch) return errorText(RPC_INVALID_REQUEST, `Invalid request: batch of ${message.length} requests exceeds the limit of ${maxBatch}.`)
    } else if (message === null || typeof message !== 'object') {
      return errorText(RPC_INVALID_REQUEST, 'Invalid request: expected a JSON-RPC request object or a batch array.')
    }
    const response = await session.handle(message)
    return response === undefined ? undefined : JSON.stringify(response)
  }

  function answerPreflight(req: IncomingMessage, res: ServerResponse, allowOrigin: string | undefined): void {
    const requested = req.headers['access-control-request-headers']
    const headers: OutgoingHttpHeaders = {
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': requested !== undefined && requested.length <= 1000 && HEADER_LIST_PATTERN.test(requested) ? requested : DEFAULT_ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
      'content-length': 0,
    }
    if (allowOrigin !== undefined) headers['access-control-allow-origin'] = allowOrigin
    // Chrome's Private Network Access asks before a page may reach a loopback address.
    if (req.headers['access-control-request-private-network'] === 'true') headers['access-control-allow-private-network'] = 'true'
    res.writeHead(204, headers)
    res.end()
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => log(`rpc relay http: ${describe(error)}`))
  boundPort = (server.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  return {
    url: `http://${HOST}:${boundPort}`,
    port: boundPort,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        session.close()
      })
      return closing
    },
  }
}

function errorText(code: number, message: string, id: JsonRpcId = null): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })
}

function addCors(headers: OutgoingHttpHeaders, allowOrigin: string | undefined): void {
  if (allowOrigin === undefined) return
  headers['access-control-allow-origin'] = allowOrigin
  headers.vary = 'Origin'
}

function sendJson(res: ServerResponse, status: number, body: string, allowOrigin: string | undefined, extra: OutgoingHttpHeaders = {}): void {
  if (res.destroyed || res.headersSent) return
  const headers: OutgoingHttpHeaders = { ...extra, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
  addCors(headers, allowOrigin)
  res.writeHead(status, headers)
  res.end(body)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
