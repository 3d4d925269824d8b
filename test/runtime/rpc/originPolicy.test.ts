/**
 * The JSON-RPC server's origin and Host policy (DESIGN.md § Security): wallets, local pages and
 * non-browser clients in; other web pages, opaque origins and rebinding Host names out.
 */
import { describe, expect, it } from 'vitest'
import { checkRequestOrigin } from '../../../runtime/rpc/originPolicy.ts'

const METAMASK = 'chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn'
const PORT = 8545

describe('checkRequestOrigin: allowed', () => {
  it.each([
    // [origin, host]
    [undefined, '127.0.0.1:8545'],
    [undefined, 'localhost:8545'],
    [undefined, 'localhost'],
    [undefined, '127.0.0.1'],
    [undefined, '[::1]:8545'],
    [undefined, 'LOCALHOST:8545'],
    [undefined, undefined],
    ['http://localhost:5173', 'localhost:8545'],
    ['http://localhost', '127.0.0.1:8545'],
    ['https://localhost:3000', '127.0.0.1:8545'],
    ['http://127.0.0.1:8080', '127.0.0.1:8545'],
    ['http://[::1]:5173', '[::1]:8545'],
    [METAMASK, '127.0.0.1:8545'],
    [METAMASK, 'localhost:8545'],
    ['moz-extension://0d4c6f6e-6b1b-4f0a-9c1e-2f3b4a5c6d7e', 'localhost:8545'],
    ['safari-web-extension://ABCDEF12-3456-7890-ABCD-EF1234567890', 'localhost:8545'],
    ['ms-browser-extension://metamask', 'localhost:8545'],
  ] as const)('Origin %s, Host %s', (origin, host) => {
    const result = checkRequestOrigin({ origin, host, port: PORT })
    expect(result.ok).toBe(true)
    // CORS echoes the request's own origin, never a wildcard.
    expect(result.ok && result.allowOrigin).toBe(origin ?? undefined)
  })
})

describe('checkRequestOrigin: rejected', () => {
  it.each([
    // [origin, host, words the reason must contain]
    ['https://evil.example', '127.0.0.1:8545', 'evil.example'],
    ['http://evil.example:8545', 'localhost:8545', 'evil.example'],
    ['null', '127.0.0.1:8545', 'null'],
    ['file://', '127.0.0.1:8545', 'file://'],
    ['http://localhost.evil.example', '127.0.0.1:8545', 'localhost.evil.example'],
    ['http://127.0.0.1.nip.io', '127.0.0.1:8545', '127.0.0.1.nip.io'],
    ['http://user@localhost', '127.0.0.1:8545', 'user@localhost'],
    ['http://localhost/path', '127.0.0.1:8545', 'localhost/path'],
    ['http://localhost:port', '127.0.0.1:8545', 'localhost:port'],
    ['chrome-extension://', '127.0.0.1:8545', 'chrome-extension'],
    ['javascript://localhost', '127.0.0.1:8545', 'javascript'],
    // DNS rebinding: the attacker's name resolves to 127.0.0.1 but the browser still sends it as Host.
    [undefined, 'evil.example', 'DNS rebinding'],
    [undefined, 'evil.example:8545', 'DNS rebinding'],
    ['http://localhost:5173', 'evil.example:8545', 'DNS rebinding'],
    [METAMASK, 'evil.example:8545', 'DNS rebinding'],
    [undefined, '192.168.1.10:8545', 'DNS rebinding'],
    [undefined, '0.0.0.0:8545', 'DNS rebinding'],
    [undefined, '', 'DNS rebinding'],
    [undefined, 'localhost:', 'DNS rebinding'],
    [undefined, 'localhost:8546', '8546'],
  ] as const)('Origin %s, Host %s', (origin, host, why) => {
    const result = checkRequestOrigin({ origin, host, port: PORT })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toContain(why)
  })

  it('accepts any Host port when the server port is not given', () => {
    expect(checkRequestOrigin({ host: 'localhost:9999' }).ok).toBe(true)
    expect(checkRequestOrigin({ host: 'evil.example:9999' }).ok).toBe(false)
  })
})
