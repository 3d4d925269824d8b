/**
 * The console's command table: every command against a fake simulator (what it sends, what it
 * prints in Korean and English, its errors), and deploy/call end to end against the real worker
 * core (real EVM, viem in QuickJS) with the compile function injected — here the Node compiler.
 */
import { describe, expect, it } from 'vitest'
import { nodeIsolateLibraries } from '../../../../app/cli/isolateLibraries.ts'
import { createConsoleHistory } from '../../../../app/renderer/src/console/consoleHistory.ts'
import { stripAnsi } from '../../../../app/renderer/src/console/consoleFormat.ts'
import { createConsoleSession } from '../../../../app/renderer/src/console/consoleSession.ts'
import type { CompileFunction, ConsoleSimulator } from '../../../../app/renderer/src/console/consoleTypes.ts'
import { CONSOLE_EXAMPLE_FILES } from '../../../../app/renderer/src/console/counterExample.ts'
import type { WorkerLike } from '../../../../app/renderer/src/workers/simulatorClient.ts'
import { SimulatorError, createSimulatorClient } from '../../../../app/renderer/src/workers/simulatorClient.ts'
import { createSimulatorWorkerCore } from '../../../../app/renderer/workers/simulatorWorker.ts'
import type { SimulatorRequest } from '../../../../app/renderer/workers/simulatorProtocol.ts'
import { createCompiler } from '../../../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../../runtime/compiler/solcNode.node.ts'

const INFO = { preset: 'pow-lan' as const, seed: 7, nodes: 8, protocol: 'pow', finality: 'depth' as const, chainId: 31337, accounts: Array.from({ length: 10 }, (_, i) => `0x${String(i).repeat(40)}`), entryNode: 0 }

function fakeSim() {
  const calls: { op: string; arg?: unknown }[] = []
  const sim: ConsoleSimulator = {
    start: async (o) => (calls.push({ op: 'start', arg: o }), { ...INFO, seed: o.seed ?? 1 }),
    info: async () => INFO,
    command: async (c) => {
      calls.push({ op: 'command', arg: c })
      if (c.type === 'restart') throw new SimulatorError({ name: 'CommandRejectedError', en: 'node 2 is not crashed', ko: '노드 2는 멈춰 있지 않습니다' })
      return { ok: true, type: c.type, block: 12 }
    },
    summary: async () => ({ kind: 'summary', preset: 'pow-lan', nowMs: 12_500, blocks: 3, finalizedHeight: 0, events: 99, partitioned: true, nodes: [0, 1, 2].map((n) => ({ node: n, role: 'miner', height: 3 - n, head: `0x${'ab'.repeat(32)}`, peers: 4, status: n === 2 ? 'crashed' : 'up' })) }),
    metrics: async () => ({ preset: 'pow-lan', blocks: 3, orphans: 1, staleRate: 0.25, finalizedHeight: 0, propagation: { t50Ms: 12, t90Ms: 30, t100Ms: 41 }, messages: 120, bytes: 5000, simulatedMs: 12_500, transactions: null, traceHash: 'abc123' }),
    batch: async (r) => (calls.push({ op: 'batch', arg: r }), { preset: r.preset, protocolName: 'pos', finality: 'explicit', traceHash: 'deadbeef', events: 4242, seed: r.seed ?? 1, nodes: 100, blocks: 10, orphans: 0, staleRate: 0, propagation: { t50Ms: 1, t90Ms: 2, t100Ms: 3 }, messages: 10, bytes: 100, simulatedMs: 20000, protocol: null, finalizedHeight: 9, transactions: null, safety: 'ok', liveness: 'ok', stoppedStalled: false, wallMs: 5 }),
    js: async (source, node) => (calls.push({ op: 'js', arg: { source, node } }), { ok: true, text: '7n', console: [{ level: 'log', text: 'hi' }] }),
    jsReset: async () => void calls.push({ op: 'js-reset' }),
    contract: async () => ({ ok: false, text: '', console: [], error: { name: 'X', en: 'no', ko: '아니' } }),
    provider: () => ({
      request: async ({ method }) => {
        calls.push({ op: 'rpc', arg: method })
        if (method === 'eth_sendTransaction') return `0x${'12'.repeat(32)}`
        if (method === 'eth_getTransactionReceipt') return { blockNumber: '0x4', status: '0x1', gasUsed: '0x5208' }
        if (method === 'eth_getBalance') return '0x21e19e0c9bab2400000'
        throw new Error(method)
      },
      on() {},
      removeListener() {},
    }),
  }
  return { sim, calls }
}

function harness(options: { lang?: 'ko' | 'en'; sim?: ConsoleSimulator; compile?: CompileFunction } = {}) {
  const fake = fakeSim()
  const lines: string[] = []
  const errors: string[] = []
  let lang = options.lang ?? 'en'
  const session = createConsoleSession({
    sim: options.sim ?? fake.sim,
    lang: () => lang,
    files: () => ({ ...CONSOLE_EXAMPLE_FILES }),
    compile: options.compile,
    out: { line: (t) => lines.push(stripAnsi(t)), error: (t) => errors.push(stripAnsi(t)), clear: () => (lines.length = 0) },
    history: createConsoleHistory(),
    sleep: async () => undefined,
  })
  return {
    session,
    calls: fake.calls,
    lines,
    errors,
    setLang: (l: 'ko' | 'en') => (lang = l),
    async run(line: string) {
      lines.length = 0
      errors.length = 0
      await session.run(line)
      return { out: lines.join('\n'), err: errors.join('\n') }
    },
  }
}

describe('console commands (fake simulator)', () => {
  it('help lists every command in the current language, and one in detail', async () => {
    const h = harness({ lang: 'ko' })
    const ko = await h.run('help')
    for (const name of ['preset', 'nodes', 'node', 'mine', 'send', 'deploy', 'call', 'crash', 'restart', 'partition', 'heal', 'metrics', 'sim', 'js', 'clear', 'history']) expect(ko.out).toContain(name)
    expect(ko.out).toMatch(/명령/)
    h.setLang('en')
    const en = await h.run('help partition')
    expect(en.out).toContain('partition <a,b,…> <c,d,…>')
    expect(en.out).toMatch(/Splits the network/)
    expect(en.out).toContain('partition 0,1,2 3,4,5,6,7')
    expect((await h.run('help nope')).err).toMatch(/Unknown command "nope"/)
  })

  it('refuses network commands before a preset, saying how to start one', async () => {
    const h = harness()
    expect((await h.run('nodes')).err).toMatch(/No network is running.*preset dev/)
    h.setLang('ko')
    expect((await h.run('crash 1')).err).toMatch(/실행 중인 네트워크가 없습니다/)
  })

  it('starts a preset, checks its name and flags, selects the entry node', async () => {
    const h = harness()
    expect((await h.run('preset moon')).err).toBe('There is no preset "moon". Valid presets: dev, pow-lan, bft, pos, raft-consortium, poa')
    expect((await h.run('preset dev --sed 3')).err).toBe('Unknown option --sed. Valid options: --seed, --nodes')
    expect((await h.run('preset pow-lan --seed x')).err).toMatch(/--seed must be an integer/)
    const ok = await h.run('preset pow-lan --seed 7')
    expect(ok.out).toMatch(/pow-lan started: 8 node\(s\), consensus pow, chain id 31337, seed 7/)
    expect(h.calls).toContainEqual({ op: 'start', arg: { preset: 'pow-lan', seed: 7 } })
    expect(h.session.prompt()).toBe('pow-lan:0> ')
  })

  it('nodes prints the table; node, mine, crash, restart, partition, heal send runtime commands', async () => {
    const h = harness()
    await h.run('preset pow-lan')
    const table = await h.run('nodes')
    expect(table.out.split('\n')[0]).toMatch(/^id\s+role\s+height\s+head\s+peers\s+status$/)
    expect(table.out).toMatch(/\*0\s+miner\s+3\s+0xabab…abab\s+4\s+up/)
    expect(table.out).toMatch(/2\s+miner\s+1\s+.*crashed/)
    expect(table.out).toMatch(/partitioned/)
    expect((await h.run('node 9')).err).toBe('node must be an integer from 0 to 7; got "9"')
    await h.run('node 3')
    expect(h.session.prompt()).toBe('pow-lan:3> ')
    expect((await h.run('mine 2')).out).toBe('Node 3 made block #12.\nNode 3 made block #12.')
    await h.run('crash 2')
    await h.run('partition 0,1 2,3')
    await h.run('heal')
    const commands = h.calls.filter((c) => c.op === 'command').map((c) => c.arg)
    expect(commands).toEqual([{ type: 'mine', node: 3 }, { type: 'mine', node: 3 }, { type: 'crash', node: 2 }, { type: 'partition', groups: [[0, 1], [2, 3]] }, { type: 'heal' }])
    expect((await h.run('partition 0,1')).err).toMatch(/^Usage: partition/)
    expect((await h.run('partition 0,1 1,2')).err).toBe('Node 1 is in two groups; put each node in one group only.')
    expect((await h.run('crash')).err).toMatch(/^Usage: crash <n>/)
    h.setLang('ko')
    expect((await h.run('restart 2')).err).toBe('노드 2는 멈춰 있지 않습니다')
    expect((await h.run('heal')).out).toMatch(/분할을 없앴습니다/)
  })

  it('metrics and sim print what the worker returns; sim names valid presets', async () => {
    const h = harness()
    await h.run('preset pow-lan')
    const m = await h.run('metrics')
    expect(m.out).toMatch(/stale blocks \(rate\)\s+1 \(25.00%\)/)
    expect(m.out).toMatch(/traceHash\s+abc123/)
    const s = await h.run('sim pos --seed 7 --blocks 10')
    expect(h.calls).toContainEqual({ op: 'batch', arg: { preset: 'pos', seed: 7, blocks: 10 } })
    expect(s.out).toMatch(/traceHash deadbeef/)
    expect(s.out).toMatch(/events 4242/)
    expect((await h.run('sim nope')).err).toMatch(/There is no preset "nope". Valid presets: bitcoin-2019, pow-lan/)
    expect((await h.run('sim pos --blocks 0')).err).toMatch(/--blocks must be an integer from 1 to 10000/)
  })

  it('send converts units and waits for the receipt; bad amounts are explained', async () => {
    const h = harness()
    await h.run('preset pow-lan')
    const sent = await h.run('send 0 1 1.5')
    expect(sent.out).toMatch(/sent \(1.5 ETH/)
    expect(sent.out).toMatch(/Included in block 4 \(success, gas 21000\)/)
    expect((await h.run('send 0 1 1,5')).err).toMatch(/amount must be a number with up to 18 decimals/)
    expect((await h.run('send 0 1 5 gwei')).err).toBe('The unit is eth or wei; got "gwei"')
    expect((await h.run('send 0 x 1')).err).toMatch(/to must be an account index \(0–9\) or an address/)
  })

  it('js enters the REPL, evaluates on the selected node, .exit leaves', async () => {
    const h = harness()
    await h.run('preset pow-lan')
    await h.run('node 2')
    await h.run('js')
    expect(h.session.prompt()).toBe('js> ')
    const r = await h.run('await client.getBlockNumber()')
    expect(r.out).toBe('hi\n7n')
    expect(h.calls).toContainEqual({ op: 'js', arg: { source: 'await client.getBlockNumber()', node: 2 } })
    await h.run('.reset')
    expect(h.calls).toContainEqual({ op: 'js-reset' })
    await h.run('.exit')
    expect(h.session.prompt()).toBe('pow-lan:2> ')
  })

  it('unknown commands suggest near names; history lists lines; deploy without a compiler says so', async () => {
    const h = harness()
    const bad = await h.run('mien')
    expect(bad.err).toMatch(/^Unknown command "mien". Did you mean: mine\? Commands: help, preset, nodes/)
    h.setLang('ko')
    expect((await h.run('nodse')).err).toMatch(/"nodse"이라는 명령은 없습니다. 혹시: nodes, node\?/)
    expect((await h.run('history')).out).toMatch(/1 {2}mien\n\s+2 {2}nodse\n\s+3 {2}history/)
    await h.run('preset dev')
    expect((await h.run('deploy Counter.sol')).err).toBe('이 화면에는 아직 솔리디티 컴파일러가 연결되지 않았습니다.')
    expect((await h.run('call Counter count')).err).toMatch(/ABI를 모릅니다/)
    expect((await h.run('send "0 1')).err).toMatch(/따옴표가 닫히지 않았습니다/)
  })
})

/** The real worker core behind the real client, through an in-process WorkerLike. */
function inProcessWorker(): WorkerLike {
  const core = createSimulatorWorkerCore({ libraries: nodeIsolateLibraries() })
  const listeners: ((event: { data: unknown }) => void)[] = []
  return {
    postMessage(message) {
      void core.handle(structuredClone(message) as SimulatorRequest).then((reply) => {
        for (const l of listeners) l({ data: structuredClone(reply) })
      })
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') listeners.push(listener as (event: { data: unknown }) => void)
    },
    terminate: () => core.host.stop(),
  }
}

describe('deploy and call end to end (real worker core, injected compile)', () => {
  it('compiles Counter.sol, deploys it with a constructor argument, calls and reads it', async () => {
    const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: nodeLibraryReader() })
    let compiled = 0
    const compile: CompileFunction = async (request) => (compiled++, compiler.compile(request))
    const client = createSimulatorClient({ worker: inProcessWorker() })
    const h = harness({ sim: client, compile })
    try {
      await h.run('preset dev')
      const d = await h.run('deploy Counter.sol Counter 5')
      expect(d.err).toBe('')
      expect(compiled).toBe(1)
      expect(d.out).toMatch(/Counter deployed at 0x[0-9a-fA-F]{40} \(block 1/)
      expect((await h.run('call Counter count')).out).toBe('5n')
      expect((await h.run('call counter increment')).out).toMatch(/Transaction 0x[0-9a-f]{64}: block 2 \(success\)/)
      await h.run('call Counter add 10')
      expect((await h.run('call Counter count')).out).toBe('16n')
      expect((await h.run('call Counter nope')).err).toMatch(/no function nope; the contract has: add, count, increment/)
      expect((await h.run('call Counter add x')).err).toMatch(/SyntaxError|Cannot convert/)
      expect((await h.run('deploy Missing.sol')).err).toBe('There is no file "Missing.sol". Files: Counter.sol')
      expect((await h.run('deploy Counter.sol Countr')).err).toBe('Counter.sol has no deployable contract "Countr". Contracts: Counter')
      const sent = await h.run('send 1 2 0.25')
      expect(sent.out).toMatch(/Included in block \d+ \(success, gas 21000\)/)
      const accounts = await h.run('accounts')
      expect(accounts.out).toMatch(/2\s+0x[0-9a-fA-F]{40}\s+10000.25/)
    } finally {
      client.dispose()
    }
  }, 120_000)
})
