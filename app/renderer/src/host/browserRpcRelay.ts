/**
 * The web edition's `exposeRpc`: the page asks the `playground web` server, over a same-origin
 * WebSocket (`connect-src 'self'` covers it), to open JSON-RPC on 127.0.0.1:port; the server
 * sends each client request here, the page answers it with the simulator's provider, and the
 * server returns the answer. Closing the exposure (or the tab) closes the port.
 *
 * @module
 */
import { answerRelayRequest } from '../../../shared/rpcRelay/answerRelayRequest.ts'
import type { PageToServer, RelayText } from '../../../shared/rpcRelay/relayProtocol.ts'
import { RPC_RELAY_PATH, RpcRelayError, checkRelayPort, parseRelayRequest, relayText } from '../../../shared/rpcRelay/relayProtocol.ts'
import type { RequestProvider, RpcExposure } from './host.ts'

/** How long `close()` waits for the server to free the port before closing the WebSocket itself. */
const CLOSE_WAIT_MS = 5000

/**
 * @example
 * const exposure = await exposeRpcOverWebSocket({ port: 8545, provider })
 * exposure.url // 'http://127.0.0.1:8545' — point MetaMask, viem, ethers or Hardhat at it
 * await exposure.close()
 */
export async function exposeRpcOverWebSocket(options: { port: number; provider: RequestProvider; baseUrl?: string }): Promise<RpcExposure> {
  const { port, provider } = options
  const problem = checkRelayPort(port)
  if (problem !== undefined) throw new RpcRelayError(problem)
  // `location` through a narrow type: the tests' Node typecheck compiles this file without the DOM.
  const relayUrl = new URL(RPC_RELAY_PATH, options.baseUrl ?? (globalThis as unknown as { location: { href: string } }).location.href)
  relayUrl.protocol = relayUrl.protocol === 'https:' ? 'wss:' : 'ws:'
  relayUrl.search = ''
  relayUrl.hash = ''

  const ws = new WebSocket(relayUrl.href)
  const closed = new Promise<void>((resolve) => ws.addEventListener('close', () => resolve(), { once: true }))
  const send = (message: PageToServer) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message))
  }

  const exposed = new Promise<{ url: string }>((resolve, reject) => {
    let opened = false
    ws.addEventListener('open', () => {
      opened = true
      send({ type: 'expose', port })
    })
    ws.addEventListener('close', (event) => {
      const text = opened
        ? relayText('rpc-relay.closed', { details: `${event.code}${event.reason === '' ? '' : ` ${event.reason}`}` })
        : relayText('rpc-relay.connect-failed', { url: relayUrl.href })
      reject(new RpcRelayError(text))
    })
    ws.addEventListener('message', (event: MessageEvent) => {
      let message: { type?: unknown; url?: unknown; error?: unknown }
      try {
        message = JSON.parse(String(event.data)) as typeof message
      } catch {
        return // the server speaks JSON; anything else is ignored
      }
      if (message.type === 'exposed' && typeof message.url === 'string') resolve({ url: message.url })
      else if (message.type === 'refused') {
        reject(new RpcRelayError(asRelayText(message.error)))
        ws.close(1000, 'refused')
      } else if (message.type === 'request') {
        const { type: _type, ...fields } = message
        const request = parseRelayRequest(fields)
        if (request === undefined) return
        void answerRelayRequest(provider, request).then((outcome) => send({ type: 'reply', id: request.id, outcome }))
      }
    })
  })

  const { url } = await exposed
  let closing: Promise<void> | undefined
  return {
    url,
    close() {
      closing ??= (async () => {
        if (ws.readyState === WebSocket.OPEN) {
          // The server frees the port, then closes the WebSocket: once closed, the port is free.
          send({ type: 'close' })
          const fallback = setTimeout(() => ws.close(1000, 'closed by the app'), CLOSE_WAIT_MS)
          await closed
          clearTimeout(fallback)
        } else if (ws.readyState === WebSocket.CONNECTING) {
          ws.close(1000, 'closed by the app')
          await closed
        }
      })()
      return closing
    },
  }
}

function asRelayText(value: unknown): RelayText {
  const v = value as Partial<RelayText> | undefined
  if (typeof v?.code === 'string' && typeof v.en === 'string' && typeof v.ko === 'string') return { code: v.code, en: v.en, ko: v.ko }
  return relayText('rpc-relay.listen-failed', { port: '?', details: 'unexpected answer from the server' })
}
