/**
 * `createSandbox`: runs an untrusted ES module in a fresh QuickJS-wasm runtime with limits, a
 * simulated clock, seeded randomness and explicit capabilities — and nothing else. QuickJS has no
 * file system, network, `process` or `require` unless the host adds them; this file adds none
 * (the std/os modules are not enabled). An `import` resolves only to what the host gave: the
 * learner's workspace `files` (TypeScript transpiled), host `modules` (e.g. `playground`) and the
 * `libraries` (viem, bundled for the isolate); anything else is refused (`moduleGraph.ts`).
 *
 * One run = one QuickJS runtime, disposed at the end whatever happened: nothing survives from one
 * run to the next, and a breached limit only ends that run.
 *
 * The host loop: evaluate the module; then, until the awaited promise settles, run pending jobs,
 * wait for host capability promises, offer `onIdle` a turn, and move the simulated clock to the
 * next timer. A script that awaits timers therefore finishes at once in real time and the same way
 * every run.
 *
 * @module
 */
import type { QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten'
import { InvalidFieldError } from '../runtime/errors/input.ts'
import { fromJsonText, toJsonText, type JsonValue } from './jsonValue.ts'
import { isolatePrelude } from './isolatePrelude.ts'
import { libraryPolyfills } from './libraryPolyfills.ts'
import {
  checkFiles,
  checkModules,
  isRelative,
  normalizeFilePath,
  prepareModuleGraph,
  resolveSpecifier,
  utf8Length,
  type LibraryLoader,
  type ModuleGraph,
} from './moduleGraph.ts'
import { discardQuickJS, loadQuickJS } from './quickjsModule.ts'
import { importError, limitError, resultError, scriptError, stalledError, type SandboxError } from './sandboxErrors.ts'
import { resolveSandboxLimits, type SandboxLimits } from './sandboxLimits.ts'
import { createSimulatedTimers } from './simulatedTimers.ts'
import { originalPosition } from './transpile.ts'

export type { LibraryLoader } from './moduleGraph.ts'

/**
 * A host function the script may call as a global. Arguments and result are copied as JSON, so the
 * function sees fresh plain data and the script never sees a host object. A thrown error or a
 * rejected promise reaches the script as a `CapabilityError` carrying the message and, when the
 * host error has them, its `code` (number or string) and `data` (copied as JSON) — what an
 * EIP-1193 provider needs to pass a JSON-RPC error (code 3 + revert data) on to viem. Nothing else
 * of the host error crosses (no stack, no other properties).
 */
export type Capability = (...args: JsonValue[]) => JsonValue | undefined | void | Promise<JsonValue | undefined | void>

/** One line the script printed; the host console is never written. */
export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error'
  text: string
}

export type SandboxResult =
  | { ok: true; value: JsonValue | undefined; console: ConsoleLine[] }
  | { ok: false; error: SandboxError; console: ConsoleLine[] }

export interface SandboxOptions {
  limits?: Partial<SandboxLimits> | undefined
  /** Seed of the isolate's `Math.random` (a safe integer; default 0). */
  seed?: number | undefined
  /** Simulated epoch ms at the start of a run: `Date.now()` and `new Date()` (default 2025-01-01). */
  startTimeMs?: number | undefined
  /** Host functions exposed as globals of the same name (see {@link Capability}). */
  capabilities?: Readonly<Record<string, Capability>> | undefined
  /**
   * Called when the script is idle — no pending jobs, no capability promise outstanding — before
   * the simulated clock moves to the next timer (`nextTimerMs`, undefined when none). Return true
   * if it did something that may wake the script (later: advance the simulated network and resolve
   * a `chain` capability call); false lets the clock advance, or ends a stalled run.
   */
  onIdle?: ((idle: { nowMs: number; nextTimerMs: number | undefined }) => Promise<boolean>) | undefined
  /**
   * Host modules by bare specifier (`{ playground: 'export const chain = …' }`): JavaScript the
   * host wrote, evaluated in the isolate when imported. It sees the isolate's globals (the
   * capabilities), nothing of the host.
   */
  modules?: Readonly<Record<string, string>> | undefined
  /**
   * The learner's workspace sources by relative path (`mine.ts`, `lib/util.ts`). Relative imports
   * between them resolve as a bundler would (`./util` → `util.ts` or `util.js`, `./util.js` →
   * `util.ts`); none reaches outside this set. `.ts` files are transpiled (types erased).
   */
  files?: Readonly<Record<string, string>> | undefined
  /** Prebuilt library sources (`viem`, `viem/accounts`, `viem/chains`), loaded only when imported. */
  libraries?: LibraryLoader | undefined
}

/** Options of one run. */
export interface RunOptions {
  /**
   * The entry module's name: a relative path, `.ts` for TypeScript (default `main.js`). Errors
   * report it; relative imports resolve from its folder.
   */
  filename?: string | undefined
}

export interface Sandbox {
  /**
   * Runs `source` as an ES module. The value is the module's default export (awaited if it is a
   * promise), copied as JSON; `undefined` when there is no default export. Top-level `await`
   * works.
   */
  run(source: string, options?: RunOptions): Promise<SandboxResult>
}

/** 2025-01-01T00:00:00Z: a fixed default, so scripts that print dates repeat. */
const DEFAULT_START_TIME_MS = 1_735_689_600_000
const SCRIPT_FILE = 'main.js'
/** `at f (lib/util.ts:3:9)` or `at lib/util.ts:3` in a QuickJS stack: file, line, column. */
const STACK_FRAME = /at (?:[^\n(]*\()?([^\s():]+):(\d+)(?::(\d+))?/g
/** Synchronous capability calls that count as one CPU step (a host hash costs ≈ a step / 16). */
const SYNC_CALLS_PER_STEP = 16
const CONSOLE_LEVELS = new Set(['log', 'info', 'warn', 'error'])

/**
 * @example
 * const sandbox = createSandbox({ seed: 7, capabilities: { add: (a, b) => Number(a) + Number(b) } })
 * const result = await sandbox.run(`
 *   await new Promise((resolve) => setTimeout(resolve, 1000))
 *   console.log(Date.now())
 *   export default add(1, 2)
 * `)
 * // { ok: true, value: 3, console: [{ level: 'log', text: '1735689601000' }] }
 *
 * @example
 * // A learner's TypeScript with a helper file, the lesson chain and viem:
 * const sandbox = createSandbox({
 *   capabilities: { __chainRequest: (args) => provider.request(args) },
 *   modules: { playground: 'export const chain = { request: (a) => __chainRequest(a) }' },
 *   files: { 'lib/util.ts': 'export const twice = (n: number) => n * 2' },
 *   libraries: nodeIsolateLibraries(), // app/cli/isolateLibraries.ts
 * })
 * await sandbox.run(`
 *   import { chain } from 'playground'
 *   import { createPublicClient, custom } from 'viem'
 *   import { twice } from './lib/util'
 *   const block: bigint = await createPublicClient({ transport: custom(chain) }).getBlockNumber()
 *   export default twice(Number(block))
 * `, { filename: 'mine.ts' })
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const limits = resolveSandboxLimits(options.limits)
  const seed = options.seed ?? 0
  const startTimeMs = options.startTimeMs ?? DEFAULT_START_TIME_MS
  if (!Number.isSafeInteger(seed)) throw new InvalidFieldError({ field: 'seed', expected: { en: 'a safe integer', ko: '안전한 정수' }, got: seed })
  if (!Number.isFinite(startTimeMs)) {
    throw new InvalidFieldError({ field: 'startTimeMs', expected: { en: 'a finite number of ms', ko: '유한한 밀리초 값' }, got: startTimeMs })
  }
  const files = checkFiles(options.files)
  const modules = checkModules(options.modules, files)
  const libraries = options.libraries
  if (libraries !== undefined && typeof libraries.load !== 'function') {
    throw new InvalidFieldError({ field: 'libraries', expected: { en: 'an object with a load(specifier) method', ko: 'load(specifier) 메서드가 있는 객체' }, got: typeof libraries })
  }
  const capabilities = { ...options.capabilities }
  for (const name of Object.keys(capabilities)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new InvalidFieldError({
        field: 'capabilities',
        expected: { en: 'names that are JavaScript identifiers', ko: '자바스크립트 식별자인 이름' },
        got: name,
      })
    }
  }
  return {
    async run(source, runOptions = {}) {
      const filename = runOptions.filename ?? SCRIPT_FILE
      const entryName = normalizeFilePath(filename)
      if (entryName === undefined) {
        throw new InvalidFieldError({ field: 'filename', expected: { en: 'a relative path inside the workspace', ko: '작업 공간 안의 상대 경로' }, got: filename })
      }
      if (typeof source !== 'string') throw new InvalidFieldError({ field: 'source', expected: { en: 'the script text', ko: '스크립트 텍스트' }, got: typeof source })
      // The wall-clock backstop covers preparing the modules too (transpiling, a library loader
      // that never answers).
      const startedAt = Date.now()
      let expire: ReturnType<typeof setTimeout> | undefined
      const expired = new Promise<'expired'>((resolve) => {
        expire = setTimeout(() => resolve('expired'), limits.wallMs)
      })
      const graph = await Promise.race([
        prepareModuleGraph({ entry: { name: entryName, source }, files, modules, libraries, sourceBytes: limits.sourceBytes }),
        expired,
      ]).finally(() => clearTimeout(expire))
      if (graph === 'expired' || Date.now() - startedAt > limits.wallMs) return { ok: false, error: limitError('wall', limits.wallMs), console: [] }
      if ('error' in graph) return { ok: false, error: graph.error, console: [] }
      const quickjs = await loadQuickJS()
      const runtime = quickjs.newRuntime()
      let result: SandboxResult
      try {
        result = await runIn(runtime, { entryName, graph, files }, { limits, seed, startTimeMs, capabilities, onIdle: options.onIdle, startedAt })
      } catch (error) {
        // The module is in an unknown state (e.g. the host's own stack ran out inside QuickJS
        // because `stackBytes` is above what this thread allows): free what can be freed and
        // drop it, so the next run starts on a fresh module.
        freeRuntime(runtime)
        discardQuickJS()
        if (error instanceof RangeError) return { ok: false, error: limitError('stack', limits.stackBytes), console: [] }
        throw error
      }
      freeRuntime(runtime)
      return result
    },
  }
}

/**
 * Frees a run's runtime. QuickJS can leak objects when a run ends in the middle of something (out
 * of memory; interrupted; a script that finished while an endless chain of promise jobs was still
 * queued), and then its free-time leak assertion aborts the whole WebAssembly module. The module
 * is then dropped — the next run loads a fresh one (≈ 30 ms) — and the run's result stands.
 * `quickjsDiscardCount` lets the tests prove that ordinary runs never get here (a handle we did
 * not dispose would).
 */
function freeRuntime(runtime: QuickJSRuntime): void {
  try {
    runtime.dispose()
  } catch {
    discardQuickJS()
  }
}

interface RunSettings {
  limits: SandboxLimits
  seed: number
  startTimeMs: number
  capabilities: Record<string, Capability>
  onIdle: SandboxOptions['onIdle']
  /** Host ms when the run started (the wall-clock backstop counts from here). */
  startedAt: number
}

/** What the run evaluates: the entry's name and every module prepared for it. */
interface RunModules {
  entryName: string
  graph: ModuleGraph
  files: ReadonlyMap<string, string>
}

/** The state of one run; every handle it creates is freed by `close`. */
async function runIn(runtime: QuickJSRuntime, program: RunModules, settings: RunSettings): Promise<SandboxResult> {
  const { limits } = settings
  const lines: ConsoleLine[] = []
  let outputBytes = 0
  let steps = 0
  let syncCalls = 0
  let breach: SandboxError | undefined
  let closed = false
  const { startedAt } = settings
  const { entryName, graph } = program
  const isLearner = (name: string): boolean => graph.modules.get(name)?.kind === 'learner' || name === entryName
  let nowMs = settings.startTimeMs
  const timers = createSimulatedTimers<QuickJSHandle>({ maxTimers: limits.timers })
  // Handles freed only after the current call returns: a timer may clear itself while it runs.
  const graveyard: QuickJSHandle[] = []
  const hostCalls = new Set<Promise<void>>()
  const deferreds = new Set<{ alive: boolean; dispose(): void }>()

  runtime.setMemoryLimit(limits.memoryBytes)
  runtime.setMaxStackSize(limits.stackBytes)
  // The interrupt is uncatchable inside QuickJS, so once a limit is breached the script stops at
  // its next check whatever `try` it is in.
  runtime.setInterruptHandler(() => {
    if (breach) return true
    if (++steps > limits.cpuSteps) breach = limitError('cpu', limits.cpuSteps)
    else if (Date.now() - startedAt > limits.wallMs) breach = limitError('wall', limits.wallMs)
    return breach !== undefined
  })
  // Only what `prepareModuleGraph` prepared is served; the breach makes a refusal stick even if
  // the script catches a failed dynamic import.
  runtime.setModuleLoader(
    (name) => {
      const module = graph.modules.get(name)
      if (module) return module.code
      breach ??= importError(name)
      return { error: new Error(`Cannot import "${name}" in the sandbox`) }
    },
    (base, requested) => {
      // A learner file is reached by a relative path only: a bare `lib/util.ts` would otherwise
      // hit QuickJS's cache of loaded modules without asking the loader.
      if (!isRelative(requested) && isLearner(requested)) {
        breach ??= importError(requested)
        return { error: new Error(`Cannot import "${requested}" in the sandbox`) }
      }
      return resolveSpecifier(base, requested, { isLearner, files: program.files })
    },
  )

  const context = runtime.newContext()
  let wallTimer: ReturnType<typeof setTimeout> | undefined
  let wallPromise: Promise<void> | undefined
  try {
    const toJson = installPrelude()
    try {
      if (graph.usesLibraries) installLibraryPolyfills()
      const evaluated = await evaluate(toJson)
      if (breach) return fail(breach)
      if (evaluated.error) {
        // An out-of-memory error inside a promise job only rejects that job's promise, so the
        // script may stall because of it: name the real cause.
        if (evaluated.error.code === 'sandbox.stalled' && nearMemoryLimit()) return fail(limitError('memory', limits.memoryBytes))
        return fail(evaluated.error)
      }
      return { ok: true, value: evaluated.value, console: lines }
    } finally {
      toJson.dispose()
    }
  } finally {
    closed = true
    if (wallTimer !== undefined) clearTimeout(wallTimer)
    for (const timer of timers.all()) timer.payload.dispose()
    for (const handle of graveyard) handle.dispose()
    for (const deferred of deferreds) if (deferred.alive) deferred.dispose()
    context.dispose()
  }

  function fail(error: SandboxError): SandboxResult {
    return { ok: false, error, console: lines }
  }

  function installPrelude(): QuickJSHandle {
    const emit = context.newFunction('emit', (levelHandle, textHandle) => {
      const level = context.getString(levelHandle)
      const text = context.getString(textHandle)
      if (breach) return
      outputBytes += utf8Length(text) + 1
      if (outputBytes > limits.outputBytes) {
        breach = limitError('output', limits.outputBytes)
        return
      }
      lines.push({ level: CONSOLE_LEVELS.has(level) ? (level as ConsoleLine['level']) : 'log', text })
    })
    const now = context.newFunction('now', () => context.newNumber(nowMs))
    const setTimer = context.newFunction('setTimer', (repeatHandle, callback, msHandle) => {
      const repeat = context.dump(repeatHandle) === true
      const ms = context.getNumber(msHandle)
      if (timers.size >= limits.timers) {
        breach ??= limitError('timers', limits.timers)
        throw context.newError({ name: 'RangeError', message: 'Too many timers' })
      }
      const payload = callback.dup()
      const timer = timers.add({ at: nowMs, delayMs: ms, intervalMs: repeat ? ms : undefined, payload })
      if (!timer) throw new Error('unreachable: the timer table is full') // checked just above
      return context.newNumber(timer.id)
    })
    const clearTimer = context.newFunction('clearTimer', (idHandle) => {
      const timer = timers.cancel(context.getNumber(idHandle))
      if (timer) graveyard.push(timer.payload)
    })
    const call = context.newFunction('call', (nameHandle, argsHandle) => callCapability(context.getString(nameHandle), context.getString(argsHandle)))
    const seed = context.newNumber(settings.seed)
    const names = context.newArray()
    Object.keys(settings.capabilities).forEach((name, index) => {
      const nameHandle = context.newString(name)
      context.setProp(names, index, nameHandle)
      nameHandle.dispose()
    })
    const args = [emit, now, setTimer, clearTimer, call, seed, names]
    try {
      const factory = context.evalCode(isolatePrelude, 'prelude.js', { type: 'global', strict: true }).unwrap()
      try {
        return context.callFunction(factory, context.undefined, args).unwrap()
      } finally {
        factory.dispose()
      }
    } finally {
      for (const handle of args) handle.dispose()
    }
  }

  /** TextEncoder/TextDecoder and a seeded `crypto.getRandomValues`, before any library runs. */
  function installLibraryPolyfills(): void {
    const install = context.evalCode(libraryPolyfills, 'polyfills.js', { type: 'global', strict: true }).unwrap()
    try {
      context.newNumber(settings.seed).consume((seedHandle) => context.callFunction(install, context.undefined, seedHandle).unwrap().dispose())
    } finally {
      install.dispose()
    }
  }

  function callCapability(name: string, argsText: string): QuickJSHandle {
    const capability = Object.hasOwn(settings.capabilities, name) ? settings.capabilities[name] : undefined
    let result: ReturnType<Capability>
    try {
      if (!capability) throw new Error(`No capability "${name}"`)
      result = capability(...(JSON.parse(argsText) as JsonValue[]))
      if (!(result instanceof Promise)) {
        // Host work is invisible to the interrupt counter: a loop of quick host calls (a hash
        // per nonce) pays one step per SYNC_CALLS_PER_STEP calls, so an endless one ends on the
        // CPU limit, deterministically, rather than on the wall clock.
        if (++syncCalls % SYNC_CALLS_PER_STEP === 0 && ++steps > limits.cpuSteps) breach ??= limitError('cpu', limits.cpuSteps)
        return context.newString(toJsonText(result))
      }
      // An asynchronous call (a chain request, a simulator run) costs a step of its own.
      if (++steps > limits.cpuSteps) breach ??= limitError('cpu', limits.cpuSteps)
    } catch (error) {
      throw capabilityError(error)
    }
    const deferred = context.newPromise()
    deferreds.add(deferred)
    const settled = result.then(
      (value) => {
        if (closed) return
        let text: string
        try {
          text = toJsonText(value)
        } catch (error) {
          capabilityError(error).consume((handle) => deferred.reject(handle))
          return
        }
        context.newString(text).consume((handle) => deferred.resolve(handle))
      },
      (error: unknown) => {
        if (!closed) capabilityError(error).consume((handle) => deferred.reject(handle))
      },
    ).finally(() => {
      hostCalls.delete(settled)
      deferreds.delete(deferred)
      if (deferred.alive) deferred.dispose()
    })
    hostCalls.add(settled)
    return deferred.handle
  }

  function capabilityError(error: unknown): QuickJSHandle {
    // Only the message, `code` and `data` cross: a host stack would show host paths to the script,
    // and other properties could be host objects.
    const handle = context.newError({ name: 'CapabilityError', message: error instanceof Error ? error.message : String(error) })
    const { code, data } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; data?: unknown }
    if ((typeof code === 'number' && Number.isFinite(code)) || (typeof code === 'string' && code.length <= 200)) {
      const codeHandle = typeof code === 'number' ? context.newNumber(code) : context.newString(code)
      codeHandle.consume((value) => context.setProp(handle, 'code', value))
    }
    let plain: JsonValue | undefined
    try {
      plain = data === undefined ? undefined : fromJsonText(toJsonText(data))
    } catch {
      // data JSON cannot carry (a BigInt, a cycle) stays on the host
    }
    if (plain !== undefined) jsonHandle(plain).consume((value) => context.setProp(handle, 'data', value))
    return handle
  }

  /**
   * A fresh isolate value for plain JSON data. A `__proto__` key is defined, not assigned, so it
   * stays an own property as `JSON.parse` would make it (assigning would set the prototype).
   */
  function jsonHandle(value: JsonValue): QuickJSHandle {
    if (value === null) return context.null
    if (typeof value === 'boolean') return value ? context.true : context.false
    if (typeof value === 'number') return context.newNumber(value)
    if (typeof value === 'string') return context.newString(value)
    const target = Array.isArray(value) ? context.newArray() : context.newObject()
    for (const [key, item] of Object.entries(value)) {
      jsonHandle(item).consume((itemHandle) => {
        if (key === '__proto__') context.defineProp(target, key, { value: itemHandle, configurable: true, enumerable: true })
        else context.setProp(target, key, itemHandle)
      })
    }
    return target
  }

  /** Evaluates the module, then its default export; returns the value or the error. */
  async function evaluate(toJson: QuickJSHandle): Promise<{ value: JsonValue | undefined; error?: undefined } | { error: SandboxError }> {
    const entry = graph.modules.get(entryName)
    const evaluated = context.evalCode(entry?.code ?? '', entryName, { type: 'module', strict: true })
    if (evaluated.error) return { error: evaluated.error.consume(describeError) }
    const namespace = await settle(evaluated.value)
    if ('error' in namespace) return namespace
    const exported = namespace.handle.consume((handle) => context.getProp(handle, 'default'))
    const settledDefault = await settle(exported)
    if ('error' in settledDefault) return settledDefault
    const text = settledDefault.handle.consume((handle) => context.callFunction(toJson, context.undefined, handle))
    if (breach) {
      text.dispose()
      return { error: breach }
    }
    if (text.error) {
      const detail = text.error.consume((handle) => String(errorParts(handle).message))
      return { error: resultError(detail) }
    }
    return { value: fromJsonText(text.value.consume((handle) => context.getString(handle))) }
  }

  /** Drives the isolate until `handle` (consumed) is no longer a pending promise. */
  async function settle(handle: QuickJSHandle): Promise<{ handle: QuickJSHandle } | { error: SandboxError }> {
    try {
      for (;;) {
        if (breach) return { error: breach }
        const jobs = runtime.executePendingJobs()
        if (jobs.error) return { error: jobs.error.consume(describeError) }
        jobs.dispose()
        if (breach) return { error: breach }
        const state = context.getPromiseState(handle)
        if (state.type === 'fulfilled') {
          // A non-promise comes back as itself (notAPromise): hand back an owned copy either way.
          return { handle: state.notAPromise ? handle.dup() : state.value }
        }
        if (state.type === 'rejected') return { error: state.error.consume(describeError) }
        if (Date.now() - startedAt > limits.wallMs) return { error: (breach = limitError('wall', limits.wallMs)) }
        if (hostCalls.size > 0) {
          await Promise.race([...hostCalls, wallExpired()])
          continue
        }
        const next = timers.next()
        // Raced against the backstop: a host hook that never answers must not hang the run.
        if (settings.onIdle && (await Promise.race([settings.onIdle({ nowMs, nextTimerMs: next?.due }), wallExpired().then(() => true)]))) continue
        if (!next) return { error: stalledError() }
        const thrown = fire(next.id)
        if (thrown) return { error: breach ?? thrown }
      }
    } finally {
      handle.dispose()
    }
  }

  /** Moves the clock to timer `id` and runs its callback; returns the error if it threw. */
  function fire(id: number): SandboxError | undefined {
    const timer = timers.next()
    if (!timer || timer.id !== id) return undefined
    // A timer callback may be too short for QuickJS to call the interrupt handler, so each firing
    // counts one step too: `setInterval(() => {}, 1)` over a never-settling promise hits the CPU
    // limit deterministically rather than the wall clock.
    if (++steps > limits.cpuSteps) return (breach = limitError('cpu', limits.cpuSteps))
    nowMs = Math.max(nowMs, timer.due)
    if (timer.intervalMs === undefined) {
      timers.cancel(id)
      graveyard.push(timer.payload)
    } else timers.rearm(timer, nowMs)
    const result = context.callFunction(timer.payload, context.undefined)
    while (graveyard.length > 0) graveyard.pop()?.dispose()
    // An uncaught error in a timer ends the run, as it ends a Node process.
    if (result.error) return result.error.consume(describeError)
    result.dispose()
    return undefined
  }

  /** Resolves when the wall-clock backstop expires (one host timer per run). */
  function wallExpired(): Promise<void> {
    wallPromise ??= new Promise<void>((resolve) => {
      wallTimer = setTimeout(resolve, Math.max(0, limits.wallMs - (Date.now() - startedAt)) + 1)
    })
    return wallPromise
  }

  /** Names the limit an error comes from, or turns the learner's error into `sandbox.script-error`. */
  function describeError(handle: QuickJSHandle): SandboxError {
    if (breach) return breach
    // Reading the error allocates: lift the heap limit, the script is over anyway.
    runtime.setMemoryLimit(-1)
    // When QuickJS cannot even allocate the "out of memory" error, it throws null.
    const thrownNothing = context.typeof(handle) === 'object' && context.dump(handle) === null
    const { name, message, stack, lineNumber, fileName } = errorParts(handle)
    if ((name === 'InternalError' && message === 'out of memory') || (thrownNothing && nearMemoryLimit())) {
      return (breach = limitError('memory', limits.memoryBytes))
    }
    if ((name === 'InternalError' && message === 'stack overflow') || (name === 'RangeError' && /call stack size/i.test(message))) return (breach = limitError('stack', limits.stackBytes))
    const at = learnerPosition(stack) ?? (lineNumber === undefined ? undefined : learnerPosition(`at ${fileName ?? entryName}:${lineNumber}`))
    return scriptError(name, message, at?.line, at?.column, at?.file)
  }

  /**
   * The first stack frame inside a learner file, mapped back through the transpile map (frames in
   * host modules and libraries are skipped: the learner's line is the useful one).
   */
  function learnerPosition(stack: string): { file: string; line: number; column: number | undefined } | undefined {
    for (const frame of stack.matchAll(STACK_FRAME)) {
      const file = frame[1]
      if (file === undefined || !isLearner(file)) continue
      const { line, column } = originalPosition(graph.modules.get(file)?.map, Number(frame[2]), frame[3] === undefined ? undefined : Number(frame[3]))
      return { file, line, column }
    }
    return undefined
  }

  /**
   * The heap is within 5 % of its limit. Read from the text dump: in this build (no
   * `malloc_usable_size`) `computeMemoryUsage` leaves out `malloc_size`, the dump's
   * "memory allocated" line has it.
   */
  function nearMemoryLimit(): boolean {
    const allocated = /memory allocated\s+\d+\s+(\d+)/.exec(runtime.dumpMemoryUsage())?.[1]
    return allocated !== undefined && Number(allocated) >= limits.memoryBytes * 0.95
  }

  function errorParts(handle: QuickJSHandle): { name: string; message: string; stack: string; lineNumber: number | undefined; fileName: string | undefined } {
    const dumped: unknown = context.dump(handle)
    if (typeof dumped === 'object' && dumped !== null) {
      const record = dumped as Record<string, unknown>
      return {
        name: typeof record.name === 'string' ? record.name : 'Error',
        message: typeof record.message === 'string' ? record.message : safeText(dumped),
        stack: typeof record.stack === 'string' ? record.stack : '',
        lineNumber: typeof record.lineNumber === 'number' ? record.lineNumber : undefined,
        fileName: typeof record.fileName === 'string' ? record.fileName : undefined,
      }
    }
    // `throw 'text'`: not an Error, so no name, stack or position.
    return { name: 'Error', message: String(dumped), stack: '', lineNumber: undefined, fileName: undefined }
  }
}

function safeText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
