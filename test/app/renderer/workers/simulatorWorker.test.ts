/**
 * The simulator worker's logic in Node (no Worker): live networks and their commands, JSON-RPC per
 * node, summaries, the REPL with real viem in QuickJS, contracts, and the batch run equal to the
 * CLI's `sim --json` (the same runtime functions: same trace hash).
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeIsolateLibraries } from '../../../../app/cli/isolateLibraries.ts'
import { createSimulatorWorkerCore } from '../../../../app/renderer/workers/simulatorWorker.ts'
import type { SimulatorRequest, SimulatorRequestBody } from '../../../../app/renderer/workers/simulatorProtocol.ts'
import { runBatch } from '../../../../app/renderer/workers/simulatorBatchRun.ts'

const repo = fileURLToPath(new URL('../../../../', import.meta.url))
let clock = 0
const core = createSimulatorWorkerCore({ libraries: nodeIsolateLibraries(), wallMs: () => clock, epochSeconds: () => 1_700_000_000n })
let nextId = 1
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field below
async function ask(request: SimulatorRequestBody): Promise<any> {
  const reply = await core.handle({ id: nextId++, ...request } as SimulatorRequest)
  if (!reply.ok) throw Object.assign(new Error(reply.error.en), { reply })
  return reply.result
}
async function fails(request: SimulatorRequestBody): Promise<{ en: string; ko: string; code?: string }> {
  const reply = await core.handle({ id: nextId++, ...request } as SimulatorRequest)
  expect(reply.ok).toBe(false)
  return (reply as { error: { en: string; ko: string } }).error
}

afterAll(() => core.host.stop())

describe('simulator worker core', () => {
  it('refuses work before a network runs, naming what to do', async () => {
    const e = await fails({ op: 'command', command: { type: 'heal' } })
    expect(e.en).toMatch(/preset dev/)
    expect(e.ko).toMatch(/네트워크/)
    const bad = await fails({ op: 'start', options: { preset: 'moon' } })
    expect(bad.en).toContain('pow-lan')
  })

  it('runs the dev chain: mine, JSON-RPC, REPL with variables kept', async () => {
    const info = await ask({ op: 'start', options: { preset: 'dev' } })
    expect(info).toMatchObject({ preset: 'dev', nodes: 1, chainId: 31337 })
    expect(info.accounts).toHaveLength(10)
    await ask({ op: 'command', command: { type: 'mine' } })
    const rpc = await ask({ op: 'rpc', node: 0, request: { jsonrpc: '2.0', id: 5, method: 'eth_blockNumber' } })
    expect(rpc).toEqual({ jsonrpc: '2.0', id: 5, result: '0x1' })
    const crash = await fails({ op: 'command', command: { type: 'crash', node: 0 } })
    expect(crash.en).toMatch(/consensus network/)

    const n = await ask({ op: 'js', source: 'await client.getBlockNumber()', node: 0 })
    expect(n).toMatchObject({ ok: true, text: '1n' })
    const decl = await ask({ op: 'js', source: 'const b = await client.getBalance({ address: accounts[1] }); let s = "hi"', node: 0 })
    expect(decl.ok).toBe(true)
    const kept = await ask({ op: 'js', source: 'formatEther(b) + s', node: 0 })
    expect(kept.text).toBe("'10000hi'")
    const obj = await ask({ op: 'js', source: '({ a: 1n, b: [1, "x"], c: { d: null } })', node: 0 })
    expect(obj.text).toBe("{ a: 1n, b: [ 1, 'x' ], c: { d: null } }")
    const log = await ask({ op: 'js', source: 'console.log("v", 5n)', node: 0 })
    expect(log.console).toEqual([{ level: 'log', text: 'v 5n' }])
    const err = await ask({ op: 'js', source: 'nope.x', node: 0 })
    expect(err.ok).toBe(false)
    expect(err.error.en).toMatch(/ReferenceError/)
    const cpu = await ask({ op: 'js', source: 'while (true) {}', node: 0 })
    expect(cpu.ok).toBe(false)
    expect(cpu.error.code).toBe('sandbox.cpu')
    const memory = await ask({ op: 'js', source: 'const big = new Array(1e7).fill(1.5); big.length', node: 0 })
    expect(memory).toMatchObject({ ok: false, error: { code: 'sandbox.memory' } })
    expect(memory.error.ko).toMatch(/메모리/)
    const stack = await ask({ op: 'js', source: 'function f() { return f() + 1 }\nf()', node: 0 })
    expect(stack).toMatchObject({ ok: false, error: { code: 'sandbox.stack' } })
    const syntax = await ask({ op: 'js', source: 'let = = 1', node: 0 })
    expect(syntax.error.en).toMatch(/SyntaxError/)
    expect(syntax.error.en).not.toMatch(/line \d{2,}/) // no position inside the generated program
    expect((await ask({ op: 'js', source: 'b > 0n', node: 0 })).text).toBe('true') // earlier variables survive failed lines
    const tx = await ask({ op: 'js', source: 'const h = await client.sendTransaction({ to: accounts[2], value: parseEther("1") })\nconst r = await client.waitForTransactionReceipt({ hash: h })\nr.status', node: 0 })
    expect(tx).toMatchObject({ ok: true, text: "'success'" })
    const h = await ask({ op: 'js', source: 'h.length', node: 0 })
    expect(h.text).toBe('66')
    const fn = await ask({ op: 'js', source: 'const twice = (x) => x * 2', node: 0 })
    expect(fn.notKept).toEqual(['twice'])
  }, 120_000)

  it('runs pow-lan paced by the clock: crash, partition, heal, mine, summaries', async () => {
    const info = await ask({ op: 'start', options: { preset: 'pow-lan', seed: 7 } })
    expect(info).toMatchObject({ preset: 'pow-lan', nodes: 8, finality: 'depth' })
    clock += 5_000
    await core.host.tick()
    const mined = await ask({ op: 'command', command: { type: 'mine', node: 1 } })
    expect(mined.type).toBe('mine')
    await ask({ op: 'command', command: { type: 'crash', node: 2 } })
    await ask({ op: 'command', command: { type: 'partition', groups: [[0, 1], [3, 4]] } })
    let summary = await ask({ op: 'summary' })
    expect(summary.nodes[2].status).toBe('crashed')
    expect(summary.partitioned).toBe(true)
    expect(summary.blocks).toBeGreaterThanOrEqual(1)
    await ask({ op: 'command', command: { type: 'heal' } })
    await ask({ op: 'command', command: { type: 'restart', node: 2 } })
    summary = await ask({ op: 'summary' })
    expect(summary.partitioned).toBe(false)
    expect(summary.nodes.map((r: { role: string }) => r.role)).toContain('miner')
    const bad = await fails({ op: 'command', command: { type: 'crash', node: 99 } })
    expect(bad.en).toMatch(/node/)
    const metrics = await ask({ op: 'metrics' })
    expect(metrics.blocks).toBeGreaterThanOrEqual(1)
    expect(typeof metrics.traceHash).toBe('string')
  }, 120_000)

  it('starts every live preset, keeps pace, answers JSON-RPC and the REPL on each', async () => {
    for (const preset of ['bft', 'pos', 'raft-consortium', 'poa']) {
      const info = await ask({ op: 'start', options: { preset, seed: 2 } })
      expect(info.preset).toBe(preset)
      const started = clock
      for (let i = 0; i < 40; i++) {
        clock += 100
        await core.host.tick()
      }
      const summary = await ask({ op: 'summary' })
      expect(summary.nowMs).toBe(clock - started)
      expect(summary.blocks).toBeGreaterThanOrEqual(1)
      expect(summary.nodes).toHaveLength(info.nodes)
      const js = await ask({ op: 'js', source: 'await client.getBlockNumber()', node: info.entryNode })
      expect(js.text).toMatch(/^[1-9]\d*n$/)
      // Only the proposer in turn may produce: the runtime says so in both languages.
      const notTurn = await core.handle({ id: 0, op: 'command', command: { type: 'mine', node: info.entryNode } })
      if (!notTurn.ok) expect(notTurn.error.ko).toMatch(/블록을 만들 수 없습니다/)
    }
  }, 120_000)

  it('gives the batch run the CLI trace hash', async () => {
    for (const [preset, seed, blocks] of [['pos', 7, 10], ['pow-lan', 3, 5]] as const) {
      const cli = JSON.parse(execFileSync(process.execPath, ['bin/playground.js', 'sim', '--preset', preset, '--seed', String(seed), '--blocks', String(blocks), '--json'], { cwd: repo, encoding: 'utf8' }))
      const mine = runBatch({ preset, seed, blocks })
      expect(mine.traceHash).toBe(cli.traceHash)
      expect(mine.events).toBe(cli.events)
    }
  }, 300_000)
})
