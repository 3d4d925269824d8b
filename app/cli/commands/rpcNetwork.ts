/**
 * `playground rpc --preset bft|pos|raft-consortium|poa`: a simulated consensus network running
 * the EVM, each node's JSON-RPC at `/node/N` and the first node that may submit at `/`. This
 * process is the driver: it advances simulated time at wall-clock pace, so transactions wait
 * for real consensus (proposals, votes, finality) before their receipts appear.
 *
 * @module
 */
import { loadFastCrypto } from '../../../runtime/crypto/fastCrypto.node.ts'
import { nodeLibraryReader } from '../../../runtime/compiler/librariesNode.node.ts'
import { TEST_KEYS_WARNING } from '../../../runtime/exec/evm/devAccounts.ts'
import { startRpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import type { RpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import { createNetworkNode, restoreNetworkNode } from '../../../runtime/rpc/networkNode.ts'
import type { NetworkNode, NetworkState } from '../../../runtime/rpc/networkNode.ts'
import { saveStateFile } from '../rpcStateFile.ts'
import type { Lang } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import { UsageError } from '../usageError.ts'

export const NETWORK_RPC_PRESETS = ['bft', 'pos', 'raft-consortium', 'poa', 'pow-lan'] as const

/** How often the driver catches simulated time up with the wall clock. */
const TICK_MS = 20

/** How often a changed network is written to its --state file. */
const SAVE_EVERY_MS = 2000

export interface NetworkRpcOptions {
  preset: string
  port: number
  lang: Lang
  json: boolean
  out: (line: string) => void
  seed: number
  statePath: string | undefined
  restore: NetworkState | undefined
}

export async function startNetworkRpc(o: NetworkRpcOptions): Promise<number> {
  const libraries = nodeLibraryReader()
  const host = { consoleSol: libraries('hardhat/console.sol')!, customCrypto: await loadFastCrypto() }
  let network: NetworkNode
  try {
    network =
      o.restore === undefined
        ? await createNetworkNode({ ...host, preset: o.preset, seed: o.seed, genesisTimestamp: BigInt(Math.floor(Date.now() / 1000)) })
        : await restoreNetworkNode(o.restore, host)
  } catch (error) {
    if (o.restore !== undefined) throw new UsageError(formatMessage('rpc.state-replay', { path: o.statePath!, details: (error as Error).message.split('\n')[0]! }))
    throw error
  }
  const { net, driver } = network
  const nodes = net.config.nodes
  const w = network.execution.world()
  let entry = 0
  while (entry < nodes && !w.members.can(entry, 'submit')) entry++
  if (entry === nodes) entry = 0

  let server: RpcServer
  try {
    server = await startRpcServer({
      service: network.service(entry),
      port: o.port,
      route(path) {
        const match = /^\/node\/(\d+)$/.exec(path)
        if (match === null) return undefined
        const node = Number(match[1])
        return node < nodes ? network.service(node) : undefined
      },
    })
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
      throw new UsageError(formatMessage('rpc.port-in-use', { port: o.port }))
    }
    throw error
  }

  const startWall = Date.now()
  const startSim = net.now
  let busy = false
  const tick = setInterval(() => {
    if (busy) return
    busy = true
    // Simulated time follows the wall clock; a slow step only delays the catch-up.
    driver.advanceTo(startSim + (Date.now() - startWall) * 1000).then(
      () => (busy = false),
      (error: unknown) => {
        busy = false
        process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
      },
    )
  }, TICK_MS)

  const chainId = network.chain(entry).chainId
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify({
        url: server.url,
        wsUrl: server.wsUrl,
        chainId: Number(chainId),
        preset: o.preset,
        nodes,
        entryNode: entry,
        nodeUrl: `${server.url}/node/{N}`,
        accounts: network.accounts.map((a) => ({ address: a.address, privateKey: a.privateKeyHex })),
        warning: { code: 'rpc.test-keys', ...TEST_KEYS_WARNING },
        state: o.statePath ?? null,
      })}\n`,
    )
  } else {
    const ko = o.lang === 'ko'
    const protocol = net.protocol.name
    o.out(
      ko
        ? `블록체인 놀이터 JSON-RPC (${o.preset} 프리셋: 노드 ${nodes}개, ${protocol} 합의, 시뮬레이션 시간 = 실제 시간)`
        : `Blockchain Playground JSON-RPC (${o.preset} preset: ${nodes} nodes, ${protocol} consensus, simulated time = wall clock)`,
    )
    o.out(`  HTTP      ${server.url}   (${ko ? `노드 ${entry}` : `node ${entry}`})`)
    o.out(`  ${ko ? '노드별    ' : 'Per node  '}${server.url}/node/N   (N = 0…${nodes - 1})`)
    o.out(`  WebSocket ${server.wsUrl}`)
    o.out(`  ${ko ? '체인 ID   ' : 'Chain id  '}${chainId} (0x${chainId.toString(16)})`)
    o.out(
      ko
        ? '  트랜잭션은 합의로 블록에 들어갑니다: 영수증은 블록이 만들어진 뒤, "finalized" 태그는 확정 뒤에 보입니다.'
        : '  Transactions enter blocks by consensus: receipts appear once a block is made, the "finalized" tag once it is final.',
    )
    if (o.statePath === undefined) {
      o.out(ko ? '  상태      저장하지 않음: 멈추면 네트워크가 처음으로 돌아갑니다 (--state 파일로 이어 쓰기)' : '  State     not saved: the network starts over when you stop it (--state FILE keeps it)')
    } else if (o.restore !== undefined) {
      const seconds = (net.now / 1e6).toFixed(1)
      o.out(ko ? `  상태      ${o.statePath}에서 복원했습니다 (입력 ${o.restore.inputs.length}개를 다시 실행, 시뮬레이션 ${seconds}초)` : `  State     restored from ${o.statePath} (${o.restore.inputs.length} inputs replayed, ${seconds} s simulated)`)
    } else {
      o.out(ko ? `  상태      ${o.statePath}에 저장합니다 (새 네트워크)` : `  State     saving to ${o.statePath} (new network)`)
    }
    o.out('')
    o.out(ko ? '계정 (각 10000 ETH):' : 'Accounts (10000 ETH each):')
    network.accounts.forEach((a, i) => o.out(`  (${i}) ${a.address}  ${a.privateKeyHex}`))
    o.out('')
    const warning = ko ? TEST_KEYS_WARNING.ko : TEST_KEYS_WARNING.en
    o.out(`!!  ${warning}  !!`)
    o.out(ko ? 'Ctrl+C로 멈춥니다.' : 'Stop with Ctrl+C.')
  }

  // Saving: the inputs so far (commands and transactions) whenever there are new ones, and on exit.
  let savedInputs = o.restore?.inputs.length ?? -1
  const save = () => {
    if (o.statePath === undefined) return
    savedInputs = net.inputs.length
    saveStateFile(o.statePath, network.exportState())
  }
  const saver = setInterval(() => {
    if (net.inputs.length !== savedInputs) save()
  }, SAVE_EVERY_MS)

  return new Promise<number>((resolve) => {
    const stop = () => {
      clearInterval(tick)
      clearInterval(saver)
      // Let a running advance finish so the saved time and inputs belong together.
      void driver.advanceTo(net.now).then(() => {
        save()
        return server.close()
      }).then(() => resolve(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
