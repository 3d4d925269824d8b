/**
 * The API a lesson's `grade.ts` sees. `grade.ts` runs inside the sandbox (QuickJS), never in the
 * host: it imports nothing at run time — `import type` from `@playground/grader` is erased when it
 * is transpiled — and reaches the host only through the context below.
 *
 * ```ts
 * import type { Contract, Grader } from '@playground/grader'
 *
 * export default function grade(g: Grader): void {
 *   let counter: Contract | undefined
 *   g.check('deploys', { ko: 'Counter 배포', en: 'Counter deploys' }, async (t) => {
 *     counter = await t.deploy('Counter')
 *   })
 *   g.check('increments', { ko: 'increment가 1 올린다', en: 'increment adds one' }, async (t) => {
 *     await counter!.send('increment')
 *     t.expect((await counter!.call('count')) === 1n, 'count-after-increment', {
 *       ko: 'increment()를 한 번 부른 뒤 count()가 1이어야 합니다.',
 *       en: 'count() should be 1 after one call to increment().',
 *     })
 *   }, { after: ['deploys'] })
 * }
 * ```
 *
 * Rules the engine applies:
 * - `grade(g)` only registers checks (synchronously, or after awaiting nothing but `g` itself);
 *   the engine then runs them one by one in registration order. Every registered check counts:
 *   `score` = passed / registered.
 * - A check passes when its function returns. It **fails** when it throws a failure:
 *   `t.fail`, a false `t.expect`, or anything the learner's work caused (their contract does not
 *   compile, a transaction reverts, a function is missing from the ABI, their script throws) —
 *   those arrive as {@link LearnerFailure} with a bilingual message. Anything else thrown (a
 *   `TypeError` in the grader, a platform fault) makes the check **error**: never the learner's
 *   fault, shown as such.
 * - `after: [ids]`: when one of those checks did not pass, this one fails with code
 *   `check.blocked` without running (or errors with `check.blocked-by-error` when one of them
 *   errored: a grader problem is never reported as the learner's failure).
 * - Graders check behaviour — state, return values, events, console output, what a script
 *   returns — never the text of the learner's code.
 * - Solidity integers arrive as viem decodes them: `bigint`, except types of 48 bits or fewer
 *   (`uint8` … `uint48`, enums) which arrive as `number`. Pass `bigint` or `number` for them.
 *   Addresses are checksummed `0x…` strings.
 *
 * @module
 */
// Results of calls, queries and requests are `any` on purpose: a grader compares them with what the
// lesson expects, and forcing casts on every line would hide the checks in noise.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Text in both languages; both must be non-empty. */
export interface Text {
  ko: string
  en: string
}

export interface CheckOptions {
  /** Checks that must pass first; otherwise this one fails with `check.blocked` (errors with `check.blocked-by-error` when one of them errored). */
  after?: string[]
}

export interface Grader {
  /** `id`: kebab-case, unique in the lesson; `wrong/<name>/EXPECT_FAIL` names one. */
  check(id: string, title: Text, run: (t: GraderContext) => Promise<void> | void, options?: CheckOptions): void
}

/** A failure caused by the learner's work; thrown by the context's functions. */
export interface LearnerFailure {
  name: 'LearnerFailure'
  code: string
  ko: string
  en: string
}

/** An account: a dev-account index (0–9) or an address. */
export type AccountRef = number | string

export interface TxOptions {
  /** Sender (default account 0). */
  from?: AccountRef
  /** Wei sent with the call. */
  value?: bigint
}

export interface DecodedEvent {
  /** The event's name in the ABI, e.g. `Transfer`. */
  name: string
  /** Arguments by name (and by position: `args[0]`). */
  args: Record<string, unknown> & unknown[]
  /** The emitting contract. */
  address: string
}

export interface TxResult {
  hash: string
  blockNumber: bigint
  gasUsed: bigint
  /** Events decoded with the ABI of every contract deployed in this attempt. */
  events: DecodedEvent[]
  /** `console.log` lines (hardhat/console.sol) the transaction printed. */
  console: string[]
}

export interface RevertInfo {
  /** `require(…, "text")` / `revert("text")` text, or a Panic's meaning. */
  reason?: string
  /** A custom error's name, e.g. `InsufficientBalance`. */
  errorName?: string
  /** A custom error's arguments. */
  errorArgs?: unknown[]
}

export interface Contract {
  address: string
  /** The contract's name as compiled. */
  name: string
  /** Function names in the ABI (to check a function exists without calling it). */
  functions: string[]
  /** eth_call: a view/pure function's result (a tuple of outputs arrives as an array). */
  call(fn: string, args?: unknown[], options?: TxOptions): Promise<any>
  /**
   * A transaction, mined at once (dev chain) or when the network includes it. Throws a
   * LearnerFailure (`tx.reverted`, naming the reason) if it reverts.
   */
  send(fn: string, args?: unknown[], options?: TxOptions): Promise<TxResult>
  /** Events this contract emitted so far, oldest first, optionally only one name. */
  events(name?: string): Promise<DecodedEvent[]>
}

export interface CompileResult {
  ok: boolean
  /** Contracts by name: their ABI, creation bytecode and the file they come from. */
  contracts: { name: string; file: string; abi: unknown[]; bytecode: string }[]
  /** solc errors (not warnings) with file, line and column. */
  errors: { file?: string; line?: number; column?: number; message: string }[]
}

export interface ScriptRun {
  /** Everything the script printed, one entry per `console.*` call. */
  console: string[]
  /** The default export (awaited), or the named export's result when `call` was given. */
  returnValue: unknown
  /** The script's own error or a sandbox limit; undefined when it finished. */
  error?: { code: string; ko: string; en: string; line?: number; column?: number }
}

export interface ScriptOptions {
  /** Call this named export with `args` and take its (awaited) result as `returnValue`. */
  call?: string
  args?: unknown[]
  /**
   * Calls `call` once per argument list, in one isolate, and returns the results as an array
   * (`returnValue`). Much faster when the script imports viem (parsed once, not per call); the
   * module's top-level code runs once for the whole batch.
   */
  batch?: unknown[][]
  /**
   * By default a script that throws (or breaks a sandbox limit, or lacks the export) fails the
   * check at once with a message naming the error, its line and the script's last output. With
   * `allowError: true` the run comes back with `error` set instead, for graders that explain it
   * themselves.
   */
  allowError?: boolean
}

/** The lesson's simulated network (presets other than `dev`): step 1's control API, JSON in and out. */
export interface SimControl {
  /** A command (`{ type: 'crash', node: 3 }`, `tamper`, `partition`, `mine`, `submit-tx`, …). */
  apply(command: object): Promise<any>
  /** A query (`{ type: 'heads' }`, `chain`, `block`, `consistency`, `metrics`, …). */
  query(query: object): Promise<any>
  /** Runs the network for `ms` more simulated milliseconds; returns the new time (ms). */
  runFor(ms: number): Promise<number>
  /** Simulated time, ms. */
  now(): Promise<number>
}

export interface GraderContext {
  lesson: { id: string; network: string }
  /** The 10 dev accounts' addresses (Hardhat's test mnemonic, 10,000 ETH each). */
  accounts: string[]

  /** A file of the learner's workspace (UTF-8); a LearnerFailure `file.missing` if absent. */
  readFile(path: string): Promise<string>
  /** The workspace's files, relative paths. */
  files(): Promise<string[]>
  /** The learner's quiz answers: `answers.yaml` parsed (an empty object when absent). */
  answers(): Promise<Record<string, unknown>>
  /**
   * The choice letter the learner gave for `question` in answers.yaml, read generously: `b`,
   * `B`, ` b `, `(b)`, `b)`, `b.`, `b. because …` all give `'b'`, and the key may be `Q1` for
   * `q1`. Fails the check (`quiz.no-answer`, `quiz.not-a-choice`, saying what to write) when
   * there is no answer or it is not one of `letters` (e.g. `'abcd'`).
   */
  choice(question: string, letters: string): Promise<string>

  /**
   * Compiles `sources` (path → text), or every `.sol` file of the workspace. Does not throw on
   * errors: look at `ok` (for graders that check a mutated copy of the learner's contract).
   */
  compile(sources?: Record<string, string>): Promise<CompileResult>
  /**
   * Compiles the workspace (or `options.sources`) and deploys the contract named `name`.
   * LearnerFailure `compile.failed` (with solc's first error and its line) or
   * `contract.missing` / `deploy.reverted`.
   */
  deploy(name: string, options?: TxOptions & { args?: unknown[]; sources?: Record<string, string> }): Promise<Contract>
  /**
   * A contract already on the chain (e.g. deployed by the learner's script), with the ABI of
   * `name` compiled from the workspace (or from `sources`).
   */
  at(name: string, address: string, sources?: Record<string, string>): Promise<Contract>
  /**
   * Expects `action` to revert; returns what the revert said. Fails (`tx.did-not-revert`) if it
   * succeeded.
   */
  reverts(action: () => Promise<unknown>): Promise<RevertInfo>
  balance(account: AccountRef): Promise<bigint>
  /** Plain value transfer. */
  sendValue(to: AccountRef, value: bigint, options?: { from?: AccountRef }): Promise<TxResult>
  blockNumber(): Promise<bigint>
  /** Time travel (dev chain): later blocks are `seconds` later. */
  increaseTime(seconds: number): Promise<void>
  /** Mines `blocks` empty blocks (dev chain). */
  mine(blocks?: number): Promise<void>
  /** A raw EIP-1193 request to the lesson's chain (`eth_getLogs`, …). */
  request(method: string, params?: unknown[]): Promise<any>

  /**
   * Runs a workspace script (.ts or .js) in a fresh isolate against this attempt's network. A
   * script error fails the check (LearnerFailure `script.failed` for an error in the called
   * function, `script.load-error` for one while the file loads — a syntax error, top-level code —,
   * `script.missing`, `script.export-missing`, `script.unawaited`) unless `allowError` is set;
   * `error.code` tells the same apart.
   */
  runLearnerScript(file: string, options?: ScriptOptions): Promise<ScriptRun>

  /** The simulated network (undefined for `dev` lessons). */
  sim: SimControl | undefined

  /** SHA-256 of a text (its UTF-8 bytes) as `0x…` hex, computed by the host (@noble/hashes). */
  sha256(text: string): Promise<string>
  /** Keccak-256 of a text (its UTF-8 bytes) as `0x…` hex. */
  keccak256(text: string): Promise<string>
  /** SHA-256 of bytes given as `0x…` hex (e.g. two 32-byte hashes joined), as `0x…` hex. */
  sha256Hex(hex: string): Promise<string>

  /** Fails the check with this message. */
  fail(code: string, message: Text): never
  /**
   * Fails the check with this message unless `condition` holds. (Not an `asserts` signature on
   * purpose: TypeScript would then demand an explicit type on every `t` parameter.)
   */
  expect(condition: unknown, code: string, message: Text): void
}

/**
 * What a learner's script may import from `'playground'` (besides `viem`, `viem/accounts` and
 * `viem/chains`). Everything else is refused.
 *
 * ```ts
 * import { chain, devnet, sha256 } from 'playground'
 * import { createPublicClient, custom } from 'viem'
 * const client = createPublicClient({ chain: devnet, transport: custom(chain) })
 * export default await client.getBlockNumber()
 * ```
 */
export interface PlaygroundModule {
  /** An EIP-1193 provider of the lesson's network (node 0). */
  chain: { request(args: { method: string; params?: unknown[] }): Promise<any> }
  /** A viem `Chain` describing it (id 31337, name, currency, a placeholder RPC URL). */
  devnet: object
  /** The 10 dev accounts' addresses (unlocked: eth_sendTransaction signs for them). */
  accounts: string[]
  /** The simulated network (undefined on `dev`). */
  sim: SimControl | undefined
  /** A workspace file (UTF-8). */
  readFile(path: string): Promise<string>
  /** SHA-256 of a text (its UTF-8 bytes), as `0x…` hex (@noble/hashes, run by the host). For bytes use viem's `sha256(hex)`. */
  sha256(text: string): string
  /** Keccak-256 of a text (its UTF-8 bytes), as `0x…` hex. For bytes use viem's `keccak256(hex)`. */
  keccak256(text: string): string
}
