/**
 * `playground rpc --preset dev [--port 8545] [--state FILE]`: an Ethereum JSON-RPC node on
 * 127.0.0.1 for MetaMask, viem, ethers and Hardhat scripts. The CLI is the driver: it supplies
 * the wall clock, runs interval mining on a timer, prints console.log output, and saves the chain.
 *
 * @module
 */
import { loadFastCrypto } from '../../../runtime/crypto/fastCrypto.node.ts'
import { nodeLibraryReader } from '../../../runtime/compiler/librariesNode.node.ts'
import { TEST_KEYS_WARNING } from '../../../runtime/exec/evm/devAccounts.ts'
import type { ChainEvent, DevChainState } from '../../../runtime/exec/evm/devChain.ts'
import { createDevNode } from '../../../runtime/rpc/devNode.ts'
import type { DevNode } from '../../../runtime/rpc/devNode.ts'
import { startRpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import type { RpcServer } from '../../../runtime/rpc/httpServer.node.ts'
import type { Lang } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { intFlag } from '../args.ts'
import { loadStateFile, saveStateFile } from '../rpcStateFile.ts'
import { UsageError } from '../usageError.ts'
import { startNetworkRpc, NETWORK_RPC_PRESETS } from './rpcNetwork.ts'

export const RPC_FLAGS = {
  preset: { type: 'string' },
  port: { type: 'string' },
  state: { type: 'string' },
  accounts: { type: 'string' },
  seed: { type: 'string' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

export const RPC_PRESETS = ['dev', ...NETWORK_RPC_PRESETS] as const

const wallSeconds = (): bigint => BigInt(Math.floor(Date.now() / 1000))

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function runRpc(args: ParsedArgs, lang: Lang, json: boolean): Promise<number> {
  const preset = String(args.flags.get('preset') ?? 'dev')
  if (!(RPC_PRESETS as readonly string[]).includes(preset)) {
    throw new UsageError(formatMessage('usage.bad-choice', { flag: 'preset', got: preset, choices: RPC_PRESETS.join(', ') }))
  }
  const port = intFlag(args, 'port', 0, 65535) ?? 8545
  const statePath = args.flags.get('state') as string | undefined
  const quiet = args.flags.has('quiet')
  const out = (line: string) => {
    if (!quiet) process.stdout.write(`${line}\n`)
  }
  const saved = statePath === undefined ? undefined : loadStateFile(statePath)
  const savedPreset = saved === undefined ? undefined : 'kind' in saved ? saved.preset : 'dev'
  if (saved !== undefined && savedPreset !== preset) {
    throw new UsageError(formatMessage('rpc.state-preset', { path: statePath!, saved: savedPreset!, preset }))
  }
  if (preset !== 'dev') {
    const restoreNetwork = saved !== undefined && 'kind' in saved ? saved : undefined
    return startNetworkRpc({ preset, port, lang, json, out, seed: intFlag(args, 'seed', 0, 2 ** 31) ?? 1, statePath, restore: restoreNetwork })
  }

  const restore = saved !== undefined && !('kind' in saved) ? saved : undefined
  const libraries = nodeLibraryReader()
  let node: DevNode
  try {
    node = await createDevNode({
      clock: { nowSeconds: wallSeconds },
      customCrypto: await loadFastCrypto(),
      consoleSol: libraries('hardhat/console.sol')!,
      accountCount: intFlag(args, 'accounts', 1, 1000) ?? 10,
      ...(restore === undefined ? {} : { restore }),
    })
  } catch (error) {
    if (statePath !== undefined && restore !== undefined) {
      throw new UsageError(formatMessage('rpc.state-replay', { path: statePath, details: (error as Error).message.split('\n')[0]! }))
    }
    throw error
  }
  const { chain } = node

  let server: RpcServer
  try {
    server = await startRpcServer({ service: node.service, port })
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') throw new UsageError(formatMessage('rpc.port-in-use', { port }))
    throw error
  }

  // Saving: soon after each change, and once more on exit.
  let saveTimer: NodeJS.Timeout | undefined
  const save = () => {
    if (statePath === undefined) return
    if (saveTimer !== undefined) clearTimeout(saveTimer)
    saveTimer = undefined
    saveStateFile(statePath, chain.dev.exportState())
  }
  const scheduleSave = () => {
    if (statePath !== undefined && saveTimer === undefined) saveTimer = setTimeout(save, 250)
  }
  chain.subscribe((event: ChainEvent) => {
    scheduleSave()
    if (event.type === 'dropped' && !json) {
      out(lang === 'ko' ? `  트랜잭션 ${event.hash}을(를) 블록에 넣지 못했습니다: ${event.reason}` : `  transaction ${event.hash} could not be mined: ${event.reason}`)
    }
    if (event.type === 'block' && !json) {
      for (const o of event.executed.outcomes) {
        const label = lang === 'ko' ? `블록 #${event.executed.block.header.number} 트랜잭션` : `block #${event.executed.block.header.number} tx`
        out(`  ${label} ${o.hash} ${o.status === 1 ? '✓' : '✗'} gas ${o.gasUsed}${o.contractAddress ? ` → ${o.contractAddress}` : ''}`)
        for (const line of o.consoleLogs) out(`    console.log: ${line}`)
      }
    }
  })

  // Interval mining is a host timer (runtime/ has no clock of its own).
  let mining: NodeJS.Timeout | undefined
  chain.dev.onIntervalChange((ms) => {
    if (mining !== undefined) clearInterval(mining)
    mining = ms > 0 ? setInterval(() => void chain.dev.mine().catch(() => undefined), ms) : undefined
  })

  printBanner(node, server, { lang, json, statePath, restored: restore })
  return new Promise<number>((resolve) => {
    const stop = () => {
      if (mining !== undefined) clearInterval(mining)
      save()
      void server.close().then(() => resolve(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

function printBanner(node: DevNode, server: RpcServer, o: { lang: Lang; json: boolean; statePath: string | undefined; restored: DevChainState | undefined }): void {
  const chainId = node.chain.chainId
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify({
        url: server.url,
        wsUrl: server.wsUrl,
        chainId: Number(chainId),
        preset: 'dev',
        blockNumber: Number(node.chain.ledger.head().block.header.number),
        accounts: node.accounts.map((a) => ({ address: a.address, privateKey: a.privateKeyHex })),
        warning: { code: 'rpc.test-keys', ...TEST_KEYS_WARNING },
        state: o.statePath ?? null,
      })}\n`,
    )
    return
  }
  const ko = o.lang === 'ko'
  const lines: string[] = []
  lines.push(ko ? `블록체인 놀이터 JSON-RPC (dev 프리셋: 노드 1개, 자동 채굴)` : `Blockchain Playground JSON-RPC (dev preset: one node, automine)`)
  lines.push(`  HTTP      ${server.url}`)
  lines.push(`  WebSocket ${server.wsUrl}`)
  lines.push(`  ${ko ? '체인 ID   ' : 'Chain id  '}${chainId} (0x${chainId.toString(16)})`)
  if (o.statePath === undefined) {
    lines.push(ko ? '  상태      저장하지 않음: 서버를 멈추면 체인이 처음으로 돌아갑니다 (--state 파일로 이어 쓰기)' : '  State     not saved: the chain starts over when you stop the server (--state FILE keeps it)')
  } else if (o.restored !== undefined) {
    const n = node.chain.ledger.head().block.header.number
    lines.push(ko ? `  상태      ${o.statePath}에서 블록 ${n}개를 복원했습니다` : `  State     restored ${n} blocks from ${o.statePath}`)
  } else {
    lines.push(ko ? `  상태      ${o.statePath}에 저장합니다 (새 체인)` : `  State     saving to ${o.statePath} (new chain)`)
  }
  lines.push('')
  lines.push(ko ? '계정 (각 10000 ETH):' : 'Accounts (10000 ETH each):')
  node.accounts.forEach((a, i) => {
    lines.push(`  (${i}) ${a.address}`)
    lines.push(`      ${ko ? '개인 키' : 'private key'} ${a.privateKeyHex}`)
  })
  lines.push('')
  const warning = ko ? TEST_KEYS_WARNING.ko : TEST_KEYS_WARNING.en
  const bar = '!'.repeat(Math.min(100, warning.length + 8))
  lines.push(bar, `!!  ${warning}  !!`, bar)
  lines.push('')
  lines.push(ko ? 'Ctrl+C로 멈춥니다.' : 'Stop with Ctrl+C.')
  process.stdout.write(`${lines.join('\n')}\n`)
}
