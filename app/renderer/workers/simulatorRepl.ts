/**
 * The console's JavaScript REPL, evaluated in the QuickJS sandbox inside the simulator worker (the
 * page's CSP forbids eval, and learner code never runs with the page's powers). Each line is one
 * sandbox run with real viem: `client` (a viem wallet client extended with public actions, bound
 * to the selected node's JSON-RPC, account = the first dev account), `accounts` (the dev
 * addresses), `viem` (the whole namespace) and a few of its helpers by name (`parseEther`,
 * `formatEther`, …). Top-level `await` works; the value is printed as Node's REPL prints it
 * (bigints as `123n`, strings quoted).
 *
 * Variables between lines: the sandbox gives every run a fresh isolate (its limits and disposal
 * depend on that), so the REPL carries *data* across lines itself: after a line succeeds, the
 * top-level names declared so far (`const`/`let`/`var`, destructuring included) are read, copied
 * as JSON with bigints tagged (wireValue.ts), and declared again before the next line. Numbers,
 * strings, bigints, arrays and plain objects persist; functions and class instances do not (the
 * REPL says so when a line declares one). A line that throws changes nothing.
 *
 * The same machinery deploys and calls contracts for the console's `deploy` and `call` commands
 * (viem's `deployContract`, `readContract`, `writeContract`).
 *
 * @module
 */
import { WIRE_VALUE_JS, fromWire, toWire } from '../../../courses/format/grading/wireValue.ts'
import type { WireValue } from '../../../courses/format/grading/wireValue.ts'
import type { LibraryLoader } from '../../../sandbox/createSandbox.ts'
import { createSandbox } from '../../../sandbox/createSandbox.ts'
import type { SandboxError } from '../../../sandbox/sandboxErrors.ts'
import { scriptError } from '../../../sandbox/sandboxErrors.ts'
import type { SandboxLimits } from '../../../sandbox/sandboxLimits.ts'
import type { ContractAction, WorkerError } from './simulatorProtocol.ts'

export interface ReplResult {
  ok: boolean
  /** The value as Node's REPL would print it (empty when the line failed). */
  text: string
  /** What the line printed with console.log and friends. */
  console: { level: string; text: string }[]
  error?: WorkerError | undefined
  /** Names the line declared that hold functions, class instances or values too large (over 1 MB as JSON) to keep for the next line. */
  notKept?: string[] | undefined
  /** `deploy` and `call`: the outcome as data (bigints tagged). */
  value?: WireValue | undefined
}

/** Limits of one REPL line: the sandbox defaults (10,000 CPU steps), a minute of wall time for waiting on blocks. */
export const REPL_LIMITS: Partial<SandboxLimits> = { wallMs: 60_000 }

/** Names the prelude defines: never persisted as data (that would shadow the real ones). */
export const REPL_GLOBALS = ['viem', 'client', 'accounts', 'chain', 'provider', 'parseEther', 'formatEther', 'parseGwei', 'formatGwei', 'parseUnits', 'formatUnits', 'getAddress', 'keccak256', 'toHex', 'fromHex', 'parseAbi', 'getContract'] as const

export interface ReplNetwork {
  accounts: readonly string[]
  chainId: number
  /** JSON-RPC on node `node` (rejects with an error carrying `code` and `data`). */
  request(node: number, args: { method: string; params: unknown }): Promise<unknown>
}

export interface ReplOptions {
  libraries: LibraryLoader
  /** The running network, or undefined when none is started. */
  network(): ReplNetwork | undefined
  /** Real waiting, so viem's polling (waitForTransactionReceipt) follows the network's wall-clock pace. */
  sleep(ms: number): Promise<void>
  limits?: Partial<SandboxLimits> | undefined
}

export interface Repl {
  evaluate(source: string, node: number): Promise<ReplResult>
  contract(action: ContractAction, node: number): Promise<ReplResult>
  /** Forgets the kept variables (a new network, or `.reset`). */
  reset(): void
  /** The kept variables' names. */
  variables(): string[]
}

/** Node's util.inspect, small: what the REPL prints. Runs inside the isolate. */
export const INSPECT_JS = String.raw`
function __quote(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'"
}
function __inspect(v, depth, seen) {
  if (v === undefined) return 'undefined'
  if (v === null) return 'null'
  switch (typeof v) {
    case 'bigint': return v + 'n'
    case 'string': return v.length > 10000 ? __quote(v.slice(0, 10000)) + '... ' + (v.length - 10000) + ' more characters' : __quote(v)
    case 'number': return Object.is(v, -0) ? '-0' : String(v)
    case 'boolean': return String(v)
    case 'symbol': return v.toString()
    case 'function': return '[Function: ' + (v.name || '(anonymous)') + ']'
  }
  if (seen.indexOf(v) >= 0) return '[Circular]'
  if (v instanceof Error) return v.name + ': ' + (v.shortMessage || v.message)
  if (v instanceof Date) return v.toISOString()
  if (v instanceof Uint8Array) return 'Uint8Array(' + v.length + ') [ ' + Array.from(v.slice(0, 32)).join(', ') + (v.length > 32 ? ', …' : '') + ' ]'
  if (typeof v.then === 'function') return 'Promise { <pending> }'
  if (depth > 3) return Array.isArray(v) ? '[Array]' : '[Object]'
  const next = seen.concat([v])
  let items
  let open = '{'
  let close = '}'
  if (Array.isArray(v)) {
    open = '['
    close = ']'
    items = v.slice(0, 100).map((x) => __inspect(x, depth + 1, next))
    if (v.length > 100) items.push('... ' + (v.length - 100) + ' more items')
  } else if (v instanceof Map) {
    open = 'Map(' + v.size + ') {'
    items = Array.from(v.entries()).slice(0, 100).map(([k, x]) => __inspect(k, depth + 1, next) + ' => ' + __inspect(x, depth + 1, next))
  } else if (v instanceof Set) {
    open = 'Set(' + v.size + ') {'
    items = Array.from(v.values()).slice(0, 100).map((x) => __inspect(x, depth + 1, next))
  } else {
    items = Object.keys(v).slice(0, 100).map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : __quote(k)) + ': ' + __inspect(v[k], depth + 1, next))
  }
  if (items.length === 0) return open === '{' ? '{}' : open === '[' ? '[]' : open + '}'
  const flat = open + ' ' + items.join(', ') + ' ' + close
  if (flat.length <= 72 && flat.indexOf('\n') < 0) return flat
  const pad = '  '.repeat(depth + 1)
  return open + '\n' + pad + items.join(',\n' + pad) + '\n' + '  '.repeat(depth) + close
}
function __show(v) { return typeof v === 'string' ? v : __inspect(v, 0, []) }
function __capture(getters, notKept) {
  const out = {}
  for (const name of Object.keys(getters)) {
    let value
    try { value = getters[name]() } catch (e) { continue }
    if (typeof value === 'function' || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && !(value instanceof Uint8Array))) {
      notKept.push(name)
      continue
    }
    const wire = toWire(value)
    // Kept values travel as JSON each line: a huge one would make every later line slow.
    if (JSON.stringify(wire).length > 1000000) {
      notKept.push(name)
      continue
    }
    out[name] = wire
  }
  return out
}
`

const IDENT = /^[A-Za-z_$][\w$]*$/
const STATEMENT_START = /^\s*(?:const|let|var|function|async\s+function|class|if|for|while|do|switch|try|throw|return|import|export)\b/

/**
 * Top-level names a line declares (`const a = …`, `let [b, c] = …`, `var { d, e: f } = …`,
 * `function g() {}`, `class H {}`), found by pattern, not by a parser: good enough for a REPL line.
 *
 * @example
 * declaredNames('const a = 1; let { b, c: d } = o') // ['a', 'b', 'd']
 */
export function declaredNames(source: string): string[] {
  const names = new Set<string>()
  const simple = /(?:^|[;\n{}]\s*)(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g
  for (const m of source.matchAll(simple)) names.add(m[1]!)
  const destructured = /(?:^|[;\n{}]\s*)(?:const|let|var)\s*([{[])([^=]*?)[}\]]\s*=/g
  for (const m of source.matchAll(destructured)) {
    for (const part of m[2]!.split(',')) {
      const name = part.split(':').pop()!.split('=')[0]!.replace(/^\s*\.\.\./, '').trim()
      if (IDENT.test(name)) names.add(name)
    }
  }
  const decl = /(?:^|[;\n}]\s*)(?:async\s+)?(?:function\s*\*?|class)\s+([A-Za-z_$][\w$]*)/g
  for (const m of source.matchAll(decl)) names.add(m[1]!)
  return [...names]
}

/** Is the line an expression (its value is printed) or statements? A guess; a syntax error retries as statements. */
export function looksLikeExpression(source: string): boolean {
  return !STATEMENT_START.test(source) && source.trim() !== ''
}

export interface ReplProgram {
  source: string
  /** Line of the program where the learner's first line is. */
  firstLine: number
  /** How many lines the learner wrote. */
  lines: number
}

/**
 * The module one REPL line runs as: viem and the client, the kept variables declared again, the
 * line itself in a block (so it may shadow a helper), then the kept variables read back.
 *
 * @example
 * buildReplProgram({ line: 'await client.getBlockNumber()', mode: 'expression', kept: {}, accounts, chainId: 31337 })
 */
export function buildReplProgram(options: { line: string; mode: ReplMode; kept: Record<string, WireValue>; accounts: readonly string[]; chainId: number }): ReplProgram {
  const declared = declaredNames(options.line)
  const keptNames = Object.keys(options.kept).filter((n) => !declared.includes(n))
  const captured = [...new Set([...keptNames, ...declared])].filter((n) => !(REPL_GLOBALS as readonly string[]).includes(n) && IDENT.test(n))
  const head = `import * as viem from 'viem'
${WIRE_VALUE_JS}
${INSPECT_JS}
${replEnvironmentJs(options.accounts, options.chainId)}
let __value
let __saved
const __notKept = []
{
${keptNames.map((n) => `let ${n} = fromWire(${JSON.stringify(options.kept[n])})`).join('\n')}
`
  const body = bodyOf(options.line, options.mode)
  const tail = `
;__saved = __capture({ ${captured.map((n) => `${n}: () => ${n}`).join(', ')} }, __notKept)
}
export default { text: __inspect(await __value, 0, []), saved: __saved, notKept: __notKept.filter((n) => ${JSON.stringify(declared)}.indexOf(n) >= 0) }
`
  const firstLine = head.split('\n').length
  return { source: head + body + tail, firstLine, lines: options.line.split('\n').length }
}

/**
 * How a line runs: `expression` (its value is printed), `last-expression` (statements whose last
 * line's value is printed, as a multi-line paste in Node), `statements` (nothing printed).
 */
export type ReplMode = 'expression' | 'last-expression' | 'statements'

function bodyOf(line: string, mode: ReplMode): string {
  const bare = (text: string) => text.replace(/;\s*$/, '')
  if (mode === 'expression') return `__value = (${bare(line)}\n)`
  if (mode === 'statements') return line
  const lines = line.split('\n')
  return `${lines.slice(0, -1).join('\n')}\n__value = (${bare(lines[lines.length - 1]!)}\n)`
}

/** The modes to try for a line, in order (a syntax error moves to the next). */
export function replModes(line: string): ReplMode[] {
  const last = line.trimEnd().split('\n').pop() ?? ''
  const modes: ReplMode[] = []
  if (looksLikeExpression(line)) modes.push('expression')
  if (line.includes('\n') && looksLikeExpression(last)) modes.push('last-expression')
  modes.push('statements')
  return modes
}

/** The environment every REPL and contract program starts with. */
function replEnvironmentJs(accounts: readonly string[], chainId: number): string {
  return `const accounts = Object.freeze(${JSON.stringify(accounts)})
const chain = viem.defineChain({ id: ${chainId}, name: 'Playground', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } } })
const provider = Object.freeze({
  async request(args) {
    return fromWire(await __repl_rpc(toWire({ method: args.method, params: args.params === undefined ? [] : args.params })))
  },
  on() {},
  removeListener() {},
})
const client = viem.createWalletClient({ chain, account: accounts[0], transport: viem.custom(provider), pollingInterval: 250 }).extend(viem.publicActions)
const { parseEther, formatEther, parseGwei, formatGwei, parseUnits, formatUnits, getAddress, keccak256, toHex, fromHex, parseAbi, getContract } = viem
{
  const log = console.log, info = console.info, warn = console.warn, error = console.error
  const wrap = (f) => (...args) => f(args.map(__show).join(' '))
  globalThis.console = { log: wrap(log), info: wrap(info), warn: wrap(warn), error: wrap(error), debug: wrap(log) }
}`
}

/** The program of a `deploy` or `call`: arguments converted by the ABI's input types. */
export function buildContractProgram(action: ContractAction, accounts: readonly string[], chainId: number): string {
  const from = action.from ?? 0
  return `import * as viem from 'viem'
${WIRE_VALUE_JS}
${INSPECT_JS}
${replEnvironmentJs(accounts, chainId)}
const action = ${JSON.stringify(action)}
function convert(type, text) {
  if (/\\[\\d*\\]$/.test(type) || type.startsWith('tuple')) return JSON.parse(text, (k, v) => (typeof v === 'string' && /^-?\\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v))
  if (/^u?int\\d*$/.test(type)) return BigInt(text)
  if (type === 'bool') {
    if (text !== 'true' && text !== 'false') throw new TypeError('a bool argument is true or false, got ' + text)
    return text === 'true'
  }
  return text
}
function convertAll(inputs) {
  if (inputs.length !== action.args.length) {
    const names = inputs.map((i) => i.type + (i.name ? ' ' + i.name : '')).join(', ')
    throw new TypeError('expected ' + inputs.length + ' argument(s) (' + names + '), got ' + action.args.length)
  }
  return inputs.map((input, i) => convert(input.type, action.args[i]))
}
const account = accounts[${from}]
let out
if (action.kind === 'deploy') {
  const ctor = action.abi.find((x) => x.type === 'constructor')
  const args = convertAll(ctor ? ctor.inputs : [])
  const hash = await client.deployContract({ abi: action.abi, bytecode: action.bytecode, args, account })
  const receipt = await client.waitForTransactionReceipt({ hash, timeout: 55_000 })
  out = { address: receipt.contractAddress, hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, status: receipt.status }
} else {
  const candidates = action.abi.filter((x) => x.type === 'function' && x.name === action.fn)
  if (candidates.length === 0) {
    const names = action.abi.filter((x) => x.type === 'function').map((x) => x.name)
    throw new TypeError('no function ' + action.fn + '; the contract has: ' + (names.join(', ') || '(none)'))
  }
  const f = candidates.find((c) => c.inputs.length === action.args.length) || candidates[0]
  const args = convertAll(f.inputs)
  if (f.stateMutability === 'view' || f.stateMutability === 'pure') {
    out = { kind: 'read', value: await client.readContract({ address: action.address, abi: action.abi, functionName: action.fn, args }) }
  } else {
    const hash = await client.writeContract({ address: action.address, abi: action.abi, functionName: action.fn, args, account })
    const receipt = await client.waitForTransactionReceipt({ hash, timeout: 55_000 })
    out = { kind: 'write', hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, status: receipt.status }
  }
}
export default { text: __inspect(out.kind === 'read' ? out.value : out, 0, []), value: toWire(out) }
`
}

/** A sandbox error as the worker reports errors: both languages, the code. */
export function sandboxWorkerError(error: SandboxError): WorkerError {
  return { name: error.name, code: error.code, en: error.messages.en, ko: error.messages.ko }
}

const noNetwork: WorkerError = {
  name: 'NoNetwork',
  code: 'console.no-network',
  en: 'No network is running: start one first, e.g. `preset dev` or `preset pow-lan`.',
  ko: '실행 중인 네트워크가 없습니다. 먼저 하나를 시작하세요. 예: `preset dev` 또는 `preset pow-lan`',
}

/**
 * @example
 * const repl = createRepl({ libraries, network: () => live, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) })
 * await repl.evaluate('const n = await client.getBlockNumber()', 0)
 * (await repl.evaluate('n + 1n', 0)).text // '1n'
 */
export function createRepl(options: ReplOptions): Repl {
  let kept: Record<string, WireValue> = {}

  async function run(source: string, node: number, network: ReplNetwork) {
    const sandbox = createSandbox({
      libraries: options.libraries,
      limits: { ...REPL_LIMITS, ...options.limits },
      capabilities: {
        __repl_rpc: async (args) => {
          const { method, params } = fromWire(args) as { method: string; params: unknown }
          return toWire(await network.request(node, { method, params }))
        },
      },
      onIdle: async ({ nowMs, nextTimerMs }) => {
        // viem polls with timers: let real time pass (the network runs at wall-clock pace).
        if (nextTimerMs !== undefined) await options.sleep(Math.min(Math.max(0, nextTimerMs - nowMs), 1000))
        return false
      },
    })
    return sandbox.run(source, { filename: 'repl.js' })
  }

  return {
    async evaluate(line, node) {
      const network = options.network()
      if (network === undefined) return { ok: false, text: '', console: [], error: noNetwork }
      const modes = replModes(line)
      for (let i = 0; ; i++) {
        const program = buildReplProgram({ line, mode: modes[i]!, kept, accounts: network.accounts, chainId: network.chainId })
        const result = await run(program.source, node, network)
        if (result.ok) {
          const value = result.value as { text: string; saved: Record<string, WireValue>; notKept: string[] }
          kept = value.saved
          return { ok: true, text: value.text, console: result.console, ...(value.notKept.length > 0 ? { notKept: value.notKept } : {}) }
        }
        const error = result.error
        // `a; b`, `{ … }` blocks: the next way of reading the line.
        if (i + 1 < modes.length && error.code === 'sandbox.script-error' && (error.details ?? '').startsWith('SyntaxError')) continue
        return { ok: false, text: '', console: result.console, error: sandboxWorkerError(relocate(error, program)) }
      }
    },
    async contract(action, node) {
      const network = options.network()
      if (network === undefined) return { ok: false, text: '', console: [], error: noNetwork }
      const from = action.from ?? 0
      if (!Number.isInteger(from) || from < 0 || from >= network.accounts.length) {
        return { ok: false, text: '', console: [], error: { name: 'RangeError', en: `from must be a dev-account index 0–${network.accounts.length - 1}`, ko: `from은 개발 계정 번호 0–${network.accounts.length - 1}이어야 합니다` } }
      }
      const result = await run(buildContractProgram(action, network.accounts, network.chainId), node, network)
      if (!result.ok) return { ok: false, text: '', console: result.console, error: sandboxWorkerError(withoutPosition(result.error)) }
      const value = result.value as { text: string; value: WireValue }
      return { ok: true, text: value.text, console: result.console, value: value.value }
    },
    reset() {
      kept = {}
    },
    variables: () => Object.keys(kept),
  }
}

/** An error's position moved from the generated program to the learner's line (or dropped when outside it). */
function relocate(error: SandboxError, program: ReplProgram): SandboxError {
  if (error.code !== 'sandbox.script-error' || error.line === undefined) return error
  const line = error.line - program.firstLine + 1
  const [name, ...rest] = (error.details ?? 'Error: ').split(': ')
  if (line < 1 || line > program.lines) return scriptError(name!, rest.join(': '))
  return program.lines === 1 ? scriptError(name!, rest.join(': '), undefined, undefined) : scriptError(name!, rest.join(': '), line, error.column)
}

function withoutPosition(error: SandboxError): SandboxError {
  if (error.code !== 'sandbox.script-error' || error.line === undefined) return error
  const [name, ...rest] = (error.details ?? 'Error: ').split(': ')
  return scriptError(name!, rest.join(': '))
}
