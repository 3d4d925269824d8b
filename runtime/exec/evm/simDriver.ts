/**
 * Drives a simulated network that runs the EVM: applies queued commands between events, settles
 * block executions after each event that produced one, and tells the node views what changed.
 * Whoever owns time (the CLI at wall-clock pace, a test, the app's worker) calls `advanceTo`.
 *
 * @module
 */
import type { Command, RecordedInput } from '../../sim/commands.ts'
import type { Network } from '../../sim/network.ts'
import type { SimExecution } from './simExecution.ts'

export interface SimDriver {
  /** Queues a command for the current simulated time (applied at the next advance). */
  enqueue(command: Command): void
  /** Processes every event up to simulated time `tUs`, settling executions as it goes. */
  advanceTo(tUs: number): Promise<void>
  /** Advances until `done()` holds or `limitUs` of simulated time passed; true when done. */
  advanceUntil(done: () => boolean, limitUs: number, stepUs?: number): Promise<boolean>
  /**
   * Rebuilds a saved run: applies each recorded input after the same number of events and at the
   * same time as before (settling executions on the way), then runs on to `untilUs` — the same
   * trace, event for event, and so the same chain (see `replayNetwork`).
   */
  replay(inputs: readonly RecordedInput[], untilUs: number): Promise<void>
  /** Called after every advance (the node views refresh their canonical chains). */
  onAdvance(listener: () => void): () => void
  readonly net: Network
}

/**
 * @example
 * const driver = createSimDriver(net, execution)
 * driver.enqueue({ type: 'submit-tx', node: 0, raw })
 * await driver.advanceTo(net.now + 5_000_000)
 */
export function createSimDriver(net: Network, execution: SimExecution): SimDriver {
  const queued: Command[] = []
  const listeners = new Set<() => void>()
  let running: Promise<void> = Promise.resolve()

  const advance = async (tUs: number): Promise<void> => {
    await execution.settle()
    while (queued.length > 0) {
      net.apply(queued.shift()!)
      if (execution.pending() > 0) await execution.settle()
    }
    for (let next = net.nextEventTime(); next !== undefined && next <= tUs; next = net.nextEventTime()) {
      net.step()
      if (execution.pending() > 0) await execution.settle()
    }
    if (tUs > net.now) net.runUntil(tUs)
    for (const listener of [...listeners]) listener()
  }

  const driver: SimDriver = {
    net,
    enqueue(command) {
      queued.push(command)
    },
    advanceTo(tUs) {
      // One advance at a time: a timer tick must not interleave with a test's await.
      const run = running.then(() => advance(tUs))
      running = run.catch(() => undefined)
      return run
    },
    async replay(inputs, untilUs) {
      await running
      await execution.settle()
      for (const input of inputs) {
        if (!Number.isInteger(input.afterEvents) || input.afterEvents < net.events) {
          throw new RangeError(`recorded input at ${input.atUs} µs does not follow the previous one (events ${input.afterEvents} < ${net.events})`)
        }
        while (net.events < input.afterEvents && net.step()) if (execution.pending() > 0) await execution.settle()
        if (net.now < input.atUs) net.runUntil(input.atUs)
        const command = input.command.atUs !== undefined && input.command.atUs > input.atUs ? input.command : { ...input.command, atUs: undefined }
        net.apply(command)
        if (execution.pending() > 0) await execution.settle()
      }
      await driver.advanceTo(untilUs)
    },
    async advanceUntil(done, limitUs, stepUs = 100_000) {
      const end = net.now + limitUs
      while (!done()) {
        if (net.now >= end) return false
        await driver.advanceTo(Math.min(end, net.now + stepUs))
      }
      return true
    },
    onAdvance(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return driver
}
