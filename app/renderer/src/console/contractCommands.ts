/**
 * Console commands for transactions and contracts: `send` (ether between accounts, through the
 * selected node's JSON-RPC), `deploy` (compile with the injected compiler, deploy with viem in the
 * worker's sandbox), `call` (read or write a deployed contract), `files`.
 *
 * @module
 */
import type { ContractArtifact } from '../../../../runtime/compiler/compilerTypes.ts'
import type { ReplResult } from '../workers/simulatorClient.ts'
import { expectArgs, expectFlags, intArg, needNetwork, usageError } from './commandArgs.ts'
import { ansi, formatEther, parseAmount, shortHash } from './consoleFormat.ts'
import type { CommandEnv, ConsoleCommand } from './consoleTypes.ts'
import { ConsoleError, bi } from './consoleTypes.ts'

const ADDRESS = /^0x[0-9a-fA-F]{40}$/

/** An account index (0–9) or an address. */
function accountArg(env: CommandEnv, text: string, name: string): string {
  const info = needNetwork(env)
  if (ADDRESS.test(text)) return text
  if (/^\d+$/.test(text)) return info.accounts[intArg(text, name, 0, info.accounts.length - 1)]!
  throw new ConsoleError(
    bi(
      `${name}에는 계정 번호(0–${info.accounts.length - 1})나 주소(0x와 16진수 40자)를 쓰세요. 받은 값: ${JSON.stringify(text)}`,
      `${name} must be an account index (0–${info.accounts.length - 1}) or an address (0x and 40 hex digits); got ${JSON.stringify(text)}`,
    ),
  )
}

/** Polls for a receipt for up to `waitMs` (the dev chain answers at once; consensus takes a block). */
async function waitForReceipt(env: CommandEnv, hash: string, waitMs: number): Promise<{ blockNumber: string; status: string; gasUsed: string; contractAddress?: string | null } | null> {
  const provider = env.sim.provider(env.state.node)
  const sleep = env.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  for (let waited = 0; ; waited += 250) {
    const receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as { blockNumber: string; status: string; gasUsed: string } | null
    if (receipt !== null || waited >= waitMs) return receipt
    await sleep(250)
  }
}

const sendCommand: ConsoleCommand = {
  name: 'send',
  usage: 'send <from> <to> <amount> [eth|wei]',
  help: bi(
    '이더를 보냅니다. from과 to는 계정 번호(accounts 참고)나 주소, 단위는 eth(기본)나 wei. 선택한 노드의 JSON-RPC로 보내고 블록에 들어갈 때까지 기다립니다(최대 30초).',
    'Sends ether. from and to are account indexes (see accounts) or addresses; the unit is eth (default) or wei. Goes through the selected node’s JSON-RPC and waits for a block (up to 30 s).',
  ),
  examples: ['send 0 1 1.5', 'send 0 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 1000 wei'],
  async run({ args, flags }, env) {
    expectArgs(this, args, 3, 4)
    expectFlags(flags, [])
    const from = accountArg(env, args[0]!, 'from')
    const to = accountArg(env, args[1]!, 'to')
    const unit = (args[3] ?? 'eth').toLowerCase()
    if (unit !== 'eth' && unit !== 'wei') throw new ConsoleError(bi(`단위는 eth나 wei입니다. 받은 값: ${JSON.stringify(args[3])}`, `The unit is eth or wei; got ${JSON.stringify(args[3])}`))
    const value = parseAmount(args[2]!, unit)
    if (value === undefined) {
      throw new ConsoleError(bi(`금액은 ${unit === 'eth' ? '소수점 18자리까지의 수(예: 1.5)' : '0 이상의 정수'}여야 합니다. 받은 값: ${JSON.stringify(args[2])}`, `amount must be ${unit === 'eth' ? 'a number with up to 18 decimals (e.g. 1.5)' : 'a whole number of wei'}; got ${JSON.stringify(args[2])}`))
    }
    const hash = (await env.sim.provider(env.state.node).request({ method: 'eth_sendTransaction', params: [{ from, to, value: `0x${value.toString(16)}` }] })) as string
    env.out.line(env.say(bi(`트랜잭션 ${hash} 보냄 (${formatEther(value)} ETH, ${shortHash(from)} → ${shortHash(to)}). 블록을 기다리는 중…`, `Transaction ${hash} sent (${formatEther(value)} ETH, ${shortHash(from)} → ${shortHash(to)}). Waiting for a block…`)))
    const receipt = await waitForReceipt(env, hash, 30_000)
    if (receipt === null) {
      env.out.line(ansi.yellow(env.say(bi('30초 안에 블록에 들어가지 않았습니다. `mine`으로 블록을 만들거나 나중에 js에서 `await client.getTransactionReceipt({ hash })`로 확인하세요.', 'Not in a block within 30 s. Make one with `mine`, or check later in js with `await client.getTransactionReceipt({ hash })`.'))))
      return
    }
    env.out.line(env.say(bi(`블록 ${Number(receipt.blockNumber)}에 들어감 (${receipt.status === '0x1' ? '성공' : '실패'}, 가스 ${Number(receipt.gasUsed)})`, `Included in block ${Number(receipt.blockNumber)} (${receipt.status === '0x1' ? 'success' : 'failed'}, gas ${Number(receipt.gasUsed)})`)))
  },
}

/** On a consensus network a transaction waits for the next block: say so before the wait. */
function blockWaitHint(env: CommandEnv): void {
  if (env.state.info !== null && env.state.info.preset !== 'dev') {
    env.out.line(ansi.dim(env.say(bi('트랜잭션을 보내고 다음 블록을 기다립니다(합의 네트워크에서는 몇 초에서 수십 초, 최대 55초)…', 'Sending the transaction and waiting for the next block (seconds to tens of seconds on a consensus network, at most 55 s)…'))))
  }
}

function workerFailure(result: ReplResult): ConsoleError {
  return new ConsoleError(result.error === undefined ? bi('알 수 없는 오류', 'unknown error') : bi(result.error.ko, result.error.en))
}

/** Finds `file` among the files (exact path, or a unique file name). */
function findFile(files: Record<string, string>, file: string): string {
  if (Object.hasOwn(files, file)) return file
  const byName = Object.keys(files).filter((p) => p.split('/').pop() === file)
  if (byName.length === 1) return byName[0]!
  const list = Object.keys(files).filter((p) => p.endsWith('.sol'))
  throw new ConsoleError(bi(`"${file}" 파일이 없습니다. 있는 파일: ${list.join(', ') || '(없음)'}`, `There is no file "${file}". Files: ${list.join(', ') || '(none)'}`))
}

const deployCommand: ConsoleCommand = {
  name: 'deploy',
  usage: 'deploy <file.sol> [Contract] [args…] [--from N]',
  help: bi(
    '솔리디티 파일을 컴파일하고 계약을 배포합니다(계약 이름을 빼면 파일의 첫 계약). 생성자 인자는 차례대로 씁니다. 배포한 계약은 이름으로 call할 수 있습니다.',
    'Compiles a Solidity file and deploys a contract (without a name: the file’s first contract). Constructor arguments follow in order. Deployed contracts can be called by name.',
  ),
  examples: ['deploy Counter.sol', 'deploy Counter.sol Counter 5'],
  async run({ args, flags }, env) {
    expectFlags(flags, ['from'])
    if (args.length < 1) throw usageError(this)
    needNetwork(env)
    if (env.compile === undefined) {
      throw new ConsoleError(bi('이 화면에는 아직 솔리디티 컴파일러가 연결되지 않았습니다.', 'The Solidity compiler is not connected to this console yet.'))
    }
    const files = env.files()
    const path = findFile(files, args[0]!)
    if (!path.endsWith('.sol')) throw new ConsoleError(bi(`${path}은(는) 솔리디티 파일(.sol)이 아닙니다.`, `${path} is not a Solidity file (.sol).`))
    const sources = Object.fromEntries(Object.entries(files).filter(([p]) => p.endsWith('.sol')))
    env.out.line(ansi.dim(env.say(bi(`${path} 컴파일하는 중…`, `Compiling ${path}…`))))
    const result = await env.compile({ sources })
    for (const d of result.diagnostics.filter((x) => x.severity !== 'info')) {
      const where = `${d.file ?? ''}${d.line === null ? '' : `:${d.line}:${d.column ?? 0}`}`
      const text = `${where} ${d.severity}: ${d.message}`
      if (d.severity === 'error') env.out.error(text)
      else env.out.line(ansi.yellow(text))
    }
    if (!result.ok) throw new ConsoleError(bi('컴파일에 실패했습니다. 위 오류를 고치고 다시 deploy하세요.', 'Compilation failed: fix the errors above and deploy again.'))
    const inFile = result.artifacts.filter((a) => a.sourceName === path && a.bytecode !== '0x' && a.bytecode !== '')
    let artifact: ContractArtifact | undefined
    let ctorArgs = args.slice(1)
    if (args[1] !== undefined && /^[A-Za-z_]\w*$/.test(args[1])) {
      artifact = inFile.find((a) => a.contractName === args[1])
      if (artifact !== undefined) ctorArgs = args.slice(2)
      else if (inFile.every((a) => a.contractName !== args[1]) && !/^(true|false)$/.test(args[1])) {
        throw new ConsoleError(bi(`${path}에 배포할 수 있는 계약 "${args[1]}"이(가) 없습니다. 있는 계약: ${inFile.map((a) => a.contractName).join(', ') || '(없음)'}`, `${path} has no deployable contract "${args[1]}". Contracts: ${inFile.map((a) => a.contractName).join(', ') || '(none)'}`))
      }
    }
    artifact ??= inFile[0]
    if (artifact === undefined) throw new ConsoleError(bi(`${path}에 배포할 수 있는 계약이 없습니다(인터페이스나 추상 계약뿐입니다).`, `${path} has no deployable contract (only interfaces or abstract contracts).`))
    const from = flags.from === undefined ? undefined : intArg(flags.from, '--from', 0, 9)
    blockWaitHint(env)
    const deployed = await env.sim.contract({ kind: 'deploy', abi: artifact.abi, bytecode: artifact.bytecode, args: ctorArgs, ...(from === undefined ? {} : { from }) }, env.state.node)
    if (!deployed.ok) throw workerFailure(deployed)
    const value = deployed.value as { address: string; hash: string; blockNumber: { $bigint: string }; gasUsed: { $bigint: string } }
    const entry = { name: artifact.contractName, address: value.address, abi: artifact.abi }
    env.state.contracts.set(artifact.contractName.toLowerCase(), entry)
    env.state.contracts.set(value.address.toLowerCase(), entry)
    env.out.line(
      env.say(
        bi(
          `${ansi.bold(artifact.contractName)} 배포됨: ${ansi.cyan(value.address)} (블록 ${value.blockNumber.$bigint}, 가스 ${value.gasUsed.$bigint}). 예: call ${artifact.contractName} <함수> [인자…]`,
          `${ansi.bold(artifact.contractName)} deployed at ${ansi.cyan(value.address)} (block ${value.blockNumber.$bigint}, gas ${value.gasUsed.$bigint}). Try: call ${artifact.contractName} <function> [args…]`,
        ),
      ),
    )
  },
}

const callCommand: ConsoleCommand = {
  name: 'call',
  usage: 'call <address|name> <function> [args…] [--from N]',
  help: bi(
    '이 콘솔에서 배포한 계약의 함수를 부릅니다. view/pure 함수는 값을 읽고, 나머지는 트랜잭션을 보내 블록을 기다립니다. 배열 인자는 JSON으로 씁니다(예: [1,2]).',
    'Calls a function of a contract deployed from this console. view/pure functions read a value; others send a transaction and wait for its block. Array arguments are JSON (e.g. [1,2]).',
  ),
  examples: ['call Counter increment', 'call Counter count'],
  async run({ args, flags }, env) {
    expectFlags(flags, ['from'])
    if (args.length < 2) throw usageError(this)
    needNetwork(env)
    const target = env.state.contracts.get(args[0]!.toLowerCase())
    if (target === undefined) {
      const names = [...new Set([...env.state.contracts.values()].map((c) => c.name))]
      throw new ConsoleError(
        bi(
          `"${args[0]}"의 ABI를 모릅니다. 이 콘솔에서 deploy한 계약만 부를 수 있습니다. 배포한 계약: ${names.join(', ') || '(없음)'}`,
          `No ABI known for "${args[0]}": only contracts deployed from this console can be called. Deployed: ${names.join(', ') || '(none)'}`,
        ),
      )
    }
    const from = flags.from === undefined ? undefined : intArg(flags.from, '--from', 0, 9)
    const fn = target.abi.find((x) => (x as { type?: string; name?: string }).type === 'function' && (x as { name?: string }).name === args[1]) as { stateMutability?: string } | undefined
    if (fn !== undefined && fn.stateMutability !== 'view' && fn.stateMutability !== 'pure') blockWaitHint(env)
    const result = await env.sim.contract({ kind: 'call', abi: target.abi, address: target.address, fn: args[1]!, args: args.slice(2), ...(from === undefined ? {} : { from }) }, env.state.node)
    if (!result.ok) throw workerFailure(result)
    const value = result.value as { kind: 'read' | 'write'; hash?: string; blockNumber?: { $bigint: string }; status?: string }
    if (value.kind === 'read') {
      env.out.line(result.text)
    } else {
      env.out.line(env.say(bi(`트랜잭션 ${value.hash}: 블록 ${value.blockNumber?.$bigint} (${value.status === 'success' ? '성공' : '실패'})`, `Transaction ${value.hash}: block ${value.blockNumber?.$bigint} (${value.status})`)))
    }
  },
}

const filesCommand: ConsoleCommand = {
  name: 'files',
  usage: 'files',
  help: bi('deploy가 읽을 수 있는 파일 목록.', 'The files deploy can read.'),
  async run({ args, flags }, env) {
    expectArgs(this, args, 0)
    expectFlags(flags, [])
    const files = env.files()
    if (Object.keys(files).length === 0) env.out.line(env.say(bi('파일이 없습니다.', 'No files.')))
    for (const [path, text] of Object.entries(files)) env.out.line(`${path}  ${ansi.dim(`${text.split('\n').length} ${env.say(bi('줄', 'lines'))}`)}`)
  },
}

export const contractCommands: ConsoleCommand[] = [sendCommand, deployCommand, callCommand, filesCommand]
