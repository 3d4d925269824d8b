/**
 * `rpc [port]` / `rpc stop`: opens JSON-RPC on 127.0.0.1 for the selected node of the network
 * running in the app, so MetaMask, viem, ethers or a Hardhat script outside the app can use it
 * (the host relays: the `playground web` server over a WebSocket, or Electron's main over IPC).
 * Requests go to whichever node is selected when they arrive (`node <n>` switches).
 *
 * @module
 */
import { expectArgs, expectFlags, intArg, needNetwork } from './commandArgs.ts'
import type { ConsoleCommand } from './consoleTypes.ts'
import { ConsoleError, bi } from './consoleTypes.ts'
import type { NodeProvider } from '../workers/simulatorClient.ts'

type RequestArguments = Parameters<NodeProvider['request']>[0]

const DEFAULT_PORT = 8545

export const rpcCommand: ConsoleCommand = {
  name: 'rpc',
  usage: 'rpc [port] | rpc stop',
  help: bi(
    `선택한 노드의 JSON-RPC를 127.0.0.1:포트(기본 ${DEFAULT_PORT})에 엽니다. MetaMask, viem, ethers, Hardhat을 이 주소에 연결하세요. rpc stop으로 닫습니다.`,
    `Opens the selected node's JSON-RPC on 127.0.0.1:port (default ${DEFAULT_PORT}). Point MetaMask, viem, ethers or Hardhat at that address. rpc stop closes it.`,
  ),
  examples: ['rpc', 'rpc 8546', 'rpc stop'],
  async run({ args, flags }, env) {
    expectArgs(this, args, 0, 1)
    expectFlags(flags, [])
    if (args[0] === 'stop') {
      const open = env.state.exposure
      if (!open) {
        env.out.line(env.say(bi('열려 있는 JSON-RPC 포트가 없습니다.', 'No JSON-RPC port is open.')))
        return
      }
      env.state.exposure = undefined
      await open.close()
      env.out.line(env.say(bi(`${open.url}을(를) 닫았습니다.`, `Closed ${open.url}.`)))
      return
    }
    if (!env.exposeRpc) {
      throw new ConsoleError(bi('이 화면에서는 JSON-RPC 포트를 열 수 없습니다.', 'This screen cannot open a JSON-RPC port.'))
    }
    needNetwork(env)
    const port = args[0] === undefined ? DEFAULT_PORT : intArg(args[0], 'port', 1024, 65535)
    if (env.state.exposure) {
      throw new ConsoleError(bi(`이미 ${env.state.exposure.url}이(가) 열려 있습니다. 먼저 rpc stop으로 닫으세요.`, `${env.state.exposure.url} is already open. Close it first with rpc stop.`))
    }
    // Each request goes to the node selected at that moment, so `node <n>` redirects clients.
    const provider = { request: (request: RequestArguments) => env.sim.provider(env.state.node).request(request) }
    const exposure = await env.exposeRpc({ port, provider })
    env.state.exposure = { url: exposure.url, port, close: () => exposure.close() }
    env.out.line(env.say(bi(`JSON-RPC: ${exposure.url} (노드 ${env.state.node}). 예: cast block-number --rpc-url ${exposure.url}`, `JSON-RPC: ${exposure.url} (node ${env.state.node}). e.g. cast block-number --rpc-url ${exposure.url}`)))
  },
}
