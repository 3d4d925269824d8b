/**
 * The `playground` command: parses the command line, runs a command, prints errors as one line in
 * the user's language (or `{error: {code, ko, en}}` with --json), and returns the exit code:
 * 0 success, 1 failed run, 2 bad usage.
 *
 * @module
 */
import { CommandRejectedError, InvalidFieldError } from '../../runtime/errors/input.ts'
import type { Lang, RenderedMessage } from '../shared/messages.ts'
import { LANGS, formatMessage } from '../shared/messages.ts'
import type { FlagSpec } from './args.ts'
import { parseArgs } from './args.ts'
import type { ParsedArgs } from './args.ts'
import { benchHelp, compileHelp, courseHelp, experimentHelp, lessonHelp, mainHelp, rpcHelp, simHelp } from './help.ts'
import { detectLang } from './locale.ts'
import { UsageError } from './usageError.ts'

const COMMANDS = ['sim', 'experiment', 'compile', 'rpc', 'lesson', 'course', 'progress', 'web', 'bench', 'help'] as const

interface CommandModule {
  flags: Readonly<Record<string, FlagSpec>>
  run: (args: ParsedArgs, lang: Lang, json: boolean) => number | Promise<number>
}

/**
 * Each command loads its own modules when it runs: `sim` need not load the EVM, solc or the
 * JSON-RPC server (tens of MB of memory and half a second of start-up it would never use).
 */
const LOAD: Record<Exclude<(typeof COMMANDS)[number], 'help'>, () => Promise<CommandModule>> = {
  sim: async () => {
    const m = await import('./commands/sim.ts')
    return { flags: m.SIM_FLAGS, run: m.runSim }
  },
  experiment: async () => {
    const m = await import('./commands/experiment.ts')
    return { flags: m.EXPERIMENT_FLAGS, run: m.runExperiment }
  },
  compile: async () => {
    const m = await import('./commands/compile.ts')
    return { flags: m.COMPILE_FLAGS, run: m.runCompile }
  },
  rpc: async () => {
    const m = await import('./commands/rpc.ts')
    return { flags: m.RPC_FLAGS, run: m.runRpc }
  },
  lesson: async () => {
    const m = await import('./commands/lesson.ts')
    return { flags: m.LESSON_FLAGS, run: m.runLesson }
  },
  course: async () => {
    const m = await import('./commands/course.ts')
    return { flags: m.COURSE_FLAGS, run: m.runCourse }
  },
  progress: async () => {
    const m = await import('./commands/progress.ts')
    return { flags: m.PROGRESS_FLAGS, run: m.runProgress }
  },
  web: async () => {
    const m = await import('./commands/web.ts')
    return { flags: m.WEB_FLAGS, run: m.runWeb }
  },
  bench: async () => {
    const m = await import('./commands/bench.ts')
    return { flags: m.BENCH_FLAGS, run: m.runBench }
  },
}
/** Commands of later steps: known names, answered with a clear "not yet" (exit 1). */
const LATER = {
  start: { en: 'desktop app', ko: '데스크톱 앱' },
  demo: { en: 'demo zone', ko: '데모 존' },
} as const

/**
 * Takes the common `--lang` option out before anything else, so even usage errors speak the
 * user's language; `--json` stays in the arguments (each command accepts it) but is noted here.
 */
function commonOptions(argv: readonly string[]): { lang: Lang; json: boolean; badLang?: string; rest: string[] } {
  const rest: string[] = []
  let lang: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--lang') lang = argv[++i] ?? ''
    else if (a.startsWith('--lang=')) lang = a.slice(7)
    else rest.push(a)
  }
  const json = rest.includes('--json')
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) return { lang: detectLang(), json, badLang: lang, rest }
  return { lang: (lang as Lang | undefined) ?? detectLang(), json, rest }
}

function printError(message: RenderedMessage, lang: Lang, json: boolean, extra: Record<string, unknown> = {}): void {
  if (json) process.stdout.write(`${JSON.stringify({ error: { ...message, ...extra } })}\n`)
  else process.stderr.write(`${lang === 'ko' ? message.ko : message.en}\n`)
}

export async function main(argv: readonly string[]): Promise<number> {
  const { lang, json, badLang, rest: args0 } = commonOptions(argv)
  try {
    if (badLang !== undefined) {
      throw new UsageError(formatMessage('usage.bad-choice', { flag: 'lang', got: badLang, choices: LANGS.join(', ') }))
    }
    const commandIndex = args0.findIndex((a) => !a.startsWith('-'))
    const command = commandIndex < 0 ? undefined : args0[commandIndex]!
    const rest = args0.filter((_, i) => i !== commandIndex)
    if (command === undefined && rest.some((a) => a !== '--help' && a !== '-h' && a !== '--json')) {
      throw new UsageError(formatMessage('usage.unknown-command', { command: rest[0]!, choices: COMMANDS.join(', ') }))
    }
    if (command === undefined || command === 'help') {
      process.stdout.write(`${mainHelp(lang)}\n`)
      return 0
    }
    if (command in LATER) {
      const what = LATER[command as keyof typeof LATER]
      printError(formatMessage('app.not-yet', { what: what.en, whatKo: what.ko }), lang, json)
      return 1
    }
    if (!(COMMANDS as readonly string[]).includes(command)) {
      throw new UsageError(formatMessage('usage.unknown-command', { command, choices: COMMANDS.join(', ') }))
    }
    const loaded = await LOAD[command as keyof typeof LOAD]()
    const args = parseArgs([...rest, '--lang', lang], command, loaded.flags)
    if (args.flags.has('help')) {
      const help =
        command === 'sim'
          ? simHelp(lang)
          : command === 'experiment'
            ? experimentHelp(lang)
            : command === 'compile'
              ? compileHelp(lang)
              : command === 'rpc'
                ? rpcHelp(lang)
                : command === 'lesson'
                  ? lessonHelp(lang)
                  : command === 'course'
                    ? courseHelp(lang)
                    : command === 'progress'
                      ? (await import('./commands/progress.ts')).progressHelp[lang]
                      : command === 'web'
                        ? (await import('./commands/web.ts')).webHelp[lang]
                        : benchHelp(lang)
      process.stdout.write(`${help}\n`)
      return 0
    }
    return await loaded.run(args, lang, json)
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.rendered, lang, json)
      return 2
    }
    if (error instanceof InvalidFieldError) {
      printError({ code: error.code, en: error.shortMessage + (error.choices ? ` Valid choices: ${error.choices.join(', ')}.` : ''), ko: error.messageKo }, lang, json, {
        field: error.field,
        ...(error.choices ? { choices: error.choices } : {}),
      })
      return 2
    }
    if (error instanceof CommandRejectedError) {
      printError({ code: error.code, en: error.shortMessage, ko: error.messageKo }, lang, json)
      return 1
    }
    const details = error instanceof Error ? (error.stack ?? error.message) : String(error)
    printError(formatMessage('error.internal', { details }), lang, json)
    return 1
  }
}
