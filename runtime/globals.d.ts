/**
 * The ambient globals runtime/ may use, and nothing more. runtime/ compiles with `lib: ES2022`
 * and `types: []`, so `window`, `document`, `process`, `Buffer` and the timer functions are
 * compile errors here; this file names the few host globals every target (Node, browser
 * worker, QuickJS host) provides identically. Wall clock and timers are deliberately absent:
 * simulated time is the only time in runtime/.
 */

interface Console {
  log(...data: unknown[]): void
  warn(...data: unknown[]): void
  error(...data: unknown[]): void
}
declare var console: Console

interface TextEncoder {
  encode(input?: string): Uint8Array
}
declare var TextEncoder: { new (): TextEncoder }

interface TextDecoder {
  decode(input?: Uint8Array): string
}
declare var TextDecoder: { new (label?: string): TextDecoder }

declare function queueMicrotask(callback: () => void): void

declare namespace WebAssembly {
  interface Module {}
  interface Instance {
    readonly exports: Record<string, unknown>
  }
  function instantiate(
    bytes: Uint8Array,
    imports?: Record<string, Record<string, unknown>>,
  ): Promise<{ module: Module; instance: Instance }>
}
