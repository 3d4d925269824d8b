/**
 * One console session: reads a line, runs the command it names (or, in `js` mode, evaluates it in
 * the worker's REPL), writes the output in the app's current language. Terminal-agnostic: the
 * xterm panel feeds it lines and draws what it prints; tests do the same with plain arrays.
 *
 * @module
 */
import { ansi } from './consoleFormat.ts'
import { contractCommands } from './contractCommands.ts'
import type { Bi, CommandEnv, ConsoleCommand, ConsoleContext, ConsoleState } from './consoleTypes.ts'
import { ConsoleError, bi } from './consoleTypes.ts'
import { networkCommands } from './networkCommands.ts'
import { rpcCommand } from './rpcCommand.ts'
import { LineSyntaxError, parseLine } from './parseLine.ts'
import { SimulatorError } from '../workers/simulatorClient.ts'

export interface ConsoleSession {
  /** Runs one line to the end (output written through the context). */
  run(line: string): Promise<void>
  /** The prompt for the next line (`pow-lan:0> `, `js> `). */
  prompt(): string
  readonly state: ConsoleState
  readonly commands: readonly ConsoleCommand[]
  /** The greeting printed when the panel opens. */
  welcome(): string[]
}

const helpCommand: ConsoleCommand = {
  name: 'help',
  usage: 'help [command]',
  help: bi('명령 목록, 또는 한 명령의 자세한 설명과 예.', 'The list of commands, or one command in detail with examples.'),
  async run() {
    // Filled in by the session (it knows the whole table).
  },
}

const historyCommand: ConsoleCommand = {
  name: 'history',
  usage: 'history',
  help: bi('이번 세션에 입력한 줄. 위/아래 화살표로도 다시 불러옵니다.', 'The lines entered this session; arrow up/down recall them too.'),
  async run({ args }, env) {
    if (args.length > 0) throw new ConsoleError(bi('사용법: history', 'Usage: history'))
    const entries = env.history.entries()
    if (entries.length === 0) env.out.line(env.say(bi('기록이 없습니다.', 'No history yet.')))
    entries.forEach((line, i) => env.out.line(`${ansi.dim(String(i + 1).padStart(4))}  ${line}`))
  },
}

const clearCommand: ConsoleCommand = {
  name: 'clear',
  usage: 'clear',
  help: bi('화면을 지웁니다.', 'Clears the screen.'),
  async run(_line, env) {
    env.out.clear()
  },
}

const jsCommand: ConsoleCommand = {
  name: 'js',
  usage: 'js',
  help: bi(
    '자바스크립트 REPL로 들어갑니다(샌드박스 안, 진짜 viem). client(선택한 노드의 viem 클라이언트), accounts, viem을 쓸 수 있고 await를 바로 씁니다. 데이터 변수는 다음 줄에도 남습니다. .exit로 나옵니다.',
    'Enters the JavaScript REPL (in the sandbox, real viem): client (a viem client on the selected node), accounts and viem are there, and await works at the top level. Data variables are kept for the next line. Leave with .exit.',
  ),
  examples: ['js', 'await client.getBlockNumber()', 'await client.getBalance({ address: accounts[0] })'],
  async run({ args }, env) {
    if (args.length > 0) throw new ConsoleError(bi('사용법: js (그다음 줄마다 자바스크립트)', 'Usage: js (then JavaScript, one line at a time)'))
    env.state.mode = 'js'
    env.out.line(
      env.say(
        bi(
          'JavaScript REPL — client, accounts, viem, parseEther, formatEther … 를 쓸 수 있습니다. .exit 나가기 · .reset 변수 지우기 · .help',
          'JavaScript REPL — client, accounts, viem, parseEther, formatEther … are defined. .exit leaves · .reset forgets variables · .help',
        ),
      ),
    )
  },
}

/** Edit distance with adjacent swaps (Damerau–Levenshtein, optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

/** Command names close to a mistyped one (one edit or swap away, or starting with it). */
function suggestions(name: string, commands: readonly ConsoleCommand[]): string[] {
  return commands.map((c) => c.name).filter((c) => distance(c, name) <= 1 || (name.length >= 2 && c.startsWith(name)))
}

/**
 * @example
 * const session = createConsoleSession({ sim, lang: () => store.lang, files, compile, out, history })
 * await session.run('preset pow-lan --seed 7')
 * await session.run('nodes')
 */
export function createConsoleSession(context: ConsoleContext): ConsoleSession {
  const commands: ConsoleCommand[] = [helpCommand, ...networkCommands, ...contractCommands, rpcCommand, jsCommand, historyCommand, clearCommand]
  const byName = new Map(commands.map((c) => [c.name, c]))
  const state: ConsoleState = { node: 0, info: null, contracts: new Map(), mode: 'command' }
  const say = (text: Bi) => text[context.lang()]
  const env: CommandEnv = { ...context, state, say }

  function printHelp(name: string | undefined): void {
    if (name === undefined) {
      env.out.line(ansi.bold(say(bi('명령 (help <명령>으로 자세히):', 'Commands (help <command> for details):'))))
      const width = Math.max(...commands.map((c) => c.usage.length))
      for (const c of commands) env.out.line(`  ${ansi.cyan(c.usage.padEnd(width))}  ${say(c.help).split(/(?<=[.。])\s/)[0]}`)
      return
    }
    const command = byName.get(name.toLowerCase())
    if (command === undefined) throw unknownCommand(name)
    env.out.line(ansi.cyan(command.usage))
    env.out.line(`  ${say(command.help)}`)
    if (command.examples !== undefined) {
      env.out.line(say(bi('  예:', '  Examples:')))
      for (const e of command.examples) env.out.line(`    ${e}`)
    }
  }

  function unknownCommand(name: string): ConsoleError {
    const near = suggestions(name, commands)
    const list = commands.map((c) => c.name).join(', ')
    return new ConsoleError(
      bi(
        `"${name}"이라는 명령은 없습니다.${near.length > 0 ? ` 혹시: ${near.join(', ')}?` : ''} 명령: ${list} (help로 설명 보기)`,
        `Unknown command "${name}".${near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ''} Commands: ${list} (help explains them)`,
      ),
    )
  }

  function printError(error: unknown): void {
    if (error instanceof ConsoleError) env.out.error(say(error.text))
    else if (error instanceof SimulatorError) env.out.error(context.lang() === 'ko' ? error.ko : error.en)
    else if (error instanceof LineSyntaxError) env.out.error(say(bi(`따옴표가 닫히지 않았습니다(${error.column}번째 글자에서 열림).`, `Unclosed quote (opened at column ${error.column}).`)))
    else env.out.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
  }

  async function runJs(line: string): Promise<void> {
    const trimmed = line.trim()
    if (trimmed === '') return
    if (trimmed === '.exit') {
      state.mode = 'command'
      env.out.line(say(bi('REPL에서 나왔습니다.', 'Left the REPL.')))
      return
    }
    if (trimmed === '.reset') {
      await context.sim.jsReset()
      env.out.line(say(bi('변수를 지웠습니다.', 'Variables forgotten.')))
      return
    }
    if (trimmed === '.help') {
      env.out.line(say(jsCommand.help))
      return
    }
    if (state.info === null) throw new ConsoleError(bi('실행 중인 네트워크가 없습니다. .exit로 나가서 `preset dev`로 시작하세요.', 'No network is running. Leave with .exit and start one with `preset dev`.'))
    const result = await context.sim.js(line, state.node)
    for (const c of result.console) (c.level === 'error' ? env.out.error : env.out.line)(c.text)
    if (!result.ok) {
      env.out.error(result.error === undefined ? 'error' : say(result.error))
      return
    }
    env.out.line(result.text === 'undefined' ? ansi.dim(result.text) : result.text)
    if (result.notKept !== undefined) {
      env.out.line(ansi.dim(say(bi(`(${result.notKept.join(', ')}: 함수, 클래스 인스턴스, 1 MB가 넘는 값은 다음 줄로 넘어가지 않습니다)`, `(${result.notKept.join(', ')}: functions, class instances and values over 1 MB are not kept for the next line)`))))
    }
  }

  return {
    state,
    commands,
    prompt: () => (state.mode === 'js' ? 'js> ' : state.info === null ? 'playground> ' : `${state.info.preset}:${state.node}> `),
    welcome: () => [
      ansi.bold(say(bi('블록체인 놀이터 콘솔', 'Blockchain Playground console'))),
      say(bi('`help`로 명령을 보고, `preset dev`나 `preset pow-lan`으로 네트워크를 시작하세요.', 'Type `help` for the commands; start a network with `preset dev` or `preset pow-lan`.')),
    ],
    async run(line) {
      context.history.push(line)
      try {
        if (state.mode === 'js') {
          await runJs(line)
          return
        }
        const parsed = parseLine(line)
        if (parsed.name === '') return
        if (parsed.name === 'help') {
          if (parsed.args.length > 1) throw new ConsoleError(bi('사용법: help [명령]', 'Usage: help [command]'))
          printHelp(parsed.args[0])
          return
        }
        const command = byName.get(parsed.name)
        if (command === undefined) throw unknownCommand(parsed.name)
        await command.run(parsed, env)
      } catch (error) {
        printError(error)
      }
    },
  }
}
