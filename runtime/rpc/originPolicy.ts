/**
 * Who may talk to the local JSON-RPC server (DESIGN.md § Security). A dev node holds unlocked
 * accounts, so any web page the learner visits must not be able to drive it; wallets and local
 * tools must.
 *
 * Two independent checks:
 * - **Host** defends against DNS rebinding: a page on `evil.example` can make its own name resolve
 *   to 127.0.0.1, but the browser still sends `Host: evil.example`. Only loopback names pass.
 * - **Origin** defends against cross-site requests from ordinary pages. No Origin (curl, Node,
 *   viem/ethers in Node) passes; so do local pages (`http://localhost:5173`, any port) and browser
 *   extensions (MetaMask's background page sends `chrome-extension://<id>`). Everything else,
 *   including the opaque `null` origin of sandboxed iframes and `file:` pages, is refused.
 *
 * Pure string work (no `URL`): runtime/ compiles without DOM or Node globals.
 *
 * @module
 */

export interface CheckRequestOriginParameters {
  /** The `Origin` request header; `undefined` when absent. */
  origin?: string | undefined
  /** The `Host` request header; `undefined` when absent. */
  host?: string | undefined
  /** The port the server listens on; when given, a `Host` that names a port must name this one. */
  port?: number | undefined
}

export type OriginCheck =
  | {
      ok: true
      /** The value for `Access-Control-Allow-Origin` (the request's Origin), when it had one. */
      allowOrigin?: string
    }
  | { ok: false; reason: string }

/** Loopback names a browser can put in `Host`/`Origin` for this machine (hostnames are case-insensitive). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Browser-extension schemes. The extension id is the origin's host; which extensions the user
 * installed is the browser's business, so any id passes (MetaMask, Rabby, Frame, …).
 */
const EXTENSION_SCHEMES = new Set(['chrome-extension', 'moz-extension', 'safari-web-extension', 'ms-browser-extension'])

/** `scheme://authority` with nothing after: the serialisation browsers use for the Origin header. */
const ORIGIN_PATTERN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)$/i
const EXTENSION_ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/i
const PORT_PATTERN = /^[0-9]{1,5}$/

/**
 * Applies the JSON-RPC server's origin and host policy to one request (HTTP or WebSocket upgrade).
 *
 * @returns `{ ok: true, allowOrigin }` to serve it (echo `allowOrigin` as
 * `Access-Control-Allow-Origin`), or `{ ok: false, reason }` to answer 403.
 *
 * @example
 * checkRequestOrigin({ origin: 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn', host: '127.0.0.1:8545', port: 8545 })
 * // { ok: true, allowOrigin: 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn' }
 * checkRequestOrigin({ host: 'evil.example:8545', port: 8545 })
 * // { ok: false, reason: 'Host "evil.example:8545" is not a loopback name (DNS rebinding protection).' }
 */
export function checkRequestOrigin({ origin, host, port }: CheckRequestOriginParameters): OriginCheck {
  // Every browser sends Host, so a request without one is not a rebinding attack; HTTP/1.0 tools may omit it.
  if (host !== undefined) {
    const hostProblem = checkHost(host, port)
    if (hostProblem !== undefined) return { ok: false, reason: hostProblem }
  }
  if (origin === undefined) return { ok: true }
  const originProblem = checkOrigin(origin)
  if (originProblem !== undefined) return { ok: false, reason: originProblem }
  return { ok: true, allowOrigin: origin }
}

/** @internal Returns why `host` is refused, or `undefined` when it names this machine's loopback. */
function checkHost(host: string, port: number | undefined): string | undefined {
  const split = splitAuthority(host)
  if (split === undefined || !LOOPBACK_HOSTS.has(split.hostname.toLowerCase())) {
    return `Host "${host}" is not a loopback name (DNS rebinding protection).`
  }
  if (split.port !== undefined && port !== undefined && Number(split.port) !== port) {
    return `Host "${host}" names port ${split.port}, but this server listens on ${port}.`
  }
  return undefined
}

/** @internal Returns why `origin` is refused, or `undefined` when it may call the server. */
function checkOrigin(origin: string): string | undefined {
  const match = ORIGIN_PATTERN.exec(origin)
  if (match === null) {
    // Includes `null`: sandboxed iframes, `file:` pages and redirects carry that opaque origin.
    return `Origin "${origin}" is not allowed: only local pages (localhost, 127.0.0.1) and browser extensions may call this node.`
  }
  const scheme = match[1]!.toLowerCase()
  const authority = match[2]!
  if (EXTENSION_SCHEMES.has(scheme)) {
    return EXTENSION_ID_PATTERN.test(authority) ? undefined : `Origin "${origin}" is not a valid extension origin.`
  }
  if (scheme === 'http' || scheme === 'https') {
    const split = splitAuthority(authority)
    // Any port: the learner's dev server (Vite, Remix, a dapp template) may run on any of them.
    if (split !== undefined && LOOPBACK_HOSTS.has(split.hostname.toLowerCase())) return undefined
  }
  return `Origin "${origin}" is not allowed: only local pages (localhost, 127.0.0.1) and browser extensions may call this node.`
}

/**
 * @internal Splits `hostname[:port]` (with `[v6]` brackets kept). `undefined` when malformed:
 * userinfo, an empty name, a non-numeric port.
 */
function splitAuthority(authority: string): { hostname: string; port: string | undefined } | undefined {
  let hostname: string
  let rest: string
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']')
    if (end < 0) return undefined
    hostname = authority.slice(0, end + 1)
    rest = authority.slice(end + 1)
  } else {
    const colon = authority.indexOf(':')
    hostname = colon < 0 ? authority : authority.slice(0, colon)
    rest = colon < 0 ? '' : authority.slice(colon)
  }
  if (hostname === '' || hostname.includes('@')) return undefined
  if (rest === '') return { hostname, port: undefined }
  const port = rest.slice(1)
  if (!rest.startsWith(':') || !PORT_PATTERN.test(port)) return undefined
  return { hostname, port }
}
