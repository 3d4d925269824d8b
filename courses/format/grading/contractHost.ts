/**
 * The host half of a grader's contract work: compile the learner's Solidity, deploy, call, send,
 * decode events and reverts — with viem's ABI coder, over the attempt's EIP-1193 provider. The
 * grader in the isolate passes function names and JSON arguments and never sees a host object.
 *
 * A transaction is first run as `eth_call`: if it would revert, the learner gets the reason
 * (`require` text, a custom error's name and arguments, a panic's meaning) without a failed
 * transaction on the chain; otherwise it is sent and mined.
 *
 * Problems the learner's work caused become {@link LearnerFailure}s with a message in both
 * languages; anything else is thrown as is (the check errors).
 *
 * @module
 */
import type { Abi, AbiEvent, AbiFunction } from 'viem'
import { decodeErrorResult, decodeEventLog, decodeFunctionResult, encodeDeployData, encodeFunctionData, getAddress, isAddress } from 'viem'
import type { CompileResult as SolcResult, ContractArtifact } from '../../../runtime/compiler/compilerTypes.ts'
import { decodeRevert } from '../../../runtime/exec/evm/revertReason.ts'
import type { Hex } from '../../../runtime/exec/evm/evmTypes.ts'
import type { AttemptNetwork } from './attemptNetwork.ts'
import type { LearnerFailure } from './gradingMessage.ts'
import { learnerFailure } from './gradingMessage.ts'

export interface ContractDescriptor {
  address: string
  name: string
  functions: string[]
}

export interface HostDecodedEvent {
  name: string
  address: string
  argList: unknown[]
  argNamed: Record<string, unknown>
}

export interface HostTxResult {
  hash: string
  blockNumber: bigint
  gasUsed: bigint
  events: HostDecodedEvent[]
  console: string[]
}

export interface HostCompileResult {
  ok: boolean
  contracts: { name: string; file: string; abi: unknown[]; bytecode: string }[]
  errors: { file?: string; line?: number; column?: number; message: string }[]
}

export interface ContractHostOptions {
  attempt: AttemptNetwork
  /** The injected compiler (cached by input); it may answer later (a browser's compiler worker). */
  compile: (sources: Record<string, string>) => SolcResult | Promise<SolcResult>
  /** The learner's Solidity files, path → text. */
  workspaceSources: () => Promise<Record<string, string>>
}

export interface CallOptions {
  from?: unknown
  value?: unknown
}

/**
 * Solidity given to one compile, in UTF-16 code units: solc cannot be interrupted, so a pack's
 * grader (untrusted) or a stray huge file must not hand it megabytes.
 */
const MAX_SOURCE_CHARS = 1 << 20

function checkSourceSize(sources: Record<string, string>): void {
  let total = 0
  for (const [path, text] of Object.entries(sources)) {
    if (typeof text !== 'string') throw new TypeError(`compile: the source of ${path} must be text`)
    total += text.length
  }
  if (total > MAX_SOURCE_CHARS) {
    throw learnerFailure(
      'source.too-large',
      `솔리디티 소스가 너무 큽니다(${total}자, 한도 ${MAX_SOURCE_CHARS}자).`,
      `The Solidity sources are too large (${total} characters; the limit is ${MAX_SOURCE_CHARS}).`,
    )
  }
}

/** How long a sent transaction may wait for a block on a simulated network (simulated ms). */
const MINING_LIMIT_MS = 600_000

/**
 * @example
 * const host = createContractHost({ attempt, compile: (s) => compiler.compile({ sources: s }), workspaceSources })
 * const token = await host.deploy({ name: 'MyToken', args: [1000n] })
 * await host.call({ address: token.address, fn: 'totalSupply' }) // 1000n
 */
export function createContractHost(options: ContractHostOptions) {
  const { attempt } = options
  const provider = attempt.provider
  const known = new Map<string, { name: string; abi: Abi }>()

  const account = (ref: unknown, field = 'from'): Hex => {
    if (ref === undefined || ref === null) return attempt.accounts[0]!
    if (typeof ref === 'number' && Number.isInteger(ref) && ref >= 0 && ref < attempt.accounts.length) return attempt.accounts[ref]!
    if (typeof ref === 'string' && isAddress(ref, { strict: false })) return getAddress(ref) as Hex
    throw new TypeError(`${field}: expected a dev-account index 0–${attempt.accounts.length - 1} or an address, got ${JSON.stringify(ref)}`)
  }
  const wei = (value: unknown): bigint | undefined => {
    if (value === undefined || value === null) return undefined
    if (typeof value === 'bigint' && value >= 0n) return value
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value)
    throw new TypeError(`value: expected a non-negative bigint of wei, got ${String(value)}`)
  }
  const hexQuantity = (n: bigint | undefined): string | undefined => (n === undefined ? undefined : `0x${n.toString(16)}`)

  async function compileSources(sources: Record<string, string> | undefined): Promise<SolcResult> {
    const input = sources ?? (await options.workspaceSources())
    checkSourceSize(input)
    return await options.compile(input)
  }

  function firstError(result: SolcResult): string {
    const d = result.diagnostics.find((x) => x.severity === 'error')
    if (!d) return 'unknown error'
    return `${d.file ?? ''}${d.line === null ? '' : `:${d.line}:${d.column ?? 0}`}: ${d.message}`
  }

  async function artifactOf(name: string, sources: Record<string, string> | undefined): Promise<ContractArtifact> {
    const input = sources ?? (await options.workspaceSources())
    if (Object.keys(input).length === 0) {
      throw learnerFailure(
        'source.missing',
        `작업 공간에 솔리디티 파일(.sol)이 없습니다. 계약 ${name}이(가) 든 파일을 지우거나 이름을 바꾸지 않았는지 확인하세요.`,
        `Your workspace has no Solidity file (.sol). Check that the file with contract ${name} was not deleted or renamed.`,
      )
    }
    checkSourceSize(input)
    const result = await options.compile(input)
    if (!result.ok) {
      const where = firstError(result)
      const version = result.diagnostics.some((d) => d.severity === 'error' && /requires different compiler version/.test(d.message))
      const hint = version
        ? {
            ko: ` 놀이터의 컴파일러는 solc ${result.compilerVersion}입니다: 이 버전을 포함하는 범위를 쓰세요. 예: pragma solidity ^0.8.20;`,
            en: ` The playground's compiler is solc ${result.compilerVersion}: write a range that includes it, e.g. pragma solidity ^0.8.20;`,
          }
        : { ko: '', en: '' }
      throw learnerFailure(
        'compile.failed',
        `계약을 컴파일하지 못했습니다. 컴파일러가 알려 준 첫 오류: ${where}${hint.ko}`,
        `The contract does not compile. The compiler's first error: ${where}${hint.en}`,
      )
    }
    const candidates = result.artifacts.filter((a) => a.contractName === name && !a.sourceName.startsWith('@') && !a.sourceName.startsWith('hardhat/'))
    const artifact = candidates[0] ?? result.artifacts.find((a) => a.contractName === name)
    if (!artifact) {
      const names = result.artifacts.filter((a) => !a.sourceName.startsWith('@') && !a.sourceName.startsWith('hardhat/')).map((a) => a.contractName)
      const list = names.length === 0 ? '—' : names.join(', ')
      throw learnerFailure(
        'contract.missing',
        `\`${name}\`라는 계약을 찾지 못했습니다. 작업 공간에 있는 계약: ${list}. 계약 이름을 과제와 똑같이 지었는지 확인하세요.`,
        `No contract named \`${name}\` was found. Contracts in your workspace: ${list}. Check that the contract has exactly the name the task asks for.`,
      )
    }
    if (artifact.bytecode === '0x' || artifact.bytecode === '') {
      throw learnerFailure(
        'contract.abstract',
        `\`${name}\`은(는) 배포할 수 없습니다(추상 계약이나 인터페이스입니다). 구현되지 않은 함수가 없는지 확인하세요.`,
        `\`${name}\` cannot be deployed (it is abstract or an interface). Check that every function is implemented.`,
      )
    }
    return artifact
  }

  function allAbis(): Abi {
    const out: Abi[number][] = []
    for (const { abi } of known.values()) out.push(...abi)
    return out as Abi
  }

  /** The revert's data → what it said, using every known ABI for custom errors. */
  function describeRevert(data: unknown, abi: Abi): Record<string, unknown> {
    if (typeof data !== 'string' || !data.startsWith('0x')) return {}
    const decoded = decodeRevert(data)
    if (decoded.kind === 'error') return { reason: decoded.reason }
    if (decoded.kind === 'panic') return { reason: decoded.reason.en, panic: decoded.reason, panicCode: decoded.code }
    if (decoded.kind === 'custom') {
      for (const candidate of [abi, allAbis()]) {
        try {
          const e = decodeErrorResult({ abi: candidate, data: data as Hex })
          return { errorName: e.errorName, errorArgs: [...(e.args ?? [])] }
        } catch {
          // not in this ABI
        }
      }
      return { errorSelector: decoded.selector }
    }
    return {}
  }

  function revertFailure(what: { ko: string; en: string }, info: Record<string, unknown>): LearnerFailure {
    const said =
      typeof info.errorName === 'string'
        ? { ko: `사용자 정의 오류 ${info.errorName}`, en: `custom error ${info.errorName}` }
        : info.panic !== undefined
          ? { ko: `panic: ${(info.panic as { ko: string }).ko}`, en: `panic: ${(info.panic as { en: string }).en}` }
          : typeof info.reason === 'string'
            ? { ko: `"${info.reason}"`, en: `"${info.reason}"` }
            : { ko: '이유 없음', en: 'no reason given' }
    return learnerFailure('tx.reverted', `${what.ko} 되돌려졌습니다(revert): ${said.ko}.`, `${what.en} reverted: ${said.en}.`, info)
  }

  /** Runs the transaction as eth_call first; throws the revert as a LearnerFailure. */
  async function dryRun(tx: Record<string, unknown>, abi: Abi, what: { ko: string; en: string }): Promise<string> {
    try {
      return (await provider.request({ method: 'eth_call', params: [tx, 'latest'] })) as string
    } catch (error) {
      const e = error as { code?: unknown; data?: unknown; message?: string }
      if (e.code === 3 || (typeof e.message === 'string' && e.message.startsWith('execution reverted'))) throw revertFailure(what, describeRevert(e.data, abi))
      throw error
    }
  }

  async function receiptOf(hash: string): Promise<Record<string, unknown>> {
    let receipt: Record<string, unknown> | null = null
    const mined = await attempt.waitFor(async () => {
      receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as Record<string, unknown> | null
      return receipt !== null
    }, MINING_LIMIT_MS)
    if (!mined || receipt === null) throw new Error(`transaction ${hash} was not mined within ${MINING_LIMIT_MS / 1000} simulated seconds`)
    return receipt
  }

  function decodeLogs(logs: { address: string; topics: string[]; data: string }[]): HostDecodedEvent[] {
    const out: HostDecodedEvent[] = []
    for (const log of logs) {
      const own = known.get(log.address.toLowerCase())
      const abis = own ? [own.abi, allAbis()] : [allAbis()]
      for (const abi of abis) {
        try {
          const decoded = decodeEventLog({ abi, data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]] })
          const event = abi.find((x): x is AbiEvent => x.type === 'event' && x.name === decoded.eventName)
          const args = decoded.args as unknown
          const argList = Array.isArray(args) ? [...args] : (event?.inputs ?? []).map((input, i) => (args as Record<string, unknown>)[input.name ?? String(i)])
          const argNamed: Record<string, unknown> = {}
          if (!Array.isArray(args) && args !== undefined && args !== null) Object.assign(argNamed, args)
          out.push({ name: decoded.eventName ?? '', address: getAddress(log.address), argList, argNamed })
          break
        } catch {
          // not this ABI's event
        }
      }
    }
    return out
  }

  async function sendAndMine(tx: Record<string, unknown>, abi: Abi, what: { ko: string; en: string }): Promise<{ result: HostTxResult; receipt: Record<string, unknown> }> {
    await dryRun(tx, abi, what)
    const hash = (await provider.request({ method: 'eth_sendTransaction', params: [tx] })) as string
    const receipt = await receiptOf(hash)
    if (receipt.status !== '0x1') throw revertFailure(what, {})
    const located = attempt.chain.ledger.transaction(hash as Hex)
    return {
      receipt,
      result: {
        hash,
        blockNumber: BigInt(receipt.blockNumber as string),
        gasUsed: BigInt(receipt.gasUsed as string),
        events: decodeLogs(receipt.logs as { address: string; topics: string[]; data: string }[]),
        console: located ? [...located.outcome.consoleLogs] : [],
      },
    }
  }

  function contractAt(address: string): { name: string; abi: Abi } {
    const entry = known.get(address.toLowerCase())
    if (!entry) throw new TypeError(`no contract known at ${address}: deploy it with t.deploy or attach it with t.at first`)
    return entry
  }

  /** viem's "no such function" and "wrong arguments" are the learner's ABI differing from the task. */
  function encodeCall(entry: { name: string; abi: Abi }, fn: string, args: unknown[]): Hex {
    const matching = entry.abi.filter((x): x is AbiFunction => x.type === 'function' && x.name === fn)
    if (matching.length === 0) {
      throw learnerFailure(
        'contract.function-missing',
        `계약 ${entry.name}에 \`${fn}\` 함수가 없습니다. 과제에 적힌 이름과 똑같은지(대소문자 포함), public 또는 external인지 확인하세요.`,
        `Contract ${entry.name} has no function \`${fn}\`. Check that the name matches the task exactly (case too) and that it is public or external.`,
      )
    }
    if (!matching.some((f) => f.inputs.length === args.length)) {
      const shapes = matching.map((f) => `${fn}(${f.inputs.map((i) => i.type).join(', ')})`).join(' / ')
      throw learnerFailure(
        'contract.function-arguments',
        `\`${fn}\` 함수는 인자 ${args.length}개로 불려야 하는데, 작성한 함수는 ${shapes} 입니다.`,
        `\`${fn}\` should take ${args.length} argument(s); yours is ${shapes}.`,
      )
    }
    try {
      return encodeFunctionData({ abi: entry.abi, functionName: fn, args })
    } catch (error) {
      const shapes = matching.map((f) => `${fn}(${f.inputs.map((i) => i.type).join(', ')})`).join(' / ')
      throw learnerFailure(
        'contract.function-arguments',
        `\`${fn}\` 함수의 매개변수 타입이 과제와 다릅니다. 작성한 함수: ${shapes}.`,
        `The parameter types of \`${fn}\` differ from the task. Yours: ${shapes}. (${(error as Error).message.split('\n')[0]})`,
      )
    }
  }

  const describe = (address: string, name: string, abi: Abi): ContractDescriptor => ({
    address,
    name,
    functions: abi.filter((x): x is AbiFunction => x.type === 'function').map((f) => f.name),
  })

  return {
    async compile(sources?: Record<string, string>): Promise<HostCompileResult> {
      const result = await compileSources(sources)
      return {
        ok: result.ok,
        contracts: result.artifacts.map((a) => ({ name: a.contractName, file: a.sourceName, abi: a.abi, bytecode: a.bytecode })),
        errors: result.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => ({
            message: d.message,
            ...(d.file === null ? {} : { file: d.file }),
            ...(d.line === null ? {} : { line: d.line }),
            ...(d.column === null ? {} : { column: d.column }),
          })),
      }
    },

    async deploy(request: { name: string; args?: unknown[]; from?: unknown; value?: unknown; sources?: Record<string, string> }): Promise<ContractDescriptor> {
      if (typeof request.name !== 'string' || request.name === '') throw new TypeError('deploy(name): name must be a contract name')
      const artifact = await artifactOf(request.name, request.sources)
      const abi = artifact.abi as Abi
      const args = request.args ?? []
      const constructorInputs = abi.find((x) => x.type === 'constructor')?.inputs ?? []
      if (constructorInputs.length !== args.length) {
        const shape = `constructor(${constructorInputs.map((i) => i.type).join(', ')})`
        throw learnerFailure(
          'contract.constructor-arguments',
          `${request.name}의 생성자는 인자 ${args.length}개를 받아야 하는데, 작성한 생성자는 ${shape} 입니다.`,
          `${request.name}'s constructor should take ${args.length} argument(s); yours is ${shape}.`,
        )
      }
      let data: Hex
      try {
        data = encodeDeployData({ abi, bytecode: artifact.bytecode as Hex, args })
      } catch (error) {
        throw learnerFailure(
          'contract.constructor-arguments',
          `${request.name} 생성자의 매개변수 타입이 과제와 다릅니다.`,
          `The parameter types of ${request.name}'s constructor differ from the task. (${(error as Error).message.split('\n')[0]})`,
        )
      }
      const tx = { from: account(request.from), data, value: hexQuantity(wei(request.value)) }
      const what = { ko: `${request.name} 배포가`, en: `Deploying ${request.name}` }
      const { receipt } = await sendAndMine(tx, abi, what)
      const address = getAddress(receipt.contractAddress as string)
      known.set(address.toLowerCase(), { name: request.name, abi })
      return describe(address, request.name, abi)
    },

    async at(request: { name: string; address: string; sources?: Record<string, string> }): Promise<ContractDescriptor> {
      if (typeof request.address !== 'string' || !isAddress(request.address, { strict: false })) {
        throw learnerFailure('address.invalid', `주소가 올바르지 않습니다: ${String(request.address)}`, `Not an address: ${String(request.address)}`)
      }
      const artifact = await artifactOf(request.name, request.sources ?? undefined)
      const address = getAddress(request.address)
      const code = (await provider.request({ method: 'eth_getCode', params: [address, 'latest'] })) as string
      if (code === '0x') {
        throw learnerFailure('contract.not-deployed', `${address}에 배포된 계약이 없습니다.`, `There is no contract deployed at ${address}.`)
      }
      known.set(address.toLowerCase(), { name: request.name, abi: artifact.abi as Abi })
      return describe(address, request.name, artifact.abi as Abi)
    },

    async call(request: { address: string; fn: string; args?: unknown[] } & CallOptions): Promise<unknown> {
      const entry = contractAt(request.address)
      const data = encodeCall(entry, request.fn, request.args ?? [])
      const tx = { from: account(request.from), to: request.address, data, value: hexQuantity(wei(request.value)) }
      const out = await dryRun(tx, entry.abi, { ko: `${entry.name}.${request.fn} 호출이`, en: `Calling ${entry.name}.${request.fn}` })
      return decodeFunctionResult({ abi: entry.abi, functionName: request.fn, data: out as Hex, args: request.args ?? [] } as Parameters<typeof decodeFunctionResult>[0])
    },

    async send(request: { address: string; fn: string; args?: unknown[] } & CallOptions): Promise<HostTxResult> {
      const entry = contractAt(request.address)
      const data = encodeCall(entry, request.fn, request.args ?? [])
      const tx = { from: account(request.from), to: request.address, data, value: hexQuantity(wei(request.value)) }
      return (await sendAndMine(tx, entry.abi, { ko: `${entry.name}.${request.fn} 트랜잭션이`, en: `The ${entry.name}.${request.fn} transaction` })).result
    },

    async events(request: { address: string; name?: string }): Promise<HostDecodedEvent[]> {
      contractAt(request.address)
      const logs = (await provider.request({ method: 'eth_getLogs', params: [{ address: request.address, fromBlock: '0x0', toBlock: 'latest' }] })) as {
        address: string
        topics: string[]
        data: string
      }[]
      const decoded = decodeLogs(logs)
      return request.name === undefined ? decoded : decoded.filter((e) => e.name === request.name)
    },

    async balance(ref: unknown): Promise<bigint> {
      return BigInt((await provider.request({ method: 'eth_getBalance', params: [account(ref, 'account'), 'latest'] })) as string)
    },

    async sendValue(request: { to: unknown; value: unknown; from?: unknown }): Promise<HostTxResult> {
      const tx = { from: account(request.from), to: account(request.to, 'to'), value: hexQuantity(wei(request.value) ?? 0n) }
      return (await sendAndMine(tx, [], { ko: '송금이', en: 'The transfer' })).result
    },

  }
}
