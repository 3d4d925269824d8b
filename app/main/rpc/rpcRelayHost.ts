/**
 * The desktop app's RPC relay in main: `rpcExpose` opens JSON-RPC on 127.0.0.1:port
 * (relayHttpServer.ts), each client request goes to the main window's renderer with
 * `webContents.send` on a fixed channel, and the renderer's `rpcRespond` settles it. Requests
 * that get no answer in time fail with a JSON-RPC error; replies for unknown ids are ignored.
 *
 * One exposure per app: a new `rpcExpose` (e.g. after the renderer reloaded and lost its
 * provider) replaces the old one, and closing the window closes the port.
 *
 * The three handlers are registered with the other IPC handlers (validatedIpc.ts), so the sender
 * frame and the payload's schema are checked before any of them runs.
 *
 * @module
 */
import { RPC_RELAY_REQUEST_CHANNEL } from '../../shared/ipc/rpcRelayIpc.ts'
import { IpcRequestError } from '../../shared/ipc/ipcErrors.ts'
import type { RelayPending } from '../../shared/rpcRelay/relayPending.node.ts'
import { createRelayPending } from '../../shared/rpcRelay/relayPending.node.ts'
import type { RelayOutcome, RelayText } from '../../shared/rpcRelay/relayProtocol.ts'
import { checkRelayPort, relayText } from '../../shared/rpcRelay/relayProtocol.ts'
import { createRelayService } from '../../shared/rpcRelay/relayService.ts'
import type { IpcHandler } from '../ipc/validatedIpc.ts'
import type { RelayHttpServer } from './relayHttpServer.ts'
import { startRelayHttpServer } from './relayHttpServer.ts'

/** Where requests go: the main window's `webContents` (Electron's fits). */
export interface RelayTarget {
  send(channel: string, ...args: unknown[]): void
  isDestroyed?(): boolean
}

export interface RpcRelayHostOptions {
  /** The main window's web contents, or undefined when there is none. */
  getTarget: () => RelayTarget | undefined
  /** Per relayed request. Default 30 s. */
  timeoutMs?: number
  /** Opens the HTTP server (tests may replace it). */
  startServer?: typeof startRelayHttpServer
  log?: (line: string) => void
}

export interface RpcRelayHost {
  /** The IPC handlers, keyed like the contract's channels. */
  handlers: { rpcExpose: IpcHandler<'rpcExpose'>; rpcClose: IpcHandler<'rpcClose'>; rpcRespond: IpcHandler<'rpcRespond'> }
  /** Closes the exposed port, if any (the window closed; the app quits). */
  close(): Promise<void>
  /** The exposed port, or undefined. */
  exposedPort(): number | undefined
}

/**
 * @example
 * const relay = createRpcRelayHost({ getTarget: () => mainWindow?.webContents })
 * registerIpcHandlers(ipcMain, checkSender, { ...otherHandlers, ...relay.handlers })
 */
export function createRpcRelayHost(options: RpcRelayHostOptions): RpcRelayHost {
  const { getTarget, timeoutMs, startServer = startRelayHttpServer, log = () => {} } = options
  let current: { server: RelayHttpServer; pending: RelayPending } | undefined
  // Exposes and closes run one after another: a second expose must wait for the first's port.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }
  const refuse = (text: RelayText, cause?: unknown) => new IpcRequestError(text.code, { en: text.en, ko: text.ko }, cause)

  const closeCurrent = async () => {
    const open = current
    current = undefined
    if (open === undefined) return
    open.pending.failAll()
    // Let the failed requests' answers be written before the connections are dropped.
    await new Promise((resolve) => setImmediate(resolve))
    await open.server.close()
  }

  return {
    handlers: {
      rpcExpose: ({ port }) =>
        serial(async () => {
          const problem = checkRelayPort(port)
          if (problem !== undefined) throw refuse(problem)
          await closeCurrent()
          const pending = createRelayPending({
            send: (request) => {
              const target = getTarget()
              if (target === undefined || target.isDestroyed?.() === true) throw new Error('no window')
              target.send(RPC_RELAY_REQUEST_CHANNEL, request)
            },
            ...(timeoutMs === undefined ? {} : { timeoutMs }),
          })
          try {
            const server = await startServer({ service: createRelayService({ forward: pending.forward }), port, log })
            current = { server, pending }
            return { url: server.url, port: server.port }
          } catch (error) {
            pending.failAll()
            const code = (error as { code?: unknown }).code
            throw refuse(
              code === 'EADDRINUSE' ? relayText('rpc-relay.port-in-use', { port }) : relayText('rpc-relay.listen-failed', { port, details: error instanceof Error ? error.message : String(error) }),
              error,
            )
          }
        }),
      rpcClose: () => serial(closeCurrent),
      rpcRespond: ({ id, response }) => {
        const settled = current?.pending.settle({ id, ...(response as RelayOutcome) }) ?? false
        // A late reply (after its timeout) or one for a closed port: nothing waits, nothing to do.
        if (!settled) log(`rpc relay: reply ${id} matches no waiting request`)
      },
    },
    close: () => serial(closeCurrent),
    exposedPort: () => current?.server.port,
  }
}
