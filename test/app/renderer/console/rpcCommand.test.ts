/**
 * `rpc [port]` / `rpc stop`: the console opens the host's JSON-RPC relay for the selected node,
 * forwards each request to the node selected when it arrives, refuses a second port and bad
 * ports, and explains when the screen has no relay.
 */
import { describe, expect, it } from 'vitest'
import { stripAnsi } from '../../../../app/renderer/src/console/consoleFormat.ts'
import { createConsoleHistory } from '../../../../app/renderer/src/console/consoleHistory.ts'
import { createConsoleSession } from '../../../../app/renderer/src/console/consoleSession.ts'
import type { ConsoleContext, ConsoleSimulator } from '../../../../app/renderer/src/console/consoleTypes.ts'

const INFO = { preset: 'dev' as const, seed: 1, nodes: 3, protocol: 'dev', finality: 'instant' as const, chainId: 31337, accounts: [], entryNode: 0 }

function harness(exposeRpc: ConsoleContext['exposeRpc']) {
  const asked: { node: number; method: string }[] = []
  const sim = {
    start: async () => INFO,
    info: async () => INFO,
    provider: (node: number) => ({
      request: async ({ method }: { method: string }) => (asked.push({ node, method }), `0x${node}`),
      on() {},
      removeListener() {},
    }),
  } as unknown as ConsoleSimulator
  const lines: string[] = []
  const errors: string[] = []
  const session = createConsoleSession({
    sim,
    lang: () => 'en',
    files: () => ({}),
    exposeRpc,
    out: { line: (t) => lines.push(stripAnsi(t)), error: (t) => errors.push(stripAnsi(t)), clear: () => undefined },
    history: createConsoleHistory(),
  })
  return {
    asked,
    async run(line: string) {
      lines.length = 0
      errors.length = 0
      await session.run(line)
      return { out: lines.join('\n'), err: errors.join('\n') }
    },
  }
}

describe('console rpc', () => {
  it('opens the relay, follows the selected node, refuses a second port and closes', async () => {
    const opened: { port: number; provider: { request(a: { method: string }): Promise<unknown> } }[] = []
    let closed = 0
    const h = harness(async (options) => {
      opened.push(options)
      return { url: `http://127.0.0.1:${options.port}`, close: async () => void closed++ }
    })
    await h.run('preset dev')
    expect((await h.run('rpc 8600')).out).toContain('JSON-RPC: http://127.0.0.1:8600 (node 0)')
    expect(opened.map((o) => o.port)).toEqual([8600])
    expect(await opened[0]!.provider.request({ method: 'eth_blockNumber' })).toBe('0x0')
    await h.run('node 2')
    expect(await opened[0]!.provider.request({ method: 'eth_chainId' })).toBe('0x2')
    expect(h.asked).toEqual([{ node: 0, method: 'eth_blockNumber' }, { node: 2, method: 'eth_chainId' }])
    expect((await h.run('rpc 8601')).err).toContain('http://127.0.0.1:8600 is already open')
    expect((await h.run('rpc stop')).out).toContain('Closed http://127.0.0.1:8600')
    expect(closed).toBe(1)
    expect((await h.run('rpc stop')).out).toContain('No JSON-RPC port is open')
  })

  it('checks the port and says when there is no relay', async () => {
    const h = harness(async () => ({ url: 'x', close: async () => undefined }))
    await h.run('preset dev')
    expect((await h.run('rpc 80')).err).toMatch(/port must be an integer from 1024 to 65535/)
    const none = harness(undefined)
    await none.run('preset dev')
    expect((await none.run('rpc')).err).toContain('cannot open a JSON-RPC port')
  })

  it('needs a running network', async () => {
    const h = harness(async () => ({ url: 'x', close: async () => undefined }))
    expect((await h.run('rpc')).err).toContain('No network is running')
  })
})
