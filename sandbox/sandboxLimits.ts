/**
 * The limits of one sandbox run. CPU is counted in interrupt-handler calls, not milliseconds, so
 * a script that breaches it does so at the same point on every machine and in every test run; the
 * wall-clock limit is only a backstop for time spent in host capabilities.
 *
 * @module
 */
import { InvalidFieldError } from '../runtime/errors/input.ts'

export interface SandboxLimits {
  /**
   * Interrupt-handler calls before the run stops (`sandbox.cpu`). QuickJS calls the handler as
   * the script runs bytecode (loops, calls): the default is ≈ 1.5–6 s of tight loops on this
   * machine (≈ 8e7 iterations of `for (let i…) s += i`). Time spent inside built-ins (a huge
   * `JSON.stringify`) counts few steps: that is what `wallMs` is for. Each timer callback the
   * host fires counts one step as well.
   */
  cpuSteps: number
  /** Real milliseconds before the run stops (`sandbox.wall`): a backstop, not the budget. */
  wallMs: number
  /** QuickJS runtime heap limit (`sandbox.memory`). */
  memoryBytes: number
  /**
   * QuickJS maximum stack size (`sandbox.stack`). The default, 256 KiB (≈ 1,300 frames of plain
   * recursion), stays below what Node's own thread stack can hold of QuickJS's frames: at 512 KiB
   * the host stack overflows first, inside the wasm, and the module has to be dropped.
   */
  stackBytes: number
  /** Captured console output, UTF-8 bytes (`sandbox.output`). */
  outputBytes: number
  /** Timers alive at once (`sandbox.timers`). */
  timers: number
  /**
   * UTF-8 bytes of the learner's sources a run compiles: the entry and every workspace file it
   * imports (`sandbox.source`). QuickJS compiles a module in one uninterruptible call, and some
   * shapes take quadratic time (200,000 top-level constants: ≈ 20 s), so size is checked before
   * compiling; the default, 1 MiB, is far above any lesson script and compiles in under a second.
   * Host modules and libraries do not count.
   */
  sourceBytes: number
}

/**
 * @example
 * createSandbox({ limits: { cpuSteps: 100 } }) // the other limits keep these defaults
 */
export const defaultSandboxLimits: Readonly<SandboxLimits> = Object.freeze({
  cpuSteps: 10_000,
  wallMs: 10_000,
  memoryBytes: 64 * 1024 * 1024,
  stackBytes: 256 * 1024,
  outputBytes: 1024 * 1024,
  timers: 1_000,
  sourceBytes: 1024 * 1024,
})

/** Fills in the defaults and refuses values that would disable a limit. */
export function resolveSandboxLimits(limits: Partial<SandboxLimits> = {}): SandboxLimits {
  const resolved = { ...defaultSandboxLimits, ...limits }
  for (const key of Object.keys(defaultSandboxLimits) as (keyof SandboxLimits)[]) {
    const value = resolved[key]
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new InvalidFieldError({
        field: `limits.${key}`,
        expected: { en: 'an integer ≥ 1', ko: '1 이상의 정수' },
        got: value,
      })
    }
  }
  return resolved
}
