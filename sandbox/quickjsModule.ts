/**
 * The QuickJS WebAssembly module, loaded once per process (≈ 30 ms) and shared by every sandbox:
 * isolation comes from a fresh runtime per run, not from a fresh module.
 *
 * The release *sync* variant: host capabilities that return promises are bridged through
 * QuickJS promises and the host loop, so asyncify (bigger, slower) is not needed.
 *
 * @module
 */
import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type CustomizeVariantOptions, type QuickJSWASMModule } from 'quickjs-emscripten'

let loading: Promise<QuickJSWASMModule> | undefined

/**
 * Emscripten writes its own diagnostics (e.g. "Aborted(…)" when QuickJS's leak check fails after
 * a breached limit) to the host console; the sandbox never writes there, so they are dropped.
 * `print`/`printErr` are Emscripten module options the typings leave out; they are passed as is.
 */
const silent = () => {}
const quiet: CustomizeVariantOptions = {
  emscriptenModule: { print: silent, printErr: silent } as NonNullable<CustomizeVariantOptions['emscriptenModule']>,
}

/**
 * @example
 * const quickjs = await loadQuickJS()
 * const runtime = quickjs.newRuntime()
 */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModule(newVariant(RELEASE_SYNC, quiet)).catch((error: unknown) => {
    loading = undefined // let a later call retry rather than caching the failure
    throw error
  })
  return loading
}

let discards = 0

/** Forgets the loaded module (it aborted): the next {@link loadQuickJS} loads a fresh one. */
export function discardQuickJS(): void {
  loading = undefined
  discards++
}

/** How many modules were dropped in this process (tests: ordinary runs must not drop any). */
export function quickjsDiscardCount(): number {
  return discards
}
