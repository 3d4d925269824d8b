import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppScheme, safeRelativePath } from '../../../app/main/appProtocol.ts'
import { CONTENT_SECURITY_POLICY } from '../../../app/shared/web/contentSecurityPolicy.ts'

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"

let base: string
let root: string
let handler: (request: Request) => Promise<Response>

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'playground-protocol-'))
  root = join(base, 'web')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>놀이터</title>')
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'soljson.wasm'), new Uint8Array([0, 97, 115, 109]))
  await writeFile(join(base, 'secret.txt'), 'outside the web root')
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'))
  handler = createAppProtocolHandler({ root })
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// scheme registration', () => {
  it('registers app as standard, secure and fetch-capable, nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } })
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES])
  })
})

describe('app:// protocol handler', () => {
  it('the CSP is exactly the one of DESIGN.md', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(CSP)
  })

  it('serves index.html for / with the CSP header', async () => {
    const response = await get('app://playground/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('놀이터')
  })

  it('serves nested files with their content type (wasm as application/wasm)', async () => {
    const js = await get('app://playground/assets/app.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('content-security-policy')).toBe(CSP)
    const wasm = await get('app://playground/assets/soljson.wasm')
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]))
  })

  it('HEAD has headers and no body', async () => {
    const response = await get('app://playground/index.html', 'HEAD')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(await response.text()).toBe('')
  })

  it('answers 404 with the CSP for a missing file and for a folder', async () => {
    for (const url of ['app://playground/missing.js', 'app://playground/assets']) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('content-security-policy')).toBe(CSP)
    }
  })

  it('refuses encoded traversal with 403 (and the CSP)', async () => {
    for (const url of [
      'app://playground/..%2fsecret.txt',
      'app://playground/assets/..%2f..%2fsecret.txt',
      'app://playground/%2e%2e%2fsecret.txt',
      'app://playground/assets%2f..%2f..%2fsecret.txt',
      'app://playground/..%5csecret.txt',
      'app://playground/index.html%00.js',
      'app://playground/%E0%A4%A',
      'app://playground/C:%5cWindows%5cwin.ini',
    ]) {
      const response = await get(url)
      expect(response.status, url).toBe(403)
      expect(response.headers.get('content-security-policy')).toBe(CSP)
    }
  })

  it('plain ../ never leaves the root (the URL parser folds it; what is left is looked up inside)', async () => {
    for (const url of ['app://playground/../secret.txt', 'app://playground/assets/../../secret.txt', 'app://playground/%2e%2e/secret.txt']) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('outside the web root')
    }
  })

  it('refuses a symlink leading out of the root', async () => {
    const response = await get('app://playground/assets/link.txt')
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('outside the web root')
  })

  it('refuses other hosts and methods', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404)
    const post = await get('app://playground/index.html', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.get('content-security-policy')).toBe(CSP)
  })

  it('safeRelativePath decodes plain names and refuses anything else', () => {
    expect(safeRelativePath('/')).toBe('index.html')
    expect(safeRelativePath('/assets/')).toBe('assets/index.html')
    expect(safeRelativePath('/a%20b/c.js')).toBe('a b/c.js')
    expect(safeRelativePath('/a//b')).toBeUndefined()
    expect(safeRelativePath('/./a')).toBeUndefined()
    expect(safeRelativePath('/a/%2E%2E/b')).toBeUndefined()
  })
})
