/**
 * The desktop app's `exposeRpc`: main opens JSON-RPC on 127.0.0.1:port and sends each client
 * request over IPC (`bridge.rpc.onRequest`); the renderer answers it with the simulator's
 * provider (`bridge.rpc.respond`). Requests are validated here before the provider sees them.
 *
 * @module
 */
import type { PlaygroundBridge } from '../../../shared/ipc/ipcContract.ts'
import { parseIpcErrorMessage } from '../../../shared/ipc/ipcErrors.ts'
import { answerRelayRequest } from '../../../shared/rpcRelay/answerRelayRequest.ts'
import { RpcRelayError, checkRelayPort, parseRelayRequest } from '../../../shared/rpcRelay/relayProtocol.ts'
import type { RequestProvider, RpcExposure } from './host.ts'

/**
 * @example
 * const exposure = await exposeRpcOverIpc(window.playground, { port: 8545, provider })
 * exposure.url // 'http://127.0.0.1:8545'
 * await exposure.close()
 */
export async function exposeRpcOverIpc(bridge: PlaygroundBridge, options: { port: number; provider: RequestProvider }): Promise<RpcExposure> {
  const { port, provider } = options
  const problem = checkRelayPort(port)
  if (problem !== undefined) throw new RpcRelayError(problem)
  // Listen first: main may forward a request as soon as the port is open.
  const unsubscribe = bridge.rpc.onRequest((payload) => {
    const request = parseRelayRequest(payload)
    if (request === undefined) return // main sends only valid requests; anything else is not ours to answer
    void answerRelayRequest(provider, request).then((outcome) =>
      bridge.rpc.respond(request.id, outcome).catch(() => {
        // The port closed meanwhile: nobody waits for this answer.
      }),
    )
  })
  let url: string
  try {
    url = (await bridge.rpc.expose(port)).url
  } catch (error) {
    unsubscribe()
    // Main's refusals arrive as `[code] English | 한국어` (ipcErrors.ts): keep both languages.
    const parsed = parseIpcErrorMessage(error instanceof Error ? error.message : String(error))
    throw parsed === undefined ? error : new RpcRelayError(parsed, error)
  }
  let closing: Promise<void> | undefined
  return {
    url,
    close() {
      closing ??= (async () => {
        unsubscribe()
        await bridge.rpc.close()
      })()
      return closing
    },
  }
}
