/**
 * The `playground` module a learner's script imports inside the sandbox: the lesson network's
 * EIP-1193 provider (`chain`), a viem chain describing it (`devnet`), the dev accounts, the
 * simulator (`sim`, preset networks only), read-only workspace files and two hash helpers. Each
 * is a thin wrapper over a capability the host installs (`__pg_*`); values cross as JSON with
 * bigints tagged (wireValue.ts).
 *
 * @module
 */
import { WIRE_VALUE_JS } from './wireValue.ts'

export interface PlaygroundModuleOptions {
  accounts: readonly string[]
  chainId: number
  hasSim: boolean
}

/**
 * @example
 * createSandbox({ modules: { playground: playgroundModuleSource({ accounts, chainId: 31337, hasSim: false }) }, capabilities })
 */
export function playgroundModuleSource(options: PlaygroundModuleOptions): string {
  return `${WIRE_VALUE_JS}
const chainRequest = __pg_chain
const simCall = __pg_sim
const readFileCall = __pg_readFile
const sha256Call = __pg_sha256
const keccakCall = __pg_keccak256
export const accounts = Object.freeze(${JSON.stringify(options.accounts)})
export const chain = Object.freeze({
  async request(args) {
    if (args === null || typeof args !== 'object' || typeof args.method !== 'string') throw new TypeError('chain.request({ method, params }): method must be a string')
    return fromWire(await chainRequest(toWire({ method: args.method, params: args.params === undefined ? [] : args.params })))
  },
  on() {},
  removeListener() {},
})
export const devnet = Object.freeze({
  id: ${options.chainId},
  name: 'Playground',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } },
})
export const sim = ${
    options.hasSim
      ? `Object.freeze({
  async apply(command) { return fromWire(await simCall('apply', toWire(command))) },
  async query(query) { return fromWire(await simCall('query', toWire(query))) },
  async runFor(ms) { return fromWire(await simCall('runFor', ms)) },
  async now() { return fromWire(await simCall('now', null)) },
})`
      : 'undefined'
  }
export function readFile(path) {
  if (typeof path !== 'string') throw new TypeError('readFile(path): path must be a string')
  return readFileCall(path)
}
export function sha256(text) {
  if (typeof text !== 'string') throw new TypeError('sha256(text): text must be a string (for bytes use viem\\'s sha256)')
  return sha256Call(text)
}
export function keccak256(text) {
  if (typeof text !== 'string') throw new TypeError('keccak256(text): text must be a string (for bytes use viem\\'s keccak256)')
  return keccakCall(text)
}
`
}
