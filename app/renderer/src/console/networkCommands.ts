/**
 * Console commands that drive the simulator's control API: start a network, look at its nodes,
 * select one, mine, crash and restart nodes, partition and heal, metrics, and the deterministic
 * batch run (`sim`, the same trace hash as `playground sim --json`).
 *
 * @module
 */
import { LIVE_PRESETS } from '../../workers/simulatorProtocol.ts'
import { PRESET_NAMES } from '../../../../runtime/sim/presets.ts'
import { expectArgs, expectFlags, intArg, needNetwork, nodeArg, usageError } from './commandArgs.ts'
import { ansi, formatEther, formatTable, shortHash } from './consoleFormat.ts'
import type { ConsoleCommand } from './consoleTypes.ts'
import { ConsoleError, bi } from './consoleTypes.ts'

const presetCommand: ConsoleCommand = {
  name: 'preset',
  usage: 'preset <name> [--seed S] [--nodes N]',
  help: bi(
    `네트워크를 시작하거나 바꿉니다(하나만 돌아갑니다). 프리셋: ${LIVE_PRESETS.join(', ')}. dev는 노드 하나에 트랜잭션마다 블록이 생기는 개발 체인, 나머지는 합의로 블록을 만드는 여러 노드의 네트워크입니다.`,
    `Starts or switches the network (one runs at a time). Presets: ${LIVE_PRESETS.join(', ')}. dev is a one-node development chain that mines each transaction; the others are multi-node networks whose blocks come from consensus.`,
  ),
  examples: ['preset dev', 'preset pow-lan --seed 7', 'preset bft --nodes 4'],
  async run({ args, flags }, env) {
    expectArgs(this, args, 1)
    expectFlags(flags, ['seed', 'nodes'])
    const preset = args[0]!
    if (!(LIVE_PRESETS as readonly string[]).includes(preset)) {
      throw new ConsoleError(bi(`"${preset}"라는 프리셋은 없습니다. 쓸 수 있는 프리셋: ${LIVE_PRESETS.join(', ')}`, `There is no preset "${preset}". Valid presets: ${LIVE_PRESETS.join(', ')}`))
    }
    const seed = flags.seed === undefined ? undefined : intArg(flags.seed, '--seed', -(2 ** 31), 2 ** 31)
    const nodes = flags.nodes === undefined ? undefined : intArg(flags.nodes, '--nodes', 1, 1000)
    env.out.line(ansi.dim(env.say(bi(`${preset} 네트워크를 시작하는 중…`, `Starting the ${preset} network…`))))
    const info = await env.sim.start({ preset, ...(seed === undefined ? {} : { seed }), ...(nodes === undefined ? {} : { nodes }) })
    env.state.info = info
    env.state.node = info.entryNode
    env.state.contracts.clear()
    env.out.line(
      env.say(
        bi(
          `${ansi.bold(info.preset)} 시작: 노드 ${info.nodes}개, 합의 ${info.protocol}, 체인 ID ${info.chainId}, 시드 ${info.seed}. 선택한 노드: ${info.entryNode}`,
          `${ansi.bold(info.preset)} started: ${info.nodes} node(s), consensus ${info.protocol}, chain id ${info.chainId}, seed ${info.seed}. Selected node: ${info.entryNode}`,
        ),
      ),
    )
    env.out.line(ansi.dim(env.say(bi('계정(각 10000 ETH, 공개된 테스트 키 — 실제 돈을 넣지 마세요): `accounts`로 보기', 'Accounts (10000 ETH each, publicly known test keys — never send real money): see `accounts`'))))
  },
}

const nodesCommand: ConsoleCommand = {
  name: 'nodes',
  usage: 'nodes',
  help: bi('노드 표: 번호, 역할, 높이, 헤드 블록, 피어 수, 상태. * 는 선택한 노드입니다.', 'The node table: id, role, height, head block, peers, status. * marks the selected node.'),
  async run({ args, flags }, env) {
    expectArgs(this, args, 0)
    expectFlags(flags, [])
    needNetwork(env)
    const summary = await env.sim.summary()
    if (summary === null) throw new ConsoleError(bi('네트워크가 멈췄습니다.', 'The network has stopped.'))
    const header = env.say(bi('번호|역할|높이|헤드|피어|상태', 'id|role|height|head|peers|status')).split('|')
    const rows = summary.nodes.map((n) => [`${n.node === env.state.node ? '*' : ' '}${n.node}`, n.role, String(n.height), shortHash(n.head), String(n.peers), n.status === 'up' ? n.status : ansi.red(n.status)])
    for (const line of formatTable([header, ...rows])) env.out.line(line)
    const seconds = (summary.nowMs / 1000).toFixed(1)
    env.out.line(
      ansi.dim(
        env.say(
          bi(
            `블록 ${summary.blocks}개 · 확정 높이 ${summary.finalizedHeight}${summary.partitioned ? ' · 분할됨' : ''}${summary.preset === 'dev' ? '' : ` · 시뮬레이션 ${seconds}초`}`,
            `${summary.blocks} block(s) · finalized height ${summary.finalizedHeight}${summary.partitioned ? ' · partitioned' : ''}${summary.preset === 'dev' ? '' : ` · simulated ${seconds} s`}`,
          ),
        ),
      ),
    )
  },
}

const nodeCommand: ConsoleCommand = {
  name: 'node',
  usage: 'node <n>',
  help: bi('노드를 고릅니다: mine, send, deploy, call, js가 이 노드의 JSON-RPC를 씁니다.', 'Selects a node: mine, send, deploy, call and js use its JSON-RPC.'),
  examples: ['node 3'],
  async run({ args, flags }, env) {
    expectArgs(this, args, 1)
    expectFlags(flags, [])
    env.state.node = nodeArg(env, args[0])
    env.out.line(env.say(bi(`노드 ${env.state.node}을(를) 골랐습니다.`, `Node ${env.state.node} selected.`)))
  },
}

const mineCommand: ConsoleCommand = {
  name: 'mine',
  usage: 'mine [count]',
  help: bi(
    '선택한 노드가 지금 블록을 만듭니다(count개, 기본 1). dev 체인에서는 빈 블록을 채굴합니다. bft, pos, raft, poa에서는 지금 차례인 제안자(리더)만 만들 수 있습니다.',
    'The selected node makes a block now (count blocks, default 1). On the dev chain it mines empty blocks. Under bft, pos, raft and poa only the proposer (leader) whose turn it is can.',
  ),
  examples: ['mine', 'mine 3'],
  async run({ args, flags }, env) {
    expectArgs(this, args, 0, 1)
    expectFlags(flags, [])
    needNetwork(env)
    const count = args[0] === undefined ? 1 : intArg(args[0], 'count', 1, 100)
    for (let i = 0; i < count; i++) {
      const result = (await env.sim.command({ type: 'mine', node: env.state.node })) as { block?: number }
      env.out.line(env.say(bi(`노드 ${env.state.node}이(가) 블록 #${result.block ?? '?'}을(를) 만들었습니다.`, `Node ${env.state.node} made block #${result.block ?? '?'}.`)))
    }
  },
}

function nodeCommandOf(type: 'crash' | 'restart', help: ReturnType<typeof bi>, done: (n: number) => ReturnType<typeof bi>): ConsoleCommand {
  return {
    name: type,
    usage: `${type} <n>`,
    help,
    examples: [`${type} 2`],
    async run({ args, flags }, env) {
      expectArgs(this, args, 1)
      expectFlags(flags, [])
      const node = nodeArg(env, args[0])
      await env.sim.command({ type, node })
      env.out.line(env.say(done(node)))
    },
  }
}

const crashCommand = nodeCommandOf(
  'crash',
  bi('노드를 멈춥니다(장애). 멈춘 노드는 메시지를 받지도 보내지도 않습니다. restart로 되살립니다.', 'Crashes a node: it neither receives nor sends. Bring it back with restart.'),
  (n) => bi(`노드 ${n}이(가) 멈췄습니다.`, `Node ${n} crashed.`),
)
const restartCommand = nodeCommandOf(
  'restart',
  bi('멈춘 노드를 다시 켭니다. 놓친 블록은 피어에게서 따라잡습니다.', 'Restarts a crashed node; it catches up on missed blocks from its peers.'),
  (n) => bi(`노드 ${n}이(가) 다시 켜졌습니다.`, `Node ${n} restarted.`),
)

const partitionCommand: ConsoleCommand = {
  name: 'partition',
  usage: 'partition <a,b,…> <c,d,…> [...]',
  help: bi('네트워크를 무리로 나눕니다: 다른 무리의 노드끼리는 메시지가 닿지 않습니다. 적지 않은 노드는 마지막 무리에 들어갑니다. heal로 되돌립니다.', 'Splits the network into groups: messages do not cross between groups. Nodes not listed join the last group. Undo with heal.'),
  examples: ['partition 0,1,2 3,4,5,6,7'],
  async run({ args, flags }, env) {
    expectFlags(flags, [])
    if (args.length < 2) throw usageError(this)
    const info = needNetwork(env)
    const groups = args.map((group, i) => {
      const ids = group.split(',').filter((s) => s !== '')
      if (ids.length === 0) throw usageError(this)
      return ids.map((id) => intArg(id, `group ${i + 1}`, 0, info.nodes - 1))
    })
    const seen = new Set<number>()
    for (const id of groups.flat()) {
      if (seen.has(id)) throw new ConsoleError(bi(`노드 ${id}이(가) 두 무리에 들어 있습니다. 노드는 한 무리에만 넣으세요.`, `Node ${id} is in two groups; put each node in one group only.`))
      seen.add(id)
    }
    await env.sim.command({ type: 'partition', groups })
    env.out.line(env.say(bi(`네트워크를 나눴습니다: ${groups.map((g) => `[${g.join(', ')}]`).join(' | ')}`, `Network partitioned: ${groups.map((g) => `[${g.join(', ')}]`).join(' | ')}`)))
  },
}

const healCommand: ConsoleCommand = {
  name: 'heal',
  usage: 'heal',
  help: bi('분할을 없애 모든 노드가 다시 연결되게 합니다.', 'Removes the partition: every node is connected again.'),
  async run({ args, flags }, env) {
    expectArgs(this, args, 0)
    expectFlags(flags, [])
    needNetwork(env)
    await env.sim.command({ type: 'heal' })
    env.out.line(env.say(bi('분할을 없앴습니다. 노드들이 다시 서로 연결됩니다.', 'Partition healed: the nodes are connected again.')))
  },
}

const numberText = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(3)) : String(v))
const secondsText = (ms: unknown) => (typeof ms === 'number' ? (ms / 1000).toFixed(3) : '–')

const metricsCommand: ConsoleCommand = {
  name: 'metrics',
  usage: 'metrics',
  help: bi('지금까지의 지표: 블록, 고아 비율, 확정 높이, 전파 시간, 메시지와 바이트, 트랜잭션 처리량, trace hash.', 'Metrics so far: blocks, stale rate, finalized height, propagation, messages and bytes, transaction throughput, trace hash.'),
  async run({ args, flags }, env) {
    expectArgs(this, args, 0)
    expectFlags(flags, [])
    needNetwork(env)
    const m = (await env.sim.metrics()) as Record<string, unknown>
    if (m.preset === 'dev') {
      env.out.line(env.say(bi(`dev 체인: 블록 ${numberText(m.blocks)}개 · 대기 트랜잭션 ${numberText(m.pendingTransactions)}건`, `dev chain: ${numberText(m.blocks)} block(s) · ${numberText(m.pendingTransactions)} pending transaction(s)`)))
      return
    }
    const p = (m.propagation ?? {}) as { t50Ms?: number | null; t90Ms?: number | null; t100Ms?: number | null }
    const t = m.transactions as { submitted: number; finalized: number; throughputTps: number } | null
    const rows = [
      [env.say(bi('항목', 'metric')), env.say(bi('값', 'value'))],
      [env.say(bi('블록', 'blocks')), numberText(m.blocks)],
      [env.say(bi('고아 블록(비율)', 'stale blocks (rate)')), `${numberText(m.orphans)} (${((Number(m.staleRate) || 0) * 100).toFixed(2)}%)`],
      [env.say(bi('확정 높이', 'finalized height')), numberText(m.finalizedHeight)],
      [env.say(bi('전파 t50/t90/t100 (초)', 'propagation t50/t90/t100 (s)')), `${secondsText(p.t50Ms)} / ${secondsText(p.t90Ms)} / ${secondsText(p.t100Ms)}`],
      [env.say(bi('메시지', 'messages')), numberText(m.messages)],
      [env.say(bi('바이트', 'bytes')), numberText(m.bytes)],
      [env.say(bi('시뮬레이션 시간 (초)', 'simulated (s)')), secondsText(m.simulatedMs)],
      ...(t ? [[env.say(bi('트랜잭션 제출/확정', 'transactions submitted/final')), `${t.submitted} / ${t.finalized} (${t.throughputTps} tx/s)`]] : []),
      ['traceHash', String(m.traceHash)],
    ]
    for (const line of formatTable(rows)) env.out.line(line)
  },
}

const simCommand: ConsoleCommand = {
  name: 'sim',
  usage: 'sim <preset> [--seed S] [--blocks B] [--nodes N]',
  help: bi(
    `결정론적 일괄 실행: 프리셋을 높이 B(기본 100)까지 돌리고 trace hash와 이벤트 수를 보여 줍니다. 같은 프리셋·시드면 \`playground sim --json\`과 같은 해시가 나옵니다. 프리셋: ${PRESET_NAMES.join(', ')}`,
    `Deterministic batch run: runs a preset to height B (default 100) and prints its trace hash and event count — the same hash as \`playground sim --json\` for the same preset and seed. Presets: ${PRESET_NAMES.join(', ')}`,
  ),
  examples: ['sim pos --seed 7 --blocks 10', 'sim pow-lan --seed 3 --blocks 20'],
  async run({ args, flags }, env) {
    expectArgs(this, args, 1)
    expectFlags(flags, ['seed', 'blocks', 'nodes'])
    const preset = args[0]!
    if (!PRESET_NAMES.includes(preset)) {
      throw new ConsoleError(bi(`"${preset}"라는 프리셋은 없습니다. 쓸 수 있는 프리셋: ${PRESET_NAMES.join(', ')}`, `There is no preset "${preset}". Valid presets: ${PRESET_NAMES.join(', ')}`))
    }
    const seed = flags.seed === undefined ? 1 : intArg(flags.seed, '--seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
    const blocks = flags.blocks === undefined ? 100 : intArg(flags.blocks, '--blocks', 1, 10_000)
    const nodes = flags.nodes === undefined ? undefined : intArg(flags.nodes, '--nodes', 1, 10_000)
    env.out.line(ansi.dim(env.say(bi(`${preset}을(를) 높이 ${blocks}까지 실행하는 중 (시드 ${seed})…`, `Running ${preset} to height ${blocks} (seed ${seed})…`))))
    const r = await env.sim.batch({ preset, seed, blocks, ...(nodes === undefined ? {} : { nodes }) })
    env.out.line(
      env.say(
        bi(
          `${r.preset} (합의 ${r.protocolName}, 노드 ${r.nodes}개, 시드 ${r.seed}): 블록 ${r.blocks}개, 확정 높이 ${r.finalizedHeight}, 이벤트 ${r.events.toLocaleString('en-US')}개, 메시지 ${r.messages.toLocaleString('en-US')}개, 시뮬레이션 ${(r.simulatedMs / 1000).toFixed(1)}초, 실제 ${r.wallMs} ms`,
          `${r.preset} (consensus ${r.protocolName}, ${r.nodes} nodes, seed ${r.seed}): ${r.blocks} blocks, finalized height ${r.finalizedHeight}, ${r.events.toLocaleString('en-US')} events, ${r.messages.toLocaleString('en-US')} messages, simulated ${(r.simulatedMs / 1000).toFixed(1)} s, wall ${r.wallMs} ms`,
        ),
      ),
    )
    env.out.line(env.say(bi(`안전성 ${r.safety === 'ok' ? '정상' : '위반'} · 활성 ${r.liveness === 'ok' ? '정상' : r.liveness === 'stalled' ? '멈춤' : '판정 불가'}`, `safety ${r.safety} · liveness ${r.liveness}`)))
    env.out.line(`traceHash ${ansi.cyan(r.traceHash)}`)
    env.out.line(`events ${r.events}`)
  },
}

const accountsCommand: ConsoleCommand = {
  name: 'accounts',
  usage: 'accounts',
  help: bi('개발 계정(번호와 주소)과 선택한 노드에서 본 잔액. send와 deploy에서 번호로 씁니다.', 'The dev accounts (index and address) with balances seen by the selected node; send and deploy take the index.'),
  async run({ args, flags }, env) {
    expectArgs(this, args, 0)
    expectFlags(flags, [])
    const info = needNetwork(env)
    const provider = env.sim.provider(env.state.node)
    const rows = [[env.say(bi('번호', '#')), env.say(bi('주소', 'address')), env.say(bi('잔액 (ETH)', 'balance (ETH)'))]]
    for (const [i, address] of info.accounts.entries()) {
      const balance = BigInt((await provider.request({ method: 'eth_getBalance', params: [address, 'latest'] })) as string)
      rows.push([String(i), address, formatEther(balance)])
    }
    for (const line of formatTable(rows)) env.out.line(line)
    env.out.line(ansi.yellow(env.say(bi('공개된 테스트 키입니다: 실제 네트워크에서 쓰지 마세요.', 'These are publicly known test keys: never use them on a real network.'))))
  },
}

export const networkCommands: ConsoleCommand[] = [presetCommand, nodesCommand, nodeCommand, mineCommand, crashCommand, restartCommand, partitionCommand, healCommand, metricsCommand, simCommand, accountsCommand]
