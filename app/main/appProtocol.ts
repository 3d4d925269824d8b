/**
 * The `app://` protocol: the production UI (`dist/web`) served from a custom, standard, secure
 * scheme instead of `file://` (Electron security checklist #18). Every response — files, 404s,
 * refusals — carries the app's CSP. A request can only reach files inside the web root: `..`
 * (plain or percent-encoded), encoded separators, NUL and backslashes are refused before the disk
 * is touched, and the resolved path (through symlinks) must still lie inside the root.
 *
 * @module
 */
import * as fsPromises from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { CustomScheme, Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from '../shared/ipc/ipcContract.ts'
import { CONTENT_SECURITY_POLICY } from '../shared/web/contentSecurityPolicy.ts'
import { contentTypeOf } from '../shared/web/contentTypes.ts'

/**
 * How `app://` is registered (before `ready`): standard (a real origin, relative URLs, `'self'`
 * in the CSP), secure (a secure context: workers, WebAssembly streaming), fetch API allowed, and
 * CORS-enabled — module scripts and module workers (the entry, the grading and simulator
 * workers) are fetched in CORS mode, which Chromium refuses for a scheme without it ("URL scheme
 * must be http or https for CORS request"); VS Code registers its `vscode-file` scheme the same
 * way. Every response is same-origin, so this opens nothing to other origins. No `bypassCSP`, no
 * service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
}

/** Registers the `app://` scheme's privileges. Must run before the app's `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
}

/** The parts of `node:fs/promises` the handler uses (injectable for tests). */
export type AppProtocolFs = Pick<typeof fsPromises, 'readFile' | 'realpath'>

export interface AppProtocolHandlerOptions {
  /** The folder served at `app://playground/` (the built web edition, `dist/web`). */
  root: string
  fs?: AppProtocolFs | undefined
}

/**
 * Creates the `protocol.handle('app', …)` handler.
 *
 * @example
 * protocol.handle('app', createAppProtocolHandler({ root: join(distFolder, 'web') }))
 */
export function createAppProtocolHandler(options: AppProtocolHandlerOptions): (request: Request) => Promise<Response> {
  const { root } = options
  const fs = options.fs ?? fsPromises

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' })
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return plain(400, 'Bad request')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found')
    const rel = safeRelativePath(url.pathname)
    if (rel === undefined) return plain(403, 'Forbidden')
    const full = join(root, ...rel.split('/'))
    if (!isInside(root, full)) return plain(403, 'Forbidden')
    try {
      const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(full)])
      if (!isInside(realRoot, real)) return plain(403, 'Forbidden')
      const body = await fs.readFile(real)
      const headers = baseHeaders(contentTypeOf(real))
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return plain(404, 'Not found')
      return plain(500, 'Cannot read the file')
    }
  }
}

/**
 * The '/'-separated path below the root that `pathname` names (`index.html` for '/'), or undefined
 * when a segment is not a plain name once decoded.
 */
export function safeRelativePath(pathname: string): string | undefined {
  const segments = pathname.split('/').slice(1)
  if (segments.length === 0 || segments.at(-1) === '') segments.splice(-1, 1, 'index.html')
  const out: string[] = []
  for (const raw of segments) {
    let part: string
    try {
      part = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    if (part === '' || part === '.' || part === '..') return undefined
    if (part.includes('/') || part.includes('\\') || part.includes('\0') || /^[A-Za-z]:/.test(part)) return undefined
    out.push(part)
  }
  return out.join('/')
}

function isInside(root: string, full: string): boolean {
  const rel = relative(root, full)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  })
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders('text/plain; charset=utf-8')
  for (const [k, v] of Object.entries(extra)) headers.set(k, v)
  return new Response(text, { status, headers })
}
