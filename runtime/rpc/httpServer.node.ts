/**
 * The node's JSON-RPC 2.0 server: HTTP POST and WebSocket on one loopback port, the way wallets
 * (MetaMask), viem, ethers, Hardhat scripts and Remix reach a dev chain.
 *
 * The transport only moves text: the method table behind `JsonRpcService` does the work. What the
 * transport owns is the edge policy of DESIGN.md § Security (loopback bind, origin and Host checks,
 * CORS preflight, body and batch caps) and robustness: any input, however bad, becomes a response,
 * never a crash.
 *
 * This is the throughput benchmark's path (viem sending transactions one by one), so a request
 * costs one header check, one `JSON.parse`, one `JSON.stringify` and one `writeHead`/`end`.
 *
 * @module
 */
import { createServer } from 'node:http'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { BaseError } from '../errors/base.ts'
import type { JsonRpcId, JsonRpcService, JsonRpcSession } from './jsonRpcTypes.ts'
import { checkRequestOrigin } from './originPolicy.ts'
import { RPC_INTERNAL_ERROR, RPC_INVALID_REQUEST, RPC_PARSE_ERROR } from './rpcError.ts'

/** The loopback addresses the server may bind: never a public interface (DESIGN.md § Security). */
export type RpcServerHost = '127.0.0.1' | '::1'

export interface StartRpcServerParameters {
  /** The method table; HTTP shares one session, each WebSocket opens its own. */
  service: JsonRpcService
  /** TCP port; `0` picks a free one (the real port is in the result). Default 8545, like geth and Hardhat. */
  port?: number | undefined
  /** Loopback address to bind. Default `127.0.0.1`. */
  host?: RpcServerHost | undefined
  /** Largest HTTP body or WebSocket message, in bytes. Default 5 MiB (geth's limit). */
  maxBodyBytes?: number | undefined
  /** Most requests in one batch. Default 1000 (geth's limit). */
  maxBatch?: number | undefined
  /**
   * Serves other paths too (e.g. `/node/7` for node 7 of a simulated network): the service for a
   * request path (without the query), or undefined for 404. `/` always serves `service`.
   */
  route?: ((path: string) => JsonRpcService | undefined) | undefined
  /** Receives diagnostic lines (refused requests, internal errors). Default: silent. */
  log?: ((line: string) => void) | undefined
}

export interface RpcServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** `ws://127.0.0.1:<port>` */
  wsUrl: string
  /** The port actually bound (useful with `port: 0`). */
  port: number
  /** Drops every connection and WebSocket session, stops listening, closes the HTTP session. */
  close(): Promise<void>
}

/**
 * Idle keep-alive sockets stay open this long. Node's default (5 s) is shorter than many clients'
 * pools, so a client would sometimes reuse a socket the server is closing and see ECONNRESET;
 * reconnecting also costs throughput on the benchmark path.
 */
const KEEP_ALIVE_TIMEOUT_MS = 60_000
/** A WebSocket whose client stops reading is dropped once this much output is queued for it. */
const WS_MAX_BUFFERED_BYTES = 64 * 1024 * 1024
const DEFAULT_ALLOW_HEADERS = 'Content-Type, Accept, Authorization, X-Requested-With'
/** A comma-separated list of header names, echoed in a preflight answer. */
const HEADER_LIST_PATTERN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/
const GET_HINT =
  'Blockchain Playground JSON-RPC endpoint.\nSend JSON-RPC 2.0 requests with POST (Content-Type: application/json), or connect a WebSocket to this address.\n'

/**
 * Starts the JSON-RPC server on a loopback port.
 *
 * @example
 * const server = await startRpcServer({ service, port: 8545 })
 * // viem: createPublicClient({ transport: http(server.url) }); webSocket(server.wsUrl)
 * await server.close()
 */
export async function startRpcServer(parameters: StartRpcServerParameters): Promise<RpcServer> {
  const {
    service,
    port = 8545,
    host = '127.0.0.1',
    maxBodyBytes = 5 * 1024 * 1024,
    maxBatch = 1000,
    log = () => {},
    route,
  } = parameters
  // JS callers are not held to the type: re-check, since binding 0.0.0.0 would expose unlocked accounts.
  if (host !== '127.0.0.1' && host !== '::1') {
    throw new BaseError(`The JSON-RPC server binds only to loopback (127.0.0.1 or ::1), not "${String(host)}".`, {
      code: 'rpc.server.host',
    })
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BaseError(`Invalid JSON-RPC port ${String(port)}: expected an integer from 0 to 65535.`, {
      code: 'rpc.server.port',
    })
  }
  for (const [name, value] of [['maxBodyBytes', maxBodyBytes], ['maxBatch', maxBatch]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new BaseError(`Invalid JSON-RPC server option ${name}: expected a positive integer, got ${String(value)}.`, {
        code: 'rpc.server.options',
      })
    }
  }

  // HTTP cannot carry pushes: its shared sessions say so, and eth_subscribe answers clearly.
  const httpSession = service.openSession({ canPush: false })
  const routedSessions = new Map<JsonRpcService, JsonRpcSession>([[service, httpSession]])
  const serviceFor = (url: string | undefined): JsonRpcService | undefined => {
    const path = (url ?? '/').split('?')[0]!
    if (path === '/' || path === '') return service
    return route?.(path.replace(/\/+$/, ''))
  }
  const httpSessionFor = (target: JsonRpcService): JsonRpcSession => {
    let session = routedSessions.get(target)
    if (session === undefined) routedSessions.set(target, (session = target.openSession({ canPush: false })))
    return session
  }
  let boundPort = port
  const answerText = (session: JsonRpcSession, text: string) => answer(session, text, maxBatch, log)

  const server = createServer({ noDelay: true }, (req, res) => {
    try {
      onRequest(req, res)
    } catch (error) {
      // A bug in this file must not take the node down with it.
      log(`rpc http: ${describe(error)}`)
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorText(RPC_INTERNAL_ERROR, 'Internal error.'), undefined)
      else res.destroy()
    }
  })
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  // Must exceed keepAliveTimeout, or an idle socket's next request can hit the headers timer.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const policy = checkRequestOrigin({ origin: req.headers.origin, host: req.headers.host, port: boundPort })
    if (!policy.ok) {
      log(`rpc http: refused ${req.method ?? '?'} ${req.url ?? ''}: ${policy.reason}`)
      sendJson(res, 403, errorText(RPC_INVALID_REQUEST, `Forbidden: ${policy.reason}`), undefined)
      return
    }
    const allowOrigin = policy.allowOrigin
    switch (req.method) {
      case 'POST': {
        const target = serviceFor(req.url)
        if (target === undefined) {
          sendJson(res, 404, errorText(RPC_INVALID_REQUEST, `Not found: no JSON-RPC endpoint at ${req.url ?? ''}.`), allowOrigin)
          return
        }
        readBody(req, res, allowOrigin, httpSessionFor(target))
        return
      }
      case 'OPTIONS':
        answerPreflight(req, res, allowOrigin)
        return
      case 'GET':
      case 'HEAD':
        if (req.url === '/' || req.url === '') {
          const headers: OutgoingHttpHeaders = {
            'content-type': 'text/plain; charset=utf-8',
            'content-length': Buffer.byteLength(GET_HINT),
          }
          addCors(headers, allowOrigin)
          res.writeHead(200, headers)
          res.end(GET_HINT)
          return
        }
        break
    }
    const notAllowed = `Method ${req.method ?? '?'} not allowed: send JSON-RPC with POST.`
    sendJson(res, 405, errorText(RPC_INVALID_REQUEST, notAllowed), allowOrigin, { allow: 'POST, OPTIONS' })
  }

  function readBody(req: IncomingMessage, res: ServerResponse, allowOrigin: string | undefined, session: JsonRpcSession): void {
    const tooLarge = () =>
      sendJson(
        res,
        413,
        errorText(RPC_INVALID_REQUEST, `Invalid request: body exceeds the limit of ${maxBodyBytes} bytes.`),
        allowOrigin,
        // Closing is how we stop reading the rest: Node ends the socket once the 413 is written.
        { connection: 'close' },
      )
    const declared = req.headers['content-length']
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      tooLarge()
      return
    }
    let chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        // Chunked bodies declare no length: stop keeping data as soon as the cap is crossed, and
        // let whatever the client still sends drain into nothing until the socket closes.
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
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8')
      chunks = []
      answerText(session, text).then(
        (body) => {
          if (body !== undefined) {
            sendJson(res, 200, body, allowOrigin)
            return
          }
          // Only notifications: JSON-RPC over HTTP answers "nothing" with 204 No Content.
          if (res.destroyed || res.headersSent) return
          const headers: OutgoingHttpHeaders = {}
          addCors(headers, allowOrigin)
          res.writeHead(204, headers)
          res.end()
        },
        (error: unknown) => {
          log(`rpc http: ${describe(error)}`)
          sendJson(res, 500, errorText(RPC_INTERNAL_ERROR, 'Internal error.'), allowOrigin)
        },
      )
    }
    req.on('data', onData)
    req.on('end', onEnd)
    // A client that disconnects mid-body: nothing to answer, and no listener would mean no crash
    // either, but say so in the log.
    req.on('error', (error) => log(`rpc http: request aborted: ${describe(error)}`))
  }

  function answerPreflight(req: IncomingMessage, res: ServerResponse, allowOrigin: string | undefined): void {
    const requested = req.headers['access-control-request-headers']
    const headers: OutgoingHttpHeaders = {
      'access-control-allow-methods': 'POST, OPTIONS',
      // The origin already passed the policy, so whatever headers it wants to send are fine; an
      // unparsable list gets the usual ones.
      'access-control-allow-headers':
        requested !== undefined && requested.length <= 1000 && HEADER_LIST_PATTERN.test(requested)
          ? requested
          : DEFAULT_ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
      'content-length': 0,
    }
    if (allowOrigin !== undefined) headers['access-control-allow-origin'] = allowOrigin
    // Chrome's Private Network Access asks before a page may reach a loopback address.
    if (req.headers['access-control-request-private-network'] === 'true') {
      headers['access-control-allow-private-network'] = 'true'
    }
    res.writeHead(204, headers)
    res.end()
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxBodyBytes, perMessageDeflate: false })
  wss.on('error', (error) => log(`rpc ws: ${describe(error)}`))

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log(`rpc ws: socket: ${describe(error)}`))
    try {
      const policy = checkRequestOrigin({ origin: req.headers.origin, host: req.headers.host, port: boundPort })
      if (!policy.ok) {
        log(`rpc ws: refused upgrade: ${policy.reason}`)
        const body = errorText(RPC_INVALID_REQUEST, `Forbidden: ${policy.reason}`)
        socket.end(
          `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        )
        return
      }
      const target = serviceFor(req.url)
      if (target === undefined) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        return
      }
      // handleUpgrade itself answers 400 to a malformed handshake.
      wss.handleUpgrade(req, socket, head, (ws) => serveWebSocket(ws, target))
    } catch (error) {
      log(`rpc ws: upgrade failed: ${describe(error)}`)
      socket.destroy()
    }
  })

  function serveWebSocket(ws: WebSocket, target: JsonRpcService): void {
    let session: JsonRpcSession
    try {
      session = target.openSession({ canPush: true })
    } catch (error) {
      log(`rpc ws: openSession failed: ${describe(error)}`)
      ws.close(1011, 'internal error')
      return
    }
    const send = (text: string) => {
      if (ws.readyState !== WebSocket.OPEN) return
      if (ws.bufferedAmount > WS_MAX_BUFFERED_BYTES) {
        log('rpc ws: client is not reading; dropping the connection')
        ws.terminate()
        return
      }
      ws.send(text)
    }
    session.onNotification((notification) => {
      try {
        send(JSON.stringify(notification))
      } catch (error) {
        log(`rpc ws: notification not sent: ${describe(error)}`)
      }
    })
    ws.on('message', (data) => {
      answerText(session, rawDataToString(data)).then(
        (reply) => {
          if (reply !== undefined) send(reply)
        },
        (error: unknown) => log(`rpc ws: ${describe(error)}`),
      )
    })
    // ws closes with 1009 by itself when a message exceeds maxPayload and reports it here.
    ws.on('error', (error) => log(`rpc ws: ${describe(error)}`))
    ws.on('close', () => {
      try {
        session.close()
      } catch (error) {
        log(`rpc ws: session.close failed: ${describe(error)}`)
      }
    })
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    httpSession.close()
    throw new BaseError(`The JSON-RPC server could not listen on ${host}:${port}.`, {
      code: 'rpc.server.listen',
      details: describe(error),
      cause: error,
    })
  }
  server.on('error', (error) => log(`rpc http: ${describe(error)}`))
  boundPort = (server.address() as AddressInfo).port
  const authority = host === '::1' ? `[::1]:${boundPort}` : `${host}:${boundPort}`

  let closing: Promise<void> | undefined
  return {
    url: `http://${authority}`,
    wsUrl: `ws://${authority}`,
    port: boundPort,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Upgraded sockets are no longer the HTTP server's: end them here (their 'close' closes the session).
        for (const ws of wss.clients) ws.terminate()
        wss.close()
        server.close(() => resolve())
        server.closeAllConnections()
        for (const session of routedSessions.values()) {
          try {
            session.close()
          } catch (error) {
            log(`rpc http: session.close failed: ${describe(error)}`)
          }
        }
      })
      return closing
    },
  }
}

/**
 * Parses one HTTP body or WebSocket message, applies the transport's checks and asks the session.
 * Returns the JSON text to send back, or `undefined` when there is nothing to send.
 *
 * @internal
 */
async function answer(
  session: JsonRpcSession,
  text: string,
  maxBatch: number,
  log: (line: string) => void,
): Promise<string | undefined> {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch {
    return errorText(RPC_PARSE_ERROR, 'Parse error: the request is not valid JSON.')
  }
  if (Array.isArray(message)) {
    if (message.length === 0) return errorText(RPC_INVALID_REQUEST, 'Invalid request: empty batch.')
    if (message.length > maxBatch) {
      return errorText(
        RPC_INVALID_REQUEST,
        `Invalid request: batch of ${message.length} requests exceeds the limit of ${maxBatch}.`,
      )
    }
  } else if (message === null || typeof message !== 'object') {
    return errorText(RPC_INVALID_REQUEST, 'Invalid request: expected a JSON-RPC request object or a batch array.')
  }
  let response: unknown
  try {
    response = await session.handle(message)
  } catch (error) {
    // The session promises not to throw; if it does anyway, the client still gets an answer.
    log(`rpc: session.handle threw: ${describe(error)}`)
    return errorText(RPC_INTERNAL_ERROR, 'Internal error.', idOf(message))
  }
  if (response === undefined) return undefined
  try {
    return JSON.stringify(response)
  } catch (error) {
    log(`rpc: response not serialisable: ${describe(error)}`)
    return errorText(RPC_INTERNAL_ERROR, 'Internal error: the response could not be serialised.', idOf(message))
  }
}

/** @internal The id to answer a failed single request with (null for batches and bad ids). */
function idOf(message: unknown): JsonRpcId {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return null
  const id = (message as { id?: unknown }).id
  return typeof id === 'string' || typeof id === 'number' ? id : null
}

/** @internal A JSON-RPC error response as text. */
function errorText(code: number, message: string, id: JsonRpcId = null): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })
}

/** @internal */
function addCors(headers: OutgoingHttpHeaders, allowOrigin: string | undefined): void {
  if (allowOrigin === undefined) return
  headers['access-control-allow-origin'] = allowOrigin
  headers.vary = 'Origin'
}

/** @internal Writes a complete JSON response unless the client is already gone. */
function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  allowOrigin: string | undefined,
  extra: OutgoingHttpHeaders = {},
): void {
  if (res.destroyed || res.headersSent) return
  const headers: OutgoingHttpHeaders = {
    ...extra,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  }
  addCors(headers, allowOrigin)
  res.writeHead(status, headers)
  res.end(body)
}

/** @internal */
function rawDataToString(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data).toString('utf8')
}

/** @internal */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
