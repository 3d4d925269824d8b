/**
 * The web edition's RPC relay: the page (which runs the simulator) connects a WebSocket to
 * `/rpc-relay` on the `playground web` server and asks it to expose a port; the server then opens
 * the runtime's JSON-RPC server on 127.0.0.1:port (its origin, Host, preflight and body-size
 * policy), forwards every request over the WebSocket to the page and returns the page's answer.
 *
 * Who may connect: only the page itself. The upgrade must name this machine in `Host` (the
 * server's port, loopback names: DNS rebinding) and carry the page's own origin (`Origin` equal
 * to `http://` + that Host): another site, a browser extension or a tool without an Origin cannot
 * turn the relay into a way in. One WebSocket exposes at most one port; closing the WebSocket
 * (the tab closed or reloaded) closes the port.
 *
 * @module
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData } from 'ws'
import { WebSocket, WebSocketServer } from 'ws'
import type { RpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import { startRpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import { checkRequestOrigin } from '../../../runtime/rpc/originPolicy.ts'
import { createRelayPending } from '../../shared/rpcRelay/relayPending.node.ts'
import type { RelayOutcome, RelayText, ServerToPage } from '../../shared/rpcRelay/relayProtocol.ts'
import { RELAY_MAX_MESSAGE_BYTES, RPC_RELAY_PATH, checkRelayPort, relayText } from '../../shared/rpcRelay/relayProtocol.ts'
import { pageToServerSchema } from '../../shared/rpcRelay/relaySchemas.ts'
import { createRelayService } from '../../shared/rpcRelay/relayService.ts'

export interface RpcRelayEndpointOptions {
  /** The web server's own port (known once it listens): Host and Origin must name it. */
  webPort: () => number
  /** Per relayed request. Default 30 s. */
  timeoutMs?: number
  /** Opens the JSON-RPC server (tests replace it). Default: the runtime's `startRpcServer`. */
  startServer?: typeof startRpcServer
  /** Diagnostic lines (refusals). Default: silent. */
  log?: (line: string) => void
}

export interface RpcRelayEndpoint {
  /** The web server's `upgrade` listener: serves {@link RPC_RELAY_PATH}, answers 403/404 otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every page connection and every exposed port. */
  close(): Promise<void>
}

/**
 * @example
 * const relay = createRpcRelayEndpoint({ webPort: () => port })
 * server.on('upgrade', (req, socket, head) => relay.handleUpgrade(req, socket, head))
 */
export function createRpcRelayEndpoint(options: RpcRelayEndpointOptions): RpcRelayEndpoint {
  const { webPort, timeoutMs, startServer = startRpcServer, log = () => {} } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: RELAY_MAX_MESSAGE_BYTES, perMessageDeflate: false })
  wss.on('error', (error) => log(`rpc relay: ${describe(error)}`))
  const closers = new Set<() => Promise<void>>()

  const refuse = (socket: Duplex, status: string, reason: string) => {
    log(`rpc relay: refused upgrade: ${reason}`)
    const body = `${reason}\n`
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }

  function serve(ws: WebSocket): void {
    let server: RpcServer | undefined
    let exposing = false
    let closed = false
    const pending = createRelayPending({
      send: (request) => {
        if (ws.readyState !== WebSocket.OPEN) throw new Error('the page is gone')
        ws.send(JSON.stringify({ type: 'request', ...request } satisfies ServerToPage))
      },
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    })
    const tell = (message: ServerToPage) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message))
    }
    const refuseExpose = (error: RelayText) => tell({ type: 'refused', error })
    const shutDown = async () => {
      closed = true
      pending.failAll()
      const open = server
      server = undefined
      if (open === undefined) return
      // Let the failed requests' answers be written before the connections are dropped.
      await new Promise((resolve) => setImmediate(resolve))
      await open.close()
    }
    const closer = async () => {
      ws.terminate()
      await shutDown()
    }
    closers.add(closer)

    const expose = async (port: number) => {
      if (exposing || server !== undefined) return refuseExpose(relayText('rpc-relay.already-exposed'))
      const problem = checkRelayPort(port)
      if (problem !== undefined) return refuseExpose(problem)
      if (port === webPort()) return refuseExpose(relayText('rpc-relay.port-in-use', { port }))
      exposing = true
      try {
        const opened = await startServer({ service: createRelayService({ forward: pending.forward }), port, host: '127.0.0.1', log })
        if (closed) {
          await opened.close() // the page left while the port was opening
          return
        }
        server = opened
        tell({ type: 'exposed', url: opened.url, port: opened.port })
      } catch (error) {
        const cause = (error as { cause?: { code?: unknown } }).cause
        refuseExpose(
          cause?.code === 'EADDRINUSE'
            ? relayText('rpc-relay.port-in-use', { port })
            : relayText('rpc-relay.listen-failed', { port, details: describe(cause ?? error) }),
        )
      } finally {
        exposing = false
      }
    }

    ws.on('message', (data: RawData) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(rawToString(data))
      } catch {
        log('rpc relay: the page sent something that is not JSON; ignored')
        return
      }
      const message = pageToServerSchema.safeParse(parsed)
      if (!message.success) {
        log(`rpc relay: malformed page message ignored: ${message.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
        return
      }
      if (message.data.type === 'expose') void expose(message.data.port)
      else if (message.data.type === 'close') void shutDown().then(() => ws.close(1000, 'closed'))
      else if (!pending.settle({ id: message.data.id, ...(message.data.outcome as RelayOutcome) })) {
        log(`rpc relay: reply ${message.data.id} matches no waiting request (late after a timeout?)`)
      }
    })
    ws.on('error', (error) => log(`rpc relay: ${describe(error)}`))
    ws.on('close', () => {
      closers.delete(closer)
      void shutDown()
    })
  }

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', (error) => log(`rpc relay: socket: ${describe(error)}`))
      try {
        const path = (req.url ?? '/').split('?')[0]
        if (path !== RPC_RELAY_PATH) return refuse(socket, '404 Not Found', 'Not Found')
        const port = webPort()
        const host = req.headers.host
        const hostCheck = checkRequestOrigin({ host, port })
        if (host === undefined || !hostCheck.ok) return refuse(socket, '403 Forbidden', `Forbidden: ${hostCheck.ok ? 'no Host header' : hostCheck.reason}`)
        // The page's own origin, and nothing else: same scheme, name and port as this server.
        const origin = req.headers.origin
        if (origin === undefined || origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
          return refuse(socket, '403 Forbidden', `Forbidden: only the web edition's own page (http://${host}) may use the RPC relay, not ${origin === undefined ? 'a client without an Origin' : JSON.stringify(origin)}.`)
        }
        wss.handleUpgrade(req, socket, head, serve)
      } catch (error) {
        log(`rpc relay: upgrade failed: ${describe(error)}`)
        socket.destroy()
      }
    },
    async close() {
      const all = [...closers]
      closers.clear()
      await Promise.all(all.map((close) => close()))
      wss.close()
    },
  }
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data).toString('utf8')
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
