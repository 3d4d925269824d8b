/**
 * `playground web [--port 5173] [--host 127.0.0.1] [--json]`: serves the web edition (the built
 * renderer in `dist/web`) on 127.0.0.1 with the product CSP, prints its URL, and runs until
 * Ctrl+C. `--port 0` picks a free port. Only 127.0.0.1 is accepted as a host: the app is for
 * this machine (a classroom server would sit behind its own reverse proxy).
 *
 * @module
 */
import type { Lang, RenderedMessage } from '../../shared/messages.ts'
import { formatMessage } from '../../shared/messages.ts'
import type { ParsedArgs } from '../args.ts'
import { intFlag } from '../args.ts'
import { UsageError } from '../usageError.ts'
import type { WebServer } from '../web/staticServer.ts'
import { WEB_HOST, startWebServer } from '../web/staticServer.ts'
import { defaultWebRoot, isBuilt } from '../web/webRoot.ts'

export const WEB_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const

export const DEFAULT_WEB_PORT = 5173

const TEXT = {
  'usage.web-host': {
    en: 'The web edition listens on 127.0.0.1 only (this computer), not "{got}": leave out --host or use --host 127.0.0.1.',
    ko: '웹 에디션은 127.0.0.1(이 컴퓨터)에서만 열립니다. "{got}"은(는) 쓸 수 없습니다: --host를 빼거나 --host 127.0.0.1을 쓰세요.',
  },
  'web.not-built': {
    en: 'The web edition is not built: {root} has no index.html. Run npm run build (or npm install, which builds it) and try again.',
    ko: '웹 에디션이 빌드되지 않았습니다: {root}에 index.html이 없습니다. npm run build(또는 빌드까지 하는 npm install)를 실행한 뒤 다시 시도하세요.',
  },
  'web.port-in-use': {
    en: 'Port {port} on 127.0.0.1 is already in use. Choose another with --port, or --port 0 for any free port.',
    ko: '127.0.0.1의 {port}번 포트를 이미 쓰고 있습니다. --port로 다른 포트를 고르거나, --port 0으로 빈 포트를 쓰세요.',
  },
} as const

function text(code: keyof typeof TEXT, params: Record<string, string | number>): RenderedMessage {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`))
  return { code, ko: fill(TEXT[code].ko), en: fill(TEXT[code].en) }
}

export const webHelp = {
  ko: `사용법: playground web [--port 5173] [--host 127.0.0.1] [--json]

웹 에디션(브라우저에서 여는 블록체인 놀이터)을 이 컴퓨터에서 엽니다. 빌드된 앱(dist/web)을
127.0.0.1에서 데스크톱 앱과 같은 보안 정책(CSP)으로 제공하고, 주소를 출력합니다.
앱 안의 시뮬레이터를 JSON-RPC(127.0.0.1, 포트 1024–65535)로 열면 이 서버가 요청을 페이지로 중계합니다.

옵션:
  --port N      포트 (기본 5173, 0이면 비어 있는 포트를 골라 출력)
  --host H      127.0.0.1만 허용 (다른 컴퓨터에는 열지 않습니다)
  --json        {"url": …}를 한 줄로 출력
  --lang ko|en  출력 언어

Ctrl+C로 멈춥니다.`,
  en: `Usage: playground web [--port 5173] [--host 127.0.0.1] [--json]

Opens the web edition (Blockchain Playground in your browser) on this computer: serves the built
app (dist/web) on 127.0.0.1 under the same security policy (CSP) as the desktop app, and prints
its address. When the app exposes its simulator as JSON-RPC (127.0.0.1, ports 1024–65535), this
server relays the requests to the page.

Options:
  --port N      port (default 5173; 0 picks a free port and prints it)
  --host H      only 127.0.0.1 is accepted (the app is not opened to other computers)
  --json        print {"url": …} on one line
  --lang ko|en  output language

Stop with Ctrl+C.`,
} as const

export interface WebOptions {
  /** The folder to serve; default `dist/web` in the package. */
  root?: string
  /** Resolves when the server should stop; default: SIGINT or SIGTERM. */
  stopSignal?: Promise<void>
  /** Called once the server listens (tests). */
  onListening?: (server: WebServer) => void
}

/** Runs until Ctrl+C (SIGINT) or SIGTERM; resolves with the exit code. */
export async function runWeb(args: ParsedArgs, lang: Lang, json: boolean, options: WebOptions = {}): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(formatMessage('usage.unexpected-argument', { arg: args.positionals[0]!, command: 'web' }))
  const host = args.flags.get('host')
  if (host !== undefined && host !== WEB_HOST) throw new UsageError(text('usage.web-host', { got: String(host) }))
  const port = intFlag(args, 'port', 0, 65535) ?? DEFAULT_WEB_PORT
  const root = options.root ?? defaultWebRoot()
  if (!isBuilt(root)) {
    const message = text('web.not-built', { root })
    if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`)
    else process.stderr.write(`${message[lang]}\n`)
    return 1
  }

  let server: WebServer
  try {
    server = await startWebServer({ root, port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(text('web.port-in-use', { port }))
    throw error
  }
  // Listen for Ctrl+C before saying the server is up: whoever reads that line may stop it at once.
  const stop =
    options.stopSignal ??
    new Promise<void>((resolve) => {
      const done = () => {
        process.off('SIGINT', done)
        process.off('SIGTERM', done)
        resolve()
      }
      process.on('SIGINT', done)
      process.on('SIGTERM', done)
    })
  options.onListening?.(server)
  if (json) process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
  else {
    const lines =
      lang === 'ko'
        ? ['블록체인 놀이터 웹 에디션', `  브라우저에서 여세요: ${server.url}`, '  Ctrl+C로 멈춥니다.']
        : ['Blockchain Playground web edition', `  Open in your browser: ${server.url}`, '  Stop with Ctrl+C.']
    process.stdout.write(`${lines.join('\n')}\n`)
  }

  await stop
  await server.close()
  return 0
}
