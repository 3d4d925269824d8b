/**
 * Argument checks of console commands: each names the argument, the expectation, what it got and,
 * where there is a list, the valid choices — in both languages.
 *
 * @module
 */
import type { CommandEnv, ConsoleCommand } from './consoleTypes.ts'
import { ConsoleError, bi } from './consoleTypes.ts'
import type { NetworkInfo } from '../workers/simulatorClient.ts'

/** An integer argument within [min, max]. */
export function intArg(text: string | true | undefined, name: string, min: number, max: number): number {
  const value = typeof text === 'string' && /^-?\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConsoleError(
      bi(
        `${name}에는 ${min}부터 ${max}까지의 정수를 쓰세요. 받은 값: ${text === undefined || text === true ? '(없음)' : JSON.stringify(text)}`,
        `${name} must be an integer from ${min} to ${max}; got ${text === undefined || text === true ? '(nothing)' : JSON.stringify(text)}`,
      ),
    )
  }
  return value
}

/** The running network, or a clear error saying how to start one. */
export function needNetwork(env: CommandEnv): NetworkInfo {
  if (env.state.info === null) {
    throw new ConsoleError(bi('실행 중인 네트워크가 없습니다. 먼저 `preset dev`나 `preset pow-lan`으로 시작하세요.', 'No network is running. Start one first with `preset dev` or `preset pow-lan`.'))
  }
  return env.state.info
}

/** A node number of the running network. */
export function nodeArg(env: CommandEnv, text: string | undefined, name = 'node'): number {
  const info = needNetwork(env)
  return intArg(text, name, 0, info.nodes - 1)
}

/** The usage line as an error, when the argument count is wrong. */
export function usageError(command: ConsoleCommand): ConsoleError {
  return new ConsoleError(bi(`사용법: ${command.usage}  (자세히: help ${command.name})`, `Usage: ${command.usage}  (more: help ${command.name})`))
}

/** Checks the number of positional arguments. */
export function expectArgs(command: ConsoleCommand, args: readonly string[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw usageError(command)
}

/** Flags a command does not know are errors naming the ones it does. */
export function expectFlags(flags: Record<string, unknown>, known: readonly string[]): void {
  for (const name of Object.keys(flags)) {
    if (!known.includes(name)) {
      const list = known.length === 0 ? '(없음)' : known.map((k) => `--${k}`).join(', ')
      const listEn = known.length === 0 ? '(none)' : known.map((k) => `--${k}`).join(', ')
      throw new ConsoleError(bi(`알 수 없는 옵션 --${name}. 쓸 수 있는 옵션: ${list}`, `Unknown option --${name}. Valid options: ${listEn}`))
    }
  }
}
