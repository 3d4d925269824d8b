/**
 * The web edition's HTTP server: serves the built renderer (`dist/web`) on 127.0.0.1 only.
 *
 * Every response — files, 404s, refusals — carries the product CSP (DESIGN.md § Security) and
 * the other hardening headers, so the e2e tests run the app under exactly the policy Electron
 * applies. Requests are refused unless they name this machine (`Host` checked against DNS
 * rebinding with the JSON-RPC server's policy), use GET or HEAD, and name a file inside the root
 * (decoded `..`, NUL, backslashes and symlinks that leave the root all answer 404). The one
 * WebSocket is the page's RPC relay (`/rpc-relay`, rpcRelay.ts); every other upgrade is refused.
 *
 * @module
 */
import type { Stats } from 'node:fs'
import { createReadStream, realpathSync, statSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { checkRequestOrigin } from '../../../runtime/rpc/originPolicy.ts'
import { CONTENT_SECURITY_POLICY } from '../../shared/web/contentSecurityPolicy.ts'
import { contentTypeOf } from '../../shared/web/contentTypes.ts'
import { createRpcRelayEndpoint } from './rpcRelay.ts'

/** The product CSP, exactly as DESIGN.md states it (test/e2e/browserHarness.ts holds the same string). */
/** The product CSP (DESIGN.md "Security"), the same string the desktop shell sends. */
export const PRODUCT_CSP = CONTENT_SECURITY_POLICY

/** Headers sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PRODUCT_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}


/** The only address the web edition listens on. */
export const WEB_HOST = '127.0.0.1'

export interface StartWebServerOptions {
  /** The folder to serve (the built renderer, `dist/web`). */
  root: string
  /** 0 picks a free port. */
  port: number
}

export interface WebServer {
  url: string
  port: number
  close(): Promise<void>
}

/**
 * Maps a request path to a file inside `root`, or undefined when it is not one (outside the root,
 * malformed, a folder without index.html). `root` must be a real path.
 */
export function resolveRequestPath(root: string, rawPath: string): { file: string; stats: Stats } | undefined {
  const pathOnly = rawPath.split(/[?#]/, 1)[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(pathOnly)
  } catch {
    return undefined // malformed percent-encoding
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return undefined
  let file = resolve(root, ...segments)
  const inside = (p: string) => {
    const rel = relative(root, p)
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  }
  if (!inside(file)) return undefined
  try {
    file = realpathSync(file) // a symlink must not lead out of the root either
    if (!inside(file)) return undefined
    let stats = statSync(file)
    if (stats.isDirectory()) {
      file = join(file, 'index.html')
      stats = statSync(file)
    }
    return stats.isFile() ? { file, stats } : undefined
  } catch {
    return undefined
  }
}

function send(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra })
  res.end(body)
}

function handle(root: string, port: () => number, req: IncomingMessage, res: ServerResponse): void {
  const host = checkRequestOrigin({ host: req.headers.host, port: port() })
  if (!host.ok) {
    send(res, 403, `Forbidden: ${host.reason}\n`)
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' })
    return
  }
  const found = resolveRequestPath(root, req.url ?? '/')
  if (found === undefined) {
    send(res, 404, 'Not Found\n')
    return
  }
  // Vite names built assets by content hash: they never change; index.html must be revalidated.
  const immutable = relative(root, found.file).startsWith(`assets${sep}`)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(found.file),
    'Content-Length': String(found.stats.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(found.file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

/** Starts serving `root` on 127.0.0.1. Rejects with the listen error (e.g. EADDRINUSE). */
export async function startWebServer(options: StartWebServerOptions): Promise<WebServer> {
  const root = realpathSync(options.root)
  let listening = 0
  const server: Server = createServer((req, res) => handle(root, () => listening, req, res))
  // The page's WebSocket to expose the in-app simulator as JSON-RPC on 127.0.0.1 (rpcRelay.ts).
  const relay = createRpcRelayEndpoint({ webPort: () => listening })
  server.on('upgrade', (req, socket, head: Buffer) => relay.handleUpgrade(req, socket, head))
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port, WEB_HOST, () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
  listening = (server.address() as AddressInfo).port
  return {
    url: `http://${WEB_HOST}:${listening}/`,
    port: listening,
    close: async () => {
      await relay.close()
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise())
        server.closeAllConnections()
      })
    },
  }
}
